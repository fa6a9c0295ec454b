// `houston-lint urls`: the exact URLs to register at each enabled identity provider, from `global.baseDomain` and the OIDC flow (reference §4).
import { buildHoustonModel } from '../houston-model.js';
import { SCIM_ENV_NAMES } from '../houston-env.js';
import { isRecord } from '../values-path.js';
import { CommandError, loadCommandUnit } from './common.js';
import { effectiveConfig, valuesWithEnv } from './effective-config.js';
import type { HoustonModel, ProviderView } from '../houston-model.js';
import type { CommandIO } from './common.js';

export interface UrlsOptions {
  /** Overrides `global.baseDomain` (needed for files of the astronomer subchart, which do not carry it). */
  baseDomain?: string;
}

export type UrlId = 'redirect' | 'callback' | 'logout' | 'origins' | 'scim' | 'initiate-login';

export interface RegisteredUrl {
  id: UrlId;
  /** The field of the identity provider's application settings. */
  label: string;
  url: string;
  note?: string;
}

export interface ProviderUrls {
  /** Key under `openidConnect` (`okta`, `cognito`), or `github`. */
  name: string;
  displayName: string;
  /** Logins go through Astronomer's Auth0 tenant: nothing to register. */
  brokered: boolean;
  urls: RegisteredUrl[];
  notes: string[];
}

/** The `--format json` document. Stable: fields are only ever added. */
export interface UrlsReport {
  schemaVersion: 1;
  baseDomain: string;
  flow: string;
  /** Astro UI, where users log in. */
  ui: string;
  /** Houston API (CLI, GraphQL). */
  houstonApi: string;
  providers: ProviderUrls[];
  warnings: string[];
}

