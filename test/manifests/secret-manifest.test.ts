// The secret-manifest rule: `houston.secret` entries cross-checked against the Secret index (names and keys), through the real engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, lintUnit } from '../../src/linter.js';
import { loadValues } from '../../src/load-values.js';
import { mergeLoaded } from '../../src/merge-values.js';
import { loadSecretManifests } from '../../src/manifests/secret-index.js';
import { bin } from '../helpers/cli.js';
import { CORPUS_REAL, FIXTURES } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import type { RulesConfig } from '../../src/linter.js';
import type { ManifestFile } from '../../src/manifests/secret-index.js';
import type { SecretIndex } from '../../src/manifests/types.js';

const read = (name: string): ManifestFile => ({ name: `fixtures/manifests/${name}`, text: readFileSync(join(FIXTURES, 'manifests', name), 'utf8') });
const VALUES = readFileSync(join(FIXTURES, 'manifests', 'values.yaml'), 'utf8');
const MANIFESTS = ['secret-stringdata.yaml', 'secret-data-base64.yaml', 'sealed-secret.yaml'].map(read);
const index = (files: ManifestFile[] = MANIFESTS): SecretIndex => loadSecretManifests(files).index;

/** All findings of a values text linted with the Secret index, as the CLI will pass it. */
function lint(values: string, secrets: SecretIndex | null = index()) {
  const rules: RulesConfig = secrets ? { 'secret-manifest': ['error', { secrets }] } : {};
  return lintText(values, { filePath: 'values.yaml', rules }).messages;
}
const brief = (values: string, secrets?: SecretIndex) => lint(values, secrets).map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, line: m.line, column: m.column, path: m.path }));

describe('secret-manifest cross-check', () => {
  it('reports nothing when every Secret and key exists (stringData, base64 data with the default key `value`, SealedSecret)', () => {
    expect(lint(VALUES)).toEqual([]);
  });

  it('reports nothing about existence without manifests', () => {
    expect(lint(VALUES.replace('secretName: okta-oidc', 'secretName: nowhere'), null)).toEqual([]);
  });

  it('reports a missing Secret at `secretName`, with the nearest name', () => {
    const messages = lint(VALUES.replace('secretName: okta-oidc', 'secretName: okta-odic'));
    expect(messages).toMatchObject([{ ruleId: 'secret-manifest', messageId: 'missingSecret', line: 21, column: 21, endColumn: 30, severity: 2, path: 'astronomer.houston.secret[0].secretName' }]);
    expect(messages[0]!.message).toBe(
      'No Secret named `okta-odic` in the given manifests (secret-stringdata.yaml, secret-data-base64.yaml, sealed-secret.yaml): the Houston pods and the pre-upgrade migration job fail with CreateContainerConfigError until it exists in the platform namespace. Did you mean `okta-oidc`?',
    );
  });

  it('reports a key the Secret lacks at `secretKey`, listing its keys (names only)', () => {
    const messages = lint(VALUES.replace('secretKey: client-secret', 'secretKey: client_secret'));
    expect(messages).toMatchObject([{ messageId: 'missingKey', line: 22, column: 20, path: 'astronomer.houston.secret[0].secretKey' }]);
    expect(messages[0]!.message).toBe(
      'The Secret `okta-oidc` (secret-stringdata.yaml:6) has no key `client_secret` (it has `client-secret`): the Houston pods fail with CreateContainerConfigError. Did you mean `client-secret`?',
    );
  });

  it('reports a defaulted key (`value`) the Secret lacks at the entry, suggesting its only key', () => {
    const values = VALUES.replace('secretName: astronomer-smtp', 'secretName: okta-oidc');
    const messages = lint(values);
    expect(messages).toMatchObject([{ messageId: 'missingDefaultKey', line: 26, column: 9, path: 'astronomer.houston.secret[2]' }]);
    expect(messages[0]!.message).toContain('chart reads the key `value`, which the Secret `okta-oidc` (secret-stringdata.yaml:6) does not have (it has `client-secret`). Add `secretKey: client-secret`.');
  });

  it('knows SealedSecret keys (encryptedData) and accepts any key of an ExternalSecret whose keys are unknown', () => {
    expect(brief(VALUES.replace('secretKey: basic-auth', 'secretKey: token'))).toEqual([
      { ruleId: 'secret-manifest', messageId: 'missingKey', line: 25, column: 20, path: 'astronomer.houston.secret[1].secretKey' },
    ]);
    const external: ManifestFile = {
      name: 'ext.yaml',
      text: 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: okta-scim\nspec:\n  dataFrom:\n    - extract:\n        key: astro/scim\n',
    };
    const files = [MANIFESTS[0]!, MANIFESTS[1]!, external];
    expect(brief(VALUES.replace('secretKey: basic-auth', 'secretKey: token'), index(files))).toEqual([]);
  });

  it("indexes the docs' templated Secret (029) and says which manifests could not be read (030)", () => {
    const docs = ['029-docs-k8s-secret-okta-helm-templated.yaml', '030-docs-k8s-secret-draft-javascript-fence.yaml'].map((f) => ({ name: f, text: readFileSync(join(CORPUS_REAL, f), 'utf8') }));
    const values = 'astronomer:\n  houston:\n    secret:\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: okta-secret\n        secretKey: okta_client_secret\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: scim-secret\n';
    const messages = lint(values, index(docs)).filter((m) => m.ruleId === 'secret-manifest');
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['missingSecret', 8]]);
    expect(messages[0]!.message).toContain('; 030-docs-k8s-secret-draft-javascript-fence.yaml could not be read:');
  });

  it('can be turned down to a warning; the schema and secret-ref still own malformed entries', () => {
    const secrets = index();
    const values = 'astronomer:\n  houston:\n    secret:\n      - envName: X\n        secretName: missing\n      - envName: Y\n        secretName: 42\n';
    const messages = lintText(values, { rules: { 'secret-manifest': ['warn', { secrets }] } }).messages.filter((m) => m.ruleId === 'secret-manifest');
    expect(messages.map((m) => [m.messageId, m.line, m.severity])).toEqual([['missingSecret', 5, 1]]);
  });

  it('places findings in the file that wrote the entry when values files are merged (-f a -f b)', () => {
    const base = loadValues('base.yaml', VALUES);
    const prod = loadValues('prod.yaml', 'astronomer:\n  houston:\n    secret:\n      - envName: EMAIL__SMTP_URL\n        secretName: smtp-prod\n');
    const results = lintUnit(mergeLoaded([base, prod]), { rules: { 'secret-manifest': ['error', { secrets: index() }] } });
    expect(results.map((r) => r.messages.filter((m) => m.ruleId === 'secret-manifest').map((m) => [m.messageId, m.line]))).toEqual([[], [['missingSecret', 5]]]);
  });
});

describe('secret manifests the YAML library would warn about', () => {
  it('print nothing on stderr: a map used as a key in `data` is not a library warning', () => {
    const dir = tempDir({
      'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: okta\ndata:\n  ? [a, b]\n  : dmFsdWU=\n',
      'values.yaml': 'astronomer:\n  houston:\n    config: {}\n',
    });
    const r = bin(['--no-config-lookup', '--secrets', 'secret.yaml', 'values.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });
});
