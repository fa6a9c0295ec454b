// Reads a values file the way Helm does (sigs.k8s.io/yaml over go-yaml v2) and records where every value sits.
import { Composer, Document, isAlias, isMap, isScalar, isSeq, Parser, visit } from 'yaml';
import type { Alias, CST, Node as YamlNode, Pair, ParsedNode, YAMLMap } from 'yaml';
import { composePlain } from './compose-plain.js';
import { LineIndex } from './line-index.js';
import { LazyEndLocation, LocationMap } from './location-map.js';
import { skimValues } from './skim-values.js';
import type { Skimmed } from './skim-values.js';
import { keySegment, keyString, setOwn } from './values-path.js';
import type { NodeLocation, ValuesPath } from './types.js';

/** A problem found while reading the file, before any rule runs. */
export interface LoadProblem {
  ruleId: 'yaml-syntax' | 'duplicate-key' | 'multi-document';
  message: string;
  /** Values path the problem belongs to (duplicate keys), or undefined for text-level problems. */
  path?: ValuesPath;
  range: [number, number];
  fatal: boolean;
}

export interface SourceFile {
  name: string;
  text: string;
  lines: LineIndex;
}

export interface LoadedValues {
  source: SourceFile;
  /** The first document as Helm reads it; undefined when it could not be read. */
  values: unknown;
  locations: LocationMap;
  problems: LoadProblem[];
}

export interface LoadLimits {
  /** Nodes that may be produced by alias expansion before the file is refused (billion laughs). */
  maxAliasNodes: number;
  /** Maximum nesting depth of collections. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: LoadLimits = { maxAliasNodes: 100_000, maxDepth: 500 };

/**
 * Numbers as go-yaml v2 (Helm) resolves plain scalars (`resolve.go`): underscores are dropped, then Go's
 * `strconv.ParseInt(s, 0, 64)` (so `0777` is octal 511, `0x1F` hex, `0b101` binary, `0o17` octal), then
 * `ParseUint`, then a float if the text matches go-yaml's float pattern (so `0789` is 789 and `1e3` is 1000,
 * which the YAML 1.1 schema would keep as strings). Anything else stays a string.
 */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

export function resolveGoNumber(text: string): number | string {
  const plain = text.replaceAll('_', '');
  if (GO_INT.test(plain)) {
    const neg = plain.startsWith('-');
    const body = plain.replace(/^[-+]/, '');
    const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : /^0[oO]/.test(body) ? `0o${body.slice(2)}` : body;
    const big = BigInt(digits);
    if ((neg ? big <= INT64_MAX + 1n : big <= UINT64_MAX)) return Number(neg ? -big : big);
  }
  if (GO_FLOAT.test(plain)) return Number(plain);
  return text;
}

const GO_NUMBER_TAG = {
  identify: (value: unknown) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: /^[-+]?(?:\.?[0-9])[0-9a-zA-Z_.+-]*$/,
  resolve: (str: string) => resolveGoNumber(str),
};

/**
 * Helm parses values with go-yaml v2: YAML 1.1 booleans (`yes/no/on/off/y/n`) and nulls, merge keys, and
 * numbers as `resolveGoNumber` reads them. go-yaml v2 reads timestamps into strings and has no sexagesimal
 * numbers (`1:20`), so those YAML 1.1 tags are dropped as well.
 */
const HELM_TAG_FILTER = (tags: unknown[]): unknown[] => [
  GO_NUMBER_TAG,
  ...tags.filter((t) => {
    const tag = (t as { tag?: string }).tag;
    return tag !== 'tag:yaml.org,2002:timestamp' && tag !== 'tag:yaml.org,2002:int' && tag !== 'tag:yaml.org,2002:float';
  }),
];

class LoadAbort extends Error {}

/** The parser options: YAML 1.1 as go-yaml v2 reads it, and every error the spec requires. */
const PARSE_OPTIONS = {
  version: '1.1',
  merge: true,
  uniqueKeys: false, // go-yaml v2 keeps the last duplicate; its quadratic check is also avoided
  prettyErrors: false,
  strict: true, // spec errors that go-yaml v2 lets pass are reported as non-fatal findings (see HELM_ACCEPTS)
  customTags: HELM_TAG_FILTER as never,
} as const;

/** Errors the YAML spec requires but go-yaml v2 (Helm) ignores: reported, but the file is still read. */
const HELM_ACCEPTS = new Set(['Comments must be separated from other tokens by white space characters']);

/** Syntax errors reported per file; a file of garbage would otherwise print thousands of them. */
export const MAX_SYNTAX_PROBLEMS = 20;

/**
 * Characters YAML does not allow anywhere in a stream (go-yaml v2's reader refuses them with "control characters
 * are not allowed"), and unpaired surrogates: `decodeSource` turns each byte that is not UTF-8 into U+DC80–U+DCFF.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

export interface LoadOptions {
  /**
   * For linting: read only the parts of the file the rules use (`skim-values.ts`) when the file allows it. The
   * lint results are the same (a test holds them to it) and large files are read many times faster, but `values`
   * then lacks the sections no rule reads. Off by default: `values` is the whole file.
   */
  skim?: boolean;
}

