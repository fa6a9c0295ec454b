// Inputs that cannot be linted: unreadable paths, special files, empty directories and globs, broken configuration → exit 2, one line.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, MAX_FILE_BYTES, readSource } from '../../src/read-inputs.js';
import { cli } from '../helpers/cli.js';
import { HOUSTON_WITH_FINDING } from '../helpers/hostile.js';
import { REPO } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const isRoot = process.getuid?.() === 0;
const ONE_LINE = /^houston-lint: [^\n]+\n$/;
const STACK = /\n\s+at .+[:(]/;

async function fails(args: string[], cwd: string, message: RegExp): Promise<void> {
  const r = await cli(args, { cwd });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(ONE_LINE);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).toMatch(message);
}

describe('unreadable paths', () => {
  // Root reads a mode-000 file anyway (CAP_DAC_OVERRIDE), so this case only means something for other users;
  // the cases below make the read fail in ways that hold for root too.
  it.skipIf(isRoot)('a file without read permission (mode 000)', async () => {
    const dir = tempDir({ 'locked.yaml': HOUSTON_WITH_FINDING });
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    await fails(['locked.yaml'], dir, /cannot read ".*locked\.yaml": permission denied/);
  });
  it('a dangling symlink named on the command line (one found while searching a directory is passed over)', async () => {
    const dir = tempDir({ 'ok/values.yaml': HOUSTON_WITH_FINDING });
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'broken.yaml'));
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'ok', 'broken.yaml'));
    await fails(['broken.yaml'], dir, /cannot read "broken\.yaml": no such file or directory/);
    const searched = await cli(['ok', '--format', 'json', '--no-config-lookup'], { cwd: dir });
    expect(searched.code).toBe(1);
    expect(JSON.parse(searched.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([join(dir, 'ok', 'values.yaml')]);
  });
  it('a symlink loop', async () => {
    const dir = tempDir({});
    symlinkSync(join(dir, 'loop.yaml'), join(dir, 'loop.yaml'));
    await fails(['loop.yaml'], dir, /cannot read "loop\.yaml"/);
  });
  it('a path through a file, as if it were a directory', async () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING });
    await fails(['values.yaml/inner.yaml'], dir, /cannot read "values\.yaml\/inner\.yaml"/);
  });
  it('a device instead of a file', async () => {
    await fails(['/dev/null'], REPO, /cannot read "\/dev\/null": it is not a regular file/);
  });
  it('a file larger than any values file is refused before it is read', async () => {
    const dir = tempDir({});
    const fd = openSync(join(dir, 'huge.yaml'), 'w');
    closeSync(fd);
    spawnSync('truncate', ['-s', String(MAX_FILE_BYTES + 1), join(dir, 'huge.yaml')]); // sparse: nothing is written
    await fails(['huge.yaml'], dir, /cannot read ".*huge\.yaml": it is larger than 128 MiB/);
  });
  it('readSource names the reason for a directory', () => {
    const dir = tempDir({});
    expect(() => readSource(dir)).toThrow(InputError);
    expect(() => readSource(dir)).toThrow(/it is a directory/);
  });
});

describe('nothing to lint', () => {
  it('a directory without values files (a directory named like one does not count)', async () => {
    const dir = tempDir({ 'notes.txt': 'x', 'values.json': '{}' });
    mkdirSync(join(dir, 'sub.yaml'));
    await fails(['.'], dir, /no \*\.yaml or \*\.yml files found in directory "\."/);
  });
  it('a glob that matches nothing', async () => {
    const dir = tempDir({ 'values.yml': HOUSTON_WITH_FINDING });
    await fails(['**/*.nothing.yaml'], dir, /no files match the pattern/);
  });
  it('a missing file among good ones stops the run before any output', async () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING });
    await fails(['values.yaml', 'missing.yaml'], dir, /cannot read "missing\.yaml": no such file or directory/);
  });
});

describe('broken configuration', () => {
  it('a JavaScript config that throws: one line naming the file, no stack trace (the stack only with --debug)', async () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING, '.houston-lintrc.cjs': "throw new Error('config exploded');\n" });
    await fails(['values.yaml'], dir, /\.houston-lintrc\.cjs: config exploded/);
    const debug = await cli(['values.yaml', '--debug'], { cwd: dir });
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toMatch(/^houston-lint: .*config exploded/);
  });
  it('a config file that is not valid JSON or YAML', async () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING, '.houston-lintrc.json': '{"rules": {' });
    await fails(['values.yaml'], dir, /\.houston-lintrc\.json/);
    const yaml = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING, '.houston-lintrc.yaml': 'rules: [\n' });
    await fails(['values.yaml'], yaml, /\.houston-lintrc\.yaml/);
  });
  it('--config naming a missing file or a directory', async () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING });
    mkdirSync(join(dir, 'conf'));
    await fails(['values.yaml', '--config', 'missing.json'], dir, /missing\.json/);
    await fails(['values.yaml', '--config', 'conf'], dir, /conf/);
  });
});

describe('real processes', () => {
  it('reads a FIFO, as `houston-lint <(helm get values …)` passes one', () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING });
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${join(REPO, 'bin/houston-lint.cjs')}" --no-config-lookup --format json <(cat values.yaml)`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toContain('schema@6');
  });
  it('reports stdin that is not UTF-8 as a finding, not a crash', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'bin/houston-lint.cjs'), '-', '--format', 'json', '--no-config-lookup'], {
      input: Buffer.concat([Buffer.from('astronomer:\n  houston: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
      encoding: 'utf8',
      cwd: REPO,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const [result] = JSON.parse(r.stdout);
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 2, column: 12, message: expect.stringMatching(/not UTF-8 text: byte 0xC3/) })]);
  });
  it('a values file whose name is hostile is shown, not interpreted', async () => {
    const dir = tempDir({});
    const name = 'a\nb %0A ::error::x $(touch pwned).yaml';
    writeFileSync(join(dir, name), HOUSTON_WITH_FINDING);
    const r = await cli(['.', '--format', 'json', '--no-config-lookup'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].filePath).toBe(join(dir, name));
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(REPO, 'pwned'))).toBe(false);
  });
});
