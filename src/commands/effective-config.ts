// Houston's effective config as node-config builds it (default.yaml ← chart production.yaml ← values ← env vars), with where every leaf came from.
import { deepMerge } from '../deep-merge.js';
import { CHART_PRODUCTION_AUTH, HOUSTON_DEFAULT_AUTH, OIDC_SETTINGS } from '../houston-defaults.js';
import { classifyEnvName, segmentToEnv } from '../houston-env.js';
import { buildHoustonModel } from '../houston-model.js';
import { getAt, isRecord, pathKey, setOwn } from '../values-path.js';
import type { HoustonModel } from '../houston-model.js';
import type { LintUnit } from '../lint-unit.js';
import type { NodeLocation, ValuesPath } from '../types.js';

/** A place in a values source: a file and a 1-based line, or `--set`. */
export interface SourcePlace {
  source: string;
  line: number;
}

/** Where a value of the effective config came from. */
export type Origin =
  | { kind: 'houston-default' }
  | { kind: 'chart'; from?: string }
  | { kind: 'values'; at?: SourcePlace }
  | { kind: 'env'; name: string; entry: string; at?: SourcePlace; json: boolean }
  | { kind: 'secret'; name: string; entry: string; at?: SourcePlace; secretName: string; secretKey: string };

/** Something about an env entry the reader should know (ignored, overridden, not mappable, breaks startup). */
export interface EnvNote {
  name: string;
  entry: string;
  /** Config path the entry maps (or would map) to, when known. */
  configPath?: string;
  message: string;
}

export interface EffectiveConfig {
  model: HoustonModel;
  /** The whole config Houston ends up with (only `auth` defaults are known for the lower layers). */
  config: Record<string, unknown>;
  /** Where the value at `path` (a leaf: scalar, list or empty map) came from. */
  origin(path: readonly string[]): Origin | undefined;
  /** The origin the winning value overrides: the next lower layer that sets `path` (e.g. a file under an env var). */
  shadowed(path: readonly string[]): Origin | undefined;
  notes: EnvNote[];
}

/** Leaves declared with `__format: json` in Houston's mapping (reference §2), besides every `…enabled` flag. */
const JSON_PATHS = new Set(['auth.openidConnect.clockTolerance', 'publicSignups', 'emailConfirmation', 'deployments.database.retainOnDelete']);

/** Open maps under a provider: their keys are free, so an env segment maps back only when it is unambiguous. */
const OPEN_MAPS = new Set(['authUrlParams', 'claimsMapping']);

export function isJsonLeaf(path: readonly string[]): boolean {
  return path[path.length - 1] === 'enabled' || JSON_PATHS.has(path.join('.'));
}

interface Layer {
  values: Record<string, unknown>;
  origin: (path: readonly string[]) => Origin;
}

interface EnvEntryView {
  name: string;
  entry: string;
  path: ValuesPath;
  value: unknown;
  secret?: { secretName: string; secretKey: string };
}

/** Builds the effective config of a unit's houston section and the provenance of each leaf. */
export function effectiveConfig(unit: LintUnit): EffectiveConfig {
  const model = buildHoustonModel(unit.values);
  const rawConfig = isRecord(model.config) ? { ...model.config } : {};
  if ('auth' in rawConfig && !isRecord(rawConfig['auth'])) delete rawConfig['auth']; // the model ignores a non-map auth too
  const production: Record<string, unknown> = { auth: CHART_PRODUCTION_AUTH };
  if (typeof model.baseDomain === 'string' && model.baseDomain !== '') production['helm'] = { baseDomain: model.baseDomain };

  const layers: Layer[] = [
    { values: { auth: HOUSTON_DEFAULT_AUTH }, origin: () => ({ kind: 'houston-default' }) },
    { values: production, origin: (p) => (p.join('.') === 'helm.baseDomain' ? { kind: 'chart', from: 'global.baseDomain' } : { kind: 'chart' }) },
    { values: rawConfig, origin: (p) => ({ kind: 'values', ...placeOf(unit, [...model.configPath, ...p]) }) },
  ];
  const beforeEnv = layers.reduce<unknown>((acc, l) => deepMerge(acc, l.values), {}) as Record<string, unknown>;
  const { layer, notes } = envLayer(unit, model, beforeEnv);
  layers.push(layer);
  const config = deepMerge(beforeEnv, layer.values) as Record<string, unknown>;
  /** Origins of the layers that set `path`, the winning one first. */
  const setters = (path: readonly string[]): Origin[] =>
    layers.flatMap((l) => (getAt(l.values, path) !== undefined ? [l.origin(path)] : [])).reverse();

  return {
    model,
    config,
    notes,
    origin: (path) => setters(path)[0],
    shadowed: (path) => setters(path)[1],
  };
}

/** The file and line that wrote `path` (or its closest written ancestor). */
function placeOf(unit: LintUnit, path: ValuesPath): { at?: SourcePlace } {
  const loc: NodeLocation | undefined = unit.locations.get(path) ?? unit.locations.closest(path)?.loc;
  if (!loc) return {};
  const source = unit.sources.find((s) => s.name === loc.source);
  const line = source ? source.lines.position((loc.keyRange ?? loc.valueRange)[0]).line : 0;
  return { at: { source: loc.source, line } };
}