/** Parses `text` as a Helm values file. Never throws on bad input: problems are returned. */
export function loadValues(name: string, text: string, limits: LoadLimits = DEFAULT_LIMITS, options: LoadOptions = {}): LoadedValues {
  const source: SourceFile = { name, text, lines: new LineIndex(text) };
  const locations = new LocationMap();
  const problems: LoadProblem[] = [];
  const result: LoadedValues = { source, values: undefined, locations, problems };

  const refused = refuseText(text, source.lines);
  if (refused) {
    problems.push(refused);
    return result;
  }
  if (options.skim === true) {
    const skimmed = loadSkimmed(source, limits);
    if (skimmed) return skimmed;
  }

  let docs: Document.Parsed[];
  try {
    docs = parseStream(text, problems, limits.maxDepth);
  } catch (err) {
    // The parser recurses per nesting level; absurd nesting exhausts the stack.
    problems.push({ ruleId: 'yaml-syntax', message: `The file cannot be parsed: ${describeError(err)}.`, range: [0, 0], fatal: true });
    return withTemplateHint(result);
  }

  const first = docs[0];
  if (first) syntaxProblems(first, 0, problems);
  docs.slice(1).forEach((d, i) => syntaxProblems(d, i + 1, problems));
  capSyntaxProblems(problems);
  if (problems.some((p) => p.fatal)) return withTemplateHint(result);
  if (!first) {
    result.values = null; // empty file: Helm reads no values
    return result;
  }
  const later = docs.slice(1).find((d) => d.errors.length > 0 || !(d.contents === null || (isScalar(d.contents) && d.contents.value === null && d.contents.source === '')));
  if (later) {
    const start = later.range[0];
    problems.push({
      ruleId: 'multi-document',
      message: 'Only the first YAML document of a values file is read by Helm; everything after this `---` is ignored.',
      range: [start, Math.min(start + 3, text.length)],
      fatal: false,
    });
  }

  const builder = new ValueBuilder(first, name, locations, problems, limits);
  try {
    const values = builder.build(first.contents as YamlNode | null, '', 0);
    if (values !== null && (typeof values !== 'object' || Array.isArray(values))) {
      const kind = Array.isArray(values) ? 'a list' : `a ${typeof values}`;
      const go = Array.isArray(values) ? 'array' : typeof values === 'boolean' ? 'bool' : typeof values;
      builder.fail(`The top level of a values file must be a map; this one is ${kind}, which Helm refuses ("cannot unmarshal ${go} into Go value of type chartutil.Values").`, first.contents as YamlNode);
    }
    result.values = values;
    locations.set([], { source: name, valueRange: nodeRange(first.contents as YamlNode | null, first.range[0]) });
  } catch (err) {
    if (!(err instanceof LoadAbort)) throw err;
    result.values = undefined;
    return withTemplateHint(result);
  }
  return result;
}

/**
 * Reads the reduced text of `skimValues` instead of the whole file: with `composePlain` when it is in the plain
 * subset, else with the parser. Anything short of a clean read (the file is not plain enough to skim, or the reduced
 * text has a problem of any kind) returns `undefined`, and the whole file is parsed, so every problem is reported
 * exactly as the full parse reports it.
 */
