// SARIF 2.1.0 for GitHub code scanning: every rule described, findings with stable fingerprints, suppressed findings marked.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE_URL } from '../rule.js';
import type { Diagnostic } from '../types.js';
import type { Formatter, FormatterContext } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The project's home page, derived from the rule docs base (`…/blob/main/docs/rules/`). */
const INFORMATION_URI = DOCS_BASE_URL.replace(/\/blob\/.*$/, '');
const SRCROOT = '%SRCROOT%';
/** Key of the partial fingerprint; bump the version when the scheme changes. */
export const FINGERPRINT_KEY = 'houstonLint/v1';

type Json = Record<string, unknown>;

/** `unknown-key` → `UnknownKey`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function level(severity: number | string): 'error' | 'warning' {
  return severity === 2 || severity === 'error' ? 'error' : 'warning';
}

/** Percent-encodes each segment of a `/`-separated path for use as a URI reference. */
function encodeSegments(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Where an artifact lives: relative to `%SRCROOT%` when inside the repository, an absolute file URI otherwise. */
export function artifactLocation(filePath: string, root: string): { uri: string; uriBaseId?: string } {
  // `<stdin>`, `<text>`: no file to point at; the name, encoded, as a relative reference.
  if (filePath.startsWith('<')) return { uri: encodeURIComponent(filePath) };
  const rel = relative(root, filePath);
  if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return { uri: encodeSegments(rel.split(sep).join('/')), uriBaseId: SRCROOT };
  return { uri: isAbsolute(filePath) ? pathToFileURL(filePath).href : encodeSegments(filePath.split(sep).join('/')) };
}

function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function comparePosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

function ruleDescriptor(id: string, meta: FormatterContext['rulesMeta'][string] | undefined): Json {
  if (!meta) return { id, name: pascalCase(id), shortDescription: { text: id } };
  const url = meta.docs.url;
  const tags = ['houston', 'helm-values'];
  if (meta.fixable) tags.push('fixable');
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    help: {
      text: `${meta.description}\nDocumentation: ${url}`,
      markdown: `${meta.description}\n\n[Documentation for \`${id}\`](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: level(meta.severity) },
    properties: { tags },
  };
}

const sarif: Formatter = (results, context) => {
  const root = context.repoRoot ?? context.cwd;
  const ruleIds = Object.keys(context.rulesMeta);
  // A finding of a rule the metadata lacks still gets a descriptor, so every ruleIndex is valid.
  for (const r of results) {
    for (const m of [...r.messages, ...r.suppressedMessages]) if (!ruleIds.includes(m.ruleId)) ruleIds.push(m.ruleId);
  }
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const artifacts: Json[] = [];
  const sarifResults: Json[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, root);
    const index = artifacts.length;
    artifacts.push({ location });
    // Active and suppressed findings share one occurrence count, so suppressing a finding keeps its fingerprint.
    const findings = [
      ...result.messages.map((m) => ({ m, suppressed: false })),
      ...result.suppressedMessages.map((m) => ({ m, suppressed: true })),
    ].sort((a, b) => comparePosition(a.m, b.m));
    const occurrences = new Map<string, number>();
    for (const { m, suppressed } of findings) {
      const key = JSON.stringify([m.ruleId, m.path]);
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      sarifResults.push(toResult(m, suppressed, { ...location, index }, ruleIndex.get(m.ruleId)!, sha256([location.uri, m.ruleId, m.path, String(occurrence)].join('\0'))));
    }
  }

  const driver: Json = { name: 'houston-lint', informationUri: INFORMATION_URI };
  if (context.toolVersion) {
    driver.version = context.toolVersion;
    if (/^\d+\.\d+\.\d+/.test(context.toolVersion)) driver.semanticVersion = context.toolVersion;
  }
  driver.rules = ruleIds.map((id) => ruleDescriptor(id, context.rulesMeta[id]));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(root) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toResult(m: Diagnostic, suppressed: boolean, artifact: Json, ruleIndex: number, fingerprint: string): Json {
  const startLine = Math.max(1, m.line);
  const startColumn = Math.max(1, m.column);
  const endLine = Math.max(startLine, m.endLine);
  const endColumn = Math.max(endLine === startLine ? startColumn : 1, m.endColumn);
  const location: Json = {
    physicalLocation: { artifactLocation: artifact, region: { startLine, startColumn, endLine, endColumn } },
  };
  if (m.path) location.logicalLocations = [{ fullyQualifiedName: m.path, kind: 'member' }];
  const out: Json = {
    ruleId: m.ruleId,
    ruleIndex,
    level: level(m.severity),
    message: { text: m.message || m.ruleId },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  if (suppressed) {
    const given = m.suppressions?.length ? m.suppressions : [{ kind: 'directive' as const, justification: '' }];
    out.suppressions = given.map((s) => ({
      kind: s.kind === 'baseline' ? 'external' : 'inSource',
      ...(s.justification ? { justification: s.justification } : {}),
    }));
  }
  return out;
}

export default sarif;
