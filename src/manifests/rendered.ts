// Reads rendered chart manifests (`helm template` output) as a lint unit located in the stream: houston ConfigMap + Deployment env.
import { isScalar } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { CHART_PRODUCTION_AUTH } from '../houston-defaults.js';
import { isChartManagedEnvName } from '../houston-env.js';
import { LineIndex } from '../line-index.js';
import { loadValues } from '../load-values.js';
import { LocationMap } from '../location-map.js';
import { getAt, isRecord, pathKey } from '../values-path.js';
import { HOUSTON_CONFIG_MAP } from './detect.js';
import { nodeAt, parseManifests, rangesAt } from './parse-manifests.js';
import type { LintUnit, UnitProblem } from '../lint-unit.js';
import type { SourceFile } from '../load-values.js';
import type { NodeLocation, ValuesPath } from '../types.js';
import type { ManifestObject, NodeRanges } from './parse-manifests.js';

/** The values paths a rendered stream fills: the umbrella chart's, so messages read as for a values file. */
const HOUSTON: ValuesPath = ['astronomer', 'houston'];
const CONFIG: ValuesPath = [...HOUSTON, 'config'];

/** Env names the chart's templates add besides `houston_environment`'s (`APOLLO_SERVER_*` in the Deployment, reference §1.2). */
const CHART_PREFIXES = ['APOLLO_SERVER_', 'DISPATCH_', 'CB_'];

/** The Houston API Deployment (`<release>-houston`; not `-houston-worker`). */
const HOUSTON_DEPLOYMENT = /^(?:.+-)?houston$/;

export interface RenderedInfo {
  /** `metadata.name` of the ConfigMap and of the Deployment read. */
  configMap: string;
  deployment?: string;
  /** The ConfigMap has the chart's `production.yaml`. */
  hasProduction: boolean;
  /** Dotted paths where the rendered `production.yaml` auth block differs from the built-in chart defaults. */
  productionDiffers: string[];
}

export interface RenderedUnit extends LintUnit {
  /**
   * The rendered `production.yaml` `auth` block: the chart defaults Houston loads under the user's config. The rules
   * assume the built-in `CHART_PRODUCTION_AUTH`; see `rendered.productionDiffers`.
   */
  chartProductionAuth?: unknown;
  rendered: RenderedInfo;
}

/**
 * Reads a stream of rendered manifests as one lint unit whose locations point into the stream: the houston config
 * at `astronomer.houston.config`, the Deployment's user env entries at `astronomer.houston.env` / `.secret`, and
 * `helm.baseDomain` of `production.yaml` at `global.baseDomain`. Undefined when there is no houston ConfigMap.
 */
