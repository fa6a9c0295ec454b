// The houston section as rules see it: where it is, the user's raw values, and Houston's effective auth config.
import { deepMerge } from './deep-merge.js';
import { CHART_PRODUCTION_AUTH, HOUSTON_DEFAULT_AUTH, KNOWN_PROVIDERS, OIDC_SETTINGS } from './houston-defaults.js';
import { getAt, isRecord } from './values-path.js';
import type { Auth, EnvEntry, Houston, HoustonConfig, Provider, SecretEntry } from './generated/houston-values.js';
import type { ValuesPath } from './types.js';

/** Which kind of values file this is. */
export type RootKind = 'umbrella' | 'subchart' | 'none';

export interface ProviderView {
  /** Key under `openidConnect` (`okta`, `cognito`, …). */
  name: string;
  /** Values path of the provider block in the user's file (may not exist there: defaults only). */
  path: ValuesPath;
  /** The user's block, if the file has one. */
  raw: Provider | undefined;
  /** Houston default.yaml ← chart production.yaml ← user config. */
  effective: Provider;
  /** Houston tests `enabled` for truthiness: the string "false" counts as on. */
  enabled: boolean;
  known: boolean;
}

export interface ListEntry<T> {
  index: number;
  path: ValuesPath;
  entry: T;
}

export interface HoustonModel {
  kind: RootKind;
  /** `['astronomer','houston']` or `['houston']`; for files without a section, where it belongs. */
  path: ValuesPath;
  configPath: ValuesPath;
  authPath: ValuesPath;
  oidcPath: ValuesPath;
  raw: Houston | undefined;
  config: HoustonConfig | undefined;
  /** Effective auth config: Houston defaults ← chart production.yaml ← user `config.auth`. */
  auth: Auth;
  /** Effective OIDC flow (`implicit` unless set). */
  flow: unknown;
  providers: ProviderView[];
  secrets: ListEntry<SecretEntry>[];
  env: ListEntry<EnvEntry>[];
  /** `global.baseDomain` as written (umbrella files only; subchart files read it from the parent). */
  baseDomain: unknown;
}

/** Detects where the houston section lives and builds the effective view of it. */
export function buildHoustonModel(values: unknown): HoustonModel {
  const root = isRecord(values) ? values : {};
  let kind: RootKind = 'none';
  let path: ValuesPath = ['astronomer', 'houston'];
  if (getAt(root, ['astronomer', 'houston']) !== undefined) kind = 'umbrella';
  else if (root['houston'] !== undefined) {
    kind = 'subchart';
    path = ['houston'];
  }
  const raw = kind === 'none' ? undefined : (getAt(root, path) as Houston | undefined);
  const rawRec = isRecord(raw) ? raw : undefined;
  const config = isRecord(rawRec?.config) ? (rawRec.config as HoustonConfig) : undefined;
  const userAuth = isRecord(config?.auth) ? config.auth : {};
  const auth = deepMerge(chartAuth(), userAuth) as Auth;

  const configPath = [...path, 'config'];
  const authPath = [...configPath, 'auth'];
  const oidcPath = [...authPath, 'openidConnect'];
  const oidc: Record<string, unknown> = isRecord(auth.openidConnect) ? auth.openidConnect : {};
  const userOidc = isRecord(userAuth['openidConnect']) ? userAuth['openidConnect'] : {};
  const settings = new Set<string>(OIDC_SETTINGS);
  const providers: ProviderView[] = [];
  for (const [name, block] of Object.entries(oidc)) {
    if (settings.has(name)) continue;
    const effective = (isRecord(block) ? block : {}) as Provider;
    const rawBlock = userOidc[name];
    providers.push({
      name,
      path: [...oidcPath, name],
      raw: isRecord(rawBlock) ? (rawBlock as Provider) : undefined,
      effective,
      enabled: Boolean(effective.enabled),
      known: (KNOWN_PROVIDERS as readonly string[]).includes(name),
    });
  }

  return {
    kind,
    path,
    configPath,
    authPath,
    oidcPath,
    raw,
    config,
    auth,
    flow: oidc['flow'] ?? 'implicit',
    providers,
    secrets: listEntries<SecretEntry>(rawRec?.secret, [...path, 'secret']),
    env: listEntries<EnvEntry>(rawRec?.env, [...path, 'env']),
    baseDomain: getAt(root, ['global', 'baseDomain']),
  };
}

function listEntries<T>(list: unknown, path: ValuesPath): ListEntry<T>[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => (isRecord(entry) ? [{ index, path: [...path, index], entry: entry as T }] : []));
}

let chartAuthDefaults: unknown;
/** Houston's default auth config under the chart's production.yaml: the same for every file, merged once. */
function chartAuth(): unknown {
  return (chartAuthDefaults ??= deepMerge(HOUSTON_DEFAULT_AUTH, CHART_PRODUCTION_AUTH));
}
