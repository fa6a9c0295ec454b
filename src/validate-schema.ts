// Runs the JSON Schema over the houston section and global, and turns violations into `schema`/`unknown-key` findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as precompiled from './generated/schema-validators.js';
import { KNOWN_PROVIDERS, OIDC_SETTINGS } from './houston-defaults.js';
import { closestName, nameDistance } from './suggest.js';
import { isSecretKey } from './secret-keys.js';
import { formatPath, getAt, isRecord, startsWith } from './values-path.js';
import type { HoustonModel } from './houston-model.js';
import type { ValuesPath } from './types.js';

import { packageRoot } from './package-root.js';

/** Path of the schema file shipped with the package. */
export const SCHEMA_FILE = join(packageRoot(), 'schema', 'houston-values.schema.json');

let schema: Record<string, unknown> | undefined;

/** The schema document (`schema/houston-values.schema.json`), read once. */
export function loadSchema(): Record<string, unknown> {
  schema ??= JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  return schema;
}

/** A schema-level finding, before it is given a position. */
export interface SchemaFinding {
  ruleId: 'schema' | 'unknown-key';
  messageId: string;
  message: string;
  path: ValuesPath;
  target: 'key' | 'value';
  /** For unknown keys: the known key the user probably meant. */
  suggestion?: string;
}

interface Validators {
  houston: ValidateFunction;
  global: ValidateFunction;
}

/** The standalone validators precompiled from the schema at build time (scripts/generate-validators.mjs). */
function getValidators(): Validators {
  return precompiled as unknown as Validators;
}

/** Validates the houston section (and `global`) of a values tree. */
export function validateSchema(values: unknown, model: HoustonModel): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const { houston, global } = getValidators();
  if (model.kind !== 'none' && model.raw !== undefined) {
    if (!houston(model.raw)) findings.push(...mapErrors(houston.errors ?? [], model.raw, model.path));
  }
  const g = isRecord(values) ? values['global'] : undefined;
  if (g !== undefined && !global(g)) findings.push(...mapErrors(global.errors ?? [], g, ['global']));
  findings.push(...nearMissProviders(model));
  // A key reported as unknown is not validated further.
  const unknown = findings.filter((f) => f.ruleId === 'unknown-key').map((f) => f.path);
  return findings.filter((f) => f.ruleId === 'unknown-key' || !unknown.some((u) => startsWith(f.path, u)));
}

/** Under `openidConnect`, a key within two edits of a known provider or setting is a typo, not a new provider. */
function nearMissProviders(model: HoustonModel): SchemaFinding[] {
  const userOidc = getAt(model.config, ['auth', 'openidConnect']);
  if (!isRecord(userOidc)) return [];
  const known = [...KNOWN_PROVIDERS, ...OIDC_SETTINGS] as string[];
  const out: SchemaFinding[] = [];
  for (const key of Object.keys(userOidc)) {
    if (known.includes(key) || key === 'github') continue;
    const near = closestName(key, known, 2);
    if (near === undefined || nameDistance(key, near) > 2) continue;
    out.push({
      ruleId: 'unknown-key',
      messageId: 'unknownProvider',
      message: `Unknown key \`${key}\` under \`openidConnect\`: Houston would treat it as a separate, unconfigured provider, not \`${near}\`. Did you mean \`${near}\`?`,
      path: [...model.oidcPath, key],
      target: 'key',
      suggestion: near,
    });
  }
  return out;
}

function mapErrors(errors: ErrorObject[], data: unknown, prefix: ValuesPath): SchemaFinding[] {
  // anyOf/oneOf: when the value matched a branch's type, its deeper errors explain the problem and the union
  // is not repeated; otherwise one combined message replaces every branch's complaint at that path.
  // (Branch errors inside a $ref carry the referenced schema's path, so this works on instance paths.)
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const hasDeeper = (p: string) => errors.some((o) => o.instancePath.startsWith(p + '/'));
  const out: SchemaFinding[] = [];
  for (const e of errors) {
    const isUnion = e.keyword === 'anyOf' || e.keyword === 'oneOf';
    if (isUnion ? hasDeeper(e.instancePath) : unionPaths.has(e.instancePath)) continue;
    const finding = mapError(e, data, prefix);
    if (finding) out.push(finding);
  }
  return out;
}

function toPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const segs = pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const path: (string | number)[] = [];
  let cur: unknown = data;
  for (const s of segs) {
    const seg = Array.isArray(cur) ? Number(s) : s;
    path.push(seg);
    cur = getAt(cur, [seg]);
  }
  return path;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = { array: 'a list', object: 'a map', null: 'empty (null)', integer: 'a whole number', number: 'a number', string: 'a string', boolean: 'a boolean' };

const TRUTHY_WORDS = /^(true|false|yes|no|on|off|y|n|0|1)$/i;

function mapError(e: ErrorObject, data: unknown, prefix: ValuesPath): SchemaFinding | undefined {
  const rel = toPath(e.instancePath, data);
  const path = [...prefix, ...rel];
  const key = rel[rel.length - 1];
  const where = formatPath(path);
  const name = typeof key === 'string' ? key : where;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const props = isRecord(e.parentSchema?.['properties']) ? Object.keys(e.parentSchema['properties']) : [];
      const near = closestName(extra, props);
      const parent = typeof key === 'string' ? key : formatPath(path) || 'this block';
      return {
        ruleId: 'unknown-key',
        messageId: near ? 'unknownKeySuggest' : 'unknownKey',
        message: `Unknown key \`${extra}\` in \`${parent}\`: Houston ignores it.${near ? ` Did you mean \`${near}\`?` : ` Known keys: ${props.map((p) => `\`${p}\``).join(', ')}.`}`,
        path: [...path, extra],
        target: 'key',
        ...(near ? { suggestion: near } : {}),
      };
    }
    case 'type': {
      const types = String((e.params as { type: string | string[] }).type).split(',');
      const expected = types.map((t) => TYPE_WORDS[t] ?? `a ${t}`).join(' or ');
      if (key === 'enabled' && typeof e.data === 'string') {
        const shown = TRUTHY_WORDS.test(e.data) ? `the string "${e.data}"` : 'a string';
        const effect = e.data === '' ? 'which Houston treats as false' : 'which Houston treats as true (any non-empty string is truthy), so this switches it ON';
        return {
          ruleId: 'schema',
          messageId: 'stringBoolean',
          message: `\`enabled\` is ${shown}, ${effect}. Write the boolean \`${/^(false|no|off|n|0)$/i.test(e.data) ? 'false' : 'true'}\` without quotes.`,
          path,
          target: 'value',
        };
      }
      return {
        ruleId: 'schema',
        messageId: 'type',
        message: `\`${name}\` must be ${expected} but is ${describeType(e.data)}.`,
        path,
        target: 'value',
      };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``);
      const shown = isSecretKey(key) || typeof e.data === 'object' ? '' : ` \`${String(e.data)}\``;
      return { ruleId: 'schema', messageId: 'enum', message: `\`${name}\` has an invalid value${shown}: use one of ${allowed.join(', ')}.`, path, target: 'value' };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const block = typeof key === 'number' ? `entry ${key} of \`${String(rel[rel.length - 2] ?? '')}\`` : `\`${name}\``;
      return { ruleId: 'schema', messageId: 'required', message: `${block} is missing the required key \`${missing}\`.`, path, target: 'key' };
    }
    case 'anyOf':
    case 'oneOf': {
      const branches = Array.isArray(e.schema) ? (e.schema as Record<string, unknown>[]) : [];
      const kinds = branches.map(describeBranch).filter(Boolean);
      return { ruleId: 'schema', messageId: 'union', message: `\`${name}\` must be ${kinds.join(' or ') || 'a different value'}, not ${describeType(e.data)}.`, path, target: 'value' };
    }
    default:
      return { ruleId: 'schema', messageId: e.keyword, message: `\`${name}\` ${e.message ?? 'is invalid'}.`, path, target: 'value' };
  }
}

function describeBranch(branch: Record<string, unknown>): string {
  const ref = typeof branch['$ref'] === 'string' ? branch['$ref'] : '';
  if (ref.endsWith('/enabledFlag')) return 'a map `{enabled: true|false}`';
  const t = branch['type'];
  if (Array.isArray(t)) return t.map((x) => `a ${String(x)}`).join(' or ');
  if (typeof t === 'string') return t === 'object' ? 'a map' : t === 'array' ? 'a list' : `a ${t}`;
  return '';
}
