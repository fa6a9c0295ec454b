// Finds the parts of a values file that the linter reads, without parsing the rest with the YAML parser.
//
// The `yaml` package composes about 1 MB of text per second here, and a platform values file is mostly other charts'
// sections (nginx, prometheus, …) that no rule reads. The skimmer walks the file line by line, checks that its block
// structure is the plain kind values files are written in, and returns a reduced text: the entries the linter reads,
// verbatim, and nothing else, except the first entry of the top-level map and of `astronomer`, cut down to its key
// (`nginx:`), so that each map starts where it starts in the file and stays a map (in a `helm -f` merge a null
// `astronomer` would delete the one of an earlier file). The reduced text is read instead of the file (by
// `compose-plain.ts` when it can, else by the parser), and each offset in it maps back to the same character of the
// file, so every position stays exact.
//
// The skimmer never guesses. Whatever it does not fully understand (flow or quoted scalars over several lines,
// anchors, aliases, tags, explicit keys, document markers, tabs, a value continued on the next line, indentation
// that does not fit the structure, an invalid escape, a collection used as a key) makes it return `undefined`, and
// the caller parses the whole file as before, which also reports any syntax error where the parser finds it.
import { KNOWN_PROVIDERS } from './houston-defaults.js';
import { COLON, CR, DASH, ESCAPES, HASH, HEX, HEX_ESCAPES, NOT_PLAIN_START, SPACE, flowIndicatorAt, isMarker, onlyCommentAfter, plainStartAt, spaceOrEnd } from './plain-yaml.js';

/**
 * Top-level keys whose whole value the linter reads: the houston sections of umbrella (`astronomer`, see
 * `ASTRONOMER_KEYS`) and subchart (`houston`) files, `global` (schema, `base-domain`), and the blocks
 * `provider-placement` finds one level too high. No check reads any other key; one that starts to must add it here
 * (`test/skim-values.test.ts` records the keys the checks read, and compares every fixture with the full parse).
 */
export const ROOT_KEYS: ReadonlySet<string> = new Set(['global', 'houston', 'auth', 'openidConnect', 'secret', ...KNOWN_PROVIDERS]);
/** Keys under `astronomer` whose value the linter reads. */
export const ASTRONOMER_KEYS: ReadonlySet<string> = new Set(['houston', 'auth']);

/** A reduced text and the way back to the file's offsets. */
export interface Skimmed {
  /** The reduced text: kept entries verbatim (and the first entries as `key:` lines), in file order. */
  text: string;
  /** Maps an offset in `text` to the file; `end` maps a range end (a boundary belongs to the segment before it). */
  toOriginal(offset: number, end?: boolean): number;
  /**
   * Where the full parse would end the top-level map and the `astronomer` map, when their last entry was cut down
   * (its value is not in `text`): computed on demand by parsing that one entry (few findings point at these maps).
   */
  rootEnd?: () => number | undefined;
  astronomerEnd?: () => number | undefined;
}

/** An entry of the top-level map or of the `astronomer` map. */
interface Entry {
  key: string;
  /** Offset of the start of the key's line. */
  lineStart: number;
  /** Offset just after the key's `:`. */
  colonEnd: number;
  /** Children when this is `astronomer` with a block map value. */
  children?: Entry[];
}

/** Nesting the skimmer leaves to the full parse, which refuses more than `LoadLimits.maxDepth` levels. */
const MAX_FLOW_DEPTH = 32;
const MAX_BLOCK_DEPTH = 100;

/** Thrown inside the walk: the file is not of the plain kind; the caller parses all of it. */
class Unsure extends Error {}

const enum Kind {
  Map,
  Seq,
}

/**
 * An open block collection, packed into one number (the walk allocates nothing per line): indentation × 4, plus 2
 * for a sequence, plus 1 for a sequence written at the same indentation as its key (`key:\n- a`).
 */
type Frame = number;
const frame = (indent: number, kind: Kind, sameIndent: boolean): Frame => indent * 4 + (kind === Kind.Seq ? 2 : 0) + (sameIndent ? 1 : 0);
const frameIndent = (f: Frame) => f >> 2;
const frameKind = (f: Frame): Kind => ((f & 2) !== 0 ? Kind.Seq : Kind.Map);

