// `houston-lint explain`: the effective Houston config under a path, as YAML with each value's source as a trailing comment; secrets never shown.
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { isSecretEnvName, isSecretKey } from '../secret-keys.js';
import { SET_SOURCE } from '../set-values.js';
import { getAt, isRecord, setOwn } from '../values-path.js';
import { CommandError, displaySource, loadCommandUnit } from './common.js';
import { effectiveConfig } from './effective-config.js';
import type { LintUnit } from '../lint-unit.js';
import type { CommandIO } from './common.js';
import type { EffectiveConfig, EnvNote, Origin, SourcePlace } from './effective-config.js';

export interface ExplainOptions {
  /** Dotted path inside Houston's config (`auth`, `auth.openidConnect.okta`); `''` or `.` for all of it. Default `auth`. */
  path?: string;
  /** Source names are shown relative to this directory. */
  cwd?: string;
}

export interface ExplainResult {
  /** The YAML text, comments included, ending in a newline. */
  yaml: string;
  /** The redacted value under the path. */
  value: unknown;
  notes: EnvNote[];
}

const REDACTED = '<redacted>';
/** `scheme://user:password@` inside any string value. */
const URL_CREDENTIALS = /([A-Za-z][\w+.-]*:\/\/[^\s/:@]*):[^\s/@]+@/g;

/** Parses `auth.openidConnect.okta` (a leading `config.` is accepted and dropped). */
export function parseConfigPath(text: string | undefined): string[] {
  const raw = (text ?? 'auth').trim();
  if (raw === '' || raw === '.') return [];
  const parts = raw.replace(/^\.+|\.+$/g, '').split('.');
  if (parts.some((p) => p === '')) throw new CommandError(`--path "${raw}" is not a dotted config path (e.g. auth.openidConnect.okta)`);
  return parts[0] === 'config' ? parts.slice(1) : parts;
}

/** The effective config under `options.path`, annotated, as YAML. Throws `CommandError` when nothing is there. */
export function explainConfig(unit: LintUnit, options: ExplainOptions = {}): ExplainResult {
  const path = parseConfigPath(options.path);
  const cwd = options.cwd ?? process.cwd();
  const effective = effectiveConfig(unit);
  const value = path.length ? getAt(effective.config, path) : effective.config;
  if (value === undefined) {
    throw new CommandError(`\`${path.join('.')}\` is not set in the effective Houston config (Houston defaults, chart production.yaml, the values or houston.env/secret)`);
  }
  const redacted = redact(value, path, effective);
  const wrapped = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), redacted);
  const doc = new Document(wrapped, { version: '1.1' });
  annotate(doc.contents as YamlNode | null, [], path, effective, cwd);
  const where = path.length ? `\`${path.join('.')}\`` : 'the whole config';
  doc.commentBefore = ` Effective Houston config at ${where}: Houston default.yaml ← chart production.yaml ← values ← houston.env/secret`;
  const notes = effective.notes.filter((n) => n.configPath === undefined || related(n.configPath.split('.'), path));
  if (notes.length) doc.comment = [' Not applied / overridden env entries:', ...notes.map((n) => `   ${n.name} (${n.entry}) ${n.message}`)].join('\n');
  return { yaml: doc.toString({ lineWidth: 0 }), value: redacted, notes };
}

const related = (a: readonly string[], b: readonly string[]) => a.slice(0, b.length).every((s, i) => s === b[i]) || b.slice(0, a.length).every((s, i) => s === a[i]);

/** Secret-like keys and env names show `<redacted>`; Secret-backed values their Secret; credentials inside URLs are cut. */
function redact(value: unknown, path: readonly string[], effective: EffectiveConfig): unknown {
  const origin = effective.origin(path);
  if (origin?.kind === 'secret') return value;
  const leaf = !isRecord(value) || Object.keys(value).length === 0;
  if (leaf) {
    const secret = path.some((seg) => isSecretKey(seg)) || (origin?.kind === 'env' && isSecretEnvName(origin.name));
    if (secret && value !== null && value !== '' && typeof value !== 'boolean') return REDACTED;
    return scrub(value);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, redact(v, [...path, k], effective));
  return out;
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(URL_CREDENTIALS, `$1:${REDACTED}@`);
  if (Array.isArray(value)) return value.map(scrub);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

/** Sets a trailing comment on every leaf under the requested path; lists and empty maps are written inline. */
function annotate(node: YamlNode | null, at: string[], target: string[], effective: EffectiveConfig, cwd: string): void {
  if (!node) return;
  if (isMap(node) && node.items.length > 0) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      annotate(pair.value as YamlNode | null, [...at, key], target, effective, cwd);
    }
    return;
  }
  if (at.length < target.length) return;
  if (isSeq(node) || isMap(node)) {
    visit(node, { Seq: (_k, n) => void (n.flow = true), Map: (_k, n) => void (n.flow = true) });
    node.flow = true;
  }
  const origin = effective.origin(at);
  if (!origin) return;
  let text = describeOrigin(origin, cwd);
  const below = origin.kind === 'env' || origin.kind === 'secret' ? effective.shadowed(at) : undefined;
  if (below?.kind === 'values') text += `, overrides ${describeOrigin(below, cwd)}`;
  node.comment = ` ${text}`;
}

function where(at: SourcePlace | undefined, cwd: string): string {
  if (!at) return 'values';
  if (at.source === SET_SOURCE) return SET_SOURCE;
  return `${displaySource(at.source, cwd)}${at.line ? `:${at.line}` : ''}`;
}

/** One-line, value-free description of an origin. */
export function describeOrigin(origin: Origin, cwd: string): string {
  const clean = (s: string) => s.replace(/[\r\n]+/g, ' ');
  switch (origin.kind) {
    case 'houston-default':
      return 'Houston default.yaml';
    case 'chart':
      return origin.from ? `chart production.yaml (from ${origin.from})` : 'chart production.yaml';
    case 'values':
      return clean(where(origin.at, cwd));
    case 'env':
      return clean(`env ${origin.name} (${origin.entry}, ${where(origin.at, cwd)})`);
    case 'secret':
      return clean(`secret ${origin.secretName}/${origin.secretKey} via ${origin.entry} (value not shown)`);
  }
}

/** `houston-lint explain <values…> [--set k=v] [--path auth]`: prints the annotated YAML; returns the exit code. */
export async function explainCommand(files: readonly string[], flags: { set?: readonly string[]; path?: string }, io: CommandIO): Promise<number> {
  const unit = await loadCommandUnit(files, flags.set ?? [], io);
  io.stdout(explainConfig(unit, { ...(flags.path !== undefined ? { path: flags.path } : {}), cwd: io.cwd }).yaml);
  return 0;
}