function loadSkimmed(source: SourceFile, limits: LoadLimits): LoadedValues | undefined {
  const skimmed = skimValues(source.text, entryEnd);
  if (!skimmed) return undefined;
  let parsed: LoadedValues | undefined | null = null;
  const byParser = () => (parsed === null ? (parsed = loadReduced(source, skimmed, limits)) : parsed);
  const composed = composePlain(skimmed.text, {
    name: source.name,
    toOriginal: skimmed.toOriginal,
    resolvePlain: resolvePlainScalar,
    // The parser ends block collections after the comments that follow them, by rules of its own: asked on demand.
    collectionEnd: (key) => byParser()?.locations.getKey(key)?.valueRange[1],
  });
  if (!composed) return byParser();
  const problems: LoadProblem[] = composed.duplicates.map((d) => ({ ruleId: 'duplicate-key', message: duplicateKeyMessage(String(d.path.at(-1))), path: d.path, range: d.range, fatal: false }));
  return { source, values: composed.values, locations: composed.locations, problems };
}

function duplicateKeyMessage(key: string): string {
  return `Duplicate key "${key}": Helm silently keeps only this last value and drops the earlier one.`;
}

/** Plain scalars resolved so far (values files repeat `true`, `false`, `enabled` and the like many times). */
const plainCache = new Map<string, unknown>();
let plainTags: { tags: { test: RegExp; resolve: (s: string, onError: (msg: string) => void, options: unknown) => unknown }[]; options: unknown } | undefined;

/**
 * A plain scalar resolved by the tags of the parser's schema (PARSE_OPTIONS), in their order, as the parser resolves
 * a plain scalar without a tag: the same booleans, nulls and numbers. `undefined` when a tag reports an error.
 */
export function resolvePlainScalar(text: string): unknown {
  const hit = plainCache.get(text);
  if (hit !== undefined) return hit;
  if (!plainTags) {
    const doc = new Document(null, PARSE_OPTIONS);
    const tags = doc.schema.tags.filter((t) => t.default === true && 'test' in t && t.test instanceof RegExp);
    plainTags = { tags: tags as unknown as NonNullable<typeof plainTags>['tags'], options: doc.options };
  }
  let value: unknown = text;
  let failed = false;
  for (const tag of plainTags.tags) {
    if (!tag.test.test(text)) continue;
    const res = tag.resolve(text, () => (failed = true), plainTags.options);
    value = normalizeScalar(isScalar(res) ? res.value : res);
    break;
  }
  if (failed) return undefined;
  if (plainCache.size > 10_000) plainCache.clear();
  plainCache.set(text, value);
  return value;
}

/** `loadSkimmed` with the parser. */
function loadReduced(source: SourceFile, skimmed: Skimmed, limits: LoadLimits): LoadedValues | undefined {
  const doc = cleanMapDocument(skimmed.text, limits.maxDepth);
  if (!doc) return undefined;
  const problems: LoadProblem[] = [];
  const locations = new LocationMap();
  const builder = new ValueBuilder(doc, source.name, locations, problems, limits, skimmed.toOriginal);
  let values: unknown;
  try {
    values = builder.build(doc.contents, '', 0);
  } catch (err) {
    if (err instanceof LoadAbort) return undefined;
    throw err;
  }
  if (problems.some((p) => p.fatal)) return undefined;
  const [start, end] = nodeRange(doc.contents, 0);
  const root: NodeLocation = { source: source.name, valueRange: [skimmed.toOriginal(start), skimmed.toOriginal(end, true)] };
  locations.set([], endOnDemand(root, skimmed.rootEnd));
  const astronomer = locations.get(['astronomer']);
  if (astronomer) locations.set(['astronomer'], endOnDemand(astronomer, skimmed.astronomerEnd));
  return { source, values, locations, problems };
}

/**
 * A map whose last entry was cut from the reduced text ends where the full parse ends it (`end`), computed the first
 * time the range is read. (Should that entry not parse on its own, which the skimmer's checks make unlikely, the end
 * of its key stays.)
 */
