// Which providers the opt-in discovery check fetches, and the pure OIDC discovery facts both the network step and the rule use.
import { isRecord } from '../values-path.js';
import type { HoustonModel, ProviderView } from '../houston-model.js';

/** Failures the network step finds in a discovery document, independent of which provider uses it. */
export type DiscoveryProblemId = 'issuerMismatch' | 'endpointNotHttps' | 'endpointMissing' | 'invalidDocument' | 'jwksUnreachable' | 'jwksEmpty';

export interface DiscoveryProblem {
  id: DiscoveryProblemId;
  data: Record<string, string>;
}

/** The endpoints of a discovery document the check looks at. */
export const ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri'] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

/** What the network step learned about one discovery URL. Plain data: it travels through the rules config. */
export interface DiscoveryResult {
  /** The document actually requested (`…/.well-known/openid-configuration`). */
  documentUrl: string;
  /** True when the document was fetched and no problem was found in it. */
  ok: boolean;
  /** One line when the document could not be fetched or read ("connection refused", "timed out after 5000 ms"). */
  error?: string;
  /** The proxy used, without credentials (`127.0.0.1:3128 from houston.env[0] GLOBAL_AGENT_HTTPS_PROXY`). */
  via?: string;
  issuer?: string;
  responseTypesSupported?: string[];
  endpoints?: Partial<Record<EndpointName, string>>;
  problems: DiscoveryProblem[];
}

/** Results keyed by the provider's `discoveryUrl` exactly as configured (trimmed). */
export type DiscoveryData = Record<string, DiscoveryResult>;

export interface DiscoveryTarget {
  provider: ProviderView;
  /** The configured `discoveryUrl`, trimmed: the key of `DiscoveryData`. */
  url: string;
}

/**
 * Enabled providers with an `https://` discovery URL. Google without a `clientId` is skipped: Houston does not
 * use Google's discovery then, it sends the login through Astronomer's Auth0 tenant.
 */
export function discoveryTargets(model: HoustonModel): DiscoveryTarget[] {
  const out: DiscoveryTarget[] = [];
  for (const p of model.providers) {
    if (!p.enabled) continue;
    const raw = p.effective.discoveryUrl as unknown;
    if (typeof raw !== 'string' || !/^https:\/\//i.test(raw.trim())) continue;
    if (p.name === 'google' && !hasValue(p.effective.clientId)) continue;
    try {
      new URL(raw.trim());
    } catch {
      continue;
    }
    out.push({ provider: p, url: raw.trim() });
  }
  return out;
}

function hasValue(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '';
}

/**
 * The document openid-client's `Issuer.discover` requests: the URL itself when its path already contains
 * `/.well-known/`, otherwise `/.well-known/openid-configuration` appended to the path (query kept).
 */
export function wellKnownUrl(discoveryUrl: string): string {
  const u = new URL(discoveryUrl);
  if (u.pathname.includes('/.well-known/')) return u.toString();
  u.pathname = u.pathname.endsWith('/') ? `${u.pathname}.well-known/openid-configuration` : `${u.pathname}/.well-known/openid-configuration`;
  return u.toString();
}

/** The issuer a document must name (OIDC Discovery §4.3): the URL before `/.well-known/`, or the URL itself. */
export function expectedIssuer(discoveryUrl: string): string {
  const u = new URL(discoveryUrl);
  const at = u.pathname.indexOf('/.well-known/');
  const path = at >= 0 ? u.pathname.slice(0, at) : u.pathname;
  return `${u.protocol}//${u.host}${path === '/' ? '' : path}`;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/**
 * Whether `issuer` equals `expected` modulo a trailing slash. Microsoft's multi-tenant documents name
 * `…/{tenantid}/v2.0`, which matches any tenant segment (openid-client accepts it the same way).
 */
export function issuerMatches(issuer: string, expected: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(issuer);
    b = new URL(expected);
  } catch {
    return false;
  }
  const left = trimSlash(`${a.protocol}//${a.host}${a.pathname}`);
  const right = trimSlash(`${b.protocol}//${b.host}${b.pathname}`);
  if (left === right) return true;
  if (!/%7Btenantid%7D|\{tenantid\}/i.test(left)) return false;
  const pattern = left
    .split(/%7Btenantid%7D|\{tenantid\}/i)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}$`, 'i').test(right);
}

/** A response type as a set: `id_token token` and `token id_token` are the same type. */
export function normalizeResponseType(type: string): string {
  return type.split(/\s+/).filter(Boolean).sort().join(' ');
}

/**
 * The response type Houston asks this provider for: `authUrlParams.response_type` when set, else `code` for the
 * code flow and `token id_token` (Houston's implicit default) otherwise.
 */
export function requiredResponseType(provider: ProviderView, flow: unknown): { type: string; why: string } {
  const params = provider.effective.authUrlParams as unknown;
  const explicit = isRecord(params) ? params['response_type'] : undefined;
  if (typeof explicit === 'string' && explicit.trim() !== '') return { type: explicit.trim(), why: '`authUrlParams.response_type`' };
  if (flow === 'code') return { type: 'code', why: 'the code flow' };
  return { type: 'token id_token', why: 'the implicit flow' };
}

/** A URL as it may be shown: no user name or password, no query or fragment (they can carry credentials). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    const bare = u.pathname === '/' && !/^[^?#]*\/\/[^/?#]*\/([?#]|$)/.test(url);
    return `${u.protocol}//${u.host}${bare ? '' : u.pathname}`;
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '');
  }
}
