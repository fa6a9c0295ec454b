// Builds the `{ range, text }` edits that rewrite chart 1.x keys into their 2.x form (and back), keeping
// every line outside the moved entries byte-identical. Uses only Fixer's public methods.
import { isRecord } from './values-path.js';
import type { Fixer, SourcedFix } from './fixer.js';
import type { MigrationRow } from './migration-table.js';
import type { ValuesPath } from './types.js';

/** One deprecated key found in the file, and what the fix must do with it. */
export interface PresentKey {
  row: MigrationRow;
  /** Absolute path of the map holding the key. */
  sectionPath: ValuesPath;
  /** Absolute path of the old key. */
  oldPath: ValuesPath;
  /** The old value as Helm reads it. */
  value: unknown;
  /** `rename`: write the new form; `drop`: delete the old entry (obsolete, or the new form already exists). */
  action: 'rename' | 'drop';
}

interface Entry {
  range: [number, number];
  indent: string;
  eol: string;
  /** The first line after the key (`: true  # comment`), without its line break. */
  rest: string;
  /** The value's own text on the key line, relative to `rest` (for inverting booleans). */
  valueInRest: [number, number] | undefined;
  /** The entry's further lines (a block value), without line breaks. */
  more: string[];
}

function readEntry(fixer: Fixer, path: ValuesPath): Entry | undefined {
  const lines = fixer.entryLines(path);
  const loc = fixer.location(path);
  if (!lines || !loc?.keyRange) return undefined;
  const split = lines.text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (split[split.length - 1] === '') split.pop();
  const first = split[0] ?? '';
  const keyEnd = loc.keyRange[1] - lines.range[0];
  if (keyEnd <= 0 || keyEnd > first.length) return undefined;
  const rest = first.slice(keyEnd);
  const firstLineEnd = lines.range[0] + first.length;
  let valueInRest: [number, number] | undefined;
  if (loc.valueRange[0] >= loc.keyRange[1] && loc.valueRange[1] <= firstLineEnd && loc.valueRange[1] > loc.valueRange[0]) {
    valueInRest = [loc.valueRange[0] - loc.keyRange[1], loc.valueRange[1] - loc.keyRange[1]];
  }
  return { range: lines.range, indent: lines.indent, eol: lines.eol, rest, valueInRest, more: split.slice(1) };
}

/** Deletes the old entry's lines. */
export function deleteEntryFix(fixer: Fixer, path: ValuesPath): SourcedFix | null {
  const e = fixer.entryLines(path);
  return e ? fixer.replaceRange(path, e.range, '') : null;
}

interface Leaf {
  rest: string;
  more: string[];
}
interface Node {
  children: Map<string, Node>;
  leaf?: Leaf;
}

const newNode = (): Node => ({ children: new Map() });

function reindent(lines: string[], indent: string): string[] {
  const used = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const base = used.length ? Math.min(...used) : 0;
  return lines.map((l) => (l.trim() === '' ? '' : indent + (/^ */.exec(l)![0].length >= base ? l.slice(base) : l.trimStart())));
}

