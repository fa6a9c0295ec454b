// The linter executes nothing from linted files, reads only what it is given, and --fix writes only those files, atomically.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/apply-fixes.js';
import { lintText } from '../../src/linter.js';
import { loadValues } from '../../src/load-values.js';
import { bin, cli } from '../helpers/cli.js';
import { HOUSTON_WITH_FINDING } from '../helpers/hostile.js';
import { REPO } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const isRoot = process.getuid?.() === 0;
const BIN = join(REPO, 'bin/houston-lint.cjs');

/** Modules that leave a marker file beside themselves when anything loads or runs them. */
const EVIL = {
  'evil.js': "require('fs').writeFileSync(__dirname + '/MARKER-js', 'loaded');\n",
  'evil.cjs': "require('fs').writeFileSync(__dirname + '/MARKER-cjs', 'loaded');\n",
  'evil.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./MARKER-mjs', import.meta.url), 'loaded');\n",
};
const MARKERS = ['MARKER-js', 'MARKER-cjs', 'MARKER-mjs', 'MARKER-tag', 'MARKER-py'];

/** A values file that names the modules every way a loader might follow, and carries the tags unsafe loaders execute. */
const VALUES = `require: ./evil.js
import: ./evil.mjs
extends: ./evil.cjs
plugins: [./evil.js, ./evil.cjs, ./evil.mjs]
$ref: ./evil.js
astronomer:
  houston:
    config:
      require: ./evil.cjs
      plugins: {p: ./evil.mjs}
      auth:
        openidConnect:
          okta:
            enabled: true
            clientId: "0oa1"
            discoveryUrl: !!js/function "function () { require('fs').writeFileSync('MARKER-tag', 'x') }"
            displayName: !!python/object/apply:os.system ["touch MARKER-py"]
            claimsMapping: !<tag:yaml.org,2002:js/undefined> ""
            authUrlParams: !!js/regexp /x/
        github: !!python/object:__main__.Evil {enabled: false}
`;

