// initEditor writes/merges .vscode/settings.json safely, and what it writes works in the real yaml-language-server.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_EDITOR_PATTERNS, INSTALLED_SCHEMA, InitEditorError, describeInitEditor, initEditor, stripJsonc } from '../../src/init-editor.js';
import { startYamlServer } from '../helpers/lsp-client.js';
import { REPO } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';
import type { YamlServer } from '../helpers/lsp-client.js';

const SCHEMA = join(REPO, 'schema/houston-values.schema.json');
const SETTINGS = '.vscode/settings.json';

/** A workspace with houston-lint installed as a dependency (its schema in node_modules). */
function workspace(files: Record<string, string> = {}): string {
  const dir = tempDir(files);
  mkdirSync(join(dir, 'node_modules/houston-lint/schema'), { recursive: true });
  copyFileSync(SCHEMA, join(dir, INSTALLED_SCHEMA));
  return dir;
}

const read = (dir: string) => readFileSync(join(dir, SETTINGS), 'utf8');
const settingsOf = (dir: string) => JSON.parse(read(dir)) as Record<string, unknown>;
const leftovers = (dir: string) => readdirSync(join(dir, '.vscode')).filter((f) => f !== 'settings.json');

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InitEditorError);
    return (err as Error).message;
  }
  throw new Error('expected initEditor to refuse');
}