export function loadRendered(name: string, text: string): RenderedUnit | undefined {
  const stream = parseManifests(name, text);
  const cm = stream.objects.find((o) => o.kind === 'ConfigMap' && o.name !== undefined && HOUSTON_CONFIG_MAP.test(o.name));
  if (!cm) return undefined;
  const source = stream.source;
  const locations = new LocationMap();
  const problems: UnitProblem[] = stream.syntax.map((e) => ({ ruleId: 'yaml-syntax', message: e.message, range: e.range, fatal: true, source: name }));
  const info: RenderedInfo = { configMap: cm.name!, hasProduction: false, productionDiffers: [] };
  const houston: Record<string, unknown> = {};
  const values: Record<string, unknown> = { astronomer: { houston } };

  const cmName = rangesAt(cm, ['metadata', 'name']);
  const cmWhole = rangesAt(cm, []);
  if (cmWhole) locations.set([], { source: name, valueRange: cmWhole.valueRange });
  if (cmName) {
    locations.set(['astronomer'], at(name, cmName));
    locations.set(HOUSTON, at(name, cmName));
  }

  const data = isRecord(cm.value['data']) ? cm.value['data'] : {};
  const local = embedded(cm, 'local-production.yaml', data, source);
  if (local) {
    const loaded = loadValues(name, local.text);
    problems.push(...loaded.problems.map((p) => ({ ...p, range: local.mapRange(p.range), ...(p.path ? { path: [...CONFIG, ...p.path] } : {}), source: name })));
    const prefix = pathKey(CONFIG);
    for (const [key, loc] of loaded.locations.entries()) locations.setKey(prefix + key, local.mapLoc(loc));
    locations.set(CONFIG, at(name, local.ranges));
    if (loaded.values !== undefined && loaded.values !== null) houston['config'] = loaded.values;
  }

  const production = embedded(cm, 'production.yaml', data, source);
  let chartProductionAuth: unknown;
  if (production) {
    info.hasProduction = true;
    const loaded = loadValues(name, production.text);
    chartProductionAuth = getAt(loaded.values, ['auth']);
    info.productionDiffers = differences(chartProductionAuth ?? {}, CHART_PRODUCTION_AUTH);
    const baseDomain = getAt(loaded.values, ['helm', 'baseDomain']);
    const loc = loaded.locations.get(['helm', 'baseDomain']);
    if (baseDomain !== undefined && loc) {
      values['global'] = { baseDomain };
      locations.set(['global'], production.mapLoc(loaded.locations.get(['helm']) ?? loc));
      locations.set(['global', 'baseDomain'], production.mapLoc(loc));
    }
  }

  const dep = stream.objects.find((o) => o.kind === 'Deployment' && o.name !== undefined && HOUSTON_DEPLOYMENT.test(o.name));
  if (dep) {
    info.deployment = dep.name!;
    readEnv(dep, name, houston, locations);
  }

  const unit: RenderedUnit = { values, locations, sources: [source], problems, rendered: info };
  if (chartProductionAuth !== undefined) unit.chartProductionAuth = chartProductionAuth;
  return unit;
}

interface Embedded {
  text: string;
  ranges: NodeRanges;
  mapRange(range: readonly [number, number]): [number, number];
  mapLoc(loc: NodeLocation): NodeLocation;
}

/** A file embedded as a ConfigMap value, with offsets in its text mapped back to the manifest. */
function embedded(cm: ManifestObject, key: string, data: Record<string, unknown>, source: SourceFile): Embedded | undefined {
  const text = data[key];
  const ranges = rangesAt(cm, ['data', key]);
  if (typeof text !== 'string' || !ranges) return undefined;
  const map = offsetMapper(source, nodeAt(cm.doc, cm.node, ['data', key]), text);
  const mapRange = (r: readonly [number, number]): [number, number] => [map(r[0]), map(r[1])];
  return {
    text,
    ranges,
    mapRange,
    mapLoc: (loc) => ({ source: source.name, valueRange: mapRange(loc.valueRange), ...(loc.keyRange ? { keyRange: mapRange(loc.keyRange) } : {}) }),
  };
}

/**
 * Offset in the embedded text → offset in the manifest. In a literal block scalar (`|`, what the chart writes and
 * `kubectl get -o yaml` prints) line n of the text is line n after the header, shifted by the block's indentation.
 * Any other scalar style (quoted, folded), or a block that does not line up, maps everything to the value's start.
 */
export function offsetMapper(source: SourceFile, node: YamlNode | undefined, text: string): (offset: number) => number {
  const start = node?.range?.[0] ?? 0;
  const fallback = () => start;
  if (!node || !isScalar(node) || node.type !== 'BLOCK_LITERAL') return fallback;
  const { lines } = source;
  const header = lines.position(start).line;
  const lineText = (line: number) => {
    const from = lines.lineStart(line);
    const to = line < lines.lineCount ? lines.lineStart(line + 1) : source.text.length;
    return source.text.slice(from, to).replace(/(?:\r\n|\n|\r)$/, '');
  };
  let indent: number | undefined;
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const n = header + 1 + i;
    if (n > lines.lineCount) return fallback;
    const written = lineText(n);
    const pad = written.length - line.length;
    if (pad < 0 || !written.endsWith(line) || written.slice(0, pad).trim() !== '' || (indent !== undefined && pad !== indent)) return fallback;
    indent = pad;
  }
  const inner = new LineIndex(text);
  return (offset) => {
    const p = inner.position(offset);
    const n = header + p.line;
    const lineStart = lines.lineStart(n);
    return Math.min(lineStart + (indent ?? 0) + p.column - 1, lineStart + lineText(n).length);
  };
}

