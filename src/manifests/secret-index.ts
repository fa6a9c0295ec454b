// Reads Secret manifests into the plain Secret index, and reports their own problems as ESLint-shaped results.
import { ruleMap } from '../../rules/index.js';
import secretManifest from '../../rules/secret-manifest.js';
import { placeholderTokens } from '../../rules/no-placeholder.js';
import { resolveSeverity } from '../linter.js';
import { rangeIn } from '../locate.js';
import { interpolate } from '../rule.js';
import { compareDiagnostics, countResult, dedupe, withDirectives } from '../suppress.js';
import { formatPath, isRecord } from '../values-path.js';
import { parseManifests, rangesAt } from './parse-manifests.js';
import type { RulesConfig } from '../linter.js';
import type { SourceFile } from '../load-values.js';
import type { Diagnostic, LintResult, RuleSeverity, ValuesPath } from '../types.js';
import type { ManifestObject, ManifestStream } from './parse-manifests.js';
import { SECRET_KINDS } from './types.js';
import type { SecretIndex, SecretIndexEntry, SecretManifestKind } from './types.js';

export interface ManifestFile {
  name: string;
  text: string;
}

export interface SecretManifestOptions {
  /** Rule configuration (severity of `secret-manifest`, and of the directive checks). */
  rules?: RulesConfig;
  /** Honour `# houston-lint-disable…` comments in the manifests (default true). */
  inlineConfig?: boolean;
}

export interface LoadedSecretManifests {
  /** Plain data for the rule: pass it as `rules['secret-manifest'] = [severity, { secrets: index }]`. */
  index: SecretIndex;
  /** One result per manifest file (even without findings), in input order; no `source` text (it holds secrets). */
  results: LintResult[];
}

const RULE_ID = 'secret-manifest';

/** Go's `encoding/base64` StdEncoding (what Kubernetes decodes `data` with); CR and LF are ignored. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** What Kubernetes accepts as a key of a Secret's data. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
/** `<okta-secret-value>`-like tokens: a name of letters and separators (random passwords rarely look like this). */
const DOC_ANGLE = /^<[A-Za-z][A-Za-z _.-]{2,}>$/;

interface LocalFinding {
  messageId: keyof typeof secretManifest.meta.messages;
  data?: Record<string, string>;
  range: [number, number];
  path: ValuesPath;
  /** Informational findings stay warnings whatever the rule's severity. */
  warn?: boolean;
}

interface NamespaceNote {
  file: number;
  kind: SecretManifestKind;
  name: string;
  namespace: string;
  range: [number, number];
}

/** Reads Secret manifests (files or `--secrets` contents) into the index and per-file results. Never throws on bad input. */
export function loadSecretManifests(files: readonly ManifestFile[], options: SecretManifestOptions = {}): LoadedSecretManifests {
  const secrets: Record<string, SecretIndexEntry> = Object.create(null) as Record<string, SecretIndexEntry>;
  const index: SecretIndex = { secrets, manifests: files.map((f) => f.name), unreadable: [] };
  const perFile: { stream: ManifestStream; local: LocalFinding[] }[] = [];
  const notes: NamespaceNote[] = [];

  for (const [fileIndex, file] of files.entries()) {
    const stream = parseManifests(file.name, file.text);
    const local: LocalFinding[] = [];
    perFile.push({ stream, local });
    if (stream.unreadableDocs > 0) index.unreadable.push(file.name);
    reportTemplates(stream, local);
    for (const obj of stream.objects) {
      const kind = SECRET_KINDS.find((k) => k === obj.kind);
      if (!kind) continue;
      const templated = (r: readonly [number, number] | undefined) => r !== undefined && stream.templates.some((s) => s.range[0] < r[1] && r[0] < s.range[1]);
      const nameRanges = rangesAt(obj, ['metadata', 'name']);
      if (templated(nameRanges?.valueRange)) continue; // a templated name: the template finding says it all
      const read = kind === 'Secret' ? readSecret(obj, templated, local) : kind === 'SealedSecret' ? readSealed(obj) : readExternal(obj);
      if (read.name === undefined || read.name === '') {
        const at = rangesAt(obj, ['kind'])?.keyRange ?? [0, 0];
        local.push({ messageId: 'noName', data: { kind }, range: at, path: ['metadata'] });
        continue;
      }
      const pos = stream.source.lines.position((nameRanges?.valueRange ?? rangesAt(obj, [])?.valueRange ?? [0, 0])[0]);
      secrets[read.name] = { kind, keys: read.keys, source: file.name, line: pos.line, column: pos.column, ...(obj.namespace ? { namespace: obj.namespace } : {}) };
      const nsRange = rangesAt(obj, ['metadata', 'namespace'])?.valueRange;
      if (obj.namespace && nsRange && !templated(nsRange)) notes.push({ file: fileIndex, kind, name: read.name, namespace: obj.namespace, range: nsRange });
    }
  }
  namespaceNotes(notes, perFile);
  return { index, results: perFile.map(({ stream, local }) => toResult(stream, local, options)) };
}

