// The editor (yaml-language-server + the schema) and houston-lint's schema/unknown-key agree on what is invalid.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { lintText } from '../../src/linter.js';
import { NETWORK_MARKER, startYamlServer } from '../helpers/lsp-client.js';
import { CORPUS_REAL, FIXTURES, REPO } from '../helpers/paths.js';
import type { RulesConfig } from '../../src/linter.js';
import type { LspDiagnostic, YamlServer, YamlSettings } from '../helpers/lsp-client.js';

const SCHEMA_URI = pathToFileURL(join(REPO, 'schema/houston-values.schema.json')).href;
const SETTINGS: YamlSettings = {
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
  validate: true,
  hover: true,
  completion: true,
  yamlVersion: '1.1', // Helm reads YAML 1.1 (`yes`/`no` are booleans)
  schemas: { [SCHEMA_URI]: ['*.yaml'] },
};

/** Only the schema-level rules run; every other rule id from rules/index.ts is off. */
const ONLY_SCHEMA: RulesConfig = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === 'schema' || r.meta.id === 'unknown-key' ? 'error' : 'off']));

interface Verdicts {
  editor: boolean;
  houstonLint: boolean;
}

/**
 * Files whose verdicts differ, with the reason (each is explained in docs/editor.md, "Known differences").
 * `true` means "reports a schema problem".
 */
const KNOWN_FILE_DIFFERENCES: Record<string, Verdicts & { reason: string }> = {};

let server: YamlServer;
let docs = 0;

beforeAll(async () => {
  server = await startYamlServer({ yaml: SETTINGS });
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

async function editorVerdict(text: string): Promise<{ invalid: boolean; diagnostics: LspDiagnostic[] }> {
  const uri = `file:///houston-lint-parity/${++docs}/values.yaml`;
  const diagnostics = (await server.open(uri, text)).filter((d) => d.source?.startsWith('yaml-schema'));
  server.close(uri);
  return { invalid: diagnostics.length > 0, diagnostics };
}

function houstonLintVerdict(text: string, filePath = 'values.yaml'): { invalid: boolean; parses: boolean; messages: string[] } {
  const result = lintText(text, { filePath, rules: ONLY_SCHEMA });
  const schema = result.messages.filter((m) => m.ruleId === 'schema' || m.ruleId === 'unknown-key');
  const others = result.messages.filter((m) => !['schema', 'unknown-key', 'yaml-syntax'].includes(m.ruleId));
  if (others.length > 0) throw new Error(`a rule other than schema/unknown-key ran: ${others.map((m) => m.ruleId).join(', ')}`);
  return { invalid: schema.length > 0, parses: !result.messages.some((m) => m.ruleId === 'yaml-syntax'), messages: schema.map((m) => `${m.line}: ${m.message}`) };
}

describe('verdict parity on the fixtures and the real corpus', () => {
  const files = [
    ...globSync('**/*.yaml', { cwd: FIXTURES, absolute: true }).map((f) => ({ name: `fixtures/${relative(FIXTURES, f)}`, path: f })),
    ...readdirSync(CORPUS_REAL)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ name: `corpus/${f}`, path: join(CORPUS_REAL, f) })),
  ].sort((a, b) => a.name.localeCompare(b.name));

  it('every file that parses has the same verdict, except the listed, explained differences', async () => {
    const all = files.map((f) => ({ ...f, text: readFileSync(f.path, 'utf8') })).map((f) => ({ ...f, lint: houstonLintVerdict(f.text, f.path) }));
    const compared = all.filter((f) => f.lint.parses);
    // of the corpus, only the four non-YAML snippets and the Go template are left out (INDEX.md)
    const skipped = all.filter((f) => !f.lint.parses && f.name.startsWith('corpus/')).map((f) => f.name.slice(7, 10));
    // 049 (shell lines) is one plain string at the top level: valid YAML, but a values file Helm refuses.
    expect(skipped).toEqual(['018', '029', '030', '033', '049', '059']);
    const editor = await Promise.all(compared.map((f) => editorVerdict(f.text)));
    const differences: Record<string, Verdicts> = {};
    const detail: string[] = [];
    compared.forEach((f, i) => {
      const e = editor[i]!;
      if (e.invalid === f.lint.invalid) return;
      differences[f.name] = { editor: e.invalid, houstonLint: f.lint.invalid };
      detail.push(`${f.name}\n  editor: ${e.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | ') || '-'}\n  houston-lint: ${f.lint.messages.join(' | ') || '-'}`);
    });
    const expected = Object.fromEntries(Object.entries(KNOWN_FILE_DIFFERENCES).map(([name, { editor: ed, houstonLint }]) => [name, { editor: ed, houstonLint }]));
    expect(differences, `verdicts differ:\n${detail.join('\n')}`).toEqual(expected);
    // the comparison is not vacuous: both sides find problems in some files and agree on them
    const bothInvalid = compared.filter((f, i) => f.lint.invalid && editor[i]!.invalid).map((f) => f.name);
    expect(bothInvalid.length).toBeGreaterThanOrEqual(4);
  });
});

const H = (auth: string) => `astronomer:\n  houston:\n    config:\n      auth:\n${auth}`;

