// Secret manifests read into the Secret index, and their own problems reported at manifest lines; values never leak.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormatter } from '../../src/formatters/index.js';
import { loadSecretManifests } from '../../src/manifests/secret-index.js';
import { rules } from '../../rules/index.js';
import { CORPUS_REAL, FIXTURES } from '../helpers/paths.js';
import type { ManifestFile, SecretManifestOptions } from '../../src/manifests/secret-index.js';

const fixture = (name: string): ManifestFile => ({ name: `fixtures/manifests/${name}`, text: readFileSync(join(FIXTURES, 'manifests', name), 'utf8') });
const corpus = (prefix: string): ManifestFile => {
  const file = ['029-docs-k8s-secret-okta-helm-templated.yaml', '030-docs-k8s-secret-draft-javascript-fence.yaml', '031-docsres-v035-k8s-secret-microsoft-unencoded.yaml'].find((f) => f.startsWith(prefix))!;
  return { name: file, text: readFileSync(join(CORPUS_REAL, file), 'utf8') };
};
const one = (text: string, options?: SecretManifestOptions) => loadSecretManifests([{ name: 's.yaml', text }], options);
const found = (text: string, options?: SecretManifestOptions) =>
  one(text, options).results[0]!.messages.map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, line: m.line, column: m.column, severity: m.severity }));
const secret = (body: string, name = 'app') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: Opaque\n${body}`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Made-up secret values in the fixtures and cases below: none of them, nor its base64, may ever be printed. */
const SECRETS = [
  'Xq7-okta-CLIENT-secret-4f9e2b',
  'smtps://apikey:SG.k3y-Smtp-Pa55@smtp.sendgrid.net:465/?pool=true',
  'Zz9-microsoft-client-secret-77',
  'AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq7S8wXiJ4mW0pV9nD1uP6oKzqYb3sQx2LrT8eFh5NcJ1gZ0aUv7Wd',
  'Hunter2-Leak-Canary-0451',
];

describe('correct Secret manifests', () => {
  it('index stringData, base64 data, SealedSecret and ExternalSecret manifests without findings', () => {
    const files = ['secret-stringdata.yaml', 'secret-data-base64.yaml', 'sealed-secret.yaml', 'external-secret.yaml'].map(fixture);
    const { index, results } = loadSecretManifests(files);
    expect(results.map((r) => [r.filePath, r.messages])).toEqual(files.map((f) => [f.name, []]));
    expect({ ...index.secrets }).toEqual({
      'okta-oidc': { kind: 'Secret', keys: ['client-secret'], source: files[0]!.name, line: 6, column: 9, namespace: 'astronomer' },
      'astronomer-smtp': { kind: 'Secret', keys: ['value'], source: files[1]!.name, line: 6, column: 9, namespace: 'astronomer' },
      'okta-scim': { kind: 'SealedSecret', keys: ['basic-auth'], source: files[2]!.name, line: 6, column: 9, namespace: 'astronomer' },
      // the ExternalSecret's target name, not its own
      'okta-oidc-ext': { kind: 'ExternalSecret', keys: ['client-secret'], source: files[3]!.name, line: 6, column: 9, namespace: 'astronomer' },
    });
    expect(index.manifests).toEqual(files.map((f) => f.name));
    expect(index.unreadable).toEqual([]);
  });

  it('reads List documents (`kubectl get secret -o yaml`) and the union of data and stringData keys', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: a\n  data:\n    x: ${b64('1')}\n  stringData:\n    yk: "2"\n`;
    const { index, results } = one(text);
    expect(results[0]!.messages).toEqual([]);
    expect(index.secrets['a']).toMatchObject({ kind: 'Secret', keys: ['x', 'yk'], line: 7, column: 11 });
  });

  it('keeps binary data and multi-line values (a PEM ends in a newline) unreported', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(found(secret(`data:\n  bin: ${Buffer.from([0xff, 0xfe, 0x00, 0x80]).toString('base64')}\n  ca.crt: ${b64(pem)}\nstringData:\n  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIB\n    -----END CERTIFICATE-----\n`))).toEqual([]);
  });
});

describe('ExternalSecret and SealedSecret keys', () => {
  const external = (spec: string, apiVersion = 'external-secrets.io/v1beta1') => `apiVersion: ${apiVersion}\nkind: ExternalSecret\nmetadata:\n  name: ext\nspec:\n${spec}`;
  it('are unknown with dataFrom or a target template (they add or replace keys)', () => {
    expect(one(external('  dataFrom:\n    - extract: {key: astro/okta}\n  data:\n    - secretKey: a\n')).index.secrets['ext']!.keys).toBe('unknown');
    expect(one(external('  target:\n    template:\n      data: {b: "{{ .a }}"}\n  data:\n    - secretKey: a\n')).index.secrets['ext']!.keys).toBe('unknown');
  });
  it('are spec.data[].name for the older kubernetes-client.io ExternalSecret, named after the object', () => {
    const { index } = one(external('  backendType: secretsManager\n  data:\n    - key: astro/okta\n      name: client-secret\n', 'kubernetes-client.io/v1'));
    expect(index.secrets['ext']).toMatchObject({ kind: 'ExternalSecret', keys: ['client-secret'] });
  });
  it('are unknown for a SealedSecret without encryptedData or template data', () => {
    expect(one('apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: s\nspec: {}\n').index.secrets['s']!.keys).toBe('unknown');
  });
});