const ASTRONOMER_AUTH0 = 'https://astronomerio.auth0.com';
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A base domain Houston can build URLs from, or a `CommandError` saying why not. */
export function checkBaseDomain(value: unknown, fromFlag: boolean): string {
  const where = fromFlag ? '--base-domain' : '`global.baseDomain`';
  if (value === undefined || value === null || value === '') {
    throw new CommandError(
      fromFlag ? '--base-domain is empty' : '`global.baseDomain` is not set in the values, so Houston has no URLs to register (give the file that sets it, or --base-domain for subchart files)',
    );
  }
  if (typeof value !== 'string') throw new CommandError(`${where} must be a DNS name, got ${typeof value} ${JSON.stringify(value)}`);
  const text = value.trim();
  if (/^[a-z][\w+.-]*:\/\//i.test(text)) throw new CommandError(`${where} must be a bare DNS name without a scheme (got "${text}"); e.g. astro.example.com`);
  if (!DNS_NAME.test(text)) throw new CommandError(`${where} "${text}" is not a bare DNS name (no port, path or placeholder); e.g. astro.example.com`);
  return text.toLowerCase();
}

const hasValue = (v: unknown) => v !== null && v !== undefined && v !== '';
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The URLs of every enabled provider, for the effective config in `model`. Throws `CommandError` without a usable base domain. */
export function computeUrls(model: HoustonModel, options: UrlsOptions = {}): UrlsReport {
  const bd = checkBaseDomain(options.baseDomain ?? model.baseDomain, options.baseDomain !== undefined);
  const houston = `https://houston.${bd}`;
  const flow = typeof model.flow === 'string' ? model.flow : String(model.flow);
  const warnings: string[] = [];
  if (flow !== 'implicit' && flow !== 'code') warnings.push(`\`flow: ${flow}\` is neither \`implicit\` nor \`code\`; the implicit-flow URL is shown. Run houston-lint on the file.`);
  const login: RegisteredUrl =
    flow === 'code'
      ? { id: 'callback', label: 'Redirect URI', url: `${houston}/v1/oauth/callback/`, note: 'code flow; keep the trailing /' }
      : { id: 'redirect', label: 'Redirect URI', url: `${houston}/v1/oauth/redirect/`, note: 'implicit flow; keep the trailing /' };
  const config = isRecord(model.config) ? model.config : {};
  if (hasValue(config['subdomain']) && config['subdomain'] !== 'houston') {
    warnings.push(`\`config.subdomain: ${String(config['subdomain'])}\` makes Houston send redirect URIs on that host, but the chart's ingress serves only houston.${bd}: keep \`houston\`.`);
  }
  const helm = isRecord(config['helm']) ? config['helm'] : {};
  if (hasValue(helm['baseDomain']) && String(helm['baseDomain']) !== bd) {
    warnings.push(`\`config.helm.baseDomain: ${String(helm['baseDomain'])}\` overrides the base domain Houston builds its URLs from, while the ingress uses ${bd}; remove it.`);
  }

  const providers: ProviderUrls[] = [];
  for (const p of model.providers) if (p.enabled) providers.push(providerUrls(p, model, bd, login));
  const github = isRecord(model.auth.github) ? model.auth.github : {};
  if (github['enabled']) {
    providers.push({
      name: 'github',
      displayName: 'GitHub',
      brokered: true,
      urls: [],
      notes: ['GitHub login always goes through Astronomer\'s Auth0 tenant (redirect.astronomer.io): nothing to register. It needs internet egress from Houston and users\' browsers; set `auth.github.enabled: false` to turn it off.'],
    });
  }
  return { schemaVersion: 1, baseDomain: bd, flow, ui: `https://app.${bd}`, houstonApi: `${houston}/v1`, providers, warnings };
}

function providerUrls(p: ProviderView, model: HoustonModel, bd: string, login: RegisteredUrl): ProviderUrls {
  const eff = p.effective as Record<string, unknown>;
  const displayName = typeof eff['displayName'] === 'string' && eff['displayName'] !== '' ? eff['displayName'] : upperFirst(p.name);
  const out: ProviderUrls = { name: p.name, displayName, brokered: false, urls: [], notes: [] };
  const discovery = typeof eff['discoveryUrl'] === 'string' ? eff['discoveryUrl'].trim().replace(/\/+$/, '').toLowerCase() : '';
  if (p.name === 'google' && !hasValue(eff['clientId'])) {
    out.brokered = true;
    out.notes.push('No `clientId`: Google login goes through Astronomer\'s Auth0 tenant (redirect.astronomer.io), nothing to register. It needs internet egress; set `google.enabled: false`, or give it the `clientId` of your own Google OAuth client (this command then lists its redirect URI).');
    return out;
  }
  if (p.name === 'auth0' && (discovery === ASTRONOMER_AUTH0 || discovery === '')) {
    out.brokered = true;
    out.notes.push('The discovery URL is Astronomer\'s own Auth0 tenant (redirect.astronomer.io): nothing to register. Use your tenant\'s `discoveryUrl` to bring your own Auth0.');
    return out;
  }
  const houston = `https://houston.${bd}`;
  if (p.name === 'auth0') {
    out.urls.push({ ...login, label: 'Allowed Callback URLs' });
    out.urls.push({ id: 'logout', label: 'Allowed Logout URLs', url: `https://app.${bd}/logout` });
    out.urls.push({ id: 'origins', label: 'Allowed Origins (CORS)', url: `https://*.${bd}` });
    const params = isRecord(eff['authUrlParams']) ? eff['authUrlParams'] : {};
    const audience = typeof params['audience'] === 'string' ? params['audience'] : 'astronomer-ee';
    out.notes.push(`Create an API with identifier \`${audience}\` (RS256 signing): it is the \`authUrlParams.audience\` Houston asks for.`);
    return out;
  }
  if (p.name === 'microsoft') {
    out.urls.push({ ...login, label: 'Redirect URI (Web platform)' });
    if (login.id === 'redirect') out.notes.push('Implicit flow: under Authentication, tick "Access tokens" and "ID tokens" (implicit grant).');
  } else if (p.name === 'okta') {
    out.urls.push({ ...login, label: 'Sign-in redirect URIs' });
    out.urls.push({ id: 'initiate-login', label: 'Initiate login URI', url: `${houston}/v1/oauth/start?provider=okta`, note: 'optional, for an Okta dashboard tile; documented by Astronomer, not visible in public Houston code' });
    if (login.id === 'redirect') out.notes.push('Implicit flow: allow the grant type "Implicit (hybrid)" in the Okta application.');
  } else {
    out.urls.push(login);
  }
  const scimEnv = SCIM_ENV_NAMES[p.name];
  if (scimEnv) {
    const label = p.name === 'okta' ? 'SCIM connector base URL' : 'Tenant URL (provisioning)';
    out.urls.push({ id: 'scim', label, url: `${houston}/v1/scim/v2/${p.name}`, note: `SCIM credential: ${scimSource(p, model, scimEnv)}` });
  }
  return out;
}

/** Where Houston reads the SCIM credential from, without its value: the last pod-spec entry wins, env over config. */
function scimSource(p: ProviderView, model: HoustonModel, envName: string): string {
  const secret = [...model.secrets].reverse().find((s) => s.entry.envName === envName);
  if (secret) {
    const key = typeof secret.entry.secretKey === 'string' && secret.entry.secretKey !== '' ? secret.entry.secretKey : 'value';
    return `${envName} from Secret ${String(secret.entry.secretName)}/${key} (houston.secret[${secret.index}])`;
  }
  const env = [...model.env].reverse().find((e) => e.entry.name === envName);
  if (env) return `${envName} from houston.env[${env.index}], written in the values file (move it to a Secret)`;
  if (hasValue((p.raw as Record<string, unknown> | undefined)?.['scimAuthCode'])) return '`scimAuthCode` written in the values file (move it to a Secret)';
  const kind = p.name === 'okta' ? 'Basic auth `username:password`' : 'a random bearer token';
  return `none configured; to use SCIM, store ${kind} in a Secret and reference it as ${envName} in astronomer.houston.secret`;
}

/** Human-readable rendering. */
export function renderUrlsText(report: UrlsReport): string {
  const lines: string[] = [];
  lines.push(`Base domain: ${report.baseDomain}    OIDC flow: ${report.flow}`);
  lines.push(`Astro UI (login): ${report.ui}`);
  lines.push(`Houston API:      ${report.houstonApi}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  if (report.providers.length === 0) lines.push('', 'No identity provider is enabled: nothing to register.');
  for (const p of report.providers) {
    lines.push('', `${p.displayName} (${p.name})${p.brokered ? ': brokered by Astronomer' : ''}`);
    const width = Math.max(0, ...p.urls.map((u) => u.label.length)) + 1;
    for (const u of p.urls) {
      lines.push(`  ${`${u.label}:`.padEnd(width)} ${u.url}`);
      if (u.note) lines.push(`  ${''.padEnd(width)} (${u.note})`);
    }
    for (const n of p.notes) lines.push(`  ${n}`);
  }
  return lines.join('\n') + '\n';
}

export function renderUrlsJson(report: UrlsReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export const URLS_FORMATS = ['text', 'json'] as const;

/** `houston-lint urls <values…> [--set k=v] [--base-domain d] [--format text|json]`: prints the URLs; returns the exit code. */
export async function urlsCommand(files: readonly string[], flags: { set?: readonly string[]; format?: string; baseDomain?: string }, io: CommandIO): Promise<number> {
  const format = flags.format ?? 'text';
  if (!(URLS_FORMATS as readonly string[]).includes(format)) throw new CommandError(`unknown format "${format}" for urls: use text or json`);
  const unit = await loadCommandUnit(files, flags.set ?? [], io);
  const model = buildHoustonModel(valuesWithEnv(unit, effectiveConfig(unit)));
  const report = computeUrls(model, flags.baseDomain !== undefined ? { baseDomain: flags.baseDomain } : {});
  io.stdout(format === 'json' ? renderUrlsJson(report) : renderUrlsText(report));
  return 0;
}