function render(node: Node, indent: string, unit: string, out: string[]): boolean {
  for (const [key, child] of node.children) {
    if (child.leaf) {
      if (child.children.size > 0 && /\S/.test(child.leaf.rest.replace(/#.*$/, '').slice(1))) return false; // scalar and children
      out.push(indent + key + child.leaf.rest, ...reindent(child.leaf.more, indent + unit));
      if (child.children.size > 0 && !render(child, indent + unit, unit, out)) return false;
    } else {
      out.push(`${indent}${key}:`);
      if (!render(child, indent + unit, unit, out)) return false;
    }
  }
  return true;
}

/** The new key's line tail and block lines for one old entry, or undefined when it cannot be rewritten. */
function leafFor(p: PresentKey, e: Entry): { suffix: readonly string[]; leaf: Leaf } | undefined {
  const { row, value } = p;
  let kind = row.kind;
  let to = row.to;
  if (kind === 'nestOrMove') {
    if (typeof value === 'boolean') {
      kind = 'nest';
      to = [...to, 'enabled'];
    } else if (isRecord(value) && 'enabled' in value) kind = 'move';
    else return undefined;
  }
  if (kind === 'invert') {
    if (typeof value !== 'boolean' || !e.valueInRest) return undefined;
    const [s, t] = e.valueInRest;
    return { suffix: to, leaf: { rest: e.rest.slice(0, s) + String(!value) + e.rest.slice(t), more: [] } };
  }
  if (kind === 'nest' && isRecord(value)) return undefined;
  return { suffix: to, leaf: { rest: e.rest, more: e.more } };
}

function indentUnit(fixer: Fixer, sectionPath: ValuesPath, memberIndent: string): string {
  const sec = fixer.entryLines(sectionPath);
  const n = sec ? memberIndent.length - sec.indent.length : 0;
  return ' '.repeat(n > 0 ? n : 2);
}

/** True when `path` is written as a block mapping (so lines can be added under it). */
function isBlockMap(fixer: Fixer, values: unknown, path: ValuesPath): boolean {
  if (!isRecord(values) || Object.keys(values).length === 0) return false;
  const src = fixer.valueSource(path);
  return src !== undefined && !src.startsWith('{') && !src.startsWith('*') && !src.startsWith('&') && !src.startsWith('!') && fixer.entryLines(path) !== undefined;
}

function getIn(root: unknown, path: ValuesPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (!isRecord(cur) || typeof seg !== 'string' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

interface Group {
  /** Existing map the new keys go under, or undefined when the first new segment is created at the first member. */
  anchor: ValuesPath | undefined;
  root: Node;
  members: { key: PresentKey; entry: Entry }[];
}

/**
 * One edit per finding. Keys that end up under the same new (or existing) parent share one edit, which
 * covers all of them: applying it once moves them together, so no pass ever writes a parent twice.
 */
export function buildMigrationFixes(fixer: Fixer, values: unknown, keys: readonly PresentKey[]): Map<PresentKey, SourcedFix | null> {
  const fixes = new Map<PresentKey, SourcedFix | null>();
  const groups = new Map<string, Group>();
  for (const k of keys) {
    if (k.action === 'drop') {
      fixes.set(k, deleteEntryFix(fixer, k.oldPath));
      continue;
    }
    fixes.set(k, null);
    const entry = readEntry(fixer, k.oldPath);
    const planned = entry && leafFor(k, entry);
    if (!entry || !planned) continue;
    // The deepest part of the new path that already exists as a block map takes the new keys.
    let depth = 0;
    let blocked = false;
    for (let i = 0; i < planned.suffix.length - 1; i++) {
      const p = [...k.sectionPath, ...planned.suffix.slice(0, i + 1)];
      const v = getIn(values, p);
      if (v === undefined) break;
      if (i === 0 && planned.suffix[0] === k.row.from) break; // the old key itself becomes the parent
      if (!isBlockMap(fixer, v, p)) {
        blocked = true;
        break;
      }
      depth = i + 1;
    }
    if (blocked) continue;
    const anchor = depth > 0 ? [...k.sectionPath, ...planned.suffix.slice(0, depth)] : undefined;
    const id = JSON.stringify([k.sectionPath, anchor ?? planned.suffix[0]]);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { anchor, root: newNode(), members: [] }));
    let node = g.root;
    for (const seg of planned.suffix.slice(depth)) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = newNode()));
      node = next;
    }
    if (node.leaf) continue; // two old keys for one new path (the first one in the table wins)
    node.leaf = planned.leaf;
    g.members.push({ key: k, entry });
  }
  for (const g of groups.values()) {
    const fix = groupFix(fixer, values, g);
    for (const m of g.members) fixes.set(m.key, fix);
  }
  return fixes;
}