describe('problems inside Secret manifests', () => {
  it('flags the `echo` without `-n` newline at the value (fixture)', () => {
    const { results } = loadSecretManifests([fixture('secret-echo-newline.yaml')]);
    expect(results[0]!.messages).toMatchObject([{ ruleId: 'secret-manifest', messageId: 'trailingNewline', line: 10, column: 28, endLine: 10, endColumn: 72, severity: 2, path: 'data.microsoft_client_secret' }]);
    expect(results[0]!.messages[0]!.message).toContain('`echo` without `-n`');
    expect(results[0]!.errorCount).toBe(1);
  });

  it('flags a block scalar that keeps its newline under stringData, not `|-`', () => {
    expect(found(secret('stringData:\n  a: |\n    one-line-secret\n  b: |-\n    one-line-secret\n'))).toEqual([{ ruleId: 'secret-manifest', messageId: 'trailingNewline', line: 7, column: 6, severity: 2 }]);
  });

  it('flags placeholders in plain and decoded values, and placeholders or other text that is not base64 under data', () => {
    expect(found(secret(`stringData:\n  a: "<your-client-secret>"\n  b: YOUR_SECRET_HERE\ndata:\n  c: ${b64('<okta-secret-value>')}\n  d: not base64!\n  e: "<encoded-value>"\n`))).toEqual([
      { ruleId: 'secret-manifest', messageId: 'placeholder', line: 7, column: 6, severity: 2 },
      { ruleId: 'secret-manifest', messageId: 'placeholder', line: 8, column: 6, severity: 2 },
      { ruleId: 'secret-manifest', messageId: 'placeholder', line: 10, column: 6, severity: 2 },
      { ruleId: 'secret-manifest', messageId: 'badBase64', line: 11, column: 6, severity: 2 },
      { ruleId: 'secret-manifest', messageId: 'placeholderData', line: 12, column: 6, severity: 2 },
    ]);
  });

  it('does not take random passwords with angle brackets for placeholders', () => {
    expect(found(secret('stringData:\n  a: "x<9f2>Q!z"\n  b: "p<ab1>w"\n'))).toEqual([]);
  });

  it('flags non-string values (`on: yes` is the key "true" with a boolean, as kubectl reads YAML 1.1), invalid keys and a Secret without a name', () => {
    expect(found(secret('stringData:\n  port: 465\n  on: yes\n  "bad key": x\n'))).toEqual([
      { ruleId: 'secret-manifest', messageId: 'notString', line: 7, column: 9, severity: 2 },
      { ruleId: 'secret-manifest', messageId: 'notString', line: 8, column: 7, severity: 2 },
      { ruleId: 'secret-manifest', messageId: 'invalidKey', line: 9, column: 3, severity: 2 },
    ]);
    expect(found('apiVersion: v1\nkind: Secret\nmetadata:\n  labels: {a: b}\nstringData:\n  a: b\n')).toEqual([{ ruleId: 'secret-manifest', messageId: 'noName', line: 2, column: 1, severity: 2 }]);
  });

  it('notes a Secret in another namespace than the other manifests as a warning', () => {
    const ns = (name: string, namespace: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nstringData:\n  value: x\n`;
    const { results } = loadSecretManifests([
      { name: 'a.yaml', text: ns('a', 'astronomer') },
      { name: 'b.yaml', text: ns('b', 'astronomer') },
      { name: 'c.yaml', text: ns('c', 'default') },
    ]);
    expect(results.map((r) => r.messages.map((m) => [m.messageId, m.line, m.column, m.severity]))).toEqual([[], [], [['namespace', 5, 14, 1]]]);
    expect(results[2]!.messages[0]!.message).toBe(
      'This Secret is in namespace `default`, the other Secret manifests in `astronomer`: Houston reads its Secrets only from the platform release namespace, so check that `c` is created there.',
    );
    expect(results[2]!.warningCount).toBe(1);
  });

  it('flags template syntax that parses (quoted) as applied literally', () => {
    const { results } = one(secret('stringData:\n  a: "{{ .Values.okta.secret }}"\n'));
    expect(results[0]!.messages).toMatchObject([{ messageId: 'template', line: 7, column: 7, endColumn: 32 }]);
    expect(results[0]!.messages[0]!.message).toContain('kubectl applies the braces literally');
  });

  it('ignores non-Secret objects and Secret-looking text in comments', () => {
    expect(found('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "not base64!"\n# {{ .Release.Name }}\n')).toEqual([]);
  });

  it('reports YAML errors of a manifest as yaml-syntax, without source excerpts', () => {
    const { results, index } = one(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  a: "${SECRETS[4]}\n`);
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['yaml-syntax']);
    expect(results[0]!.fatalErrorCount).toBe(1);
    expect(index.unreadable).toEqual(['s.yaml']);
    expect(JSON.stringify(results)).not.toContain('Hunter2');
  });
});