describe('initEditor', () => {
  it('creates .vscode/settings.json mapping the installed schema to the values-file patterns', () => {
    const dir = workspace();
    const r = initEditor({ cwd: dir });
    expect(r).toMatchObject({ created: true, changed: true, schema: INSTALLED_SCHEMA, patterns: [...DEFAULT_EDITOR_PATTERNS], added: [...DEFAULT_EDITOR_PATTERNS], notes: [] });
    expect(r.settingsPath).toBe(join(dir, SETTINGS));
    expect(read(dir)).toBe(`{\n  "yaml.schemas": {\n    "${INSTALLED_SCHEMA}": [\n      "**/*values*.yaml",\n      "**/*values*.yml"\n    ]\n  }\n}\n`);
    expect(leftovers(dir)).toEqual([]);
    expect(describeInitEditor(r)).toEqual([`Created ${join(dir, SETTINGS)}: "yaml.schemas" maps ${INSTALLED_SCHEMA} to **/*values*.yaml, **/*values*.yml.`]);
  });

  it('keeps every other setting and the file indentation, and is idempotent', () => {
    const before = { 'editor.tabSize': 4, 'yaml.schemas': { 'https://json.schemastore.org/github-workflow.json': '.github/workflows/*.yml' }, 'files.exclude': { '**/.git': true } };
    const dir = workspace({ [SETTINGS]: JSON.stringify(before, null, 4) + '\n' });
    const r = initEditor({ cwd: dir, files: ['deploy/values.yaml'] });
    expect(r).toMatchObject({ created: false, changed: true, patterns: ['deploy/values.yaml'] });
    expect(settingsOf(dir)).toEqual({ ...before, 'yaml.schemas': { ...before['yaml.schemas'], [INSTALLED_SCHEMA]: ['deploy/values.yaml'] } });
    expect(read(dir)).toContain('\n    "editor.tabSize": 4,');
    const bytes = read(dir);
    const again = initEditor({ cwd: dir, files: ['deploy/values.yaml'] });
    expect(again).toMatchObject({ changed: false, added: [] });
    expect(describeInitEditor(again)[0]).toContain('nothing to do');
    expect(read(dir)).toBe(bytes);
  });

  it('adds patterns to an entry for the same schema, however its path is spelled', () => {
    const dir = workspace({ [SETTINGS]: JSON.stringify({ 'yaml.schemas': { [`./${INSTALLED_SCHEMA}`]: 'values.yaml' } }) });
    const r = initEditor({ cwd: dir });
    expect(r.schema).toBe(`./${INSTALLED_SCHEMA}`);
    expect(settingsOf(dir)['yaml.schemas']).toEqual({ [`./${INSTALLED_SCHEMA}`]: ['values.yaml', ...DEFAULT_EDITOR_PATTERNS] });
  });

  it('uses a given schema path (relative to the workspace) or URL', () => {
    const dir = tempDir({ 'schemas/houston.json': readFileSync(SCHEMA, 'utf8') });
    expect(initEditor({ cwd: dir, schemaPath: 'schemas/houston.json' }).schema).toBe('schemas/houston.json');
    const url = 'https://example.com/houston-values.schema.json';
    const other = tempDir({});
    expect(initEditor({ cwd: other, schemaPath: url, files: ['values.yaml'] }).schema).toBe(url);
    expect(settingsOf(other)['yaml.schemas']).toEqual({ [url]: ['values.yaml'] });
  });

  it('without the package installed it points at its own schema by absolute path, with a note', () => {
    const dir = tempDir({});
    const r = initEditor({ cwd: dir });
    expect(r.schema).toBe(SCHEMA);
    expect(r.notes.join(' ')).toMatch(/absolute path that only works on this machine; install houston-lint as a dev dependency/);
  });

  it('refuses a missing schema file or an unusable pattern, writing nothing', () => {
    const dir = tempDir({});
    expect(refusal(() => initEditor({ cwd: dir, schemaPath: 'nope.json' }))).toMatch(/the schema nope\.json does not exist/);
    expect(refusal(() => initEditor({ cwd: dir, schemaPath: SCHEMA, files: ['!values.yaml'] }))).toMatch(/not a usable file pattern/);
    expect(existsSync(join(dir, '.vscode'))).toBe(false);
  });

  it('refuses to rewrite a settings file with comments unless forced, and never loses settings', () => {
    const jsonc = '{\n  // my editor\n  "editor.tabSize": 2, /* two */\n  "url": "http://x//y", \n}\n';
    const dir = workspace({ [SETTINGS]: jsonc });
    const message = refusal(() => initEditor({ cwd: dir }));
    expect(message).toContain('has comments or trailing commas');
    expect(message).toContain(`"${INSTALLED_SCHEMA}": [`); // what to add by hand
    expect(read(dir)).toBe(jsonc);
    const r = initEditor({ cwd: dir, force: true });
    expect(r.notes.join(' ')).toMatch(/without its comments/);
    expect(settingsOf(dir)).toEqual({ 'editor.tabSize': 2, url: 'http://x//y', 'yaml.schemas': { [INSTALLED_SCHEMA]: [...DEFAULT_EDITOR_PATTERNS] } });
  });

  it('leaves a commented file alone when it already has the mapping', () => {
    const jsonc = `{\n  // mine\n  "yaml.schemas": { "${INSTALLED_SCHEMA}": ["**/*values*.yaml", "**/*values*.yml",], },\n}\n`;
    const dir = workspace({ [SETTINGS]: jsonc });
    expect(initEditor({ cwd: dir })).toMatchObject({ changed: false });
    expect(read(dir)).toBe(jsonc);
  });

  it('refuses invalid JSON even when forced', () => {
    const broken = '{ "editor.tabSize": 2, ';
    const dir = workspace({ [SETTINGS]: broken });
    expect(refusal(() => initEditor({ cwd: dir, force: true }))).toMatch(/is not valid JSON \(or JSON with comments\)/);
    expect(read(dir)).toBe(broken);
    const array = workspace({ [SETTINGS]: '[1]' });
    expect(refusal(() => initEditor({ cwd: array, force: true }))).toMatch(/does not hold a JSON object/);
  });

  it('does not take patterns from another schema unless forced', () => {
    const theirs = { 'yaml.schemas': { 'other.json': ['**/*values*.yaml', 'charts/**/values.yaml'], 'only.json': '**/*values*.yml' } };
    const dir = workspace({ [SETTINGS]: JSON.stringify(theirs), 'other.json': '{}', 'only.json': '{}' });
    expect(refusal(() => initEditor({ cwd: dir }))).toMatch(/"\*\*\/\*values\*\.yaml" already maps to the schema "other\.json"/);
    expect(settingsOf(dir)).toEqual(theirs);
    const r = initEditor({ cwd: dir, force: true });
    expect(r.removed).toEqual([
      { schema: 'other.json', patterns: ['**/*values*.yaml'] },
      { schema: 'only.json', patterns: ['**/*values*.yml'] },
    ]);
    expect(settingsOf(dir)['yaml.schemas']).toEqual({ 'other.json': ['charts/**/values.yaml'], [INSTALLED_SCHEMA]: [...DEFAULT_EDITOR_PATTERNS] });
    expect(describeInitEditor(r)).toContain('Took **/*values*.yaml away from the schema other.json.');
  });

  it('replaces a yaml.schemas that is not an object only when forced', () => {
    const dir = workspace({ [SETTINGS]: '{"yaml.schemas": "oops"}' });
    expect(refusal(() => initEditor({ cwd: dir }))).toMatch(/is not an object/);
    initEditor({ cwd: dir, force: true });
    expect(settingsOf(dir)['yaml.schemas']).toEqual({ [INSTALLED_SCHEMA]: [...DEFAULT_EDITOR_PATTERNS] });
  });

  it('writes through a symlinked settings.json and keeps its mode', () => {
    const dir = workspace({ 'shared/settings.json': '{"a": 1}\n' });
    mkdirSync(join(dir, '.vscode'));
    symlinkSync(join(dir, 'shared/settings.json'), join(dir, SETTINGS));
    const mode = statSync(join(dir, 'shared/settings.json')).mode & 0o777;
    initEditor({ cwd: dir });
    expect(lstatSync(join(dir, SETTINGS)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, SETTINGS))).toBe(join(dir, 'shared/settings.json'));
    expect(JSON.parse(readFileSync(join(dir, 'shared/settings.json'), 'utf8'))).toMatchObject({ a: 1, 'yaml.schemas': { [INSTALLED_SCHEMA]: [...DEFAULT_EDITOR_PATTERNS] } });
    expect(statSync(join(dir, 'shared/settings.json')).mode & 0o777).toBe(mode);
    expect(readdirSync(join(dir, 'shared'))).toEqual(['settings.json']);
  });

  it('reports a failed write as a refusal and leaves no temporary file', () => {
    const dir = workspace({ '.vscode': 'a file, not a directory' });
    expect(refusal(() => initEditor({ cwd: dir }))).toMatch(/cannot write/);
    expect(readFileSync(join(dir, '.vscode'), 'utf8')).toBe('a file, not a directory');
    expect(readdirSync(dir).sort()).toEqual(['.vscode', 'node_modules']);
  });
});

