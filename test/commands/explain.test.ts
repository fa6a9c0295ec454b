// `houston-lint explain`: the effective Houston config with each leaf's source, env overrides applied last, secrets never shown.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CommandError } from '../../src/commands/common.js';
import { effectiveConfig } from '../../src/commands/effective-config.js';
import { explainCommand, explainConfig } from '../../src/commands/explain.js';
import { buildHoustonModel } from '../../src/houston-model.js';
import { unitFromLoaded } from '../../src/lint-unit.js';
import { loadValues } from '../../src/load-values.js';
import { mergeLoaded } from '../../src/merge-values.js';
import { loadSetValues } from '../../src/set-values.js';
import { tempDir } from '../helpers/temp.js';

const BASE = `global:
  baseDomain: astro.acme.test
astronomer:
  houston:
    config:
      auth:
        openidConnect:
          flow: implicit
          okta:
            enabled: true
            clientId: 0oa123
            clientSecret: hunter2-inline
            discoveryUrl: https://acme.okta.com/oauth2/default
            authUrlParams:
              response_type: code
          manageSystemPermissionsViaIdpGroups:
            systemAdmin: [admins, ops]
`;

const PROD = `astronomer:
  houston:
    env:
      - name: AUTH__OPENID_CONNECT__FLOW
        value: code
      - name: AUTH__OPENID_CONNECT__OKTA__ENABLED
        value: "false"
      - name: AUTH__OPENID_CONNECT__OKTA__AUTH_URL_PARAMS__RESPONSE_TYPE
        value: token
      - name: AUTH__OPENID_CONNECT__OKTA__AUTH_URL_PARAMS__LOGIN_HINT
        value: someone
      - name: AUTH__LOCAL__ENABLED
        value: yes
      - name: AUTH__OPENID_CONNECT__CLOCK_TOLERANCE
        value: ""
      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_ID
        value: 0oa-from-env-first
      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_ID
        value: 0oa-from-env
      - name: AUTH__OPENID_CONNECT__ADFS__ENABLED
        value: "True"
    secret:
      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET
        secretName: okta-oidc
        secretKey: client-secret
`;

const merged = () => mergeLoaded([loadValues('/w/values/base.yaml', BASE), loadValues('/w/values/prod.yaml', PROD), loadSetValues(['astronomer.houston.config.auth.github.enabled=false'])]);

