// Rendered chart manifests as input: the houston ConfigMap and Deployment become a lint unit located in the manifest stream.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintUnit } from '../../src/linter.js';
import { detectInput } from '../../src/manifests/detect.js';
import { loadRendered } from '../../src/manifests/rendered.js';
import { loadSecretManifests } from '../../src/manifests/secret-index.js';
import { walkValues } from '../../src/walk-values.js';
import { CORPUS_REAL, FIXTURES } from '../helpers/paths.js';
import type { RenderedUnit } from '../../src/manifests/rendered.js';

const NAME = 'rendered.yaml';
const RENDERED = readFileSync(join(FIXTURES, 'manifests', 'rendered-houston.yaml'), 'utf8');
const load = (text = RENDERED): RenderedUnit => {
  const unit = loadRendered(NAME, text);
  expect(unit).toBeDefined();
  return unit!;
};
const lint = (text = RENDERED, rules = {}) => lintUnit(load(text), { rules })[0]!;
const brief = (text?: string, rules?: Record<string, unknown>) => lint(text, rules).messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, path: m.path }));

describe('loadRendered', () => {
  it('wraps local-production.yaml as astronomer.houston.config and reads the user env/secret entries before NODE_ENV', () => {
    const unit = load();
    expect(unit.values).toEqual({
      astronomer: {
        houston: {
          config: {
            auth: {
              github: { enabled: false },
              openidConnect: {
                flow: 'code',
                google: { enabled: false },
                okta: { clientId: '0oa8x2k4pQzR7sT1u5d7', discoveryUrl: 'http://acme.okta.com/oauth2/default/.well-known/openid-configuration', enabled: true },
              },
            },
            nats: { ackWait: 600000 },
          },
          env: [{ name: 'GLOBAL_AGENT_HTTPS_PROXY', value: 'http://proxy.acme-corp.io:3128' }],
          secret: [
            { envName: 'AUTH_OPENID_CONNECT__OKTA__CLIENT_SECRET', secretName: 'okta-oidc', secretKey: 'client-secret' },
            { envName: 'EMAIL__SMTP_URL', secretName: 'astronomer-smtp', secretKey: 'value' },
          ],
        },
      },
      global: { baseDomain: 'astro.acme-corp.io' },
    });
    expect(unit.rendered).toEqual({ configMap: 'astronomer-houston-config', deployment: 'astronomer-houston', hasProduction: true, productionDiffers: [] });
    expect(unit.sources.map((s) => s.name)).toEqual([NAME]);
    expect(unit.problems).toEqual([]);
  });

  it('is undefined for a stream without a houston ConfigMap', () => {
    expect(loadRendered('s.yaml', readFileSync(join(FIXTURES, 'manifests', 'secret-stringdata.yaml'), 'utf8'))).toBeUndefined();
    expect(loadRendered('v.yaml', readFileSync(join(FIXTURES, 'manifests', 'values.yaml'), 'utf8'))).toBeUndefined();
  });

  it('locates every scalar of the embedded config at its exact text in the manifest', () => {
    const unit = load();
    const source = unit.sources[0]!;
    let checked = 0;
    for (const { path, value } of walkValues(unit.values)) {
      if (value === null || typeof value === 'object') continue;
      const loc = unit.locations.get(path)!;
      expect(loc, path.join('.')).toBeDefined();
      const written = source.text.slice(loc.valueRange[0], loc.valueRange[1]).replace(/^"|"$/g, '');
      expect(written, path.join('.')).toBe(String(value));
      checked++;
    }
    expect(checked).toBe(16);
  });

  it('reports the rendered production.yaml auth block and where it differs from the built-in chart defaults', () => {
    expect(load().chartProductionAuth).toEqual({
      local: { enabled: false },
      openidConnect: { auth0: { enabled: false, clientId: 'rH2L4yKctlepniTyJW3MkuXuTreOHHn1', baseDomain: 'astronomerio.auth0.com' }, google: { enabled: true, clientId: null } },
      ldap: { enabled: false },
      github: { enabled: true },
    });
    const older = RENDERED.replace('      ldap:\n        enabled: false\n\n', '').replace('      github:\n        enabled: true\n\n    helm:', '      github:\n        enabled: false\n\n    helm:');
    expect(load(older).rendered.productionDiffers).toEqual(['ldap.enabled', 'github.enabled']);
  });
});

