// The opt-in discovery check against real OpenID providers (oidc-provider) on 127.0.0.1: TLS with a test CA, wrong issuer, missing response type, unreachable hosts, timeouts and a CONNECT proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHoustonModel } from '../../src/houston-model.js';
import { lintText } from '../../src/linter.js';
import { loadValues } from '../../src/load-values.js';
import { checkDiscovery, createDiscoveryCache, onlineRulesFor, parseTimeoutMs, withDiscoveryRule } from '../../src/online/discovery.js';
import { rules } from '../../rules/index.js';
import { closedPort, makeTestCa, removeCa, Servers, startIdp, startProxy, startSilentServer, startStaticIdp } from './servers.js';
import type { DiscoveryData, DiscoveryOptions } from '../../src/online/discovery.js';
import type { RulesConfig } from '../../src/linter.js';
import type { Idp, TestCa } from './servers.js';

/** Loopback TLS and a real provider are fast, but a loaded CI machine is not. */
const SLOW = { timeout: 20_000 };
const servers = new Servers();
let ca: TestCa;
let good: Idp;

beforeAll(async () => {
  ca = makeTestCa();
  good = await startIdp(servers, { tls: ca });
}, 30_000);

afterAll(async () => {
  await servers.closeAll();
  removeCa(ca);
});

interface ValuesOptions {
  flow?: string;
  provider?: string;
  extra?: string;
  env?: string;
}

function values(url: string, o: ValuesOptions = {}): string {
  return [
    'global:',
    '  baseDomain: example.test',
    'astronomer:',
    '  houston:',
    '    config:',
    '      auth:',
    '        github:',
    '          enabled: false',
    '        openidConnect:',
    `          flow: ${o.flow ?? 'implicit'}`,
    '          google:',
    '            enabled: false',
    `          ${o.provider ?? 'okta'}:`,
    '            enabled: true',
    '            clientId: houston',
    `            discoveryUrl: ${url}`,
    ...(o.extra ? [o.extra] : []),
    ...(o.env ? ['    env:', o.env] : []),
    '',
  ].join('\n');
}

/** Only `discovery-online` runs, with what the network step found. */
async function lintOnline(text: string, options: DiscoveryOptions = {}) {
  const off: RulesConfig = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));
  delete off['discovery-online'];
  const config = await onlineRulesFor(loadValues('values.yaml', text).values, off, { env: {}, timeoutMs: 5000, ...options });
  const discovery = (config['discovery-online'] as [string, { discovery: DiscoveryData }])[1].discovery;
  const result = lintText(text, { filePath: 'values.yaml', rules: config });
  return { discovery, messages: result.messages };
}

const ids = (messages: { ruleId: string; messageId?: string }[]) => messages.map((m) => `${m.ruleId}/${m.messageId}`);

