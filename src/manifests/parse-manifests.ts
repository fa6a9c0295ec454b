// Parses a multi-document Kubernetes manifest stream with positions; Helm template actions are masked so templated manifests still parse.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { LineIndex } from '../line-index.js';
import { isRecord } from '../values-path.js';
import type { SourceFile } from '../load-values.js';
import type { ValuesPath } from '../types.js';

/** A `{{ … }}` action in the text (Helm / Go template syntax). */
export interface TemplateSpan {
  range: [number, number];
  /** 1-based line. */
  line: number;
}

/** One Kubernetes object of the stream (a document, or an item of a `kind: …List` document). */
export interface ManifestObject {
  doc: Document.Parsed;
  /** Index of the document in the stream (0-based). */
  docIndex: number;
  /** The object's map node and its path inside the document (`[]`, or `['items', 3]` in a List). */
  node: YamlNode;
  path: ValuesPath;
  value: Record<string, unknown>;
  kind: string | undefined;
  apiVersion: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
}

export interface SyntaxError {
  message: string;
  range: [number, number];
}

export interface ManifestStream {
  source: SourceFile;
  objects: ManifestObject[];
  templates: TemplateSpan[];
  /** Syntax errors that remain with template actions masked (the file is broken by more than templates). */
  syntax: SyntaxError[];
  /** The text with template actions is not valid YAML, though the masked text is: the templates break it. */
  templatesBreakParse: boolean;
  /** Documents that could not be read (syntax errors); their objects are not in `objects`. */
  unreadableDocs: number;
}

/** Where a node sits: its key (map entries) and its value. */
export interface NodeRanges {
  keyRange?: [number, number];
  valueRange: [number, number];
}

/** Syntax errors reported per manifest file. */
const MAX_SYNTAX = 20;

/**
 * YAML as kubectl reads it (sigs.k8s.io/yaml over go-yaml: YAML 1.1 scalars, merge keys, the last duplicate key wins).
 * `logLevel: 'error'`: yaml would otherwise print its own warning (a map used as a key) to stderr, outside any format.
 */
const PARSE_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

/** One line of text: a `{{ … }}` action on it (not across lines). */
const ACTION = /\{\{.*?\}\}/g;

/** Finds template actions, and returns the text with each replaced by `_` (or, on lines of nothing else, blanks). Same length. */
export function maskTemplates(text: string): { masked: string; spans: TemplateSpan[] } {
  const spans: TemplateSpan[] = [];
  if (!text.includes('{{')) return { masked: text, spans };
  const out: string[] = [];
  let offset = 0;
  let line = 1;
  for (const part of text.split(/(\r\n|\n|\r)/)) {
    if (/^(?:\r\n|\n|\r)$/.test(part)) {
      out.push(part);
      line++;
    } else if (part.trimStart().startsWith('#') || !part.includes('{{')) out.push(part);
    else {
      const found = [...part.matchAll(ACTION)];
      for (const m of found) spans.push({ range: [offset + m.index, offset + m.index + m[0].length], line });
      const rest = part.replace(ACTION, '');
      // A line of nothing but actions (`{{- if … }}`) is template control flow: blank it so the structure stays.
      out.push(rest.trim() === '' || rest.trim() === '-' ? ' '.repeat(part.length) : part.replace(ACTION, (m) => '_'.repeat(m.length)));
    }
    offset += part.length;
  }
  return { masked: out.join(''), spans };
}

