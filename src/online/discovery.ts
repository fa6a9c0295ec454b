// The opt-in network step (`--online`): fetches each enabled provider's discovery document and JWKS before linting, as plain data for the `discovery-online` rule.
import { readFileSync } from 'node:fs';
import { buildHoustonModel } from '../houston-model.js';
import { InputError } from '../read-inputs.js';
import { chooseProxy } from './proxy.js';
import { fetchJson } from './http.js';
import { discoveryTargets, displayUrl, ENDPOINTS, expectedIssuer, issuerMatches, wellKnownUrl } from './targets.js';
import type { HoustonModel } from '../houston-model.js';
import type { RulesConfig } from '../linter.js';
import type { FetchOptions } from './http.js';
import type { ProxyChoice, ProxyProblem } from './proxy.js';
import type { DiscoveryData, DiscoveryProblem, DiscoveryResult, EndpointName } from './targets.js';

export type { DiscoveryData, DiscoveryResult } from './targets.js';

/** The rule that reads the results. */
export const DISCOVERY_RULE_ID = 'discovery-online';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface DiscoveryOptions {
  /** Budget per request (document, then JWKS), default 5000 ms. */
  timeoutMs?: number;
  /** A PEM file of extra trusted CAs (`--ca-file`), for IdPs behind a private CA. */
  caFile?: string;
  /** This machine's environment, for `HTTPS_PROXY`/`NO_PROXY` (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Results per document and proxy, shared by every file of one run: each URL is fetched once. */
  cache?: DiscoveryCache;
}

export type DiscoveryCache = Map<string, Promise<DiscoveryResult>>;

export function createDiscoveryCache(): DiscoveryCache {
  return new Map();
}

/** Reads `--ca-file`: a PEM bundle of one or more certificates. Throws an exit-2 error when it is unusable. */
export function readCaFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read --ca-file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new InputError(`--ca-file "${file}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return text;
}

/**
 * Fetches the discovery document (and JWKS) of every enabled provider with an `https://` discovery URL, in
 * parallel, and returns what the `discovery-online` rule needs, keyed by the configured URL. Never throws for
 * network failures: they become `error`. Throws `InputError` only for an unreadable `--ca-file`.
 */
export async function checkDiscovery(model: HoustonModel, options: DiscoveryOptions = {}): Promise<DiscoveryData> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ca = options.caFile !== undefined ? readCaFile(options.caFile) : undefined;
  const env = options.env ?? process.env;
  const cache = options.cache ?? createDiscoveryCache();
  const urls = [...new Set(discoveryTargets(model).map((t) => t.url))];
  const entries = await Promise.all(
    urls.map(async (url) => {
      const documentUrl = wellKnownUrl(url);
      const proxy = chooseProxy(new URL(documentUrl), env, model);
      const key = `${documentUrl}\n${proxyKey(proxy)}\n${options.caFile ?? ''}\n${timeoutMs}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = inspect(url, documentUrl, proxy, { timeoutMs, ...(ca ? { ca } : {}) }, env, model);
        cache.set(key, pending);
      }
      return [url, await pending] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function proxyKey(proxy: ProxyChoice | ProxyProblem | undefined): string {
  if (!proxy) return 'direct';
  return 'error' in proxy ? `error:${proxy.error}` : proxy.url.href;
}

async function inspect(
  url: string,
  documentUrl: string,
  proxy: ProxyChoice | ProxyProblem | undefined,
  base: Omit<FetchOptions, 'proxy'>,
  env: Readonly<Record<string, string | undefined>>,
  model: HoustonModel,
): Promise<DiscoveryResult> {
  const result: DiscoveryResult = { documentUrl: displayUrl(documentUrl), ok: false, problems: [] };
  if (proxy && 'error' in proxy) return { ...result, error: proxy.error };
  if (proxy) result.via = proxy.label;
  const doc = await fetchJson(documentUrl, { ...base, ...(proxy ? { proxy } : {}) });
  if (!doc.ok) return { ...result, error: doc.error };

  const json = doc.json;
  const problems: DiscoveryProblem[] = [];
  const issuer = json['issuer'];
  if (typeof issuer !== 'string' || issuer === '') {
    problems.push({ id: 'invalidDocument', data: { reason: 'it has no `issuer`' } });
  } else {
    result.issuer = displayUrl(issuer);
    const expected = expectedIssuer(url);
    if (!issuerMatches(issuer, expected)) problems.push({ id: 'issuerMismatch', data: { issuer: displayUrl(issuer), expected: displayUrl(expected) } });
  }
  const types = json['response_types_supported'];
  if (Array.isArray(types)) result.responseTypesSupported = types.filter((t): t is string => typeof t === 'string');

  const endpoints: Partial<Record<EndpointName, string>> = {};
  for (const name of ENDPOINTS) {
    const v = json[name];
    if (typeof v !== 'string' || v === '') continue;
    endpoints[name] = displayUrl(v);
    if (!/^https:\/\//i.test(v)) problems.push({ id: 'endpointNotHttps', data: { endpoint: name, value: displayUrl(v) } });
  }
  result.endpoints = endpoints;
  for (const name of ['authorization_endpoint', 'jwks_uri'] as const) {
    if (endpoints[name] === undefined) problems.push({ id: 'endpointMissing', data: { endpoint: name } });
  }

  const jwks = json['jwks_uri'];
  if (typeof jwks === 'string' && /^https:\/\//i.test(jwks)) {
    const jwksProxy = chooseProxy(new URL(jwks), env, model);
    const keys =
      jwksProxy && 'error' in jwksProxy ? { ok: false as const, error: jwksProxy.error } : await fetchJson(jwks, { ...base, ...(jwksProxy ? { proxy: jwksProxy } : {}) });
    if (!keys.ok) problems.push({ id: 'jwksUnreachable', data: { jwks: displayUrl(jwks), error: keys.error } });
    else if (!Array.isArray(keys.json['keys']) || keys.json['keys'].length === 0) problems.push({ id: 'jwksEmpty', data: { jwks: displayUrl(jwks) } });
  }
  result.problems = problems;
  result.ok = problems.length === 0;
  return result;
}

/**
 * Turns the rule on with the results as its options (`['error', {discovery}]`), keeping a configured `warn`.
 * An explicit `off` stays off.
 */
export function withDiscoveryRule(rules: RulesConfig | undefined, discovery: DiscoveryData): RulesConfig {
  const current = rules?.[DISCOVERY_RULE_ID];
  const sev = Array.isArray(current) ? current[0] : current;
  const named = sev === 0 ? 'off' : sev === 1 ? 'warn' : sev === 2 ? 'error' : sev;
  if (named === 'off') return { ...rules };
  return { ...rules, [DISCOVERY_RULE_ID]: [named === 'warn' ? 'warn' : 'error', { discovery }] };
}

/** The rules config for one file (or merged unit) with `--online`: runs the network step, then turns the rule on with its results. */
export async function onlineRulesFor(values: unknown, rules: RulesConfig | undefined, options: DiscoveryOptions): Promise<RulesConfig> {
  return withDiscoveryRule(rules, await checkDiscovery(buildHoustonModel(values), options));
}

/** `--timeout <ms>`: a whole number of milliseconds from 1 to 600000. Throws an exit-2 error otherwise. */
export function parseTimeoutMs(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 600_000) throw new InputError(`--timeout must be a whole number of milliseconds between 1 and 600000, got "${text}"`);
  return n;
}
