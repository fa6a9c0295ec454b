// Pure parts of the discovery check: the well-known URL as openid-client derives it, issuer comparison, response types, proxy choice and NO_PROXY.
import { describe, expect, it } from 'vitest';
import { buildHoustonModel } from '../../src/houston-model.js';
import { loadValues } from '../../src/load-values.js';
import { chooseProxy, noProxyMatches } from '../../src/online/proxy.js';
import { describeError } from '../../src/online/http.js';
import { discoveryTargets, displayUrl, expectedIssuer, issuerMatches, normalizeResponseType, requiredResponseType, wellKnownUrl } from '../../src/online/targets.js';

const model = (yaml: string) => buildHoustonModel(loadValues('v.yaml', yaml).values);

describe('wellKnownUrl (openid-client Issuer.discover)', () => {
  it.each([
    ['https://acme.okta.com', 'https://acme.okta.com/.well-known/openid-configuration'],
    ['https://acme.okta.com/', 'https://acme.okta.com/.well-known/openid-configuration'],
    ['https://acme.okta.com/oauth2/default', 'https://acme.okta.com/oauth2/default/.well-known/openid-configuration'],
    ['https://login.microsoftonline.com/t/v2.0/', 'https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration'],
    ['https://acme.okta.com/.well-known/openid-configuration', 'https://acme.okta.com/.well-known/openid-configuration'],
    ['https://x.test/.well-known/oauth-authorization-server', 'https://x.test/.well-known/oauth-authorization-server'],
    ['https://x.test/p?tenant=1', 'https://x.test/p/.well-known/openid-configuration?tenant=1'],
  ])('%s → %s', (url, want) => expect(wellKnownUrl(url)).toBe(want));
});

describe('expectedIssuer and issuerMatches', () => {
  it('is the URL before /.well-known/, or the URL itself', () => {
    expect(expectedIssuer('https://acme.okta.com/oauth2/default/.well-known/openid-configuration')).toBe('https://acme.okta.com/oauth2/default');
    expect(expectedIssuer('https://acme.okta.com/.well-known/openid-configuration')).toBe('https://acme.okta.com');
    expect(expectedIssuer('https://acme.okta.com/')).toBe('https://acme.okta.com');
  });
  it('ignores one trailing slash and host case, nothing else', () => {
    expect(issuerMatches('https://acme.okta.com/', 'https://ACME.okta.com')).toBe(true);
    expect(issuerMatches('https://acme.okta.com', 'https://acme.okta.com/oauth2/default')).toBe(false);
    expect(issuerMatches('http://acme.okta.com', 'https://acme.okta.com')).toBe(false);
    expect(issuerMatches('not a url', 'https://acme.okta.com')).toBe(false);
  });
  it('accepts Microsoft’s multi-tenant {tenantid} template for any tenant segment', () => {
    expect(issuerMatches('https://login.microsoftonline.com/{tenantid}/v2.0', 'https://login.microsoftonline.com/common/v2.0')).toBe(true);
    expect(issuerMatches('https://login.microsoftonline.com/{tenantid}/v2.0', 'https://login.microsoftonline.com/common/v1.0')).toBe(false);
  });
});

describe('response types', () => {
  it('compares response types as sets', () => {
    expect(normalizeResponseType('token id_token')).toBe(normalizeResponseType('id_token  token'));
  });
  it('asks for authUrlParams.response_type, else code or Houston’s implicit default', () => {
    const m = model('astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          cognito:\n            enabled: true\n            authUrlParams:\n              response_type: token\n          okta:\n            enabled: true\n');
    const cognito = m.providers.find((p) => p.name === 'cognito')!;
    const okta = m.providers.find((p) => p.name === 'okta')!;
    expect(requiredResponseType(cognito, 'implicit').type).toBe('token');
    expect(requiredResponseType(okta, 'implicit').type).toBe('token id_token');
    expect(requiredResponseType(okta, 'code').type).toBe('code');
  });
});

