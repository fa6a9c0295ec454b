// CLI acceptance: inputs, exit codes, the ESLint JSON shape, stylish output and failures without stack traces.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli } from './helpers/cli.js';
import { REPO } from './helpers/paths.js';

const EXAMPLE = 'fixtures/examples/values.yaml';
const CLEAN = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n';
const WARN_ONLY = 'a: 1\n---\nb: 2\n';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'houston-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('exit codes', () => {
  it('exits 1 on errors and 0 on a clean file', async () => {
    expect((await cli([EXAMPLE])).code).toBe(1);
    const dir = tempDir({ 'clean.yaml': CLEAN });
    const clean = await cli(['clean.yaml'], { cwd: dir });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  it('exits 0 with warnings only, 1 over --max-warnings', async () => {
    const dir = tempDir({ 'w.yaml': WARN_ONLY });
    expect((await cli(['w.yaml'], { cwd: dir })).code).toBe(0);
    expect((await cli(['w.yaml', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    const over = await cli(['w.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('too many warnings (maximum: 0, found: 1)');
  });
  it('exits 2 with a one-line message for usage and input errors', async () => {
    for (const args of [['--bogus'], ['missing.yaml'], ['--rule', 'nope:error', EXAMPLE], ['--rule', 'schema:loud', EXAMPLE], ['--max-warnings', 'x', EXAMPLE], [], ['fixtures/**/*.nothing']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^houston-lint: [^\n]+\n$/);
      expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
  it('exits 1 on a YAML syntax error, with a finding at its position', async () => {
    const r = await cli(['-', '--format', 'json'], { stdin: 'astronomer:\n  houston: [\n' });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout);
    expect(result.messages[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 2, line: expect.any(Number), column: expect.any(Number) });
    expect(result.fatalErrorCount).toBeGreaterThan(0);
  });
  it('the real bin sets the process exit code and prints no stack trace', () => {
    expect(bin([EXAMPLE]).code).toBe(1);
    const missing = bin(['nope/missing.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('houston-lint: cannot read "nope/missing.yaml": no such file or directory\n');
    expect(bin(['-'], { stdin: CLEAN }).code).toBe(0);
  });
});

describe('inputs', () => {
  it('reads stdin named by --stdin-filename', async () => {
    const r = await cli(['-', '--stdin-filename', 'prod/values.yaml', '--format', 'json'], { stdin: 'astronomer:\n  houston:\n    config:\n      auth:\n        bogus: 1\n' });
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe('prod/values.yaml');
    expect(result.messages[0]).toMatchObject({ ruleId: 'unknown-key', line: 5, column: 9, path: 'astronomer.houston.config.auth.bogus' });
  });
  it('finds *.yaml and *.yml in directories, and expands globs, in sorted order', async () => {
    const dir = tempDir({ 'b/values.yml': CLEAN, 'a/values.yaml': CLEAN, 'a/notes.txt': 'x', 'node_modules/x.yaml': 'a: [' });
    const r = await cli(['.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'a/values.yaml'), join(dir, 'b/values.yml')]);
    const g = await cli(['**/*.yml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(g.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'b/values.yml')]);
  });
  it('reads UTF-16 files with a byte-order mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'houston-lint-'));
    writeFileSync(join(dir, 'u16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('astronomer:\n  houston:\n    config:\n      auth:\n        bogus: 1\n', 'utf16le')]));
    const r = await cli(['u16.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].messages[0]).toMatchObject({ ruleId: 'unknown-key', line: 5, column: 9 });
  });
});

describe('output', () => {
  it('prints ESLint JSON', async () => {
    const r = await cli([EXAMPLE, '--format', 'json']);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(Object.keys(result).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'warningCount'].sort(),
    );
    expect(result.filePath).toBe(join(REPO, EXAMPLE));
    for (const m of result.messages) {
      expect(m).toEqual(
        expect.objectContaining({
          ruleId: expect.any(String),
          severity: expect.any(Number),
          message: expect.any(String),
          line: expect.any(Number),
          column: expect.any(Number),
          endLine: expect.any(Number),
          endColumn: expect.any(Number),
          path: expect.stringMatching(/^astronomer\.houston\./),
        }),
      );
    }
    expect(result.errorCount).toBe(result.messages.filter((m: { severity: number }) => m.severity === 2).length);
  });
  it('prints stylish output grouped by file with a summary', async () => {
    const r = await cli([EXAMPLE]);
    expect(r.stdout).toMatchSnapshot();
  });
  it('colours stylish output on a TTY and not otherwise', async () => {
    expect((await cli([EXAMPLE], { isTTY: true })).stdout).toContain('\u001b[');
    expect((await cli([EXAMPLE])).stdout).not.toContain('\u001b[');
    expect((await cli([EXAMPLE, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });
  it('--quiet hides warnings; --rule changes severities', async () => {
    const dir = tempDir({ 'w.yaml': WARN_ONLY });
    expect((await cli(['w.yaml', '--quiet'], { cwd: dir })).stdout).toBe('');
    const asError = await cli(['w.yaml', '--rule', 'multi-document:error', '--format', 'json'], { cwd: dir });
    expect(asError.code).toBe(1);
    expect(JSON.parse(asError.stdout)[0].messages[0]).toMatchObject({ ruleId: 'multi-document', severity: 2 });
    const bad = tempDir({ 'bad.yaml': 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: "yes"\n          enabeld: true\n' });
    expect((await cli(['bad.yaml'], { cwd: bad })).code).toBe(1);
    const off = await cli(['bad.yaml', '--rule', 'schema:off', '--rule', 'unknown-key:off'], { cwd: bad });
    expect(off).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  it('writes several formats in one run: one to stdout, the others to files', async () => {
    const dir = tempDir({ 'v.yaml': 'astronomer:\n  houston:\n    config:\n      auth:\n        bogus: 1\n' });
    const r = await cli(['v.yaml', '--format', 'stylish', '--format', 'json', '-o', 'json=out/results.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown-key');
    expect(JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8'))[0].messages[0].ruleId).toBe('unknown-key');
    const bare = await cli(['v.yaml', '--format', 'json', '-o', 'single.json'], { cwd: dir });
    expect(bare.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8'))).toHaveLength(1);
  });
  it('rejects output combinations that cannot work', async () => {
    for (const args of [['--format', 'json', '--format', 'stylish'], ['--format', 'nope'], ['--format', 'json', '-o', 'stylish=x.txt'], ['--format', 'json', '--format', 'json']]) {
      const r = await cli([EXAMPLE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^houston-lint: [^\n]+\n$/);
    }
  });
  it('`schema` prints the JSON Schema', async () => {
    const r = await cli(['schema']);
    expect(JSON.parse(r.stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
  });
  it('--list-rules prints every rule with its severity', async () => {
    const r = await cli(['--list-rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^unknown-key\s+error\s+suggest\s+/m);
  });
});

describe('init-editor', () => {
  it('writes the schema mapping into .vscode/settings.json', async () => {
    const dir = tempDir({ 'values.yaml': 'a: 1\n', 'schemas/houston.json': '{}' });
    const r = await cli(['init-editor', '--schema', 'schemas/houston.json'], { cwd: dir });
    expect(r.code).toBe(0);
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual({ 'schemas/houston.json': ['**/*values*.yaml', '**/*values*.yml'] });
  });
  it('refuses to destroy a settings file with comments (exit 2)', async () => {
    const dir = tempDir({ '.vscode/settings.json': '{\n  // mine\n  "editor.tabSize": 2\n}\n' });
    const r = await cli(['init-editor'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toContain('// mine');
  });
});