function endOnDemand(loc: NodeLocation, end: (() => number | undefined) | undefined): NodeLocation {
  return end ? new LazyEndLocation(loc.source, loc.valueRange[0], end, loc.valueRange[1], loc.keyRange) : loc;
}

/** Where the first (only) top-level value of `text` ends, as the full parse would end it; undefined if it does not parse. */
function entryEnd(text: string): number | undefined {
  return cleanMapDocument(text, DEFAULT_LIMITS.maxDepth)?.contents.range[1];
}

/** `text` as one document whose top level is a map, or undefined if it is anything else or has any problem. */
function cleanMapDocument(text: string, maxDepth: number): (Document.Parsed & { contents: YAMLMap.Parsed }) | undefined {
  const problems: LoadProblem[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseStream(text, problems, maxDepth);
  } catch {
    return undefined;
  }
  const doc = docs[0];
  if (!doc || docs.length !== 1 || problems.length > 0 || doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  return doc as Document.Parsed & { contents: YAMLMap.Parsed };
}

/**
 * Refuses text that is not YAML text at all: a byte that was not UTF-8, a NUL (binary data, or UTF-16 without a
 * byte-order mark) or another control character. One finding at the first such character; nothing is parsed.
 */
function refuseText(text: string, lines: LineIndex): LoadProblem | undefined {
  const m = FORBIDDEN_CHAR.exec(text);
  if (!m) return undefined;
  const at = m.index;
  const code = text.charCodeAt(at);
  const { line, column } = lines.position(at);
  const where = `line ${line}, column ${column}`;
  const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
  let message: string;
  if (code >= 0xdc80 && code <= 0xdcff) {
    message = `The file is not UTF-8 text: byte 0x${hex(code - 0xdc00, 2)} at ${where} is not valid UTF-8. Helm refuses such files; save it as UTF-8.`;
  } else if (code >= 0xd800 && code <= 0xdfff) {
    message = `The file is not valid Unicode text: an unpaired UTF-16 surrogate (or a truncated character) at ${where}. Helm refuses such files; save it as UTF-8.`;
  } else if (code === 0) {
    message = `The file contains a NUL byte at ${where}: it is binary data (or UTF-16 without a byte-order mark), not YAML text. Helm refuses it.`;
  } else {
    message = `The file contains the control character U+${hex(code, 4)} at ${where}, which YAML does not allow; Helm refuses the file ("control characters are not allowed").`;
  }
  return { ruleId: 'yaml-syntax', message, range: [at, at + 1], fatal: true };
}

/**
 * Parses every document of the stream, checking what the parser lets pass: directives (`%YAML` twice, a `%TAG`
 * handle declared twice, directives without a document) and tag handles borrowed from an earlier document.
 */
function parseStream(text: string, problems: LoadProblem[], maxDepth: number): Document.Parsed[] {
  // go-yaml v2 ends a line at a lone CR as well; the parser does not. Same length, so every offset stays valid.
  const input = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const composer = new Composer(PARSE_OPTIONS);
  const docs: Document.Parsed[] = [];
  let pending: CST.Directive[] = [];
  let documents = 0;
  const declaredEarlier = new Set<string>();
  for (const token of new Parser().parse(input)) {
    if (token.type === 'directive') pending.push(token);
    else if (token.type === 'document') {
      const deep = tooDeep(token, maxDepth);
      if (deep !== undefined) {
        // Refused before composing: the composer recurses per level, and where the stack ends depends on the caller.
        const message = `Nesting deeper than ${maxDepth} levels is not supported.`;
        problems.push({ ruleId: 'yaml-syntax', message: documents === 0 ? message : laterDocument(`Document ${documents + 1}: ${message}`), range: [deep, deep + 1], fatal: documents === 0 });
        pending = [];
        break;
      }
      const own = checkDirectives(pending, documents === 0, problems);
      if (documents > 0 && declaredEarlier.size > 0) checkBorrowedTags(token, own, declaredEarlier, documents, problems);
      own.forEach((h) => declaredEarlier.add(h));
      pending = [];
      documents++;
    }
    for (const doc of composer.next(token)) docs.push(doc);
  }
  for (const doc of composer.end(false, input.length)) docs.push(doc);
  if (pending.length > 0) {
    const d = pending[0]!;
    problems.push({
      ruleId: 'yaml-syntax',
      message: `The directive \`${d.source.split(/\s/)[0]}\` is not followed by a document (\`---\`).`,
      range: [d.offset, d.offset + d.source.length],
      fatal: documents === 0,
    });
  }
  return docs;
}

/** Offset of the first collection nested deeper than `max` in a document's syntax tree (walked without recursion). */
function tooDeep(doc: CST.Document, max: number): number | undefined {
  const stack: [CST.Token | undefined, number][] = [[doc.value, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > max) return token.offset;
    const items = token.items as { key?: CST.Token | null; value?: CST.Token | null }[];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return undefined;
}

/** Checks one document's directives; returns the `%TAG` handles it declares. */
function checkDirectives(directives: CST.Directive[], first: boolean, problems: LoadProblem[]): Set<string> {
  const handles = new Set<string>();
  let version = false;
  for (const d of directives) {
    const [name, handle] = d.source.split(/[ \t]+/);
    let repeated: string | undefined;
    if (name === '%YAML') {
      if (version) repeated = 'The `%YAML` directive is given twice for one document.';
      version = true;
    } else if (name === '%TAG' && handle !== undefined) {
      if (handles.has(handle)) repeated = `The tag handle \`${handle}\` is declared twice for one document.`;
      handles.add(handle);
    }
    if (repeated) problems.push({ ruleId: 'yaml-syntax', message: first ? repeated : laterDocument(repeated), range: [d.offset, d.offset + d.source.length], fatal: first });
  }
  return handles;
}

/** A later document may not use a `%TAG` handle of an earlier one (the parser carries them over). */
function checkBorrowedTags(doc: CST.Document, own: Set<string>, earlier: Set<string>, index: number, problems: LoadProblem[]): void {
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const t = stack.pop();
    if (t === null || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (const item of t as unknown[]) stack.push(item);
      continue;
    }
    const tok = t as { type?: string; source?: string; offset?: number };
    if (tok.type === 'tag' && typeof tok.source === 'string') {
      const handle = /^![\w-]+!/.exec(tok.source)?.[0];
      if (handle && !own.has(handle) && earlier.has(handle)) {
        const message = `Document ${index + 1} uses the tag handle \`${handle}\`, which only an earlier document declares (a \`%TAG\` directive applies to its own document).`;
        problems.push({ ruleId: 'yaml-syntax', message: laterDocument(message), range: [tok.offset ?? 0, (tok.offset ?? 0) + tok.source.length], fatal: false });
        return;
      }
    }
    for (const v of Object.values(tok)) if (v !== null && typeof v === 'object') stack.push(v);
  }
}

function laterDocument(message: string): string {
  return `${message} (Helm reads only the first document, but the file is not valid YAML.)`;
}

/** The parser's errors for one document: fatal in the first, reported but not fatal in the documents Helm ignores. */
function syntaxProblems(doc: Document.Parsed, index: number, problems: LoadProblem[]): void {
  for (const e of doc.errors) {
    let msg = e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
    if (/call stack/i.test(msg)) msg = 'The file is nested too deeply to be read';
    msg = `${msg}${/[.!?]$/.test(msg) ? '' : '.'}`;
    const lenient = HELM_ACCEPTS.has(msg.replace(/\.$/, ''));
    if (lenient) msg += " Helm's parser accepts this, but it is not valid YAML, and other tools reject it.";
    if (index > 0) msg = laterDocument(`Document ${index + 1}: ${msg}`);
    problems.push({ ruleId: 'yaml-syntax', message: msg, range: [e.pos[0], e.pos[1]], fatal: index === 0 && !lenient });
  }
}

/** Keeps the first MAX_SYNTAX_PROBLEMS syntax problems; the last one kept says how many more there were. */
function capSyntaxProblems(problems: LoadProblem[]): void {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.ruleId}\0${p.range[0]}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  replaceAll(problems, unique);
  const syntax = problems.filter((p) => p.ruleId === 'yaml-syntax');
  if (syntax.length <= MAX_SYNTAX_PROBLEMS) return;
  const dropped = new Set(syntax.slice(MAX_SYNTAX_PROBLEMS));
  const last = syntax[MAX_SYNTAX_PROBLEMS - 1]!;
  last.message += ` (${dropped.size} more YAML syntax errors follow; fix these first.)`;
  replaceAll(problems, problems.filter((p) => !dropped.has(p)));
}