/** Cases where both must agree: the main error classes of the schema. */
const AGREE: Record<string, [text: string, invalid: boolean]> = {
  'string enabled': [H('        openidConnect:\n          okta:\n            enabled: "false"\n'), true],
  'flow enum': [H('        openidConnect:\n          flow: impicit\n'), true],
  'flow code': [H('        openidConnect:\n          flow: code\n'), false],
  'provider under auth': [H('        okta:\n          enabled: true\n'), true],
  'misspelt provider key': [H('        openidConnect:\n          okta:\n            discoveryURL: https://x\n'), true],
  'free-form provider': [H('        openidConnect:\n          cognito:\n            enabled: true\n'), false],
  'secret as a map': ['astronomer:\n  houston:\n    secret:\n      envName: X\n      secretName: s\n', true],
  'secret without secretName': ['astronomer:\n  houston:\n    secret:\n      - envName: X\n', true],
  'env value map': ['astronomer:\n  houston:\n    env:\n      - name: X\n        value: {a: 1}\n', true],
  'numeric clientId': [H('        openidConnect:\n          okta:\n            clientId: 0777\n'), true],
  'YAML 1.1 yes/off': [H('        local:\n          enabled: yes\n        github:\n          enabled: off\n'), false],
  'merge key': [`base: &b\n  enabled: true\n${H('        local:\n          <<: *b\n')}`, false],
  'subchart file': ['houston:\n  config:\n    auth:\n      okta: {}\n', true],
  'global.baseDomain number': ['global:\n  baseDomain: 3\n', true],
  'publicSignups string': ['astronomer:\n  houston:\n    config:\n      publicSignups: "true"\n', true],
  'timestamp stays a string': [H('        openidConnect:\n          okta:\n            clientId: 2001-12-14\n'), false],
  'other chart keys unchecked': ['nginx:\n  whatever: 1\nastronomer:\n  commander: {a: 1}\n', false],
};

/**
 * The known differences (docs/editor.md, "Known differences"), each shown on a minimal file.
 * `true` means "reports a schema problem".
 */
const DIFFER: Record<string, [text: string, expected: Verdicts]> = {
  'near-miss provider key (`micrsoft`)': [H('        openidConnect:\n          micrsoft:\n            enabled: true\n'), { editor: false, houstonLint: true }],
  'a second houston section': ['astronomer:\n  houston:\n    config: {}\nhouston:\n  config:\n    auth:\n      okta: {}\n', { editor: true, houstonLint: false }],
  'later YAML documents': ['astronomer:\n  houston: {}\n---\nastronomer:\n  houston:\n    config:\n      auth:\n        bogus: 1\n', { editor: true, houstonLint: false }],
  'duplicate key, first value wrong': [H('        local:\n          enabled: "x"\n          enabled: true\n'), { editor: true, houstonLint: false }],
  'duplicate key, last value wrong': [H('        local:\n          enabled: true\n          enabled: "x"\n'), { editor: false, houstonLint: true }],
  'root not a map': ['- a\n- b\n', { editor: true, houstonLint: false }],
  '`astronomer` not a map': ['astronomer: 3\n', { editor: true, houstonLint: false }],
  'sexagesimal `1:20`': [H('        openidConnect:\n          okta:\n            clientId: 1:20\n'), { editor: true, houstonLint: false }],
  '`.inf` / `.nan` for a string': [H('        openidConnect:\n          okta:\n            clientId: .inf\n'), { editor: true, houstonLint: false }],
  '`.nan` for a number': [H('        openidConnect:\n          clockTolerance: .nan\n'), { editor: false, houstonLint: true }],
  'null key `~:`': [H('        local:\n          ~: true\n'), { editor: false, houstonLint: true }],
};

describe('minimal cases', () => {
  it('agree on the main error classes', async () => {
    const got = await Promise.all(Object.entries(AGREE).map(async ([name, [text]]) => [name, { editor: (await editorVerdict(text)).invalid, houstonLint: houstonLintVerdict(text).invalid }] as const));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(Object.entries(AGREE).map(([name, [, invalid]]) => [name, { editor: invalid, houstonLint: invalid }])));
  });

  it('differ exactly as docs/editor.md explains', async () => {
    const got = await Promise.all(Object.entries(DIFFER).map(async ([name, [text]]) => [name, { editor: (await editorVerdict(text)).invalid, houstonLint: houstonLintVerdict(text).invalid }] as const));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(Object.entries(DIFFER).map(([name, [, expected]]) => [name, expected])));
  });

  it('docs/editor.md lists every known difference', () => {
    const doc = readFileSync(join(REPO, 'docs/editor.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Known differences'));
    for (const name of [...Object.keys(DIFFER), ...Object.keys(KNOWN_FILE_DIFFERENCES).map((f) => f.replace(/^\w+\//, ''))]) expect(section, name).toContain(name);
  });

  it('with the default YAML 1.2, `yes` is a string to the editor (why yamlVersion 1.1 is needed)', async () => {
    const text = H('        local:\n          enabled: yes\n');
    expect(houstonLintVerdict(text).invalid).toBe(false);
    await server.configure({ ...SETTINGS, yamlVersion: undefined });
    const { diagnostics } = await editorVerdict(text);
    expect(diagnostics.map((d) => d.message)).toEqual(['Incorrect type. Expected "boolean".']);
    await server.configure(SETTINGS);
    expect((await editorVerdict(text)).invalid).toBe(false);
  });

  it('used no network', () => {
    expect(server.stderr()).not.toContain(NETWORK_MARKER);
  });
});
