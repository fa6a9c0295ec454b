// The real pre-commit (Debian's package) installs and runs .pre-commit-hooks.yaml from a snapshot of this working tree.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './helpers/paths.js';

/** The first install runs `npm install` (dev dependencies too) and the build twice: minutes on a slow registry. */
const INSTALL_TIMEOUT = 15 * 60_000;
const RUN_TIMEOUT = 5 * 60_000;
const MISSING = 'pre-commit and git must be on PATH for this test: .ci/run installs them (apt-get install pre-commit git); locally `apt-get install pre-commit` or `pipx install pre-commit`';

const GOOD = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n';
const BAD = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: "false"\n';
const FIXABLE = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: yes\n';
const FIXED = FIXABLE.replace('enabled: yes', 'enabled: true');
const BAD_MESSAGE = '`enabled` is the string "false", which Houston treats as true';

interface Run {
  code: number | null;
  /** stdout then stderr: pre-commit prints hook output on stdout and its own failures on stderr. */
  output: string;
  ms: number;
}

/** The environment of a user's shell: no variables from `npm test`, the caller's git or pre-commit, no user git config. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|GIT_|PRE_COMMIT|SKIP$|INIT_CWD$|VITEST|NODE_OPTIONS$)/i.test(k) && !keep.test(k)) continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => !/node_modules[\\/]\.bin|node-gyp-bin/.test(p)).join(delimiter);
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    // npm trusts its cache (filled by `npm ci`) instead of revalidating each of ~250 packages; misses still go to the registry.
    npm_config_prefer_offline: 'true',
    ...extra,
  };
}

function runSync(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = RUN_TIMEOUT): Run {
  const start = Date.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw r.error;
  return { code: r.status, output: r.stdout + r.stderr, ms: Date.now() - start };
}

function runAsync(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: stdout + stderr, ms: Date.now() - start }));
  });
}

function git(cwd: string, ...args: string[]): string {
  const r = runSync('git', args, cwd, cleanEnv());
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${r.output}`);
  return r.output.trim();
}

function preCommitVersion(): string | undefined {
  try {
    const pc = runSync('pre-commit', ['--version'], REPO, cleanEnv());
    const g = runSync('git', ['--version'], REPO, cleanEnv());
    return pc.code === 0 && g.code === 0 ? pc.output.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Files of the working tree a commit would hold: tracked and untracked, minus .gitignore (no node_modules, no dist). */
function sourceFiles(): string[] {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, env: cleanEnv(), encoding: 'utf8' });
  if (r.status === 0) return r.stdout.split('\0').filter((f) => f && existsSync(join(REPO, f)));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'coverage', '.git'].includes(e.name)) continue;
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(relative(REPO, join(dir, e.name)));
    }
  };
  walk(REPO);
  return out;
}

/** A clean git repository holding this working tree in one commit (what a tag of it would hold); returns its HEAD. */
function snapshot(dest: string): string {
  for (const f of sourceFiles()) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(REPO, f), join(dest, f));
  }
  git(dest, 'init', '-q');
  git(dest, 'add', '-A');
  git(dest, 'commit', '-q', '-m', 'snapshot');
  return git(dest, 'rev-parse', 'HEAD');
}

/** A user's repository with these files staged (pre-commit sees a hook's rewrite as a diff against the index). */
function project(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, 'add', '-A');
  return dir;
}

/** The output of one hook: from its status line to the next hook's status line. */
function hookSection(output: string, name: string): string {
  const lines = output.split('\n');
  const status = /^(.+?)\.{3,}(\(no files to check\))?(Passed|Failed|Skipped)$/;
  const start = lines.findIndex((l) => status.exec(l)?.[1] === name);
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && status.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Files that stylish output names (a line that is exactly one of the candidates). */
function reported(output: string, candidates: string[]): string[] {
  const lines = new Set(output.split('\n').map((l) => l.trim()));
  return candidates.filter((c) => lines.has(c)).sort();
}

const version = preCommitVersion();

it('pre-commit and git are installed', () => {
  expect(version ?? 'not found', MISSING).toMatch(/^pre-commit \d+\.\d+/);
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  it('declares houston-lint and houston-lint-fix as node hooks on yaml values files', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.types, h.pass_filenames, h.require_serial])).toEqual([
      ['houston-lint', 'houston-lint', 'node', ['yaml'], true, false],
      ['houston-lint-fix', 'houston-lint --fix', 'node', ['yaml'], true, false],
    ]);
  });
  it('names a minimum pre-commit version not newer than the tested one', () => {
    if (!version) throw new Error(MISSING);
    const [major = 0, minor = 0] = version.replace('pre-commit ', '').split('.').map(Number);
    for (const h of hooks) {
      const [m = 0, n = 0] = String(h.minimum_pre_commit_version).split('.').map(Number);
      expect(m * 1000 + n, `${String(h.id)}: minimum_pre_commit_version`).toBeLessThanOrEqual(major * 1000 + minor);
    }
  });
});