/** Every file under `dir` with its bytes, mode and mtime. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const st = statSync(path);
    out.set(name, st.isFile() ? `${st.mode}:${st.mtimeMs}:${readFileSync(path).toString('base64')}` : `dir:${st.mode}`);
  }
  return out;
}

describe('nothing from a linted file is executed or loaded', () => {
  it('the marker modules do write their markers when something runs them (so the test can fail)', () => {
    const dir = tempDir(EVIL);
    for (const f of Object.keys(EVIL)) expect(spawnSync(process.execPath, [join(dir, f)]).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('MARKER')).sort()).toEqual(['MARKER-cjs', 'MARKER-js', 'MARKER-mjs']);
  });

  it('linting (in-process and as a process, with --fix) loads none of the named modules and runs no tag', async () => {
    const dir = tempDir({ ...EVIL, 'values.yaml': VALUES });
    const inProcess = await cli(['values.yaml', '--format', 'json'], { cwd: dir });
    expect(inProcess.code).toBe(1); // the okta block has findings; the tags are plain strings
    const spawned = bin(['.', '--fix'], { cwd: dir });
    expect([0, 1]).toContain(spawned.code);
    expect(spawnSync(process.execPath, [BIN, 'values.yaml', '--fix-dry-run', '--format', 'sarif'], { cwd: dir }).status).not.toBe(2);
    for (const m of MARKERS) expect(existsSync(join(dir, m)), m).toBe(false);
    for (const m of MARKERS) expect(existsSync(join(REPO, m)), m).toBe(false);
  });

  it('custom tags are inert: tagged nodes load as their plain scalar or map, never as functions or objects', () => {
    const { values, problems } = loadValues('values.yaml', VALUES);
    expect(problems.filter((p) => p.fatal)).toEqual([]);
    const okta = (values as { astronomer: { houston: { config: { auth: { openidConnect: { okta: Record<string, unknown> } } } } } }).astronomer.houston.config.auth.openidConnect.okta;
    expect(okta['discoveryUrl']).toBe("function () { require('fs').writeFileSync('MARKER-tag', 'x') }");
    expect(okta['displayName']).toEqual(['touch MARKER-py']);
    expect(okta['claimsMapping']).toBe('');
    expect(okta['authUrlParams']).toBe('/x/');
    const leaves: unknown[] = [];
    const walk = (v: unknown): void => {
      if (v !== null && typeof v === 'object') {
        expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(v));
        Object.values(v).forEach(walk);
      } else leaves.push(v);
    };
    walk(values);
    for (const leaf of leaves) expect(['string', 'number', 'boolean', 'object']).toContain(typeof leaf); // object: null
  });
});

describe('reads only the files it is given', () => {
  // Node's permission model enforces it: reads outside the allowed paths throw. The package itself is allowed
  // (code, schema, package.json); of the temporary directory, only the file being linted. Configuration lookup is
  // off here because it reads candidate config files by design (see SECURITY.md).
  const node = (allow: string[], args: string[]) =>
    spawnSync(process.execPath, ['--experimental-permission', '--no-warnings', `--allow-fs-read=${REPO}/*`, ...allow.map((a) => `--allow-fs-read=${a}`), BIN, '--no-config-lookup', ...args], { cwd: REPO, encoding: 'utf8' });

  it('lints a file when only that file (and the package) may be read, with other files beside it', () => {
    const dir = tempDir({ ...EVIL, 'values.yaml': HOUSTON_WITH_FINDING, 'other.yaml': 'a: [\n', 'secrets.env': 'TOKEN=x\n' });
    const r = node([join(dir, 'values.yaml')], ['--format', 'json', join(dir, 'values.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['schema@6']);
  });

  it('(control) fails when even that file may not be read, so the permission model is really on', () => {
    const dir = tempDir({ 'values.yaml': HOUSTON_WITH_FINDING });
    const r = node([], [join(dir, 'values.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^houston-lint: cannot read/);
  });
});

describe('--fix writes only the files it lints, atomically', () => {
  const FIXABLE = 'astronomer:\n  houston:\n    config:\n      publicSignups: yes\n      auth:\n        local:\n          enabled: yes\n';

  it('changes the linted file (mode kept) and nothing else in its directory, and leaves no temporary file', async () => {
    const dir = tempDir({ ...EVIL, 'values.yaml': FIXABLE, 'other.yaml': FIXABLE, 'notes.txt': 'keep', 'sub/deep.yaml': FIXABLE });
    chmodSync(join(dir, 'values.yaml'), 0o640);
    const expected = fixText(FIXABLE, (t) => lintText(t, { filePath: join(dir, 'values.yaml') })).output;
    expect(expected).toBeDefined();
    const before = snapshot(dir);
    const r = await cli(['values.yaml', '--fix', '--no-config-lookup'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    const after = snapshot(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, state] of before) if (name !== 'values.yaml') expect(after.get(name), name).toBe(state);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(expected);
    expect(statSync(join(dir, 'values.yaml')).mode & 0o777).toBe(0o640);
  });

  it('when the write fails, the file is unchanged, no temporary file remains and the exit code is 2', () => {
    // As root a read-only directory does not stop a write, so the failure comes from RLIMIT_FSIZE = 0: creating the
    // temporary file succeeds, writing a byte fails with EFBIG (SIGXFSZ ignored so the process sees the error).
    const dir = tempDir({ 'values.yaml': FIXABLE, 'other.yaml': FIXABLE });
    const before = snapshot(dir);
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 0; exec "${process.execPath}" "${BIN}" values.yaml --fix --no-config-lookup`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^houston-lint: cannot write the fixes to "[^"]*values\.yaml": EFBIG; the file is unchanged\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(isRoot)('in a read-only directory (not as root): unchanged, no temporary file, exit 2', async () => {
    const dir = tempDir({ 'ro/values.yaml': FIXABLE });
    chmodSync(join(dir, 'ro'), 0o555);
    const before = snapshot(dir);
    const r = await cli(['ro/values.yaml', '--fix', '--no-config-lookup'], { cwd: dir });
    chmodSync(join(dir, 'ro'), 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the fixes .*EACCES; the file is unchanged/);
    expect(snapshot(dir)).toEqual(before);
  });

  // REPORTED: writeFileAtomic renames its temporary file over the path it is given, so a symlinked values file
  // becomes a regular file with the fixes while the real file keeps the old text. Writing to the link's target
  // (as npm's write-file-atomic does, via realpath) would keep the link. Flip to `it` once fixed.
  it('--fix through a symlink fixes the file it points to and keeps the link', async () => {
    const dir = tempDir({ 'real.yaml': FIXABLE });
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const r = await cli(['link.yaml', '--fix', '--no-config-lookup'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).not.toBe(FIXABLE);
  });

  it('never writes a file it could not read as YAML, and never writes stdin anywhere', async () => {
    const dir = tempDir({ 'broken.yaml': `${FIXABLE}bad: [\n` });
    const before = snapshot(dir);
    const r = await cli(['broken.yaml', '--fix', '--no-config-lookup'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    const stdin = await cli(['-', '--fix'], { cwd: dir, stdin: FIXABLE });
    expect(stdin.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });
});