/** One finding per line with `{{ … }}` actions. */
function reportTemplates(stream: ManifestStream, local: LocalFinding[]): void {
  const broken = stream.templatesBreakParse || stream.syntax.length > 0;
  const effect = broken ? 'to kubectl this file is not even valid YAML (`{{` opens a flow mapping)' : 'kubectl applies the braces literally';
  const byLine = new Map<number, [number, number]>();
  for (const s of stream.templates) {
    const r = byLine.get(s.line);
    byLine.set(s.line, r ? [r[0], s.range[1]] : [s.range[0], s.range[1]]);
  }
  for (const range of byLine.values()) local.push({ messageId: 'template', data: { effect }, range, path: [] });
}

interface ReadSecret {
  name: string | undefined;
  keys: string[] | 'unknown';
}

/** A v1 Secret: checks `data` (base64) and `stringData` (plain text) values; keys are the union of both. */
function readSecret(obj: ManifestObject, templated: (r: [number, number] | undefined) => boolean, local: LocalFinding[]): ReadSecret {
  const name = obj.name ?? '';
  const keys = new Set<string>();
  let unknown = false;
  for (const field of ['data', 'stringData'] as const) {
    const map = obj.value[field];
    if (!isRecord(map)) continue;
    for (const [key, value] of Object.entries(map)) {
      const at = rangesAt(obj, [field, key]);
      const path = [field, key];
      if (templated(at?.keyRange)) {
        unknown = true;
        continue;
      }
      keys.add(key);
      if (!SECRET_KEY.test(key) && at?.keyRange) local.push({ messageId: 'invalidKey', data: { key }, range: at.keyRange, path });
      if (!at || templated(at.valueRange) || value === null) continue;
      const data = { key, name };
      if (typeof value !== 'string') {
        local.push({ messageId: 'notString', data: { key, field, type: typeName(value) }, range: at.valueRange, path });
        continue;
      }
      let text = value;
      if (field === 'data') {
        const compact = value.replace(/[\r\n]/g, '');
        if (!BASE64.test(compact)) {
          local.push({ messageId: isPlaceholder(value) ? 'placeholderData' : 'badBase64', data, range: at.valueRange, path });
          continue;
        }
        const decoded = decodeUtf8(compact);
        if (decoded === undefined) continue; // binary data: nothing to say about its text
        text = decoded;
      }
      const encoded = field === 'data';
      if (isPlaceholder(text)) local.push({ messageId: 'placeholder', data: { ...data, how: encoded ? 'decodes to' : 'is' }, range: at.valueRange, path });
      if (/^[^\n]*\S[^\n]*\n$/.test(text)) {
        const how = encoded ? 'decodes to text that ends in a newline' : 'ends in a newline (a `|` or `>` block keeps its final line break)';
        const fix = encoded
          ? 'It was encoded with `echo` without `-n`: re-encode it with `printf %s "…" | base64` (or `echo -n`).'
          : 'Write `|-` instead of `|`, or a quoted string.';
        local.push({ messageId: 'trailingNewline', data: { ...data, how, fix }, range: at.valueRange, path });
      }
    }
  }
  return { name: obj.name, keys: unknown ? 'unknown' : [...keys] };
}

/** Bitnami SealedSecret: the Secret has the SealedSecret's name; its keys are `spec.encryptedData` (and `spec.template.data`). */
function readSealed(obj: ManifestObject): ReadSecret {
  const spec = isRecord(obj.value['spec']) ? obj.value['spec'] : {};
  const encrypted = spec['encryptedData'];
  const template = isRecord(spec['template']) ? spec['template']['data'] : undefined;
  if (!isRecord(encrypted) && !isRecord(template)) return { name: obj.name, keys: 'unknown' };
  return { name: obj.name, keys: [...new Set([...Object.keys(isRecord(encrypted) ? encrypted : {}), ...Object.keys(isRecord(template) ? template : {})])] };
}

