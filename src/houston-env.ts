// Houston's env-var catalogue: which names Houston (node-config, global-agent, node) reads, which the chart
// owns, which are obsolete, and how a config path becomes an env var name. Reference §1.2 and §2.
import { KNOWN_PROVIDERS } from './houston-defaults.js';
import { closestName } from './suggest.js';
import { loadSchema } from './validate-schema.js';
import { isRecord } from './values-path.js';
import type { RuleContext } from './rule.js';
import type { ValuesPath } from './types.js';

/** A conventional env var name: letters, digits and `_`, not starting with a digit. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** camelCase config key → SCREAMING_SNAKE env segment (`openidConnect` → `OPENID_CONNECT`, `insecureIDPTokenLog` → `INSECURE_IDP_TOKEN_LOG`). */
export function segmentToEnv(segment: string): string {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** Config path → env var name by Houston's convention (segments joined by `__`). */
export function configPathToEnvName(path: readonly string[]): string {
  return path.map(segmentToEnv).join('__');
}

/** The env segment(s) Houston would use for a provider key: the upper-cased key (docs) and the convention form. */
export function providerEnvSegments(provider: string): string[] {
  return [...new Set([provider.toUpperCase(), segmentToEnv(provider)])];
}

/** The env var holding a provider's client secret (`AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET`). */
export function clientSecretEnvName(provider: string): string {
  return `AUTH__OPENID_CONNECT__${provider.toUpperCase()}__CLIENT_SECRET`;
}

/** Providers with a SCIM endpoint, and the env var Houston reads their SCIM credential from. */
export const SCIM_ENV_NAMES: Readonly<Record<string, string>> = { okta: 'SCIM_AUTH_CODE_OKTA', microsoft: 'SCIM_AUTH_CODE_MICROSOFT' };

/**
 * Names declared in Houston's mapping that do not follow the convention (typos included: they are the real
 * names), and documented rows of the §2 table that the schema does not describe.
 */
export const DECLARED_ENV_NAMES: ReadonlyMap<string, string> = new Map([
  ['AUTH__OPENID_CONNECT_PROVIDERS', 'auth.openidConnect'],
  ['WEBERVER__SUBCRIPTIONS', 'webserver.subscriptions'],
  ['ELASTICSEATCH__CLIENT__LOG', 'elasticsearch.client.log'],
  ['JWT__AUTH_DURATION', 'jwt.authDuration'],
  ['JWT__PASSPHRASE', 'jwt.passphrase'],
  ['HELM__BASE_DOMAIN', 'helm.baseDomain'],
  ['EMAIL__SMTP_URL', 'email.smtpUrl'],
  ['DEPLOYMENTS__DATABASE__RETAIN_ON_DELETE', 'deployments.database.retainOnDelete'],
  ['DATABASE__MIGRATIONS__TABLE_NAME', 'database.migrations.tableName'],
  ['PUBLIC_SIGNUPS', 'publicSignups'],
  ['EMAIL_CONFIRMATION', 'emailConfirmation'],
]);

export type EnvReader = 'houston' | 'global-agent' | 'node';

/** Names read outside node-config's path convention. */
export const EXTERNAL_ENV_NAMES: ReadonlyMap<string, { reader: EnvReader; configPath?: string; provider?: string }> = new Map([
  ['SCIM_AUTH_CODE_OKTA', { reader: 'houston', configPath: 'auth.openidConnect.okta.scimAuthCode', provider: 'okta' }],
  ['SCIM_AUTH_CODE_MICROSOFT', { reader: 'houston', configPath: 'auth.openidConnect.microsoft.scimAuthCode', provider: 'microsoft' }],
  ['GLOBAL_AGENT_HTTP_PROXY', { reader: 'global-agent' }],
  ['GLOBAL_AGENT_HTTPS_PROXY', { reader: 'global-agent' }],
  ['GLOBAL_AGENT_NO_PROXY', { reader: 'global-agent' }],
  ['NODE_EXTRA_CA_CERTS', { reader: 'node' }],
  ['NODE_OPTIONS', { reader: 'node' }],
  ['NODE_TLS_REJECT_UNAUTHORIZED', { reader: 'node' }],
]);

/** Names the chart adds after the user's `env`/`secret` entries (`houston_environment` helper); the last one wins. */
export const CHART_MANAGED_ENV_NAMES: ReadonlySet<string> = new Set([
  'NODE_ENV',
  'DATABASE__CONNECTION',
  'JWT__CERT_PATH',
  'JWT__REGISTRY__CERT_PATH',
  'JWT__REGISTRY__ISSUER',
  'JWT__REGISTRY__SERVICE',
  'DATABASE_URL',
  'DEPLOYMENTS__DATABASE__CONNECTION',
  'HOUSTON__HOST',
  'COMMANDER__HOST',
  'COMMANDER__PORT',
  'REGISTRY__HOST',
  'REGISTRY__PORT',
  'NATS__SERVERS',
  'NATS__CLUSTER_ID',
  'COMMANDER_WAIT_ENABLED',
  'REGISTRY_WAIT_ENABLED',
  'HELM__RELEASE_VERSION',
]);
const CHART_MANAGED_PREFIXES = ['JWT__REGISTRY__'];

/** True for names the chart sets itself, which a user entry cannot override. */
export function isChartManagedEnvName(name: string): boolean {
  return CHART_MANAGED_ENV_NAMES.has(name) || CHART_MANAGED_PREFIXES.some((p) => name.startsWith(p));
}

/** Houston "v1" (chart ≤ v0.7) names, each with what replaced it (reference §2 "Obsolete env names"). */
export const OBSOLETE_ENV_NAMES: ReadonlyMap<string, string> = new Map([
  ['AUTH_STRATEGY', '`AUTH__LOCAL__ENABLED`, `AUTH__GITHUB__ENABLED` and `AUTH__OPENID_CONNECT__<P>__ENABLED`'],
  ['GOOGLE_CLIENT_ID', '`AUTH__OPENID_CONNECT__GOOGLE__CLIENT_ID`'],
  ['GOOGLE_CLIENT_SECRET', '`AUTH__OPENID_CONNECT__GOOGLE__CLIENT_SECRET`'],
  ['GITHUB_CLIENT_ID', '`AUTH__GITHUB__ENABLED` (GitHub login always goes through Astronomer\'s Auth0 tenant)'],
  ['AUTH0_CLIENT_ID', '`AUTH__OPENID_CONNECT__AUTH0__CLIENT_ID`'],
  ['AUTH0_BASE_DOMAIN', '`AUTH__OPENID_CONNECT__AUTH0__DISCOVERY_URL` (a full https:// URL)'],
  ['AUTH0_EXTERNAL_LOGIN', 'nothing (remove it)'],
  ['ORBIT_BASE_URL', 'nothing (remove it)'],
  ['GOOGLE_OAUTH_REDIRECT_URL', 'nothing (Houston builds redirect URIs from `global.baseDomain`)'],
  ['SMTP_URI', '`EMAIL__SMTP_URL`'],
]);

/** Pre-0.9.5 `AUTH__<P>__*` names (`AUTH__AUTH0__ENABLED`) → the `AUTH__OPENID_CONNECT__<P>__*` name. */
function obsoleteProviderName(name: string): string | undefined {
  const m = /^AUTH__(AUTH0|GOOGLE|OKTA)__([A-Z0-9_]+)$/.exec(name);
  if (!m) return undefined;
  const field = m[2] === 'BASE_DOMAIN' ? 'DISCOVERY_URL' : m[2];
  return `\`AUTH__OPENID_CONNECT__${m[1]}__${field}\`${m[2] === 'BASE_DOMAIN' ? ' (a full https:// URL, not a host)' : ''}`;
}

/** What a name is, for Houston. */
export type EnvNameInfo =
  | {
      kind: 'known';
      /** Config path it overrides (undefined for names read by global-agent or node). */
      configPath: string | undefined;
      reader: EnvReader;
      /** For provider names (client secret, SCIM, …): the provider key. */
      provider?: string;
      /** `clientSecret` or `scimAuthCode` for credential names. */
      credential?: 'clientSecret' | 'scimAuthCode';
    }
  | { kind: 'chart-managed' }
  | { kind: 'obsolete'; replacement: string }
  | {
      kind: 'near-miss';
      /** The name Houston reads. */
      intended: string | undefined;
      credential: 'clientSecret' | 'scimAuthCode';
      /** `spelling`: separators or case; `provider`: no such provider; `scim-provider`: SCIM for other than okta/microsoft. */
      reason: 'spelling' | 'provider' | 'scim-provider';
      provider?: string;
    }
  | {
      kind: 'unknown';
      /**
       * True when Houston certainly does not read it: an `A__B__C` name inside a config section whose keys are
       * known (`AUTH__…`), or a near miss of a known name. False for names Houston may read that we cannot see
       * (`MY_APP_FLAG`, `ORBIT__PORT`).
       */
      certain: boolean;
      /** The known name it is closest to. */
      suggestion?: string;
    };

interface Node {
  /** env segment → child. */
  children: Map<string, { key: string; node: Node }>;
  /** Any key is accepted below (open map in the schema, or a section we only partly know). */
  open: boolean;
  /** Accepts provider keys (under `openidConnect`) passed at classification time. */
  providerBlock?: Node;
}

function newNode(open = false): Node {
  return { children: new Map(), open };
}

type Schema = Record<string, unknown>;

function resolve(schema: unknown, defs: Record<string, unknown>): Schema {
  let s = isRecord(schema) ? schema : {};
  for (let i = 0; i < 10 && typeof s['$ref'] === 'string'; i++) {
    const name = (s['$ref'] as string).replace('#/definitions/', '');
    s = isRecord(defs[name]) ? (defs[name] as Schema) : {};
  }
  return s;
}

function walk(schema: unknown, defs: Record<string, unknown>, node: Node, depth = 0): void {
  if (depth > 12) return;
  const s = resolve(schema, defs);
  for (const branch of [...(Array.isArray(s['anyOf']) ? s['anyOf'] : []), ...(Array.isArray(s['oneOf']) ? s['oneOf'] : [])]) walk(branch, defs, node, depth + 1);
  const props = isRecord(s['properties']) ? s['properties'] : {};
  for (const [key, sub] of Object.entries(props)) {
    const seg = segmentToEnv(key);
    let child = node.children.get(seg);
    if (!child) {
      child = { key, node: newNode() };
      node.children.set(seg, child);
    }
    walk(sub, defs, child.node, depth + 1);
  }
  const extra = s['additionalProperties'];
  if (extra === true) node.open = true;
  else if (isRecord(extra)) {
    const target = resolve(extra, defs);
    if (isRecord(target['properties'])) {
      // A map of blocks (providers under openidConnect): only known or configured keys are accepted.
      node.providerBlock = newNode();
      walk(extra, defs, node.providerBlock, depth + 1);
    } else node.open = true; // a map of scalars (authUrlParams, claimsMapping)
  }
}

let tree: Node | undefined;

/** Known config paths: the schema's `houstonConfig`, plus sections known from Houston's declared names. */
function configTree(): Node {
  if (tree) return tree;
  const doc = loadSchema();
  const defs = isRecord(doc['definitions']) ? doc['definitions'] : {};
  const root = newNode();
  walk(defs['houstonConfig'], defs, root);
  // Sections outside the schema that Houston's mapping has (reference §2): we know too little to close them.
  for (const key of ['database', 'webserver', 'elasticsearch']) {
    if (!root.children.has(segmentToEnv(key))) root.children.set(segmentToEnv(key), { key, node: newNode(true) });
  }
  tree = root;
  return root;
}

interface Match {
  path: string[];
  /** Whether the match ended inside an open map. */
  open: boolean;
  provider?: string;
}

function match(segments: string[], providers: readonly string[]): Match | undefined {
  let node = configTree();
  const path: string[] = [];
  let provider: string | undefined;
  for (const seg of segments) {
    const child = node.children.get(seg);
    if (child) {
      path.push(child.key);
      if (node.providerBlock && child.node.children.size && (KNOWN_PROVIDERS as readonly string[]).includes(child.key)) provider = child.key;
      node = child.node;
      continue;
    }
    if (node.providerBlock) {
      const p = providers.find((name) => providerEnvSegments(name).includes(seg));
      if (p) {
        path.push(p);
        provider = p;
        node = node.providerBlock;
        continue;
      }
    }
    // Under an open map any key is possible; at the root that says nothing (Houston has many sections we do not know).
    if (node.open && path.length > 0) {
      const rest = segments.slice(path.length).map(envToCamel);
      return { path: [...path, ...rest], open: true, ...(provider ? { provider } : {}) };
    }
    return undefined;
  }
  return { path, open: false, ...(provider ? { provider } : {}) };
}

/** Every concrete known name (for "did you mean"), for the given provider keys. */
const namesCache = new Map<string, string[]>();

function knownNames(providers: readonly string[]): string[] {
  const cacheKey = providers.join('\n');
  const cached = namesCache.get(cacheKey);
  if (cached) return cached;
  const out = new Set<string>([...DECLARED_ENV_NAMES.keys(), ...EXTERNAL_ENV_NAMES.keys()]);
  const visit = (node: Node, prefix: string[], depth: number) => {
    if (depth > 8) return;
    if (prefix.length && node.children.size === 0) out.add(prefix.join('__'));
    for (const [seg, child] of node.children) visit(child.node, [...prefix, seg], depth + 1);
    if (node.providerBlock) {
      for (const p of providers) if (!node.children.has(p.toUpperCase())) visit(node.providerBlock, [...prefix, p.toUpperCase()], depth + 1);
    }
  };
  visit(configTree(), [], 0);
  const names = [...out];
  if (namesCache.size > 50) namesCache.clear();
  namesCache.set(cacheKey, names);
  return names;
}

/** `AUTH_URL_PARAMS` → `authUrlParams` (a best guess for keys inside open maps). */
function envToCamel(seg: string): string {
  return seg.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

const squash = (s: string) => s.toUpperCase().replace(/_/g, '');

/** `AUTH_OPENID_CONNECT__OKTA_CLIENT_SECRET`-like names: meant as a client secret or SCIM code. */
function credentialNearMiss(name: string, providers: readonly string[]): EnvNameInfo | undefined {
  const flat = squash(name);
  const all = [...new Set([...KNOWN_PROVIDERS, ...providers])];
  const scim = /^SCIMAUTHCODE([A-Z0-9]*)$/.exec(flat);
  if (scim) {
    const target = scim[1] ?? '';
    const provider = Object.keys(SCIM_ENV_NAMES).find((p) => squash(p) === target);
    if (provider) return name === SCIM_ENV_NAMES[provider] ? undefined : { kind: 'near-miss', intended: SCIM_ENV_NAMES[provider], credential: 'scimAuthCode', reason: 'spelling', provider };
    const near = target ? closestName(target, ['OKTA', 'MICROSOFT'], 2) : undefined;
    return { kind: 'near-miss', intended: near ? `SCIM_AUTH_CODE_${near}` : undefined, credential: 'scimAuthCode', reason: 'scim-provider' };
  }
  const derivedScim = /^AUTHOPENIDCONNECT([A-Z0-9]+)SCIMAUTHCODE$/.exec(flat);
  if (derivedScim) {
    const provider = Object.keys(SCIM_ENV_NAMES).find((p) => squash(p) === derivedScim[1]);
    return { kind: 'near-miss', intended: provider ? SCIM_ENV_NAMES[provider] : undefined, credential: 'scimAuthCode', reason: provider ? 'spelling' : 'scim-provider' };
  }
  const secret = /^AUTHOPENIDCONNECT([A-Z0-9]+)CLIENTSECRET$/.exec(flat);
  if (!secret) return undefined;
  const target = secret[1]!;
  const provider = all.find((p) => squash(p) === target);
  if (provider) {
    const canonical = providerEnvSegments(provider).map((seg) => `AUTH__OPENID_CONNECT__${seg}__CLIENT_SECRET`);
    if (canonical.includes(name)) return undefined;
    return { kind: 'near-miss', intended: canonical[0], credential: 'clientSecret', reason: 'spelling', provider };
  }
  const near = closestName(target, all.map((p) => p.toUpperCase()), 2);
  const nearKey = near ? all.find((p) => p.toUpperCase() === near) : undefined;
  return {
    kind: 'near-miss',
    intended: nearKey ? clientSecretEnvName(nearKey) : undefined,
    credential: 'clientSecret',
    reason: 'provider',
    ...(nearKey ? { provider: nearKey } : {}),
  };
}

export interface ClassifyOptions {
  /** Provider keys in the effective config (free-form ones such as `cognito` included). */
  providers?: readonly string[];
}

/** Answers of `classifyEnvName`, by name and providers: the same names recur in every file of a set. */
const classified = new Map<string, Readonly<EnvNameInfo>>();

/** Tells what an env var name is for Houston. The answer is shared between calls: do not change it. */
export function classifyEnvName(name: string, options: ClassifyOptions = {}): Readonly<EnvNameInfo> {
  const key = `${name}\0${(options.providers ?? []).join('\0')}`;
  let info = classified.get(key);
  if (!info) {
    if (classified.size >= 10_000) classified.clear();
    info = Object.freeze(classify(name, options));
    classified.set(key, info);
  }
  return info;
}

function classify(name: string, options: ClassifyOptions): EnvNameInfo {
  const providers = [...new Set([...KNOWN_PROVIDERS, ...(options.providers ?? [])])];
  if (isChartManagedEnvName(name)) return { kind: 'chart-managed' };
  const obsolete = OBSOLETE_ENV_NAMES.get(name) ?? obsoleteProviderName(name);
  if (obsolete) return { kind: 'obsolete', replacement: obsolete };
  const external = EXTERNAL_ENV_NAMES.get(name);
  if (external) {
    return {
      kind: 'known',
      configPath: external.configPath,
      reader: external.reader,
      ...(external.provider ? { provider: external.provider, credential: 'scimAuthCode' as const } : {}),
    };
  }
  const declared = DECLARED_ENV_NAMES.get(name);
  if (declared) return { kind: 'known', configPath: declared, reader: 'houston' };
  const near = credentialNearMiss(name, providers);
  if (near) return near;

  const conventional = /^[A-Z0-9]+(_[A-Z0-9]+)*(__[A-Z0-9]+(_[A-Z0-9]+)*)+$/.test(name);
  if (conventional) {
    const m = match(name.split('__'), providers);
    if (m && !(m.open && openNearMiss(name, providers))) {
      const last = m.path[m.path.length - 1];
      return {
        kind: 'known',
        configPath: m.path.join('.'),
        reader: 'houston',
        ...(m.provider ? { provider: m.provider } : {}),
        ...(m.provider && (last === 'clientSecret' || last === 'scimAuthCode') ? { credential: last } : {}),
      };
    }
  }
  const candidates = knownNames(providers);
  // Same name but for `_`/case: certainly meant as that name.
  const flat = squash(name);
  const same = candidates.find((c) => squash(c) === flat);
  if (same) return { kind: 'unknown', certain: true, suggestion: same };
  if (!name.includes('__')) return { kind: 'unknown', certain: false };
  const suggestion = closestName(name, candidates, Math.min(3, Math.max(1, Math.floor(name.length / 5))));
  if (suggestion) return { kind: 'unknown', certain: true, suggestion };
  // Inside a known section whose keys are fixed at that level (`AUTH__…`): certainly not mapped.
  const first = name.toUpperCase().split('__')[0] ?? '';
  const section = configTree().children.get(first);
  if (conventional && section && !section.node.open) return { kind: 'unknown', certain: true };
  // A section we know nothing about, or an open one: Houston may map it; say nothing definite.
  return { kind: 'unknown', certain: false };
}

/** Under an open map any name is accepted, unless it is one edit from a concrete known name (a typo). */
function openNearMiss(name: string, providers: readonly string[]): boolean {
  const near = closestName(name, knownNames(providers), 1);
  return near !== undefined;
}

export interface EnvNameEntry {
  name: string;
  path: ValuesPath;
  list: 'env' | 'secret';
  index: number;
}

/** The `name`/`envName` values of `houston.env` and `houston.secret`, with their paths. */
export function envNameEntries(context: Pick<RuleContext, 'houston' | 'scalar'>): EnvNameEntry[] {
  const out: EnvNameEntry[] = [];
  for (const e of context.houston.env) {
    if (typeof e.entry.name === 'string') out.push({ name: e.entry.name, path: [...e.path, 'name'], list: 'env', index: e.index });
  }
  for (const s of context.houston.secrets) {
    if (typeof s.entry.envName === 'string') out.push({ name: s.entry.envName, path: [...s.path, 'envName'], list: 'secret', index: s.index });
  }
  return out;
}

/** The new name written in the same quoting style as the old one. */
export function quoteLike(context: Pick<RuleContext, 'houston' | 'scalar'>, path: ValuesPath, text: string): string {
  const style = context.scalar(path)?.style;
  if (style === 'double') return JSON.stringify(text);
  if (style === 'single') return `'${text}'`;
  return text;
}

/** True for names whose value is a credential Houston reads (client secrets, SCIM codes, SMTP URL, passwords, tokens). */
export { isSecretEnvName } from './secret-keys.js';