/** `houston.env` entries, then `houston.secret` entries: the order the chart renders them into the pod spec. */
function envEntries(model: HoustonModel): EnvEntryView[] {
  const out: EnvEntryView[] = [];
  for (const e of model.env) {
    const { name, value } = e.entry as { name?: unknown; value?: unknown };
    if (typeof name === 'string') out.push({ name, entry: `houston.env[${e.index}]`, path: e.path, value });
  }
  for (const s of model.secrets) {
    const { envName, secretName, secretKey } = s.entry as { envName?: unknown; secretName?: unknown; secretKey?: unknown };
    if (typeof envName !== 'string') continue;
    out.push({
      name: envName,
      entry: `houston.secret[${s.index}]`,
      path: s.path,
      value: undefined,
      secret: { secretName: typeof secretName === 'string' ? secretName : '?', secretKey: typeof secretKey === 'string' && secretKey !== '' ? secretKey : 'value' },
    });
  }
  return out;
}

function envLayer(unit: LintUnit, model: HoustonModel, beforeEnv: Record<string, unknown>): { layer: Layer; notes: EnvNote[] } {
  const values: Record<string, unknown> = {};
  const origins = new Map<string, Origin>();
  const notes: EnvNote[] = [];
  const entries = envEntries(model);
  const oidc = getAt(beforeEnv, ['auth', 'openidConnect']);
  const settings = new Set<string>(OIDC_SETTINGS);
  const providers = isRecord(oidc) ? Object.keys(oidc).filter((k) => !settings.has(k)) : [];
  const lastIndex = new Map(entries.map((e, i) => [e.name, i]));

  entries.forEach((e, i) => {
    const info = classifyEnvName(e.name, { providers });
    if (info.kind !== 'known' || info.reader !== 'houston' || info.configPath === undefined) return;
    const note = (message: string, configPath = info.configPath) => notes.push({ name: e.name, entry: e.entry, ...(configPath ? { configPath } : {}), message });
    const winner = lastIndex.get(e.name)!;
    if (winner !== i) return note(`overridden by ${entries[winner]!.entry} of the same name (the last one in the pod spec wins)`);
    if (info.configPath === 'auth.openidConnect') return note('replaces the OIDC settings with one JSON document; not applied here');
    const path = resolvePath(info.configPath.split('.'), beforeEnv);
    if (!path) return note('cannot tell which key of an open map (authUrlParams, claimsMapping) it sets; not applied here');
    const json = isJsonLeaf(path);
    const place = placeOf(unit, e.path);
    let value: unknown;
    if (e.secret) {
      value = `(from Secret ${e.secret.secretName}/${e.secret.secretKey})`;
      origins.set(pathKey(path), { kind: 'secret', name: e.name, entry: e.entry, ...place, ...e.secret });
    } else {
      if (e.value === undefined || e.value === null || e.value === '') return note('is empty, and node-config ignores empty variables', path.join('.'));
      if (typeof e.value === 'object') return note('has a map or list value, which the chart renders as Go syntax; not applied here', path.join('.'));
      const text = String(e.value);
      if (json) {
        try {
          value = JSON.parse(text);
        } catch {
          return note('is parsed as JSON by Houston and is not valid JSON: Houston fails to start (`__format parser error`)', path.join('.'));
        }
      } else value = text;
      origins.set(pathKey(path), { kind: 'env', name: e.name, entry: e.entry, ...place, json });
    }
    setAt(values, path, value);
  });
  return {
    layer: {
      values,
      origin: (p) => {
        for (let n = p.length; n > 0; n--) {
          const o = origins.get(pathKey(p.slice(0, n)));
          if (o) return o;
        }
        return { kind: 'houston-default' };
      },
    },
    notes,
  };
}

/**
 * The catalogue's config path, with keys inside open maps matched to the keys the config already has
 * (`RESPONSE_TYPE` → `response_type`). Undefined when a multi-word key of an open map has no match: its spelling
 * (`responseType`, `response_type`) cannot be known.
 */
function resolvePath(guess: string[], config: Record<string, unknown>): string[] | undefined {
  const out: string[] = [];
  let node: unknown = config;
  let open = false;
  for (const seg of guess) {
    const keys = isRecord(node) ? Object.keys(node) : [];
    const matches = keys.filter((k) => segmentToEnv(k) === segmentToEnv(seg));
    let key: string | undefined;
    if (matches.includes(seg)) key = seg;
    else if (matches.length === 1) key = matches[0];
    else if (!open || !/[A-Z_]/.test(seg)) key = seg;
    if (key === undefined) return undefined;
    out.push(key);
    open = OPEN_MAPS.has(key);
    node = isRecord(node) ? node[key] : undefined;
  }
  return out;
}

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      setOwn(cur, seg, value);
      return;
    }
    if (!isRecord(getAt(cur, [seg]))) setOwn(cur, seg, {});
    cur = getAt(cur, [seg]) as Record<string, unknown>;
  });
}

/** The unit's values with env overrides written into the houston config, so the model sees what Houston sees. */
export function valuesWithEnv(unit: LintUnit, effective: EffectiveConfig): unknown {
  const { model } = effective;
  if (model.kind === 'none' || !isRecord(unit.values)) return unit.values;
  const copy = deepMerge({}, unit.values) as Record<string, unknown>;
  const config = getAt(copy, model.configPath);
  const merged = deepMerge(isRecord(config) ? config : {}, envOnly(effective));
  setAt(copy, model.configPath.map(String), merged);
  return copy;
}

/** The env layer alone: the leaves whose origin is an env var or a Secret. */
function envOnly(effective: EffectiveConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown, path: string[]) => {
    const o = isRecord(node) && Object.keys(node).length > 0 ? undefined : effective.origin(path);
    if (o) {
      if (o.kind === 'env' || o.kind === 'secret') setAt(out, path, node);
      return;
    }
    if (isRecord(node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(effective.config, []);
  return out;
}
