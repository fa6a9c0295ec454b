// Moves a block-style map entry to another values path as one `{ range, text }` edit: the entry is cut
// (with the comments inside it), re-indented, and inserted under its new parent, creating missing parents.
import { getAt, isRecord, startsWith } from './values-path.js';
import type { Fixer, SourcedFix } from './fixer.js';
import type { ValuesPath } from './types.js';

interface Block {
  range: [number, number];
  text: string;
  indent: string;
  eol: string;
}

/** Indentation step used for created parents when the file gives no better hint. */
const DEFAULT_STEP = 2;

/**
 * The lines of the entry at `path`, plus the comment lines right after it that are indented deeper than its
 * key (they belong to the block even though the parser ends the value before them) and, for nested keys, the
 * comment lines directly above it at its indentation.
 */
function blockLines(fixer: Fixer, text: string, path: ValuesPath): Block | undefined {
  const e = fixer.entryLines(path);
  const loc = fixer.location(path);
  if (!e || !loc?.keyRange) return undefined;
  let end = e.range[1];
  // A block map ending in a comment line has a value range that runs into the indentation of the next key;
  // `entryLines` then takes that key's whole line too. End at the start of that line instead.
  const valueEnd = Math.max(loc.valueRange[1], loc.keyRange[1]);
  const lineStart = text.lastIndexOf('\n', valueEnd - 1) + 1;
  if (valueEnd > lineStart && /^[ \t]*$/.test(text.slice(lineStart, valueEnd))) end = lineStart;
  while (end < text.length) {
    const nl = text.indexOf('\n', end);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    const m = /^( *)#/.exec(text.slice(end, lineEnd));
    if (!m || m[1]!.length <= e.indent.length) break;
    end = lineEnd;
  }
  // Comment lines directly above a nested key, at its indentation, describe it and move with it.
  let start = e.range[0];
  while (e.indent.length > 0 && start > 0) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    const m = /^( *)#/.exec(text.slice(prev, start));
    if (!m || m[1]!.length !== e.indent.length) break;
    start = prev;
  }
  return { range: [start, end], text: text.slice(start, end), indent: e.indent, eol: e.eol };
}

/** Shifts every non-blank line from `from` indentation to `to` (lines indented less than `from` lose what they have). */
function reindent(block: string, from: number, to: string): string {
  return block
    .split('\n')
    .map((line, i, all) => {
      if (line.trim() === '') return i === all.length - 1 ? line : line.replace(/^[ \t]+/, '');
      const leading = /^ */.exec(line)![0].length;
      return to + line.slice(Math.min(leading, from));
    })
    .join('\n');
}

/** Whitespace between the start of the line holding `offset` and `offset`, or undefined if something else is there. */
function columnIndent(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  return /^ *$/.test(before) ? before : undefined;
}

/**
 * A fix that moves the map entry at `from` to `to` (same last key), or null when it cannot be done safely:
 * `to` already exists, an entry is in flow style, or a parent of `to` is not a block map. Parents of `from`
 * left empty by the move are removed too (an empty key would be `null`, which deletes chart defaults).
 */
export function moveBlockFix(fixer: Fixer, values: unknown, from: ValuesPath, to: ValuesPath): SourcedFix | null {
  if (from.length === 0 || to.length === 0 || from[from.length - 1] !== to[to.length - 1]) return null;
  if (fixer.location(to) || startsWith(to, from)) return null;
  const fromLoc = fixer.location(from);
  const text = fromLoc ? fixer.sourceText(fromLoc.source) : undefined;
  if (!fromLoc || text === undefined) return null;
  const moved = blockLines(fixer, text, from);
  if (!moved) return null;

  // Cut the highest ancestor that holds nothing but this block (and is not on the way to the target).
  let cut: ValuesPath = from;
  while (cut.length > 1) {
    const parent = cut.slice(0, -1);
    const value = getAt(values, parent);
    if (!isRecord(value) || Object.keys(value).length !== 1 || startsWith(to, parent)) break;
    cut = parent;
  }
  const removal = cut === from ? moved : blockLines(fixer, text, cut);
  if (!removal) return null;
  // Comment lines of a removed parent that are not part of the moved block stay where they were.
  const keep =
    removal === moved
      ? ''
      : (text.slice(removal.range[0], moved.range[0]) + text.slice(moved.range[1], removal.range[1]))
          .split(/(?<=\n)/)
          .filter((line) => /^\s*#/.test(line))
          .join('');

  // The deepest existing ancestor of the target, and where its children go.
  let anc: ValuesPath = [];
  for (let n = to.length - 1; n > 0; n--) {
    if (fixer.location(to.slice(0, n))) {
      anc = to.slice(0, n);
      break;
    }
  }
  if (startsWith(anc, cut) && anc.length > 0) return null;
  const ancLoc = fixer.location(anc);
  if (!ancLoc || ancLoc.source !== fromLoc.source) return null;
  const ancValue = anc.length === 0 ? values : getAt(values, anc);
  let childIndent: string;
  let step = DEFAULT_STEP;
  let at: number;
  if (anc.length === 0) {
    if (!isRecord(ancValue) || text.slice(ancLoc.valueRange[0]).trimStart().startsWith('{')) return null;
    childIndent = '';
    at = cut.length === 1 ? removal.range[0] : text.length;
  } else {
    const ancBlock = blockLines(fixer, text, anc);
    if (!ancBlock) return null;
    if (isRecord(ancValue) && Object.keys(ancValue).length > 0) {
      const indent = columnIndent(text, ancLoc.valueRange[0]);
      if (indent === undefined || indent.length <= ancBlock.indent.length) return null; // flow map or odd layout
      childIndent = indent;
      step = indent.length - ancBlock.indent.length;
    } else if (ancValue === null && ancLoc.valueRange[0] === ancLoc.valueRange[1]) {
      childIndent = ancBlock.indent + ' '.repeat(step);
    } else {
      return null; // a scalar, a list, an explicit `~` or a flow map: no safe place to insert
    }
    at = ancBlock.range[1];
  }

  const eol = moved.eol;
  const parents = to.slice(anc.length, -1);
  let insert = '';
  parents.forEach((seg, i) => {
    insert += `${childIndent}${' '.repeat(step * i)}${String(seg)}:${eol}`;
  });
  const block = reindent(moved.text, moved.indent.length, childIndent + ' '.repeat(step * parents.length));
  insert += block;
  const ended = (s: string) => (s.endsWith('\n') ? s : s + eol);

  const [rs, re] = removal.range;
  if (anc.length === 0 && cut.length === 1) return fixer.replaceRange(from, [rs, re], re === text.length ? insert : ended(insert));
  if (at <= rs) return fixer.replaceRange(from, [at, re], ended(insert) + text.slice(at, rs) + keep);
  if (at >= re) {
    const before = text.slice(0, rs) + keep + text.slice(re, at);
    const lead = before === '' || before.endsWith('\n') ? '' : eol;
    return fixer.replaceRange(from, [rs, at], keep + text.slice(re, at) + lead + (at === text.length ? insert : ended(insert)));
  }
  return null;
}