/** Replaces the contents of a list in place (no spread: a file of garbage can have a very long list). */
function replaceAll<T>(list: T[], items: T[]): void {
  list.length = 0;
  for (const item of items) list.push(item);
}

/** Values files are not templates: say so when a file that cannot be read contains `{{`. */
function withTemplateHint(result: LoadedValues): LoadedValues {
  const p = result.problems.find((x) => x.fatal);
  if (p && result.source.text.includes('{{')) {
    p.message += ' The file contains Helm template syntax (`{{ … }}`): Helm does not render values files, so it reads the braces as YAML.';
  }
  return result;
}

function describeError(err: unknown): string {
  if (err instanceof RangeError) return 'it is nested too deeply';
  return err instanceof Error ? err.message : String(err);
}

function nodeRange(node: YamlNode | null | undefined, fallback: number): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : [fallback, fallback];
}

/** Converts the yaml AST to plain values with Helm's semantics, recording locations as it goes. */
class ValueBuilder {
  private aliasNodes = 0;
  /** The path of the node being built. */
  private readonly path: (string | number)[] = [];
  private readonly expanding = new Set<YamlNode>();
  private aliasTargets: Map<Alias, YamlNode | undefined> | undefined;
  /** The alias whose expansion is being built (where an expansion over the limit is reported). */
  private outerAlias: YamlNode | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly name: string,
    private readonly locations: LocationMap,
    private readonly problems: LoadProblem[],
    private readonly limits: LoadLimits,
    /** Maps offsets of a skimmed (reduced) text back to the file (identity for a full parse). */
    private readonly toOriginal: (offset: number, end?: boolean) => number = (o) => o,
  ) {}

  private range(r: readonly number[]): [number, number] {
    return [this.toOriginal(r[0]!), this.toOriginal(r[1]!, true)];
  }

  /**
   * The value of `node`, at the path in `this.path`, whose `pathKey` is `key` (kept alongside: building keys from
   * whole paths at every node was most of the time an alias-heavy file took).
   */
  build(node: YamlNode | null, key: string, depth: number, viaAlias = false): unknown {
    if (node === null || node === undefined) return null;
    if (viaAlias && ++this.aliasNodes > this.limits.maxAliasNodes) {
      this.fail('Alias expansion exceeds the limit of ' + this.limits.maxAliasNodes + ' nodes (a "billion laughs" document); Helm refuses such files as excessive aliasing.', this.outerAlias ?? node);
    }
    if (depth > this.limits.maxDepth) this.fail(`Nesting deeper than ${this.limits.maxDepth} levels is not supported.`, node);
    if (isAlias(node)) {
      const target = this.resolveAlias(node);
      if (!target) this.fail(`Unknown alias *${node.source}.`, node);
      if (this.expanding.has(target!)) this.fail(`Alias *${node.source} refers to itself.`, node);
      this.expanding.add(target!);
      const outer = this.outerAlias === undefined;
      if (outer) this.outerAlias = node;
      try {
        return this.build(target!, key, depth, true);
      } finally {
        this.expanding.delete(target!);
        if (outer) this.outerAlias = undefined;
      }
    }
    if (isScalar(node)) return normalizeScalar(node.value);
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        const child = item as YamlNode | null;
        const childKey = key + keySegment(i);
        this.path.push(i);
        this.record(childKey, undefined, child, node);
        out.push(this.build(child, childKey, depth + 1, viaAlias));
        this.path.pop();
      });
      return out;
    }
    if (isMap(node)) return this.buildMap(node.items as Pair<ParsedNode, ParsedNode | null>[], key, depth, viaAlias);
    return null;
  }

  private buildMap(items: Pair<ParsedNode, ParsedNode | null>[], mapKey: string, depth: number, viaAlias: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Pair<ParsedNode, ParsedNode | null>>();
    const merges: Pair<ParsedNode, ParsedNode | null>[] = [];
    for (const pair of items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        merges.push(pair);
        continue;
      }
      const key = nodeKeyString(this.scalarKey(pair.key));
      const childKey = mapKey + keySegment(key);
      this.path.push(key);
      const earlier = seen.get(key);
      if (earlier && !viaAlias) {
        this.problems.push({
          ruleId: 'duplicate-key',
          message: duplicateKeyMessage(key),
          path: [...this.path],
          range: this.range(pair.key.range),
          fatal: false,
        });
        // Forget the dropped value's children; scalars are simply overwritten below (keeps this linear).
        if (isMap(earlier.value) || isSeq(earlier.value) || isAlias(earlier.value)) this.locations.deleteSubtreeKey(childKey);
      }
      seen.set(key, pair);
      this.record(childKey, pair.key, pair.value, undefined);
      setOwn(out, key, this.build(pair.value, childKey, depth + 1, viaAlias));
      this.path.pop();
    }
    // Merge keys: explicit keys win; among several sources, the first one wins (YAML 1.1 merge spec).
    for (const pair of merges) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const src of sources) {
        const merged = this.build(src as YamlNode | null, mapKey, depth + 1, true);
        if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
          this.fail('A merge key `<<` must refer to a mapping or a list of mappings.', (src ?? pair.key) as YamlNode);
        }
        for (const [k, v] of Object.entries(merged as Record<string, unknown>)) {
          if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v);
        }
      }
    }
    return out;
  }

  /**
   * The node an alias refers to: the last node before it with that anchor, as `Alias.resolve` finds it, but with one
   * walk of the document for all aliases (`resolve` walks the whole document per alias: quadratic in a large file).
   */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YamlNode | undefined>();
      const anchors = new Map<string, YamlNode>();
      visit(this.doc, {
        Node: (_key, n) => {
          if (isAlias(n)) targets.set(n, anchors.get(n.source));
          else if (n.anchor) anchors.set(n.anchor, n);
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  /** go-yaml v2 cannot use a map or a list as a key: Helm fails with "invalid map key". Aliased keys are resolved. */
  private scalarKey(key: ParsedNode | null): ParsedNode | null {
    const target = isAlias(key) ? (this.resolveAlias(key) as ParsedNode | undefined) : key;
    if (isMap(target) || isSeq(target) || (isAlias(key) && !target)) {
      this.fail('A map or a list is used as a map key, which Helm refuses ("invalid map key").', (key ?? target) as YamlNode);
    }
    return target ?? null;
  }

  private record(pathKey: string, key: ParsedNode | undefined, value: YamlNode | null | undefined, parent: YamlNode | undefined): void {
    const fallback = key ? this.toOriginal(key.range[1], true) : parent?.range ? this.toOriginal(parent.range[0]) : 0;
    const valueRange: [number, number] =
      value?.range && !(isScalar(value) && value.value === null && value.range[0] === value.range[1])
        ? this.range(value.range)
        : [fallback, fallback];
    const loc: NodeLocation = { source: this.name, valueRange };
    if (key?.range) loc.keyRange = this.range(key.range);
    // Through an alias, the first (outermost) record of a path is the one that explains it.
    if (key || !this.locations.hasKey(pathKey)) this.locations.setKey(pathKey, loc);
  }

  fail(message: string, node: YamlNode): never {
    const r = node.range ?? [0, 0];
    this.problems.push({ ruleId: 'yaml-syntax', message, range: this.range(r), fatal: true });
    throw new LoadAbort(message);
  }
}

/** sigs.k8s.io/yaml turns every map key into a string (`true:` → "true", `1:` → "1"). */
/** The string Helm makes of a scalar key node (ValueBuilder.scalarKey refuses collection keys before this). */
function nodeKeyString(key: ParsedNode | null): string {
  return keyString(isScalar(key) ? key.value : null);
}

function normalizeScalar(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value ?? null;
}