/** Block scalar being skipped: lines indented more than `parent` (or blank) are its content. */
interface BlockScalar {
  parent: number;
  content: number;
  leadingBlank: number;
}

/**
 * Reduces a values file to the parts the linter reads, or returns `undefined` when the file is not of the plain
 * kind the skimmer fully understands (then the whole file must be parsed). `parseEnd` is the loader's parser: it
 * reads the text of one entry and says where its value ends (for `rootEnd` and `astronomerEnd`).
 */
export function skimValues(text: string, parseEnd: (entryText: string) => number | undefined): Skimmed | undefined {
  if (text.length === 0 || text.includes('\t') || text.charCodeAt(0) === 0xfeff || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  let entries: Entry[];
  try {
    entries = new Walker(text).walk();
  } catch (err) {
    if (err instanceof Unsure) return undefined;
    throw err;
  }
  if (entries.length === 0) return undefined;
  const astronomers = entries.filter((e) => e.key === 'astronomer');
  if (astronomers.length > 1) return undefined;
  return reduce(text, entries, parseEnd);
}

class Walker {
  private pos = 0;
  private readonly stack: Frame[] = [];
  /**
   * After `key:` or `- ` with nothing more on the line, a nested block may start on the next line: the indentation of
   * that key or dash (-1 when there is none), and whether it was a key.
   */
  private pendingIndent = -1;
  private pendingKey = false;
  private block: BlockScalar | undefined;
  private readonly entries: Entry[] = [];
  private lineStart = 0;
  private lineEnd = 0;

  constructor(private readonly text: string) {}

  walk(): Entry[] {
    const text = this.text;
    const n = text.length;
    while (this.pos < n) {
      let eol = text.indexOf('\n', this.pos);
      if (eol < 0) eol = n;
      this.lineStart = this.pos;
      this.lineEnd = eol > this.pos && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      this.line();
      this.pos = eol + 1;
    }
    return this.entries;
  }

  private line(): void {
    const text = this.text;
    const ls = this.lineStart;
    const le = this.lineEnd;
    let i = ls;
    while (i < le && text.charCodeAt(i) === SPACE) i++;
    const ind = i - ls;
    const block = this.block;
    if (block) {
      if (i === le) {
        if (block.content < 0) block.leadingBlank = Math.max(block.leadingBlank, ind);
        return;
      }
      if (ind > block.parent) {
        if (block.content < 0) {
          // More-indented leading blank lines need an explicit indentation indicator.
          if (block.leadingBlank > ind) throw new Unsure();
          block.content = ind;
        } else if (ind < block.content) throw new Unsure();
        return;
      }
      this.block = undefined;
    }
    if (i === le) return;
    const c = text.charCodeAt(i);
    if (c === HASH) return;
    if (ind === 0 && (c === 0x25 || isMarker(text, i, le))) throw new Unsure(); // %directive, ---, ...
    if (c === DASH && this.spaceOrEnd(i + 1)) {
      this.open(Kind.Seq, ind);
      let k = i + 1;
      while (k < le && text.charCodeAt(k) === SPACE) k++;
      if (k === le || text.charCodeAt(k) === HASH) {
        this.pendingIndent = ind;
        this.pendingKey = false;
        return;
      }
      if (text.charCodeAt(k) === DASH && this.spaceOrEnd(k + 1)) throw new Unsure(); // `- - a`
      this.node(k, ind, true);
      return;
    }
    this.node(i, ind, false);
  }

  /** A node starting at `k`: a map entry, or (only as a sequence item, `inSeq`) a scalar. */
  private node(k: number, ind: number, inSeq: boolean): void {
    const text = this.text;
    const le = this.lineEnd;
    const col = k - this.lineStart;
    const c = text.charCodeAt(k);
    let keyEnd: number | undefined;
    /** A plain key's text is `text.slice(keyStart, keyTextEnd)`; quoted keys have none (-1). */
    let keyStart = -1;
    let keyTextEnd = -1;
    if (c === 0x22 || c === 0x27) {
      const q = this.quoted(k);
      let m = q;
      while (m < le && text.charCodeAt(m) === SPACE) m++;
      if (m < le && text.charCodeAt(m) === COLON && this.spaceOrEnd(m + 1)) {
        if (m - k > 1000) throw new Unsure(); // the parser allows 1,024 characters from a key's start to its `:`
        keyEnd = m;
      }
      else {
        if (!inSeq) throw new Unsure();
        this.rest(q);
        return;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (!inSeq) throw new Unsure();
      this.rest(this.flow(k));
      return;
    } else if (inSeq && (c === 0x7c || c === 0x3e)) {
      this.blockHeader(k, ind);
      return;
    } else {
      this.plainStart(k);
      for (let j = k; j < le; j++) {
        const ch = text.charCodeAt(j);
        if (ch === COLON && this.spaceOrEnd(j + 1)) {
          keyEnd = j;
          break;
        }
        if (ch === HASH && text.charCodeAt(j - 1) === SPACE) break;
      }
      if (keyEnd === undefined) {
        if (!inSeq) throw new Unsure(); // a scalar line in a map: a continued value, or an error
        return;
      }
      let e = keyEnd;
      while (e > k && text.charCodeAt(e - 1) === SPACE) e--;
      if ((e - k === 2 && text.charCodeAt(k) === 0x3c && text.charCodeAt(k + 1) === 0x3c) || keyEnd - k > 1000) throw new Unsure(); // `<<`, or too long
      keyStart = k;
      keyTextEnd = e;
    }
    // A map entry at column `col`.
    if (inSeq) {
      if (this.stack.length >= MAX_BLOCK_DEPTH) throw new Unsure();
      this.stack.push(frame(col, Kind.Map, false));
    } else this.open(Kind.Map, ind);
    const depth = this.stack.length;
    let v = keyEnd + 1;
    while (v < le && text.charCodeAt(v) === SPACE) v++;
    const open = v === le || text.charCodeAt(v) === HASH;
    if (depth <= 2) this.entry(keyStart, keyTextEnd, depth, keyEnd + 1);
    if (open) {
      this.pendingIndent = col;
      this.pendingKey = true;
      return;
    }
    this.value(v, col);
  }

  /** Records a top-level entry, or an entry of the `astronomer` map. */
  private entry(keyStart: number, keyTextEnd: number, depth: number, colonEnd: number): void {
    if (depth === 2) {
      const parent = this.entries.at(-1);
      if (!parent || parent.key !== 'astronomer' || frameKind(this.stack[1]!) !== Kind.Map) return;
    }
    if (keyStart < 0) throw new Unsure(); // a quoted key at the top or under `astronomer`
    const e: Entry = { key: this.text.slice(keyStart, keyTextEnd), lineStart: this.lineStart, colonEnd };
    if (depth === 1) this.entries.push(e);
    else (this.entries.at(-1)!.children ??= []).push(e);
  }

  /** The value after `key: ` at `v`. */
  private value(v: number, keyCol: number): void {
    const text = this.text;
    const c = text.charCodeAt(v);
    if (c === 0x22 || c === 0x27) this.rest(this.quoted(v));
    else if (c === 0x5b || c === 0x7b) this.rest(this.flow(v));
    else if (c === 0x7c || c === 0x3e) this.blockHeader(v, keyCol);
    else {
      this.plainStart(v);
      const le = this.lineEnd;
      for (let j = v; j < le; j++) {
        const ch = text.charCodeAt(j);
        if (ch === HASH && text.charCodeAt(j - 1) === SPACE) return;
        if (ch === COLON && this.spaceOrEnd(j + 1)) throw new Unsure(); // `a: b: c`
      }
    }
  }

  /** A plain scalar may not start with an indicator; `-`, `?`, `:` only when a non-space follows. */
  private plainStart(k: number): void {
    if (!plainStartAt(this.text, k, this.lineEnd)) throw new Unsure();
  }

  /** `|` or `>` with an optional chomping indicator, then only a comment; the content lines are skipped. */
  private blockHeader(k: number, parent: number): void {
    const text = this.text;
    let j = k + 1;
    const ch = text.charCodeAt(j);
    if (ch === 0x2d || ch === 0x2b) j++;
    this.rest(j);
    this.block = { parent, content: -1, leadingBlank: 0 };
  }

  /** After a complete node: only spaces, then the end of the line or a comment. */
  private rest(j: number): void {
    if (!onlyCommentAfter(this.text, j, this.lineEnd)) throw new Unsure();
  }

  /** A quoted scalar that closes on this line (escapes checked); returns the offset after the closing quote. */
  private quoted(k: number): number {
    const text = this.text;
    const le = this.lineEnd;
    const q = text.charCodeAt(k);
    for (let j = k + 1; j < le; j++) {
      const ch = text.charCodeAt(j);
      if (q === 0x27) {
        if (ch === 0x27) {
          if (text.charCodeAt(j + 1) === 0x27 && j + 1 < le) j++;
          else return j + 1;
        }
        continue;
      }
      if (ch === 0x5c) {
        const e = text.charCodeAt(j + 1);
        if (j + 1 >= le) throw new Unsure(); // escaped line break: continues on the next line
        const hex = HEX_ESCAPES.get(e);
        if (hex !== undefined) {
          if (!HEX.test(text.slice(j + 2, j + 2 + hex)) || j + 2 + hex > le) throw new Unsure();
          j += 1 + hex;
        } else if (ESCAPES.has(e)) j++;
        else throw new Unsure();
      } else if (ch === 0x22) return j + 1;
    }
    throw new Unsure(); // continues on the next line
  }

  /**
   * A flow collection that closes on this line; returns the offset after it. Only the empty `[]` and `{}` and
   * collections of plain words, numbers and quoted strings separated by commas (and `key: value` pairs) pass.
   */
  private flow(k: number): number {
    const text = this.text;
    const le = this.lineEnd;
    const stack: number[] = [];
    /** Per open collection: the current entry has had its `:` (a second one is an error). */
    const colon: boolean[] = [];
    let j = k;
    let expectItem = true;
    /** The last item was a collection (`[a]: b` would use it as a key). */
    let afterCollection = false;
    while (j < le) {
      const ch = text.charCodeAt(j);
      if (ch === SPACE) {
        j++;
        continue;
      }
      if (ch === 0x5b || ch === 0x7b) {
        if (!expectItem) throw new Unsure();
        afterCollection = false;
        // A collection as a key (`{{ .Values.x }}`, `{[a]: b}`): Helm refuses it ("invalid map key").
        if (stack[stack.length - 1] === 0x7d && !colon[colon.length - 1]) throw new Unsure();
        if (stack.length >= MAX_FLOW_DEPTH) throw new Unsure(); // the parser's depth limit decides
        stack.push(ch === 0x5b ? 0x5d : 0x7d);
        colon.push(false);
        j++;
        continue;
      }
      if (ch === 0x5d || ch === 0x7d) {
        if (stack.pop() !== ch) throw new Unsure();
        colon.pop();
        j++;
        expectItem = false;
        if (stack.length === 0) return j;
        afterCollection = true;
        continue;
      }
      if (ch === 0x2c) {
        if (expectItem) throw new Unsure(); // `[a, , b]`, `[, a]`
        expectItem = true;
        afterCollection = false;
        colon[colon.length - 1] = false;
        j++;
        continue;
      }
      if (!expectItem) {
        // `key: value` inside a flow map (or a single-pair flow sequence entry); one `:` per entry
        if (ch === COLON && this.flowIndicatorAfter(j + 1) && !colon[colon.length - 1] && !afterCollection) {
          colon[colon.length - 1] = true;
          expectItem = true;
          j++;
          continue;
        }
        throw new Unsure();
      }
      afterCollection = false;
      if (ch === 0x22 || ch === 0x27) {
        j = this.quoted(j);
      } else {
        // A plain scalar inside flow: no indicators at all, to stay on the safe side.
        if (NOT_PLAIN_START.has(ch) || ch === DASH || ch === 0x3f || ch === COLON) {
          if (!(ch === DASH && j + 1 < le && /[0-9.]/.test(text[j + 1]!))) throw new Unsure();
        }
        // `<<`: a merge key, which Helm refuses unless it refers to maps
        if (ch === 0x3c && text.charCodeAt(j + 1) === 0x3c) throw new Unsure();
        while (j < le) {
          const c2 = text.charCodeAt(j);
          if (c2 === 0x2c || c2 === 0x5d || c2 === 0x7d || c2 === 0x5b || c2 === 0x7b || c2 === HASH) break;
          if (c2 === COLON && this.flowIndicatorAfter(j + 1)) break;
          j++;
        }
      }
      expectItem = false;
    }
    throw new Unsure(); // not closed on this line
  }

  /** Places a collection entry of `kind` at indentation `ind` in the structure, or gives up if it does not fit. */
  private open(kind: Kind, ind: number): void {
    const stack = this.stack;
    const pending = this.pendingIndent;
    this.pendingIndent = -1;
    if (stack.length === 0) {
      if (kind !== Kind.Map || ind !== 0) throw new Unsure(); // the top level must be a map at column 0
      stack.push(frame(0, kind, false));
      return;
    }
    if (pending >= 0) {
      if (stack.length >= MAX_BLOCK_DEPTH) throw new Unsure();
      if (ind > pending) {
        stack.push(frame(ind, kind, false));
        return;
      }
      if (kind === Kind.Seq && ind === pending && this.pendingKey) {
        stack.push(frame(ind, kind, true));
        return;
      }
    }
    for (;;) {
      const top = stack[stack.length - 1]!;
      const indent = frameIndent(top);
      if (indent > ind || (indent === ind && (top & 1) !== 0 && kind === Kind.Map)) {
        stack.pop();
        if (stack.length === 0) throw new Unsure();
        continue;
      }
      if (indent !== ind || frameKind(top) !== kind) throw new Unsure();
      return;
    }
  }

  /** In a flow collection, `:` is an indicator before a space, a flow indicator or the end of the line. */
  private flowIndicatorAfter(j: number): boolean {
    return flowIndicatorAt(this.text, j, this.lineEnd);
  }

  private spaceOrEnd(j: number): boolean {
    return spaceOrEnd(this.text, j, this.lineEnd);
  }
}

interface Segment {
  /** Offset in the reduced text. */
  red: number;
  /** Offset in the file. */
  orig: number;
  /** Characters copied from the file (a cut entry is followed by one more, its line break). */
  len: number;
}

function reduce(text: string, entries: Entry[], parseEnd: (entryText: string) => number | undefined): Skimmed | undefined {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let red = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    segments.push({ red, orig: from, len: to - from });
    red += to - from;
  };
  const cut = (from: number, colonEnd: number) => {
    copy(from, colonEnd);
    parts.push('\n');
    red += 1;
  };
  /** Where the full parse ends the value of an entry that is cut: parse that entry on its own, once, when asked. */
  const endOf = (from: number, to: number): (() => number | undefined) => {
    let end: number | undefined | null = null;
    return () => {
      if (end === null) {
        const e = parseEnd(text.slice(from, to));
        end = e === undefined ? undefined : from + e;
      }
      return end;
    };
  };

  let rootEnd: (() => number | undefined) | undefined;
  let astronomerEnd: (() => number | undefined) | undefined;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    const from = e === 0 ? 0 : entry.lineStart;
    const to = entries[e + 1]?.lineStart ?? text.length;
    const last = e === entries.length - 1;
    if (ROOT_KEYS.has(entry.key) || (entry.key === 'astronomer' && !entry.children)) {
      copy(from, to);
      continue;
    }
    if (entry.key === 'astronomer' && entry.children) {
      const children = entry.children;
      copy(from, children[0]!.lineStart);
      for (let c = 0; c < children.length; c++) {
        const child = children[c]!;
        const childTo = children[c + 1]?.lineStart ?? to;
        if (ASTRONOMER_KEYS.has(child.key)) copy(child.lineStart, childTo);
        else {
          if (c === 0) cut(child.lineStart, child.colonEnd);
          if (c === children.length - 1) {
            astronomerEnd = endOf(child.lineStart, childTo);
            if (last) rootEnd = astronomerEnd;
          }
        }
      }
      continue;
    }
    if (e === 0) cut(from, entry.colonEnd);
    if (last) rootEnd = endOf(entry.lineStart, to);
  }

  const toOriginal = (offset: number, end = false): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = segments[mid]!.red;
      if (s < offset || (s === offset && !end)) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo];
    if (!seg) return offset;
    return seg.orig + Math.max(0, Math.min(offset - seg.red, seg.len));
  };
  const skimmed: Skimmed = { text: parts.join(''), toOriginal };
  if (rootEnd !== undefined) skimmed.rootEnd = rootEnd;
  if (astronomerEnd !== undefined) skimmed.astronomerEnd = astronomerEnd;
  return skimmed;
}
