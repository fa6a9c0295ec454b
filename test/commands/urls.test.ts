// `houston-lint urls`: the URLs to register at each enabled IdP (reference §4), through the command function with real files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../src/commands/common.js';
import { computeUrls, renderUrlsText, urlsCommand } from '../../src/commands/urls.js';
import { buildHoustonModel } from '../../src/houston-model.js';
import { loadValues } from '../../src/load-values.js';
import { InputError } from '../../src/read-inputs.js';
import { tempDir } from '../helpers/temp.js';
import type { UrlsReport } from '../../src/commands/urls.js';

/** Runs the command on files written to a temp dir; returns stdout. */
async function urls(files: Record<string, string>, flags: { set?: string[]; format?: string; baseDomain?: string } = {}, order = Object.keys(files)): Promise<string> {
  const dir = tempDir(files);
  let out = '';
  const code = await urlsCommand(order, flags, { stdout: (t) => void (out += t), cwd: dir });
  expect(code).toBe(0);
  return out;
}

const json = async (files: Record<string, string>, flags: { set?: string[]; baseDomain?: string } = {}) => JSON.parse(await urls(files, { ...flags, format: 'json' })) as UrlsReport;

const OKTA = `global:
  baseDomain: astro.acme.test
astronomer:
  houston:
    config:
      auth:
        github:
          enabled: false
        openidConnect:
          google:
            enabled: false
          okta:
            enabled: true
            clientId: 0oa1b2c3d4
            discoveryUrl: https://acme.okta.com/oauth2/default
`;