function groupFix(fixer: Fixer, values: unknown, g: Group): SourcedFix | null {
  const first = g.members.reduce((a, b) => (b.entry.range[0] < a.entry.range[0] ? b : a), g.members[0]!);
  const { eol } = first.entry;
  const unit = indentUnit(fixer, first.key.sectionPath, first.entry.indent);
  const lines: string[] = [];
  let insertAt: number;
  const cuts: [number, number][] = g.members.map((m) => m.entry.range);
  if (g.anchor) {
    const anchorLines = fixer.entryLines(g.anchor);
    const anchorValue = getIn(values, g.anchor);
    const firstChild = isRecord(anchorValue) ? Object.keys(anchorValue)[0] : undefined;
    const childLines = firstChild !== undefined ? fixer.entryLines([...g.anchor, firstChild]) : undefined;
    if (!anchorLines || !childLines) return null;
    if (!render(g.root, childLines.indent, unit, lines)) return null;
    insertAt = anchorLines.range[1];
    if (cuts.some(([s, e]) => s < insertAt && insertAt < e)) return null;
  } else {
    if (!render(g.root, first.entry.indent, unit, lines)) return null;
    insertAt = first.entry.range[0];
  }
  const text = fixer.sourceText(fixer.location(first.key.oldPath)?.source ?? '');
  if (text === undefined) return null;
  const start = Math.min(insertAt, ...cuts.map((c) => c[0]));
  const end = Math.max(insertAt, ...cuts.map((c) => c[1]));
  cuts.sort((a, b) => a[0] - b[0]);
  let block = lines.join(eol) + eol;
  if (insertAt > 0 && text[insertAt - 1] !== '\n') block = eol + block;
  let out = '';
  let pos = start;
  let inserted = false;
  for (const [s, e] of cuts) {
    if (!inserted && insertAt <= s) {
      out += text.slice(pos, insertAt) + block;
      pos = insertAt;
      inserted = true;
    }
    out += text.slice(pos, s);
    pos = e;
  }
  if (!inserted) {
    out += text.slice(pos, insertAt) + block;
    pos = insertAt;
  }
  out += text.slice(pos, end);
  // A file ending without a line break: do not add one the user did not have.
  if (end === text.length && !text.endsWith('\n') && out.endsWith(eol)) out = out.slice(0, -eol.length);
  return fixer.replaceRange(first.key.oldPath, [start, end], out);
}

/**
 * Chart 1.x: rewrites a nested `<x>: {enabled: v}` block (written as a block map holding only `enabled`)
 * back to the flat `from: v` (negated for inverted rows). Null when the block holds anything else.
 */
export function flattenFix(fixer: Fixer, values: unknown, row: MigrationRow, nestedPath: ValuesPath): SourcedFix | null {
  const block = getIn(values, nestedPath);
  if (!isRecord(block) || Object.keys(block).length !== 1 || !('enabled' in block)) return null;
  if (!isBlockMap(fixer, block, nestedPath)) return null;
  const outer = readEntry(fixer, nestedPath);
  const inner = readEntry(fixer, [...nestedPath, 'enabled']);
  if (!outer || !inner || !inner.valueInRest) return null;
  let rest = inner.rest;
  if (row.kind === 'invert') {
    if (typeof block['enabled'] !== 'boolean') return null;
    rest = rest.slice(0, inner.valueInRest[0]) + String(!block['enabled']) + rest.slice(inner.valueInRest[1]);
  }
  const outerComment = /\s+#.*$/.exec(outer.rest)?.[0] ?? '';
  if (outerComment && !/#/.test(rest)) rest += outerComment;
  const trailing = outer.more.slice(1).filter((l) => l.trim() !== '');
  if (trailing.length > 0) return null; // comments inside the block: leave it to the user
  const text = fixer.sourceText(fixer.location(nestedPath)?.source ?? '') ?? '';
  let out = outer.indent + row.from + rest + outer.eol;
  if (outer.range[1] === text.length && !text.endsWith('\n')) out = out.slice(0, -outer.eol.length);
  return fixer.replaceRange(nestedPath, outer.range, out);
}