describe('stripJsonc', () => {
  it('drops comments and trailing commas outside strings only', () => {
    expect(JSON.parse(stripJsonc('{"a": "/* not */ // a comment", /* x */ "b": [1, 2,], // end\n}')!)).toEqual({ a: '/* not */ // a comment', b: [1, 2] });
    expect(JSON.parse(stripJsonc('{"q": "say \\"hi\\", // ok",}')!)).toEqual({ q: 'say "hi", // ok' });
    expect(stripJsonc('{"a": 1 /* open')).toBeUndefined();
    expect(stripJsonc('{"a": "open')).toBeUndefined();
  });
});

describe('the written settings in the real yaml-language-server', () => {
  let server: YamlServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('validates values files matched by the patterns, by the workspace-relative schema path', async () => {
    const dir = workspace();
    initEditor({ cwd: dir });
    const written = settingsOf(dir);
    server = await startYamlServer({
      rootUri: pathToFileURL(dir).href,
      yaml: { schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, validate: true, schemas: written['yaml.schemas'] as Record<string, unknown> },
    });
    const bad = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          flow: impicit\n';
    const uri = (p: string) => pathToFileURL(join(dir, p)).href;
    const [prod, plain, yml] = await Promise.all([server.open(uri('deploy/prod-values.yaml'), bad), server.open(uri('deploy/other.yaml'), bad), server.open(uri('values.yml'), bad)]);
    expect(prod.map((d) => d.message)).toEqual(['Value is not accepted. Valid values: "implicit", "code".']);
    expect(yml.map((d) => d.message)).toEqual(['Value is not accepted. Valid values: "implicit", "code".']);
    expect(plain).toEqual([]); // not a values file: no schema
  });
});
