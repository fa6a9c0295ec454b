// Reads the values of a skimmed text (`skim-values.ts`) without the YAML parser, when it is written in the plain
// subset of YAML that values files use: block maps and sequences, scalars on one line, and one-line flow collections
// of scalars.
//
// The `yaml` package builds a syntax tree and a document model before there are any values; for a set of values
// files, that is most of the time a run takes. Here, one pass over the lines gives the values and their locations,
// the same ones the parser gives (`test/compose-plain.test.ts` holds it to that on every fixture, corpus file and
// thousands of generated edits). Scalars are resolved by the parser's own schema tags.
//
// It never guesses. Anything outside the subset (a block scalar, an anchor, alias or tag, a value continued on the
// next line, a flow collection inside another, a key without a value in a flow map, indentation it does not
// expect) returns `undefined`, and the caller parses the text with the YAML parser, as before.
//
// One thing is left to the parser: where a block map or sequence ends. The parser ends it after the comments and
// blank lines that follow it, by rules of its own; few findings point at a whole collection, so the end of its range
// is computed by the parser, on demand, the first time it is read.
import { LazyEndLocation, LocationMap } from './location-map.js';
import { COLON, CR, DASH, ESCAPES, HASH, HEX, HEX_ESCAPES, NOT_PLAIN_START, SPACE, flowIndicatorAt, isMarker, onlyCommentAfter, plainStartAt, spaceOrEnd } from './plain-yaml.js';
import { keySegment, keyString, setOwn } from './values-path.js';
import type { NodeLocation, ValuesPath } from './types.js';

export interface ComposeOptions {
  /** The file's name (the `source` of every location). */
  name: string;
  /** Maps an offset of the text to the file (`Skimmed.toOriginal`). */
  toOriginal(offset: number, end?: boolean): number;
  /** A plain scalar resolved as the parser's schema resolves it (`true`, `~`, `0x1F`, …); `undefined` if it cannot. */
  resolvePlain(text: string): unknown;
  /** Where the parser ends the block collection at a `pathKey` (an offset in the file); called on demand. */
  collectionEnd(key: string): number | undefined;
}

export interface DuplicateKey {
  path: ValuesPath;
  /** Range of the later key, in the file. */
  range: [number, number];
}

export interface PlainComposed {
  values: Record<string, unknown>;
  locations: LocationMap;
  /** Keys given twice in one map: the later value is kept, as Helm keeps it. */
  duplicates: DuplicateKey[];
}