describe('urls', () => {
  it('lists the implicit-flow URLs for Okta, with trailing slashes exactly as documented (JSON schema)', async () => {
    expect(await json({ 'values.yaml': OKTA })).toEqual({
      schemaVersion: 1,
      baseDomain: 'astro.acme.test',
      flow: 'implicit',
      ui: 'https://app.astro.acme.test',
      houstonApi: 'https://houston.astro.acme.test/v1',
      warnings: [],
      providers: [
        {
          name: 'okta',
          displayName: 'Okta',
          brokered: false,
          urls: [
            { id: 'redirect', label: 'Sign-in redirect URIs', url: 'https://houston.astro.acme.test/v1/oauth/redirect/', note: 'implicit flow; keep the trailing /' },
            {
              id: 'initiate-login',
              label: 'Initiate login URI',
              url: 'https://houston.astro.acme.test/v1/oauth/start?provider=okta',
              note: 'optional, for an Okta dashboard tile; documented by Astronomer, not visible in public Houston code',
            },
            {
              id: 'scim',
              label: 'SCIM connector base URL',
              url: 'https://houston.astro.acme.test/v1/scim/v2/okta',
              note: 'SCIM credential: none configured; to use SCIM, store Basic auth `username:password` in a Secret and reference it as SCIM_AUTH_CODE_OKTA in astronomer.houston.secret',
            },
          ],
          notes: ['Implicit flow: allow the grant type "Implicit (hybrid)" in the Okta application.'],
        },
      ],
    });
  });

  it('renders text for humans', async () => {
    expect(await urls({ 'values.yaml': OKTA })).toBe(
      [
        'Base domain: astro.acme.test    OIDC flow: implicit',
        'Astro UI (login): https://app.astro.acme.test',
        'Houston API:      https://houston.astro.acme.test/v1',
        '',
        'Okta (okta)',
        '  Sign-in redirect URIs:   https://houston.astro.acme.test/v1/oauth/redirect/',
        '                           (implicit flow; keep the trailing /)',
        '  Initiate login URI:      https://houston.astro.acme.test/v1/oauth/start?provider=okta',
        '                           (optional, for an Okta dashboard tile; documented by Astronomer, not visible in public Houston code)',
        '  SCIM connector base URL: https://houston.astro.acme.test/v1/scim/v2/okta',
        '                           (SCIM credential: none configured; to use SCIM, store Basic auth `username:password` in a Secret and reference it as SCIM_AUTH_CODE_OKTA in astronomer.houston.secret)',
        '  Implicit flow: allow the grant type "Implicit (hybrid)" in the Okta application.',
        '',
      ].join('\n'),
    );
  });

  it('uses the code-flow callback when flow is code, also when the flow comes from a houston.env override', async () => {
    const code = await json({ 'values.yaml': OKTA.replace('          google:', '          flow: code\n          google:') });
    expect(code.providers[0]!.urls[0]!.url).toBe('https://houston.astro.acme.test/v1/oauth/callback/');
    const env = await json({ 'values.yaml': `${OKTA}    env:\n      - name: AUTH__OPENID_CONNECT__FLOW\n        value: code\n` });
    expect(env.flow).toBe('code');
    expect(env.providers[0]!.urls[0]).toMatchObject({ id: 'callback', url: 'https://houston.astro.acme.test/v1/oauth/callback/' });
  });

  it('merges several files and --set like helm (later wins), and --base-domain overrides', async () => {
    const files = { 'base.yaml': OKTA, 'prod.yaml': 'global:\n  baseDomain: astro.prod.acme.test\n' };
    expect((await json(files)).baseDomain).toBe('astro.prod.acme.test');
    expect((await json(files, { set: ['global.baseDomain=astro.set.acme.test'] })).houstonApi).toBe('https://houston.astro.set.acme.test/v1');
    expect((await json(files, { baseDomain: 'Flag.Acme.Test' })).ui).toBe('https://app.flag.acme.test');
  });

  it('lists Auth0 own-tenant URLs, and only a note for Astronomer’s tenant', async () => {
    const own = await json({
      'values.yaml': `${OKTA.replace('okta:', 'auth0:').replace('https://acme.okta.com/oauth2/default', 'https://acme.eu.auth0.com/')}`,
    });
    expect(own.providers[0]).toMatchObject({
      name: 'auth0',
      brokered: false,
      urls: [
        { id: 'redirect', label: 'Allowed Callback URLs', url: 'https://houston.astro.acme.test/v1/oauth/redirect/' },
        { id: 'logout', label: 'Allowed Logout URLs', url: 'https://app.astro.acme.test/logout' },
        { id: 'origins', label: 'Allowed Origins (CORS)', url: 'https://*.astro.acme.test' },
      ],
      notes: ['Create an API with identifier `astronomer-ee` (RS256 signing): it is the `authUrlParams.audience` Houston asks for.'],
    });
    const shared = await json({ 'values.yaml': OKTA.replace(/okta:\n(.*\n)*/, 'auth0:\n            enabled: true\n') });
    expect(shared.providers[0]).toMatchObject({ name: 'auth0', brokered: true, urls: [] });
    expect(shared.providers[0]!.notes[0]).toContain('redirect.astronomer.io');
  });

  it('notes Google and GitHub brokered by Astronomer when the chart defaults leave them on', async () => {
    const r = await json({ 'values.yaml': 'global:\n  baseDomain: astro.acme.test\nastronomer:\n  houston:\n    config: {}\n' });
    expect(r.providers.map((p) => [p.name, p.brokered, p.urls.length])).toEqual([
      ['google', true, 0],
      ['github', true, 0],
    ]);
    const own = await json({ 'values.yaml': OKTA.replace('google:\n            enabled: false', 'google:\n            enabled: true\n            clientId: 123-abc.apps.googleusercontent.com') });
    expect(own.providers.find((p) => p.name === 'google')!.urls).toEqual([
      { id: 'redirect', label: 'Redirect URI', url: 'https://houston.astro.acme.test/v1/oauth/redirect/', note: 'implicit flow; keep the trailing /' },
    ]);
  });

  it('lists a provider enabled with the string "false" (Houston tests truthiness) and Entra’s SCIM tenant URL', async () => {
    const r = await json({
      'values.yaml': OKTA.replace('okta:', 'microsoft:').replace('enabled: true', 'enabled: "false"'),
    });
    expect(r.providers[0]!.name).toBe('microsoft');
    expect(r.providers[0]!.urls.map((u) => [u.label, u.url])).toEqual([
      ['Redirect URI (Web platform)', 'https://houston.astro.acme.test/v1/oauth/redirect/'],
      ['Tenant URL (provisioning)', 'https://houston.astro.acme.test/v1/scim/v2/microsoft'],
    ]);
    expect(r.providers[0]!.notes).toEqual(['Implicit flow: under Authentication, tick "Access tokens" and "ID tokens" (implicit grant).']);
  });

  it('says where the SCIM credential comes from, never what it is', async () => {
    const scimNote = async (extra: string) => (await json({ 'values.yaml': OKTA + extra })).providers[0]!.urls.find((u) => u.id === 'scim')!.note!;
    expect(await scimNote('    secret:\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-scim\n        secretKey: auth\n')).toBe(
      'SCIM credential: SCIM_AUTH_CODE_OKTA from Secret okta-scim/auth (houston.secret[0])',
    );
    expect(await scimNote('    secret:\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-scim\n')).toContain('okta-scim/value');
    const env = await urls({ 'values.yaml': `${OKTA}    env:\n      - name: SCIM_AUTH_CODE_OKTA\n        value: "scim-user:sup3r-s3cret"\n` }, { format: 'json' });
    expect(env).toContain('SCIM_AUTH_CODE_OKTA from houston.env[0], written in the values file (move it to a Secret)');
    expect(env).not.toContain('sup3r-s3cret');
    const inline = await urls({ 'values.yaml': OKTA.replace('clientId: 0oa1b2c3d4', 'clientId: 0oa1b2c3d4\n            scimAuthCode: "u:inl1ne-s3cret"') });
    expect(inline).toContain('`scimAuthCode` written in the values file (move it to a Secret)');
    expect(inline).not.toContain('inl1ne-s3cret');
  });

  it('warns when config.subdomain or config.helm.baseDomain change the host Houston puts in its URLs', async () => {
    const r = await json({ 'values.yaml': OKTA.replace('      auth:', '      subdomain: api\n      helm:\n        baseDomain: other.test\n      auth:') });
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain('`config.subdomain: api`');
    expect(r.warnings[1]).toContain('`config.helm.baseDomain: other.test`');
  });

  it('says so when no provider is enabled', async () => {
    const text = renderUrlsText(computeUrls(buildHoustonModel(loadValues('v', 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n        github:\n          enabled: false\n        openidConnect:\n          google:\n            enabled: false\n').values), { baseDomain: 'a.test' }));
    expect(text).toContain('No identity provider is enabled: nothing to register.');
  });
});

describe('urls: failures are exit-2 errors with one clear line', () => {
  const fails = async (files: Record<string, string>, flags: { baseDomain?: string; format?: string } = {}) => {
    const err = await urls(files, flags).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toBeInstanceOf(InputError); // the CLI already turns InputError into exit 2
    return (err as Error).message;
  };

  it('without a base domain', async () => {
    expect(await fails({ 'values.yaml': OKTA.replace('  baseDomain: astro.acme.test\n', '  baseDomain: ~\n') })).toBe(
      '`global.baseDomain` is not set in the values, so Houston has no URLs to register (give the file that sets it, or --base-domain for subchart files)',
    );
  });

  it('with a URL, a port or a placeholder as base domain', async () => {
    expect(await fails({ 'v.yaml': OKTA.replace('astro.acme.test', 'https://astro.acme.test') })).toContain('must be a bare DNS name without a scheme');
    expect(await fails({ 'v.yaml': OKTA.replace('astro.acme.test', 'astro.acme.test:443') })).toContain('is not a bare DNS name');
    expect(await fails({ 'v.yaml': OKTA.replace('astro.acme.test', '"<base-domain>"') })).toContain('is not a bare DNS name');
    expect(await fails({ 'v.yaml': OKTA }, { baseDomain: '' })).toBe('--base-domain is empty');
  });

  it('a subchart file needs --base-domain, and works with it', async () => {
    const sub = 'houston:\n  config:\n    auth:\n      openidConnect:\n        custom:\n          enabled: true\n';
    expect(await fails({ 'v.yaml': sub })).toContain('`global.baseDomain` is not set');
    expect((await json({ 'v.yaml': sub }, { baseDomain: 'astro.acme.test' })).providers.map((p) => p.name)).toEqual(['google', 'custom', 'github']);
  });

  it('an unreadable file, a file Helm refuses, an unknown format', async () => {
    expect(await fails({ 'v.yaml': 'a: [\n' })).toMatch(/^v\.yaml:\d+:\d+: .*\(run `houston-lint` on it for details\)$/);
    const dir = tempDir({});
    await expect(urlsCommand(['missing.yaml'], {}, { stdout: () => undefined, cwd: dir })).rejects.toThrow(CommandError);
    expect(await fails({ 'v.yaml': OKTA }, { format: 'sarif' })).toBe('unknown format "sarif" for urls: use text or json');
    await expect(urlsCommand([], {}, { stdout: () => undefined, cwd: dir })).rejects.toThrow('no values files given');
  });

  it('reads stdin for -', async () => {
    let out = '';
    await urlsCommand(['-'], { format: 'json' }, { stdout: (t) => void (out += t), cwd: join(tempDir({})), readStdin: async () => ({ text: OKTA, encoding: 'utf8' }) });
    expect((JSON.parse(out) as UrlsReport).providers[0]!.name).toBe('okta');
  });
});