describe('explain', () => {
  it('annotates every leaf of a provider with its source; env and Secret entries win over files', () => {
    const r = explainConfig(merged(), { cwd: '/w', path: 'auth.openidConnect.okta' });
    expect(r.yaml).toBe(
      [
        '# Effective Houston config at `auth.openidConnect.okta`: Houston default.yaml ← chart production.yaml ← values ← houston.env/secret',
        '',
        'auth:',
        '  openidConnect:',
        '    okta:',
        '      enabled: false # env AUTH__OPENID_CONNECT__OKTA__ENABLED (houston.env[1], values/prod.yaml:6), overrides values/base.yaml:10',
        '      scimAuthCode: null # Houston default.yaml',
        '      clientId: 0oa-from-env # env AUTH__OPENID_CONNECT__OKTA__CLIENT_ID (houston.env[7], values/prod.yaml:18), overrides values/base.yaml:11',
        '      discoveryUrl: https://acme.okta.com/oauth2/default # values/base.yaml:13',
        '      clientSecret: (from Secret okta-oidc/client-secret) # secret okta-oidc/client-secret via houston.secret[0] (value not shown), overrides values/base.yaml:12',
        '      authUrlParams:',
        '        response_type: token # env AUTH__OPENID_CONNECT__OKTA__AUTH_URL_PARAMS__RESPONSE_TYPE (houston.env[2], values/prod.yaml:8), overrides values/base.yaml:15',
        '',
        '# Not applied / overridden env entries:',
        '#   AUTH__OPENID_CONNECT__OKTA__AUTH_URL_PARAMS__LOGIN_HINT (houston.env[3]) cannot tell which key of an open map (authUrlParams, claimsMapping) it sets; not applied here',
        '#   AUTH__OPENID_CONNECT__OKTA__CLIENT_ID (houston.env[6]) overridden by houston.env[7] of the same name (the last one in the pod spec wins)',
        '',
      ].join('\n'),
    );
    expect(r.yaml).not.toContain('hunter2');
  });

  it('shows the whole auth block by default, in effective order, with Houston defaults, chart values, --set and JSON env leaves', () => {
    const r = explainConfig(merged(), { cwd: '/w' });
    const lines = r.yaml.split('\n');
    expect(lines.slice(2, 12)).toEqual([
      'auth:',
      '  local:',
      '    enabled: true # env AUTH__LOCAL__ENABLED (houston.env[4], values/prod.yaml:12)',
      '  github:',
      '    enabled: false # --set',
      '  openidConnect:',
      '    flow: code # env AUTH__OPENID_CONNECT__FLOW (houston.env[0], values/prod.yaml:4), overrides values/base.yaml:8',
      '    clockTolerance: 0 # Houston default.yaml',
      '    auth0:',
      '      enabled: false # chart production.yaml',
    ]);
    expect(lines).toContain('      enabled: true # chart production.yaml'); // google, on through the chart
    expect(lines).toContain('      systemAdmin: [ admins, ops ] # values/base.yaml:17');
    expect(r.yaml).toContain('#   AUTH__OPENID_CONNECT__CLOCK_TOLERANCE (houston.env[5]) is empty, and node-config ignores empty variables');
    expect(r.yaml).toContain('#   AUTH__OPENID_CONNECT__ADFS__ENABLED (houston.env[8]) is parsed as JSON by Houston and is not valid JSON: Houston fails to start');
    // The text is valid YAML for the same (redacted) value.
    expect(parse(r.yaml)).toEqual({ auth: r.value });
  });

  it('agrees with the lint model’s effective auth when no env entry applies', () => {
    const unit = unitFromLoaded(loadValues('v.yaml', BASE));
    const model = buildHoustonModel(unit.values);
    const auth = effectiveConfig(unit).config['auth'] as Record<string, unknown>;
    expect(JSON.stringify(auth)).toBe(JSON.stringify(model.auth)); // same values and the same key order
  });

  it('never prints a secret: inline secrets, secret-like env values, credentials inside URLs', () => {
    const text = `astronomer:
  houston:
    config:
      email:
        smtpUrl: smtps://mailer:smtp-pa55@mail.acme.test:465
      database:
        connection: postgres://houston:db-pa55@db.acme.test/houston
      jwt:
        passphrase: jwt-pa55
      auth:
        openidConnect:
          insecureIDPTokenLog:
            enabled: false
          microsoft:
            scimAuthCode: scim-t0ken
    env:
      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET
        value: env-s3cret
`;
    const r = explainConfig(unitFromLoaded(loadValues('/w/v.yaml', text)), { path: '', cwd: '/w' });
    for (const secret of ['smtp-pa55', 'db-pa55', 'jwt-pa55', 'scim-t0ken', 'env-s3cret']) expect(r.yaml).not.toContain(secret);
    expect(r.yaml).toContain('smtpUrl: <redacted> # v.yaml:5');
    expect(r.yaml).toContain('connection: postgres://houston:<redacted>@db.acme.test/houston # v.yaml:7');
    expect(r.yaml).toContain('clientSecret: <redacted> # env AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET (houston.env[0], v.yaml:17)');
    expect(r.yaml).toContain('enabled: false # v.yaml:13'); // a boolean under a "token" key is not a secret
    expect(r.yaml).toContain('scimAuthCode: <redacted> # v.yaml:15');
  });

  it('shows helm.baseDomain as the chart writes it from global.baseDomain', () => {
    const r = explainConfig(unitFromLoaded(loadValues('/w/v.yaml', BASE)), { path: 'config.helm', cwd: '/w' });
    expect(r.yaml).toContain('helm:\n  baseDomain: astro.acme.test # chart production.yaml (from global.baseDomain)\n');
  });

  it('works for subchart files and quotes strings YAML 1.1 would read as other types', () => {
    const sub = 'houston:\n  config:\n    auth:\n      openidConnect:\n        cognito:\n          enabled: true\n          displayName: "yes"\n          clientId: "0754"\n';
    const r = explainConfig(unitFromLoaded(loadValues('/w/v.yaml', sub)), { path: 'auth.openidConnect.cognito', cwd: '/w' });
    expect(r.yaml).toContain('displayName: "yes" # v.yaml:7');
    expect(r.yaml).toContain('clientId: "0754" # v.yaml:8');
  });

  it('a path that is not set, or not a path, is an exit-2 error', () => {
    const unit = unitFromLoaded(loadValues('v.yaml', BASE));
    expect(() => explainConfig(unit, { path: 'auth.openidConnect.cognito' })).toThrow(CommandError);
    expect(() => explainConfig(unit, { path: 'auth.openidConnect.cognito' })).toThrow('`auth.openidConnect.cognito` is not set in the effective Houston config');
    expect(() => explainConfig(unit, { path: 'auth..okta' })).toThrow('is not a dotted config path');
  });

  it('runs as a command over files and --set', async () => {
    const dir = tempDir({ 'values/base.yaml': BASE });
    let out = '';
    const code = await explainCommand(['values/base.yaml'], { set: ['astronomer.houston.config.auth.openidConnect.flow=code'], path: 'auth.openidConnect.flow' }, { stdout: (t) => void (out += t), cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('    flow: code # --set\n');
  });
});