/**
 * ExternalSecret. external-secrets.io: the Secret is `spec.target.name` (default: the ExternalSecret's name) and its
 * keys are `spec.data[].secretKey`, known only without `dataFrom` and `target.template` (which add or replace keys).
 * kubernetes-client.io (the older kubernetes-external-secrets): the Secret has the object's name, keys `spec.data[].name`.
 */
function readExternal(obj: ManifestObject): ReadSecret {
  const spec = isRecord(obj.value['spec']) ? obj.value['spec'] : {};
  const target = isRecord(spec['target']) ? spec['target'] : {};
  const legacy = (obj.apiVersion ?? '').startsWith('kubernetes-client.io/');
  const name = !legacy && typeof target['name'] === 'string' && target['name'] !== '' ? target['name'] : obj.name;
  const data = spec['data'];
  const dataFrom = spec['dataFrom'];
  if (!Array.isArray(data) || (Array.isArray(dataFrom) && dataFrom.length > 0) || (!legacy && target['template'] !== undefined)) return { name, keys: 'unknown' };
  const field = legacy ? 'name' : 'secretKey';
  const keys = data.map((d) => (isRecord(d) ? d[field] : undefined));
  if (keys.some((k) => typeof k !== 'string')) return { name, keys: 'unknown' };
  return { name, keys: [...new Set(keys as string[])] };
}

/** Secrets in a namespace other than the one most manifests use: informational (Houston reads its own namespace only). */
function namespaceNotes(notes: NamespaceNote[], perFile: { local: LocalFinding[] }[]): void {
  const counts = new Map<string, number>();
  for (const n of notes) counts.set(n.namespace, (counts.get(n.namespace) ?? 0) + 1);
  if (counts.size < 2) return;
  const common = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  for (const n of notes) {
    if (n.namespace === common) continue;
    perFile[n.file]!.local.push({ messageId: 'namespace', data: { kind: n.kind, namespace: n.namespace, other: common, name: n.name }, range: n.range, path: ['metadata', 'namespace'], warn: true });
  }
}

function toResult(stream: ManifestStream, local: LocalFinding[], options: SecretManifestOptions): LintResult {
  const severityOf = (id: string): RuleSeverity => {
    const rule = ruleMap.get(id);
    return rule ? resolveSeverity(rule, options.rules).severity : 'error';
  };
  const severity = severityOf(RULE_ID);
  const messages: Diagnostic[] = stream.syntax.map((e) => diagnostic(stream.source, 'yaml-syntax', 'problem', e.message, e.range, 2, ''));
  if (severity !== 'off') {
    for (const f of local) {
      const message = interpolate(secretManifest.meta.messages[f.messageId]!, f.data);
      messages.push(diagnostic(stream.source, RULE_ID, f.messageId, message, f.range, f.warn || severity === 'warn' ? 1 : 2, formatPath(f.path)));
    }
  }
  const fatal = messages.filter((m) => m.ruleId === 'yaml-syntax').length;
  let result = countResult({
    filePath: stream.source.name,
    messages: dedupe(messages.sort(compareDiagnostics)),
    suppressedMessages: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: fatal,
  });
  if (options.inlineConfig !== false) result = withDirectives(result, stream.source, severityOf, (id) => ruleMap.has(id));
  delete result.source; // the manifest text holds secret values: it never leaves this module
  return result;
}

function diagnostic(source: SourceFile, ruleId: string, messageId: string, message: string, range: [number, number], severity: 1 | 2, path: string): Diagnostic {
  const { line, column, endLine, endColumn } = rangeIn(source, range);
  return { ruleId, severity, message, messageId, path, line, column, endLine, endColumn };
}

/** A documentation placeholder in a secret value (`<okta-secret-value>`, `YOUR_SECRET`, `...`). */
function isPlaceholder(text: string): boolean {
  return placeholderTokens(text).some((t) => !t.startsWith('<') || DOC_ANGLE.test(t));
}

function decodeUtf8(base64: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64'));
  } catch {
    return undefined;
  }
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return typeof value === 'bigint' ? 'number' : typeof value;
}