describe('pre-commit with the hooks of this repository', { timeout: RUN_TIMEOUT }, () => {
  let root: string;
  let hookRepo: string;
  let rev: string;
  let env: NodeJS.ProcessEnv;
  let tryRepo: Run;
  let install: Run;
  let user: string;

  /** A .pre-commit-config.yaml for the snapshot, as users write it. */
  const config = (hookLines: string): string => `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n${hookLines}`;
  const run = (args: string[], cwd = user): Run => runSync('pre-commit', ['run', '--color', 'never', ...args], cwd, env);

  beforeAll(async () => {
    if (!version) throw new Error(MISSING);
    root = mkdtempSync(join(tmpdir(), 'houston-lint-pre-commit-'));
    hookRepo = join(root, 'houston-lint');
    rev = snapshot(hookRepo);
    env = cleanEnv({ PRE_COMMIT_HOME: join(root, 'pre-commit-home') });
    // try-repo always installs into a fresh store of its own; `install-hooks` fills PRE_COMMIT_HOME for the `run` tests.
    const tryDir = project(join(root, 'try'), { 'values.yaml': GOOD, 'bad-values.yaml': BAD, 'values-fix.yaml': FIXABLE });
    user = project(join(root, 'user'), {
      '.pre-commit-config.yaml': config('      - id: houston-lint\n      - id: houston-lint-fix\n'),
    });
    [tryRepo, install] = await Promise.all([
      runAsync('pre-commit', ['try-repo', '--color', 'never', hookRepo, '--files', 'values.yaml', 'bad-values.yaml', 'values-fix.yaml'], tryDir, env),
      runAsync('pre-commit', ['install-hooks'], user, env),
    ]);
    // The slowest step of the suite: worth one line in CI logs.
    console.info(`pre-commit hook install (concurrently): try-repo ${Math.round(tryRepo.ms / 1000)} s, install-hooks ${Math.round(install.ms / 1000)} s`);
  }, INSTALL_TIMEOUT);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  }, RUN_TIMEOUT);

  it('try-repo installs both hooks from the snapshot; the linter fails on the bad file only, the fixer rewrites', () => {
    expect(tryRepo.output).not.toContain('An unexpected error has occurred');
    expect(tryRepo.code, tryRepo.output).toBe(1);
    const lint = hookSection(tryRepo.output, 'houston-lint');
    expect(lint, tryRepo.output).toMatch(/^houston-lint\.+Failed$/m);
    expect(lint).toContain('- exit code: 1');
    expect(lint).toContain(BAD_MESSAGE);
    expect(reported(lint, ['values.yaml', 'bad-values.yaml', 'values-fix.yaml'])).toEqual(['bad-values.yaml', 'values-fix.yaml']);
    const fix = hookSection(tryRepo.output, 'houston-lint --fix');
    expect(fix, tryRepo.output).toMatch(/^houston-lint --fix\.+Failed$/m);
    expect(fix).toContain('- files were modified by this hook');
    const dir = join(root, 'try');
    expect(readFileSync(join(dir, 'values-fix.yaml'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(GOOD);
    expect(readFileSync(join(dir, 'bad-values.yaml'), 'utf8')).toBe(BAD);
  });

  it('install-hooks builds the hook environment once into PRE_COMMIT_HOME', () => {
    expect(install.code, install.output).toBe(0);
    expect(install.output).toContain('Installing environment for');
    const again = runSync('pre-commit', ['install-hooks'], user, env);
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain('Installing environment');
  });

  describe('pre-commit run', () => {
    it('passes a clean values file', () => {
      writeFileSync(join(user, 'values.yaml'), GOOD);
      git(user, 'add', 'values.yaml');
      const r = run(['houston-lint', '--files', 'values.yaml']);
      expect(r.output).toMatch(/^houston-lint\.+Passed$/m);
      expect(r.code, r.output).toBe(0);
    });

    it('fails on a finding, with exit 1 and the finding in the output', () => {
      writeFileSync(join(user, 'bad-values.yaml'), BAD);
      git(user, 'add', 'bad-values.yaml');
      const r = run(['houston-lint', '--files', 'bad-values.yaml']);
      expect(r.code, r.output).toBe(1);
      expect(r.output).toMatch(/^houston-lint\.+Failed$/m);
      expect(r.output).toContain('- exit code: 1');
      expect(r.output).toMatch(/^bad-values\.yaml$/m);
      expect(r.output).toMatch(/6:20 +error +.*schema$/m);
      expect(r.output).toContain(BAD_MESSAGE);
    });

    it('houston-lint-fix rewrites the file, pre-commit reports the modification, the next run passes', () => {
      writeFileSync(join(user, 'values-fix.yaml'), FIXABLE);
      git(user, 'add', 'values-fix.yaml');
      const first = run(['houston-lint-fix', '--files', 'values-fix.yaml']);
      expect(first.code, first.output).toBe(1);
      expect(first.output).toMatch(/^houston-lint --fix\.+Failed$/m);
      expect(first.output).toContain('- files were modified by this hook');
      expect(readFileSync(join(user, 'values-fix.yaml'), 'utf8')).toBe(FIXED);
      git(user, 'add', 'values-fix.yaml');
      const second = run(['houston-lint-fix', '--files', 'values-fix.yaml']);
      expect(second.code, second.output).toBe(0);
      expect(second.output).toMatch(/^houston-lint --fix\.+Passed$/m);
    });

    it('selects values files by name and YAML type, in any directory', () => {
      const picked = ['values.yaml', 'values-prod.yaml', 'values.prod.yml', 'prod-values.yaml', 'prod.values.yml', 'charts/astronomer/values.yaml', 'deploy/eu/values-staging.yaml'];
      const skipped = ['Chart.yaml', 'templates/configmap.yaml', 'config.yaml', 'values.json', 'values.yaml.bak', 'values-files/config.yaml', 'valuesfiles.txt'];
      const all = [...picked, ...skipped];
      for (const f of all) {
        mkdirSync(dirname(join(user, f)), { recursive: true });
        writeFileSync(join(user, f), BAD);
      }
      git(user, 'add', '-A');
      const r = run(['houston-lint', '--files', ...all]);
      expect(r.code, r.output).toBe(1);
      expect(reported(r.output, all)).toEqual([...picked].sort());
      for (const f of all) rmSync(join(user, f));
      git(user, 'add', '-A');
    });

    it('passes args: --max-warnings 0 fails on a warning, --config applies a configuration file', () => {
      const dir = project(join(root, 'args'), {
        'values.yaml': FIXABLE,
        'ci/houston-lint.json': JSON.stringify({ rules: { 'yaml-ambiguous-boolean': 'error' } }),
        'default.yaml': config('      - id: houston-lint\n'),
        'max-warnings.yaml': config("      - id: houston-lint\n        args: [--max-warnings, '0']\n"),
        'config.yaml': config('      - id: houston-lint\n        args: [--config, ci/houston-lint.json]\n'),
      });
      const plain = run(['-c', 'default.yaml', '--files', 'values.yaml'], dir);
      expect(plain.code, plain.output).toBe(0);
      const warnings = run(['-c', 'max-warnings.yaml', '--files', 'values.yaml'], dir);
      expect(warnings.code, warnings.output).toBe(1);
      expect(warnings.output).toContain('too many warnings (maximum: 0, found: 1)');
      const configured = run(['-c', 'config.yaml', '--files', 'values.yaml'], dir);
      expect(configured.code, configured.output).toBe(1);
      expect(configured.output).toMatch(/6:20 +error +.*yaml-ambiguous-boolean$/m);
    });

    it('as a git hook: blocks a commit of a bad values file, lets a good one through', () => {
      const dir = project(join(root, 'commit'), { '.pre-commit-config.yaml': config('      - id: houston-lint\n') });
      const installed = runSync('pre-commit', ['install'], dir, env);
      expect(installed.code, installed.output).toBe(0);
      writeFileSync(join(dir, 'values.yaml'), BAD);
      git(dir, 'add', '-A');
      const blocked = runSync('git', ['commit', '-q', '-m', 'bad'], dir, env);
      expect(blocked.code, blocked.output).not.toBe(0);
      expect(blocked.output).toContain(BAD_MESSAGE);
      expect(runSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], dir, env).code).not.toBe(0);
      writeFileSync(join(dir, 'values.yaml'), GOOD);
      git(dir, 'add', '-A');
      const ok = runSync('git', ['commit', '-q', '-m', 'good'], dir, env);
      expect(ok.code, ok.output).toBe(0);
      expect(ok.output).toMatch(/^houston-lint\.+Passed$/m);
    });
  });
});
