// Random line edits of real values files, for the tests that hold a fast path to the parser's results.
import fc from 'fast-check';

export interface LineEdit {
  file: number;
  line: number;
  at: number;
  op: number;
  insert: string;
}

/** An edit of one of `files` files: delete or insert a character, indent, dedent, duplicate or drop a line, append. */
export function lineEdit(files: number, inserts: string[]): fc.Arbitrary<LineEdit> {
  return fc.record({ file: fc.nat(files - 1), line: fc.nat(), at: fc.nat(), op: fc.integer({ min: 0, max: 7 }), insert: fc.constantFrom(...inserts) });
}

/** `text` with `edits` applied in order. */
export function applyEdits(text: string, edits: LineEdit[]): string {
  for (const e of edits) {
    const lines = text.split('\n');
    const i = e.line % lines.length;
    const line = lines[i]!;
    const p = e.at % (line.length + 1);
    if (e.op === 0) lines[i] = line.slice(0, p) + line.slice(p + 1);
    else if (e.op === 1) lines[i] = line.slice(0, p) + e.insert + line.slice(p);
    else if (e.op === 2) lines[i] = ' ' + line;
    else if (e.op === 3) lines[i] = line.replace(/^ /, '');
    else if (e.op === 4) lines.splice(i, 0, line);
    else if (e.op === 5) lines.splice(i, 1);
    else if (e.op === 6) lines[i] = line.replace(/^(\s*)/, '$1  ');
    else lines[i] = line + e.insert;
    text = lines.join('\n');
  }
  return text;
}