describe('lintUnit(loadRendered(…)): findings on manifest lines', () => {
  it('reports the http discoveryUrl inside local-production.yaml at its line and column in the manifest', () => {
    const m = lint().messages.find((x) => x.ruleId === 'discovery-url-https')!;
    expect(m).toMatchObject({ line: 105, column: 25, endLine: 105, endColumn: 93, path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl' });
    expect(RENDERED.split('\n')[m.line - 1]!.slice(m.column - 1, m.endColumn - 1)).toBe('http://acme.okta.com/oauth2/default/.well-known/openid-configuration');
  });

  it('runs the env/secret rules on the Deployment env entries, and not on the chart-managed ones after NODE_ENV', () => {
    expect(brief()).toEqual([
      { ruleId: 'code-flow-client-secret', line: 103, column: 9, path: 'astronomer.houston.config.auth.openidConnect.okta' },
      { ruleId: 'discovery-url-https', line: 105, column: 25, path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl' },
      { ruleId: 'secret-env-name', line: 146, column: 21, path: 'astronomer.houston.secret[0].envName' },
    ]);
    const fixed = RENDERED.replace('http://acme', 'https://acme').replace('- name: AUTH_OPENID_CONNECT', '- name: AUTH__OPENID_CONNECT');
    expect(brief(fixed)).toEqual([]);
  });

  it('cross-checks the secretKeyRefs against Secret manifests (secret-manifest) at the Deployment lines', () => {
    const secrets = loadSecretManifests(['secret-stringdata.yaml', 'secret-data-base64.yaml'].map((f) => ({ name: f, text: readFileSync(join(FIXTURES, 'manifests', f), 'utf8') }))).index;
    const rules = { 'secret-manifest': ['error', { secrets }] };
    expect(brief(undefined, rules).filter((m) => m.ruleId === 'secret-manifest')).toEqual([]);
    const wrong = RENDERED.replace('                  name: okta-oidc\n', '                  name: okta-oid\n').replace('key: value', 'key: url');
    expect(brief(wrong, rules).filter((m) => m.ruleId === 'secret-manifest')).toEqual([
      { ruleId: 'secret-manifest', line: 149, column: 25, path: 'astronomer.houston.secret[0].secretName' },
      { ruleId: 'secret-manifest', line: 155, column: 24, path: 'astronomer.houston.secret[1].secretKey' },
    ]);
  });

  it('maps YAML errors and duplicate keys inside the embedded config to manifest lines', () => {
    const duplicate = RENDERED.replace('        flow: code\n', '        flow: code\n        flow: implicit\n');
    expect(brief(duplicate).filter((m) => m.ruleId === 'duplicate-key')).toEqual([{ ruleId: 'duplicate-key', line: 101, column: 9, path: 'astronomer.houston.config.auth.openidConnect.flow' }]);
    const broken = RENDERED.replace('        flow: code\n', '        flow: [code\n');
    const result = lint(broken);
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['yaml-syntax', 101]]);
    expect(result.fatalErrorCount).toBe(1);
  });

  it('keeps positions with CRLF line ends, and at the value start for a quoted (not block) config', () => {
    const crlf = brief(RENDERED.replace(/\n/g, '\r\n'));
    expect(crlf.find((m) => m.ruleId === 'discovery-url-https')).toMatchObject({ line: 105, column: 25 });
    const quoted = RENDERED.replace(/ {2}local-production\.yaml: \|\n[\s\S]*?(?=---)/, '  local-production.yaml: "auth:\\n  openidConnect:\\n    okta:\\n      enabled: true\\n      clientId: x\\n      discoveryUrl: http://a.b\\n"\n');
    expect(brief(quoted).find((m) => m.ruleId === 'discovery-url-https')).toMatchObject({ line: 95, column: 26 });
  });

  it('without NODE_ENV, skips the chart-managed names (and the Deployment\'s own APOLLO_SERVER_*, DISPATCH_*, CB_*) instead', () => {
    const unit = load(RENDERED.replace('            - name: NODE_ENV\n              value: "production"\n', ''));
    const names = (unit.values as { astronomer: { houston: { env: { name: string }[]; secret: { envName: string }[] } } }).astronomer.houston;
    expect(names.env.map((e) => e.name)).toEqual(['GLOBAL_AGENT_HTTPS_PROXY']);
    expect(names.secret.map((e) => e.envName)).toEqual(['AUTH_OPENID_CONNECT__OKTA__CLIENT_SECRET', 'EMAIL__SMTP_URL']);
  });
});

describe('detectInput', () => {
  it('tells values, Secret manifests and rendered streams apart', () => {
    const kind = (f: string) => detectInput(readFileSync(join(FIXTURES, 'manifests', f), 'utf8'));
    expect(['secret-stringdata.yaml', 'secret-data-base64.yaml', 'secret-echo-newline.yaml', 'sealed-secret.yaml', 'external-secret.yaml'].map(kind)).toEqual(Array(5).fill('secrets'));
    expect(kind('rendered-houston.yaml')).toBe('rendered');
    expect(kind('values.yaml')).toBe('values');
  });

  it("reads the docs' broken Secret manifests (029-031) as Secrets and every other corpus file as values", () => {
    for (const f of readdirSync(CORPUS_REAL).filter((x) => x.endsWith('.yaml'))) {
      expect(detectInput(readFileSync(join(CORPUS_REAL, f), 'utf8')), f).toBe(/^03[01]-|^029-/.test(f) ? 'secrets' : 'values');
    }
  });

  it('needs every document to be a Kubernetes object', () => {
    expect(detectInput('apiVersion: v1\nkind: Secret\nmetadata: {name: a}\n---\nastronomer:\n  houston: {}\n')).toBe('values');
    expect(detectInput('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n')).toBe('values');
  });
});