/** Parses every document of a manifest stream. Never throws on bad input. */
export function parseManifests(name: string, text: string): ManifestStream {
  const source: SourceFile = { name, text, lines: new LineIndex(text) };
  const { masked, spans } = maskTemplates(text);
  const stream: ManifestStream = { source, objects: [], templates: spans, syntax: [], templatesBreakParse: false, unreadableDocs: 0 };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(masked, PARSE_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch (err) {
    stream.syntax.push({ message: `The file cannot be parsed: ${err instanceof RangeError ? 'it is nested too deeply' : 'the YAML parser failed'}.`, range: [0, 0] });
    return stream;
  }
  for (const [docIndex, doc] of docs.entries()) {
    if (doc.errors.length > 0) {
      stream.unreadableDocs++;
      const deep = doc.errors.find((e) => /call stack/i.test(e.message)); // then the other errors are noise
      for (const e of deep ? [deep] : doc.errors) stream.syntax.push({ message: cleanMessage(e.message), range: [e.pos[0], e.pos[1]] });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch {
      stream.unreadableDocs++;
      stream.syntax.push({ message: 'The document cannot be read: too many alias expansions, or an alias to nothing.', range: [doc.range[0], doc.range[1]] });
      continue;
    }
    if (!isRecord(value) || !doc.contents) continue;
    const items = value['items'];
    if (typeof value['kind'] === 'string' && value['kind'].endsWith('List') && Array.isArray(items)) {
      items.forEach((item, i) => {
        const node = nodeAt(doc, doc.contents as YamlNode, ['items', i]);
        if (isRecord(item) && node) stream.objects.push(object(doc, docIndex, node, ['items', i], item));
      });
    } else stream.objects.push(object(doc, docIndex, doc.contents as YamlNode, [], value));
  }
  if (stream.syntax.length > MAX_SYNTAX) {
    const more = stream.syntax.length - MAX_SYNTAX;
    stream.syntax.length = MAX_SYNTAX;
    stream.syntax[MAX_SYNTAX - 1]!.message += ` (${more} more YAML syntax errors follow; fix these first.)`;
  }
  if (spans.length > 0 && stream.syntax.length === 0) {
    try {
      stream.templatesBreakParse = parseAllDocuments(text, PARSE_OPTIONS).some((d) => (d as Document.Parsed).errors.length > 0);
    } catch {
      stream.templatesBreakParse = true;
    }
  }
  return stream;
}

function object(doc: Document.Parsed, docIndex: number, node: YamlNode, path: ValuesPath, value: Record<string, unknown>): ManifestObject {
  const meta = isRecord(value['metadata']) ? value['metadata'] : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    doc,
    docIndex,
    node,
    path,
    value,
    kind: str(value['kind']),
    apiVersion: str(value['apiVersion']),
    name: str(meta['name']),
    namespace: str(meta['namespace']),
  };
}

/** The parser's message without position suffixes or source excerpts (which could show secret values). */
function cleanMessage(message: string): string {
  if (/call stack/i.test(message)) return 'The file is nested too deeply to be read.';
  const m = message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** The node at `path` below `from` (aliases resolved; for duplicate keys, the last one). */
export function nodeAt(doc: Document.Parsed, from: YamlNode, path: ValuesPath): YamlNode | undefined {
  return rangesWalk(doc, from, path)?.node;
}

/** Key and value ranges of the node at `path` below an object's node. */
export function rangesAt(obj: ManifestObject, path: ValuesPath): NodeRanges | undefined {
  const found = rangesWalk(obj.doc, obj.node, path);
  if (!found) return undefined;
  const r = found.node.range;
  const valueRange: [number, number] = r ? [r[0], r[1]] : found.keyRange ? [found.keyRange[1], found.keyRange[1]] : [0, 0];
  return found.keyRange ? { keyRange: found.keyRange, valueRange } : { valueRange };
}

function rangesWalk(doc: Document.Parsed, from: YamlNode, path: ValuesPath): { node: YamlNode; keyRange?: [number, number] } | undefined {
  let node: YamlNode | undefined = resolve(doc, from);
  let keyRange: [number, number] | undefined;
  for (const seg of path) {
    if (!node) return undefined;
    if (isMap(node) && typeof seg === 'string') {
      let pair: (typeof node.items)[number] | undefined;
      for (const p of node.items) if ((isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg) pair = p;
      if (!pair) return undefined;
      const k = pair.key as YamlNode | null;
      keyRange = k?.range ? [k.range[0], k.range[1]] : undefined;
      const v = pair.value as YamlNode | null;
      // An empty value (`key:`) has a null node or a zero-length scalar: place it right after the key.
      node = v ? resolve(doc, v) : isScalar(k) ? ({ range: [k.range![1], k.range![1], k.range![1]] } as unknown as YamlNode) : undefined;
    } else if (isSeq(node) && typeof seg === 'number') {
      keyRange = undefined;
      const item = node.items[seg] as YamlNode | undefined;
      node = item ? resolve(doc, item) : undefined;
    } else return undefined;
  }
  return node ? (keyRange ? { node, keyRange } : { node }) : undefined;
}

function resolve(doc: Document.Parsed, node: YamlNode): YamlNode | undefined {
  return isAlias(node) ? (node.resolve(doc) as YamlNode | undefined) : node;
}
