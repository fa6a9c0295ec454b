// Reads a values file the way Helm does (sigs.k8s.io/yaml over go-yaml v2) and records where every value sits.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode, Pair, ParsedNode } from 'yaml';
import { LineIndex } from './line-index.js';
import { LocationMap } from './location-map.js';
import { formatPath } from './values-path.js';
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

/** Parses `text` as a Helm values file. Never throws on bad input: problems are returned. */
export function loadValues(name: string, text: string, limits: LoadLimits = DEFAULT_LIMITS): LoadedValues {
  const source: SourceFile = { name, text, lines: new LineIndex(text) };
  const locations = new LocationMap();
  const problems: LoadProblem[] = [];
  const result: LoadedValues = { source, values: undefined, locations, problems };

  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, {
      version: '1.1',
      merge: true,
      uniqueKeys: false, // go-yaml v2 keeps the last duplicate; its quadratic check is also avoided
      prettyErrors: false,
      strict: false,
      customTags: HELM_TAG_FILTER as never,
    });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (err) {
    // The parser recurses per nesting level; absurd nesting exhausts the stack.
    problems.push({ ruleId: 'yaml-syntax', message: `The file cannot be parsed: ${describeError(err)}.`, range: [0, 0], fatal: true });
    return result;
  }

  const first = docs[0];
  if (!first) {
    result.values = null; // empty file: Helm reads no values
    return result;
  }
  if (first.errors.length > 0) {
    for (const e of first.errors) {
      const msg = e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
      problems.push({ ruleId: 'yaml-syntax', message: `${msg}${/[.!?]$/.test(msg) ? '' : '.'}`, range: [e.pos[0], e.pos[1]], fatal: true });
    }
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
    result.values = builder.build(first.contents as YamlNode | null, [], 0);
    locations.set([], { source: name, valueRange: nodeRange(first.contents as YamlNode | null, first.range[0]) });
  } catch (err) {
    if (!(err instanceof LoadAbort)) throw err;
    result.values = undefined;
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
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly name: string,
    private readonly locations: LocationMap,
    private readonly problems: LoadProblem[],
    private readonly limits: LoadLimits,
  ) {}

  build(node: YamlNode | null, path: ValuesPath, depth: number, viaAlias = false): unknown {
    if (node === null || node === undefined) return null;
    if (viaAlias && ++this.aliasNodes > this.limits.maxAliasNodes) {
      this.fail('Alias expansion exceeds the limit of ' + this.limits.maxAliasNodes + ' nodes (a "billion laughs" document); Helm refuses such files as excessive aliasing.', node);
    }
    if (depth > this.limits.maxDepth) this.fail(`Nesting deeper than ${this.limits.maxDepth} levels is not supported.`, node);
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      if (!target) this.fail(`Unknown alias *${node.source}.`, node);
      if (this.expanding.has(target!)) this.fail(`Alias *${node.source} refers to itself.`, node);
      this.expanding.add(target!);
      try {
        return this.build(target!, path, depth, true);
      } finally {
        this.expanding.delete(target!);
      }
    }
    if (isScalar(node)) return normalizeScalar(node.value);
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        const child = item as YamlNode | null;
        this.record([...path, i], undefined, child, node);
        out.push(this.build(child, [...path, i], depth + 1, viaAlias));
      });
      return out;
    }
    if (isMap(node)) return this.buildMap(node.items as Pair<ParsedNode, ParsedNode | null>[], path, depth, viaAlias);
    return null;
  }

  private buildMap(items: Pair<ParsedNode, ParsedNode | null>[], path: ValuesPath, depth: number, viaAlias: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Pair<ParsedNode, ParsedNode | null>>();
    const merges: Pair<ParsedNode, ParsedNode | null>[] = [];
    for (const pair of items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        merges.push(pair);
        continue;
      }
      const key = keyString(pair.key);
      const childPath = [...path, key];
      const earlier = seen.get(key);
      if (earlier && !viaAlias) {
        this.problems.push({
          ruleId: 'duplicate-key',
          message: `Duplicate key "${key}": Helm silently keeps only this last value and drops the earlier one.`,
          path: childPath,
          range: [pair.key.range[0], pair.key.range[1]],
          fatal: false,
        });
        // Forget the dropped value's children; scalars are simply overwritten below (keeps this linear).
        if (isMap(earlier.value) || isSeq(earlier.value) || isAlias(earlier.value)) this.locations.deleteSubtree(childPath);
      }
      seen.set(key, pair);
      this.record(childPath, pair.key, pair.value, undefined);
      setOwn(out, key, this.build(pair.value, childPath, depth + 1, viaAlias));
    }
    // Merge keys: explicit keys win; among several sources, the first one wins (YAML 1.1 merge spec).
    for (const pair of merges) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const src of sources) {
        const merged = this.build(src as YamlNode | null, path, depth + 1, true);
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

  private record(path: ValuesPath, key: ParsedNode | undefined, value: YamlNode | null | undefined, parent: YamlNode | undefined): void {
    const fallback = key?.range[1] ?? parent?.range?.[0] ?? 0;
    const valueRange: [number, number] =
      value?.range && !(isScalar(value) && value.value === null && value.range[0] === value.range[1])
        ? [value.range[0], value.range[1]]
        : [fallback, fallback];
    const loc: NodeLocation = { source: this.name, valueRange };
    if (key?.range) loc.keyRange = [key.range[0], key.range[1]];
    // Through an alias, the first (outermost) record of a path is the one that explains it.
    if (!this.locations.has(path) || key) this.locations.set(path, loc);
  }

  private fail(message: string, node: YamlNode): never {
    const r = node.range ?? [0, 0];
    this.problems.push({ ruleId: 'yaml-syntax', message, range: [r[0], r[1]], fatal: true });
    throw new LoadAbort(message);
  }
}

/** sigs.k8s.io/yaml turns every map key into a string (`true:` → "true", `1:` → "1"). */
function keyString(key: ParsedNode | null): string {
  if (key === null) return 'null';
  if (isScalar(key)) {
    const v = key.value;
    if (typeof v === 'string') return v;
    if (v === null) return 'null';
    return String(v);
  }
  // Complex keys (`? [a, b]`) cannot be represented in JSON; Helm fails on them, keep the source text.
  return formatPath([String(key)]);
}

function normalizeScalar(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value ?? null;
}

/** Assigns an own property even for `__proto__`, so hostile keys never touch prototypes. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