describe('hostile input', () => {
  it('refuses a billion-laughs manifest instead of expanding it, and survives absurd nesting', () => {
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const bomb = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: bomb\nstringData:\n  v: x\n${laughs.join('\n')}\n`;
    const { index, results } = one(bomb);
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['yaml-syntax']);
    expect(index.unreadable).toEqual(['s.yaml']);
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const messages = one(deep).results[0]!.messages;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(20);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set(['yaml-syntax']));
  });
});

describe("the docs' Secret manifests (corpus 029-031)", () => {
  it('029: each Helm-templated line is a finding that says kubectl cannot parse it; the Secret and key are still indexed', () => {
    const { index, results } = loadSecretManifests([corpus('029')]);
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['secret-manifest', 17, 18],
      ['secret-manifest', 18, 16],
      ['secret-manifest', 19, 19],
      ['secret-manifest', 20, 20],
      ['secret-manifest', 24, 25],
    ]);
    expect(results[0]!.messages[4]).toMatchObject({ messageId: 'template', endColumn: 69 });
    expect(results[0]!.messages[0]!.message).toContain('to kubectl this file is not even valid YAML');
    expect(index.secrets['okta-secret']).toMatchObject({ kind: 'Secret', keys: ['okta_client_secret'], line: 15 });
    expect(JSON.stringify(results)).not.toContain('okta-secret-value'); // the placeholder inside the template is not echoed
  });

  it('030: the stray prose and `req.end();` are yaml-syntax errors, the templates secret-manifest findings; nothing is indexed', () => {
    const { index, results } = loadSecretManifests([corpus('030')]);
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['yaml-syntax', 10],
      ['secret-manifest', 16],
      ['secret-manifest', 17],
      ['secret-manifest', 18],
      ['secret-manifest', 19],
      ['secret-manifest', 22],
      ['yaml-syntax', 23],
    ]);
    expect(index.secrets).toEqual({});
    expect(index.unreadable).toEqual([corpus('030').name]);
  });

  it('031: the unencoded placeholder under data: is reported at its value', () => {
    const { results } = loadSecretManifests([corpus('031')]);
    expect(results[0]!.messages).toMatchObject([{ ruleId: 'secret-manifest', messageId: 'placeholderData', line: 19, column: 31, endColumn: 65, path: 'data.microsoft_client_secret' }]);
  });
});

describe('configuration', () => {
  const text = secret(`data:\n  a: ${b64('x\n')}\n`);
  it('follows the configured severity; off keeps only YAML errors', () => {
    expect(found(text, { rules: { 'secret-manifest': 'warn' } })).toEqual([{ ruleId: 'secret-manifest', messageId: 'trailingNewline', line: 7, column: 6, severity: 1 }]);
    expect(found(text, { rules: { 'secret-manifest': 'off' } })).toEqual([]);
    expect(found('a: "b', { rules: { 'secret-manifest': 'off' } }).map((m) => m.ruleId)).toEqual(['yaml-syntax']);
  });
  it('honours disable comments in the manifest unless inline config is off', () => {
    const disabled = secret(`data:\n  # houston-lint-disable-next-line secret-manifest -- the app strips it\n  a: ${b64('x\n')}\n`);
    expect(one(disabled).results[0]!.messages).toEqual([]);
    expect(one(disabled).results[0]!.suppressedMessages.map((m) => m.messageId)).toEqual(['trailingNewline']);
    expect(found(disabled, { inlineConfig: false }).map((m) => m.messageId)).toEqual(['trailingNewline']);
  });
});

describe('secret values never leave the module', () => {
  const cases: ManifestFile[] = [
    ...['secret-stringdata.yaml', 'secret-data-base64.yaml', 'secret-echo-newline.yaml', 'sealed-secret.yaml'].map(fixture),
    { name: 'bad.yaml', text: secret(`data:\n  a: ${SECRETS[4]}!\n  b: ${b64(`${SECRETS[4]}\n`)}\n  c: ${b64(`<${SECRETS[4]}>`)}\nstringData:\n  d: "${SECRETS[4]} YOUR_X"\n  e: "{{ ${SECRETS[4]} }}"\n  f: |\n    ${SECRETS[4]}\n`, 'leak') },
  ];
  const forbidden = SECRETS.flatMap((s) => [s, b64(s), b64(`${s}\n`), s.slice(0, 12)]);

  it('not in results, messages, the index or any formatter output', async () => {
    const { index, results } = loadSecretManifests(cases);
    expect(results[4]!.messages.length).toBeGreaterThanOrEqual(5); // the leak case does produce findings
    expect(results.every((r) => r.source === undefined)).toBe(true);
    const rulesMeta = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
    const outputs = [JSON.stringify(results), JSON.stringify(index)];
    for (const name of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const format = await loadFormatter(name);
      if (format) outputs.push(format(results, { cwd: '/', color: false, rulesMeta }));
    }
    for (const out of outputs) for (const s of forbidden) expect(out, s).not.toContain(s);
  });
});