/** Composes `text` (a map at its top level), or returns `undefined` when it is not of the plain subset. */
export function composePlain(text: string, options: ComposeOptions): PlainComposed | undefined {
  const composer = new PlainComposer(text, options);
  try {
    return composer.compose();
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

/** The text is outside the subset: the parser must read it. */
class NotPlain extends Error {}

function notPlain(): never {
  throw new NotPlain();
}

const SQ = 0x27;
const DQ = 0x22;
const COMMA = 0x2c;

/** Nesting left to the parser (the skimmer already refuses deeper files). */
const MAX_DEPTH = 200;

/** What follows `key:` or `-` when nothing else is on its line. */
const enum Nested {
  None,
  Map,
  Seq,
}

class PlainComposer {
  private readonly n: number;
  /** The current content line (not blank, not a comment): its start, end (before CR LF), indentation. */
  private ls = 0;
  private le = 0;
  private ind = 0;
  /** Start of the line after the current one. */
  private nextLine = 0;
  private eof = false;
  private readonly locations = new LocationMap();
  private readonly duplicates: DuplicateKey[] = [];
  /** The path of the node being composed (copied only for a duplicate key). */
  private readonly path: (string | number)[] = [];
  /** The value of the last quoted scalar read by `quoted`. */
  private quotedValue = '';

  constructor(
    private readonly text: string,
    private readonly o: ComposeOptions,
  ) {
    this.n = text.length;
  }

  compose(): PlainComposed {
    // Tabs, a line break the parser reads differently (a lone CR), a byte-order mark: the skimmer refuses them too.
    const t = this.text;
    if (t.includes('\t') || (t.includes('\r') && /\r(?!\n)/.test(t)) || t.charCodeAt(0) === 0xfeff) notPlain();
    this.seek(0);
    if (this.eof || this.ind !== 0 || this.dashAt(this.ls)) notPlain();
    const start = this.ls;
    const values = this.map(0, start, '', 0);
    if (!this.eof) notPlain(); // a line the top-level map does not take
    this.locations.setKey('', this.collectionLocation('', this.o.toOriginal(start)));
    return { values, locations: this.locations, duplicates: this.duplicates };
  }

  /** A block collection's location: its start is known at once, its end is the parser's, asked when first read. */
  private collectionLocation(key: string, start: number, keyRange?: [number, number]): LazyEndLocation {
    return new LazyEndLocation(this.o.name, start, () => this.o.collectionEnd(key), start, keyRange);
  }

  /** Moves to the first content line starting at or after `from`. */
  private seek(from: number): void {
    const t = this.text;
    const n = this.n;
    let p = from;
    while (p < n) {
      let eol = t.indexOf('\n', p);
      if (eol < 0) eol = n;
      let i = p;
      while (i < eol && t.charCodeAt(i) === SPACE) i++;
      const end = eol > p && t.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      if (i < end && t.charCodeAt(i) !== HASH) {
        if (i === p && isMarker(t, i, end)) notPlain(); // `---` or `...`: a document starts or ends
        this.ls = p;
        this.le = end;
        this.ind = i - p;
        this.nextLine = eol + 1;
        return;
      }
      p = eol + 1;
    }
    this.eof = true;
    this.ls = this.le = n;
    this.ind = -1;
  }

  private advance(): void {
    this.seek(this.nextLine);
  }

  /** A block map whose keys start at column `col`; its first key is at `k` on the current line. */
  private map(col: number, k: number, key: string, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) notPlain();
    const out: Record<string, unknown> = {};
    /** Keys seen, and whether their value was a collection (a duplicate then drops its locations). */
    const seen = new Map<string, boolean>();
    for (;;) {
      this.entry(out, seen, k, col, key, depth);
      if (this.eof || this.ind < col) return out;
      if (this.ind > col) notPlain(); // a continued value, or indentation that does not fit
      k = this.ls + col;
      if (this.dashAt(k)) return out; // a sequence at the map's indentation: the caller decides
    }
  }

  /** One `key: value` entry starting at `k` on the current line; leaves the cursor on the line after it. */
  private entry(out: Record<string, unknown>, seen: Map<string, boolean>, k: number, col: number, parentKey: string, depth: number): void {
    const t = this.text;
    const le = this.le;
    let keyEnd: number;
    let colon: number;
    let name: string;
    const c = t.charCodeAt(k);
    if (c === DQ || c === SQ) {
      keyEnd = this.quoted(k);
      name = this.quotedValue;
      colon = keyEnd;
      while (colon < le && t.charCodeAt(colon) === SPACE) colon++;
      if (colon >= le || t.charCodeAt(colon) !== COLON || !this.spaceOrEnd(colon + 1)) notPlain();
      if (colon - k > 1000) notPlain(); // the parser allows 1,024 characters from a key's start to its `:`
    } else {
      this.plainStart(k);
      colon = this.keyColon(k);
      if (colon < 0) notPlain();
      keyEnd = colon;
      while (keyEnd > k && t.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      if (colon - k > 1000) notPlain(); // the parser allows 1,024 characters from a key's start to its `:`
      const raw = t.slice(k, keyEnd);
      if (raw === '<<') notPlain(); // a merge key
      name = keyString(this.plain(raw));
    }
    const childKey = parentKey + keySegment(name);
    const keyRange: [number, number] = [this.o.toOriginal(k), this.o.toOriginal(keyEnd, true)];
    this.path.push(name);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      this.duplicates.push({ path: [...this.path], range: keyRange });
      if (earlier) this.locations.deleteSubtreeKey(childKey);
    }

    let v = colon + 1;
    while (v < le && t.charCodeAt(v) === SPACE) v++;
    let value: unknown;
    let collection: boolean;
    if (v === le || t.charCodeAt(v) === HASH) {
      this.advance();
      const nested = this.nested(col, true);
      collection = nested !== Nested.None;
      if (collection) {
        this.locations.setKey(childKey, this.collectionLocation(childKey, this.o.toOriginal(this.ls + this.ind), keyRange));
        value = nested === Nested.Map ? this.map(this.ind, this.ls + this.ind, childKey, depth + 1) : this.seq(this.ind, childKey, depth + 1);
      } else {
        const at = keyRange[1];
        this.locations.setKey(childKey, { source: this.o.name, keyRange, valueRange: [at, at] });
        value = null;
      }
    } else {
      const loc: NodeLocation = { source: this.o.name, keyRange, valueRange: [0, 0] };
      this.locations.setKey(childKey, loc);
      value = this.inline(v, loc, childKey, depth);
      collection = value !== null && typeof value === 'object';
      this.advance();
    }
    seen.set(name, collection);
    setOwn(out, name, value);
    this.path.pop();
  }

  /** A block sequence whose dashes are at column `col` (the current line starts one). */
  private seq(col: number, key: string, depth: number): unknown[] {
    if (depth > MAX_DEPTH) notPlain();
    const t = this.text;
    const out: unknown[] = [];
    const start = this.o.toOriginal(this.ls + col);
    for (let i = 0; ; i++) {
      const itemKey = key + '#' + i;
      this.path.push(i);
      const le = this.le;
      let k = this.ls + col + 1;
      while (k < le && t.charCodeAt(k) === SPACE) k++;
      if (k === le || t.charCodeAt(k) === HASH) {
        this.advance();
        const nested = this.nested(col, false);
        if (nested === Nested.None) {
          this.locations.setKey(itemKey, { source: this.o.name, valueRange: [start, start] });
          out.push(null);
        } else {
          this.locations.setKey(itemKey, this.collectionLocation(itemKey, this.o.toOriginal(this.ls + this.ind)));
          out.push(nested === Nested.Map ? this.map(this.ind, this.ls + this.ind, itemKey, depth + 1) : this.seq(this.ind, itemKey, depth + 1));
        }
      } else if (this.dashAt(k)) {
        notPlain(); // `- - a`
      } else if (this.isKey(k)) {
        this.locations.setKey(itemKey, this.collectionLocation(itemKey, this.o.toOriginal(k)));
        out.push(this.map(k - this.ls, k, itemKey, depth + 1));
      } else {
        const loc: NodeLocation = { source: this.o.name, valueRange: [0, 0] };
        this.locations.setKey(itemKey, loc);
        out.push(this.inline(k, loc, itemKey, depth));
        this.advance();
      }
      this.path.pop();
      if (this.eof || this.ind < col) return out;
      if (this.ind > col) notPlain();
      if (!this.dashAt(this.ls + col)) return out;
    }
  }

  /** After `key:` (at column `col`) or `-` with nothing more on its line, the cursor on the next content line. */
  private nested(col: number, sameIndentSeq: boolean): Nested {
    if (this.eof) return Nested.None;
    const dash = this.dashAt(this.ls + this.ind);
    if (this.ind > col) return dash ? Nested.Seq : Nested.Map;
    if (this.ind === col && sameIndentSeq && dash) return Nested.Seq;
    return Nested.None;
  }

  /** A value on the current line at `v`: a scalar or a flow collection, then only a comment. Sets `loc.valueRange`. */
  private inline(v: number, loc: NodeLocation, key: string, depth: number): unknown {
    const t = this.text;
    const c = t.charCodeAt(v);
    let end: number;
    let value: unknown;
    if (c === DQ || c === SQ) {
      end = this.quoted(v);
      value = this.quotedValue;
    } else if (c === 0x5b || c === 0x7b) {
      const flow = this.flow(v, key, depth + 1);
      end = flow.end;
      value = flow.value;
    } else {
      this.plainStart(v);
      const le = this.le;
      end = le;
      for (let j = v; j < le; j++) {
        const ch = t.charCodeAt(j);
        if (ch === HASH && t.charCodeAt(j - 1) === SPACE) {
          end = j;
          break;
        }
        if (ch === COLON && this.spaceOrEnd(j + 1)) notPlain(); // `a: b: c`
      }
      while (end > v && t.charCodeAt(end - 1) === SPACE) end--;
      value = this.plain(t.slice(v, end));
    }
    this.rest(end);
    loc.valueRange = [this.o.toOriginal(v), this.o.toOriginal(end, true)];
    return value;
  }

  /** A flow collection of scalars that closes on this line (none nested, every map entry with a value). */
  private flow(k: number, key: string, depth: number): { value: unknown; end: number } {
    if (depth > MAX_DEPTH) notPlain();
    const t = this.text;
    const le = this.le;
    const isMap = t.charCodeAt(k) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const map: Record<string, unknown> = {};
    const seq: unknown[] = [];
    const seen = new Set<string>();
    let j = k + 1;
    for (let i = 0; ; i++) {
      while (j < le && t.charCodeAt(j) === SPACE) j++;
      if (j >= le) notPlain(); // continued on the next line
      if (t.charCodeAt(j) === close) return { value: isMap ? map : seq, end: j + 1 };
      const s = j;
      j = this.flowScalar(s);
      const value = this.scalarValue;
      while (j < le && t.charCodeAt(j) === SPACE) j++;
      if (isMap) {
        if (t.charCodeAt(j) !== COLON || !this.flowIndicatorAfter(j + 1)) notPlain(); // `{a}`, `{a, b}`
        const name = keyString(value);
        const childKey = key + keySegment(name);
        const keyRange: [number, number] = [this.o.toOriginal(s), this.o.toOriginal(this.scalarEnd, true)];
        j++;
        while (j < le && t.charCodeAt(j) === SPACE) j++;
        const c = t.charCodeAt(j);
        if (j >= le || c === COMMA || c === close) notPlain(); // `{a: }`: an empty value
        const vs = j;
        j = this.flowScalar(vs);
        this.path.push(name);
        if (seen.has(name)) this.duplicates.push({ path: [...this.path], range: keyRange });
        this.path.pop();
        seen.add(name);
        this.locations.setKey(childKey, { source: this.o.name, keyRange, valueRange: [this.o.toOriginal(vs), this.o.toOriginal(this.scalarEnd, true)] });
        setOwn(map, name, this.scalarValue);
      } else {
        if (t.charCodeAt(j) === COLON) notPlain(); // `[a: b]`: a map inside the sequence
        this.locations.setKey(key + '#' + i, { source: this.o.name, valueRange: [this.o.toOriginal(s), this.o.toOriginal(this.scalarEnd, true)] });
        seq.push(value);
      }
      while (j < le && t.charCodeAt(j) === SPACE) j++;
      const c = t.charCodeAt(j);
      if (c === COMMA) j++;
      else if (c !== close) notPlain();
    }
  }

  /** The value and end of the last scalar read by `flowScalar`. */
  private scalarValue: unknown = null;
  private scalarEnd = 0;

  /** A quoted or plain scalar inside a flow collection at `s`; returns the offset after it. */
  private flowScalar(s: number): number {
    const t = this.text;
    const le = this.le;
    const c = t.charCodeAt(s);
    if (c === DQ || c === SQ) {
      const end = this.quoted(s);
      this.scalarValue = this.quotedValue;
      this.scalarEnd = end;
      return end;
    }
    if (NOT_PLAIN_START.has(c) || c === DASH || c === 0x3f || c === COLON) {
      if (!(c === DASH && s + 1 < le && isDigitOrDot(t.charCodeAt(s + 1)))) notPlain();
    }
    if (c === 0x3c && t.charCodeAt(s + 1) === 0x3c) notPlain(); // `<<`: a merge key in a flow map
    let j = s;
    while (j < le) {
      const ch = t.charCodeAt(j);
      if (ch === COMMA || ch === 0x5d || ch === 0x7d) break;
      if (ch === 0x5b || ch === 0x7b || ch === HASH) notPlain();
      if (ch === COLON && this.flowIndicatorAfter(j + 1)) break;
      j++;
    }
    let end = j;
    while (end > s && t.charCodeAt(end - 1) === SPACE) end--;
    this.scalarValue = this.plain(t.slice(s, end));
    this.scalarEnd = end;
    return j;
  }

  /** A quoted scalar at `k` that closes on this line; sets `quotedValue`, returns the offset after the quote. */
  private quoted(k: number): number {
    const t = this.text;
    const le = this.le;
    if (t.charCodeAt(k) === SQ) {
      let out = '';
      let from = k + 1;
      for (;;) {
        const q = t.indexOf("'", from);
        if (q < 0 || q >= le) notPlain(); // continues on the next line
        if (q + 1 < le && t.charCodeAt(q + 1) === SQ) {
          out += t.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        this.quotedValue = out + t.slice(from, q);
        return q + 1;
      }
    }
    let out = '';
    let from = k + 1;
    for (let j = k + 1; j < le; j++) {
      const ch = t.charCodeAt(j);
      if (ch === DQ) {
        this.quotedValue = out + t.slice(from, j);
        return j + 1;
      }
      if (ch !== 0x5c) continue;
      out += t.slice(from, j);
      if (j + 1 >= le) notPlain(); // an escaped line break
      const e = t.charCodeAt(j + 1);
      const hex = HEX_ESCAPES.get(e);
      if (hex !== undefined) {
        const digits = t.slice(j + 2, j + 2 + hex);
        if (j + 2 + hex > le || !HEX.test(digits)) notPlain();
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) notPlain(); // the parser reports it
        out += String.fromCodePoint(code);
        j += 1 + hex;
      } else {
        const s = ESCAPES.get(e);
        if (s === undefined) notPlain();
        out += s;
        j++;
      }
      from = j + 1;
    }
    return notPlain(); // continues on the next line
  }

  private plain(raw: string): unknown {
    const value = this.o.resolvePlain(raw);
    return value === undefined ? notPlain() : value;
  }

  /** Offset of the `:` that ends a plain key starting at `k` on this line, or -1 when the line is not a key. */
  private keyColon(k: number): number {
    const t = this.text;
    const le = this.le;
    for (let j = k; j < le; j++) {
      const ch = t.charCodeAt(j);
      if (ch === COLON && this.spaceOrEnd(j + 1)) return j;
      if (ch === HASH && t.charCodeAt(j - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** Whether a sequence item's content at `k` is a map entry (`- key: value`). */
  private isKey(k: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(k);
    if (c === DQ || c === SQ) {
      let m = this.quoted(k);
      while (m < this.le && t.charCodeAt(m) === SPACE) m++;
      return m < this.le && t.charCodeAt(m) === COLON && this.spaceOrEnd(m + 1);
    }
    if (c === 0x5b || c === 0x7b) return false;
    return this.keyColon(k) >= 0;
  }

  /** A plain scalar may not start with an indicator; `-`, `?`, `:` only when a non-space follows. */
  private plainStart(k: number): void {
    if (!plainStartAt(this.text, k, this.le)) notPlain();
  }

  /** After a complete node: only spaces, then the end of the line or a comment after a space. */
  private rest(j: number): void {
    if (!onlyCommentAfter(this.text, j, this.le)) notPlain();
  }

  /** `-` at `k` followed by a space or the end of the line: a sequence item. */
  private dashAt(k: number): boolean {
    return this.text.charCodeAt(k) === DASH && this.spaceOrEnd(k + 1);
  }

  private spaceOrEnd(j: number): boolean {
    return spaceOrEnd(this.text, j, this.le);
  }

  private flowIndicatorAfter(j: number): boolean {
    return flowIndicatorAt(this.text, j, this.le);
  }
}

function isDigitOrDot(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}