describe('discovery-online against a real OpenID provider', SLOW, () => {
  it('passes a correct provider over https with --ca-file, fetching the document and the JWKS once each', async () => {
    const before = good.requests.length;
    const { discovery, messages } = await lintOnline(values(good.origin), { caFile: ca.caFile });
    expect(messages).toEqual([]);
    expect(discovery[good.origin]).toMatchObject({ ok: true, issuer: good.origin, documentUrl: `${good.origin}/.well-known/openid-configuration`, problems: [] });
    expect(discovery[good.origin]!.responseTypesSupported).toContain('id_token token');
    expect(good.requests.slice(before)).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });

  it('uses a full .well-known URL as it is (no second suffix), and the code flow passes too', async () => {
    const url = `${good.origin}/.well-known/openid-configuration`;
    const before = good.requests.length;
    const { discovery, messages } = await lintOnline(values(url, { flow: 'code' }), { caFile: ca.caFile });
    expect(messages).toEqual([]);
    expect(discovery[url]!.documentUrl).toBe(url);
    expect(good.requests.slice(before)[0]).toBe('/.well-known/openid-configuration');
  });

  it('without --ca-file the private CA is not trusted', async () => {
    const { messages } = await lintOnline(values(good.origin));
    expect(ids(messages)).toEqual(['discovery-online/unreachable']);
    expect(messages[0]!.message).toContain('certificate not trusted (use --ca-file)');
    expect(messages[0]).toMatchObject({ line: 16, column: 27, path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl', severity: 2 });
  });

  it('reports an issuer that differs from the URL the document came from', async () => {
    const idp = await startIdp(servers, { tls: ca, issuer: () => 'https://login.example.test/tenant' });
    const { discovery, messages } = await lintOnline(values(idp.origin), { caFile: ca.caFile });
    expect(ids(messages)).toEqual(['discovery-online/issuerMismatch']);
    expect(messages[0]!.message).toContain('`https://login.example.test/tenant`');
    expect(messages[0]!.message).toContain(`fetched for \`${idp.origin}\``);
    expect(discovery[idp.origin]!.ok).toBe(false);
  });

  it('accepts the issuer with or without a trailing slash', async () => {
    const idp = await startIdp(servers, { tls: ca, issuer: (origin) => `${origin}/` });
    const { messages } = await lintOnline(values(idp.origin), { caFile: ca.caFile });
    expect(messages).toEqual([]);
  });

  it('reports a provider that does not offer `id_token token` for the implicit flow, but not for the code flow', async () => {
    const idp = await startIdp(servers, { tls: ca, responseTypes: ['code', 'id_token'] });
    const implicit = await lintOnline(values(idp.origin), { caFile: ca.caFile });
    expect(ids(implicit.messages)).toEqual(['discovery-online/responseTypeUnsupported']);
    expect(implicit.messages[0]!.message).toContain('response_type `token id_token` (the implicit flow)');
    expect(implicit.messages[0]!.message).toContain('`code`, `id_token`');
    const code = await lintOnline(values(idp.origin, { flow: 'code' }), { caFile: ca.caFile });
    expect(code.messages).toEqual([]);
  });

  it('checks `authUrlParams.response_type` when it is set (Cognito asks for `token`)', async () => {
    const extra = ['            authUrlParams:', '              response_type: token'].join('\n');
    const { messages } = await lintOnline(values(good.origin, { provider: 'cognito', extra }), { caFile: ca.caFile });
    expect(ids(messages)).toEqual(['discovery-online/responseTypeUnsupported']);
    expect(messages[0]!.message).toContain('response_type `token` (`authUrlParams.response_type`)');
  });

  it('reports a closed port as connection refused', async () => {
    const port = await closedPort();
    const url = `https://127.0.0.1:${port}`;
    const { messages } = await lintOnline(values(url));
    expect(ids(messages)).toEqual(['discovery-online/unreachable']);
    expect(messages[0]!.message).toContain(': connection refused.');
  });

  it('reports an http:// server behind an https:// URL as a failed TLS handshake', async () => {
    const plain = await startIdp(servers);
    const { messages } = await lintOnline(values(`https://127.0.0.1:${plain.port}`));
    expect(messages[0]!.message).toContain('TLS handshake failed');
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const silent = await startSilentServer(servers);
    const started = Date.now();
    const { messages } = await lintOnline(values(`https://127.0.0.1:${silent.port}`), { timeoutMs: 300 });
    const elapsed = Date.now() - started;
    expect(messages[0]!.message).toContain('timed out after 300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2000);
    expect(silent.connections()).toBe(1);
  });

  it('reports an HTTP error status without the body', async () => {
    const { messages } = await lintOnline(values(`${good.origin}/nothing/.well-known/openid-configuration`), { caFile: ca.caFile });
    expect(messages[0]!.message).toMatch(/could not be fetched: HTTP 404\./);
  });
});

describe('discovery-online through an HTTP CONNECT proxy', SLOW, () => {
  it('tunnels through GLOBAL_AGENT_HTTPS_PROXY from the values’ houston.env, as Houston would', async () => {
    const proxy = await startProxy(servers);
    const env = ['      - name: GLOBAL_AGENT_HTTPS_PROXY', `        value: http://127.0.0.1:${proxy.port}`].join('\n');
    const { discovery, messages } = await lintOnline(values(good.origin, { env }), { caFile: ca.caFile });
    expect(messages).toEqual([]);
    expect(proxy.tunnels).toEqual([`127.0.0.1:${good.port}`, `127.0.0.1:${good.port}`]);
    expect(discovery[good.origin]!.via).toBe(`127.0.0.1:${proxy.port} from houston.env[0] GLOBAL_AGENT_HTTPS_PROXY`);
  });

  it('prefers this machine’s HTTPS_PROXY, and honours NO_PROXY', async () => {
    const mine = await startProxy(servers);
    const houstons = await startProxy(servers);
    const env = ['      - name: GLOBAL_AGENT_HTTPS_PROXY', `        value: http://127.0.0.1:${houstons.port}`].join('\n');
    await lintOnline(values(good.origin, { env }), { caFile: ca.caFile, env: { HTTPS_PROXY: `http://127.0.0.1:${mine.port}` } });
    expect(mine.tunnels).toHaveLength(2);
    expect(houstons.tunnels).toHaveLength(0);
    const { messages } = await lintOnline(values(good.origin, { env }), { caFile: ca.caFile, env: { HTTPS_PROXY: `http://127.0.0.1:${mine.port}`, NO_PROXY: 'localhost,127.0.0.1' } });
    expect(messages).toEqual([]);
    expect(mine.tunnels).toHaveLength(2);
    expect(houstons.tunnels).toHaveLength(0);
  });

  it('honours GLOBAL_AGENT_NO_PROXY from the values', async () => {
    const proxy = await startProxy(servers);
    const env = [
      '      - name: GLOBAL_AGENT_HTTPS_PROXY',
      `        value: http://127.0.0.1:${proxy.port}`,
      '      - name: GLOBAL_AGENT_NO_PROXY',
      `        value: "*.svc.cluster.local,127.0.0.1:${good.port}"`,
    ].join('\n');
    const { messages } = await lintOnline(values(good.origin, { env }), { caFile: ca.caFile });
    expect(messages).toEqual([]);
    expect(proxy.tunnels).toEqual([]);
  });

  it('reports a refused tunnel with the proxy host but never its credentials', async () => {
    const proxy = await startProxy(servers, { refuse: true });
    const { messages, discovery } = await lintOnline(values(good.origin), { caFile: ca.caFile, env: { https_proxy: `http://alice:pr0xy-pa55@127.0.0.1:${proxy.port}` } });
    expect(proxy.tunnels).toHaveLength(1);
    expect(messages[0]!.message).toContain(`proxy 127.0.0.1:${proxy.port} from https_proxy in the environment refused the tunnel (HTTP 403)`);
    expect(JSON.stringify({ messages, discovery })).not.toMatch(/pr0xy-pa55|alice/);
  });

  it('refuses an https:// proxy URL with one line', async () => {
    const { messages } = await lintOnline(values(good.origin), { env: { HTTPS_PROXY: 'https://127.0.0.1:9' } });
    expect(messages[0]!.message).toContain('only http:// proxies (CONNECT) are supported');
  });
});

describe('discovery-online: documents no real provider serves', SLOW, () => {
  it('reports http:// endpoints, a missing token endpoint for the code flow and an empty JWKS', async () => {
    const idp = await startStaticIdp(
      servers,
      ca,
      (origin) => ({ issuer: origin, authorization_endpoint: `http://127.0.0.1:1/auth?x=1`, jwks_uri: `${origin}/jwks`, response_types_supported: ['code'] }),
      [],
    );
    const { messages } = await lintOnline(values(idp.origin, { flow: 'code' }), { caFile: ca.caFile });
    expect(ids(messages).sort()).toEqual(['discovery-online/endpointMissing', 'discovery-online/endpointNotHttps', 'discovery-online/jwksEmpty']);
    const text = messages.map((m) => m.message).join('\n');
    expect(text).toContain('`authorization_endpoint` as http://127.0.0.1:1/auth,');
    expect(text).toContain('no `token_endpoint`; the code flow exchanges the code there');
    expect(text).not.toContain('x=1');
  });

  it('reports a document without issuer, endpoints or response types', async () => {
    const idp = await startStaticIdp(servers, ca, () => ({ hello: 'world' }), []);
    const { messages } = await lintOnline(values(idp.origin), { caFile: ca.caFile });
    expect(ids(messages).sort()).toEqual([
      'discovery-online/endpointMissing',
      'discovery-online/endpointMissing',
      'discovery-online/invalidDocument',
      'discovery-online/responseTypeUnsupported',
    ]);
    expect(messages.map((m) => m.message).join('\n')).toContain('supports only none (no `response_types_supported`)');
  });
});

describe('discovery-online: what is fetched', SLOW, () => {
  it('fetches each URL once per run (shared cache), even for two providers and two files', async () => {
    const idp = await startIdp(servers, { tls: ca });
    const cache = createDiscoveryCache();
    const extra = ['          custom:', '            enabled: true', '            clientId: other', `            discoveryUrl: ${idp.origin}`].join('\n');
    await lintOnline(values(idp.origin, { extra }), { caFile: ca.caFile, cache });
    await lintOnline(values(idp.origin), { caFile: ca.caFile, cache });
    expect(idp.requests).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });

  it('skips disabled providers, http:// URLs and Google brokered through Auth0 (no clientId)', async () => {
    const silent = await startSilentServer(servers);
    const text = [
      'astronomer:',
      '  houston:',
      '    config:',
      '      auth:',
      '        openidConnect:',
      '          google:',
      '            enabled: true',
      `            discoveryUrl: https://127.0.0.1:${silent.port}`,
      '          okta:',
      '            enabled: false',
      `            discoveryUrl: https://127.0.0.1:${silent.port}/okta`,
      '          custom:',
      '            enabled: true',
      `            discoveryUrl: http://127.0.0.1:${silent.port}/custom`,
      '',
    ].join('\n');
    const { discovery } = await lintOnline(text);
    expect(discovery).toEqual({});
    expect(silent.connections()).toBe(0);
  });

  it('an unreadable --ca-file is an exit-2 input error', async () => {
    const model = buildHoustonModel(loadValues('v.yaml', values(good.origin)).values);
    await expect(checkDiscovery(model, { caFile: '/nonexistent/ca.pem', env: {} })).rejects.toThrow('cannot read --ca-file "/nonexistent/ca.pem": ENOENT');
  });

  it('--timeout takes whole milliseconds', () => {
    expect(parseTimeoutMs('2500')).toBe(2500);
    for (const bad of ['0', '-1', '1.5', 'soon', '600001']) expect(() => parseTimeoutMs(bad)).toThrow('--timeout must be a whole number');
  });

  it('keeps a configured warn severity and an explicit off', () => {
    expect(withDiscoveryRule({ 'discovery-online': 'warn' }, {})).toEqual({ 'discovery-online': ['warn', { discovery: {} }] });
    expect(withDiscoveryRule({ 'discovery-online': 'off' }, {})).toEqual({ 'discovery-online': 'off' });
    expect(withDiscoveryRule(undefined, {})).toEqual({ 'discovery-online': ['error', { discovery: {} }] });
  });
});