/**
 * The `houston` container's env: the chart renders the user's `env` entries, then the `secret` entries, then its own
 * variables starting with `NODE_ENV` (`houston_environment` helper). Everything before `NODE_ENV` is the user's; without
 * a `NODE_ENV` entry, the chart-managed names (and `APOLLO_SERVER_*`, `DISPATCH_*`, `CB_*`) are skipped instead. Other `valueFrom` sources are the chart's.
 */
function readEnv(dep: ManifestObject, name: string, houston: Record<string, unknown>, locations: LocationMap): void {
  const spec = getAt(dep.value, ['spec', 'template', 'spec', 'containers']);
  if (!Array.isArray(spec)) return;
  const ci = spec.findIndex((c) => isRecord(c) && c['name'] === 'houston');
  const container = spec[ci] as Record<string, unknown> | undefined;
  if (!container || !Array.isArray(container['env'])) return;
  const envPath: ValuesPath = ['spec', 'template', 'spec', 'containers', ci, 'env'];
  const envRanges = rangesAt(dep, envPath);
  const list = container['env'] as unknown[];
  const cut = list.findIndex((e) => isRecord(e) && e['name'] === 'NODE_ENV');
  const env: Record<string, unknown>[] = [];
  const secret: Record<string, unknown>[] = [];
  for (const [i, item] of list.entries()) {
    if (cut >= 0 && i >= cut) break;
    if (!isRecord(item) || (cut < 0 && typeof item['name'] === 'string' && isChartName(item['name']))) continue;
    const itemPath = [...envPath, i];
    const set = (path: ValuesPath, manifestPath: ValuesPath) => {
      const r = rangesAt(dep, [...itemPath, ...manifestPath]);
      if (r) locations.set(path, at(name, r));
    };
    const ref = getAt(item, ['valueFrom', 'secretKeyRef']);
    if (isRecord(ref)) {
      const path = [...HOUSTON, 'secret', secret.length];
      const entry: Record<string, unknown> = { envName: item['name'] };
      if ('name' in ref) entry['secretName'] = ref['name'];
      if ('key' in ref) entry['secretKey'] = ref['key'];
      secret.push(entry);
      set(path, []);
      set([...path, 'envName'], ['name']);
      set([...path, 'secretName'], ['valueFrom', 'secretKeyRef', 'name']);
      set([...path, 'secretKey'], ['valueFrom', 'secretKeyRef', 'key']);
    } else if (item['valueFrom'] === undefined) {
      const path = [...HOUSTON, 'env', env.length];
      env.push({ ...item });
      set(path, []);
      for (const key of Object.keys(item)) set([...path, key], [key]);
    }
  }
  for (const [key, list] of [['env', env], ['secret', secret]] as const) {
    if (list.length === 0) continue;
    houston[key] = list;
    if (envRanges) locations.set([...HOUSTON, key], at(name, envRanges));
  }
}

function isChartName(name: string): boolean {
  return isChartManagedEnvName(name) || CHART_PREFIXES.some((p) => name.startsWith(p));
}

function at(source: string, r: NodeRanges): NodeLocation {
  return { source, valueRange: r.valueRange, ...(r.keyRange ? { keyRange: r.keyRange } : {}) };
}

/** Dotted paths where `actual` differs from `expected` (maps compared key by key; `null` and absent are equal). */
export function differences(actual: unknown, expected: unknown, path: string[] = []): string[] {
  const rec = (v: unknown) => (v === undefined || v === null ? {} : v);
  if ((isRecord(actual) || isRecord(expected)) && isRecord(rec(actual)) && isRecord(rec(expected))) {
    const a = rec(actual) as Record<string, unknown>;
    const e = rec(expected) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    return keys.flatMap((k) => differences(a[k], e[k], [...path, k]));
  }
  const norm = (v: unknown) => (v === undefined ? null : v);
  return norm(actual) === norm(expected) ? [] : [path.join('.')];
}