describe('discoveryTargets', () => {
  it('takes enabled https providers, including the Auth0 default URL, and skips brokered Google', () => {
    const m = model(
      'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          auth0:\n            enabled: true\n          okta:\n            enabled: "false"\n            discoveryUrl: " https://acme.okta.com "\n',
    );
    expect(discoveryTargets(m).map((t) => [t.provider.name, t.url])).toEqual([
      ['auth0', 'https://astronomerio.auth0.com'],
      ['okta', 'https://acme.okta.com'],
    ]);
  });
});

describe('displayUrl', () => {
  it('drops credentials, query and fragment', () => {
    expect(displayUrl('https://u:p@idp.test/path?client_secret=x#y')).toBe('https://idp.test/path');
    expect(displayUrl('https://idp.test')).toBe('https://idp.test');
    expect(displayUrl('https://idp.test/')).toBe('https://idp.test/');
  });
});

describe('proxy choice', () => {
  const target = new URL('https://acme.okta.com/.well-known/openid-configuration');
  const withEnv = (entries: string) => model(`astronomer:\n  houston:\n    env:\n${entries}`);
  it('uses Houston’s GLOBAL_AGENT_HTTPS_PROXY, or its HTTP proxy when no HTTPS proxy is set', () => {
    const m1 = withEnv('      - name: GLOBAL_AGENT_HTTP_PROXY\n        value: http://p1:3128\n      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://p2:3129\n');
    expect(chooseProxy(target, {}, m1)).toMatchObject({ label: 'p2:3129 from houston.env[1] GLOBAL_AGENT_HTTPS_PROXY' });
    const m2 = withEnv('      - name: GLOBAL_AGENT_HTTP_PROXY\n        value: p1:3128\n');
    expect(chooseProxy(target, {}, m2)).toMatchObject({ label: 'p1:3128 from houston.env[0] GLOBAL_AGENT_HTTP_PROXY' });
  });
  it('ignores a proxy whose value comes from a Secret (unreadable here) and empty values', () => {
    const m = model(
      'astronomer:\n  houston:\n    env:\n      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://p:1\n      - name: GLOBAL_AGENT_HTTP_PROXY\n        value: ""\n    secret:\n      - envName: GLOBAL_AGENT_HTTPS_PROXY\n        secretName: proxy\n',
    );
    expect(chooseProxy(target, {}, m)).toBeUndefined();
  });
  it('this machine’s proxy wins over the values’', () => {
    const m = withEnv('      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://houston-proxy:1\n');
    expect(chooseProxy(target, { https_proxy: 'http://mine:8080' }, m)).toMatchObject({ label: 'mine:8080 from https_proxy in the environment' });
    expect(chooseProxy(target, { https_proxy: 'http://mine:8080', no_proxy: '.okta.com' }, m)).toBeUndefined();
  });
  it.each([
    ['*', 'a.test', '443', true],
    ['a.test', 'a.test', '443', true],
    ['a.test', 'x.a.test', '443', true],
    ['.a.test', 'x.a.test', '443', true],
    ['*.a.test', 'x.a.test', '443', true],
    ['a.test', 'ba.test', '443', false],
    ['a.test:8443', 'a.test', '443', false],
    ['a.test:443', 'a.test', '443', true],
    ['10.0.0.1, 127.0.0.1', '127.0.0.1', '443', true],
    ['[::1]:443', '[::1]', '443', true],
    ['', 'a.test', '443', false],
  ])('NO_PROXY %j excludes %s:%s → %s', (list, host, port, want) => expect(noProxyMatches(list, host, port)).toBe(want));
});

describe('describeError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'connection refused'],
    [{ code: 'ENOTFOUND' }, 'host not found (DNS)'],
    [{ code: 'SELF_SIGNED_CERT_IN_CHAIN' }, 'certificate not trusted (use --ca-file)'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'certificate does not match the host name'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'certificate expired'],
    [{ code: 'ETIMEDOUT_HL' }, 'timed out after 5000 ms'],
  ])('%j → %s', (err, want) => expect(describeError(Object.assign(new Error('x'), err), 5000)).toBe(want));
});
