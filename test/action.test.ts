// The GitHub Action: the committed bundle is current, and `node action/index.js` behaves as on the runner.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundle, OUTFILE } from '../scripts/build-action.mjs';
import { DEFAULT_FILES, INPUT_DEFAULTS, INPUT_NAMES, inputVariable, readInputs, splitPatterns } from '../src/action/inputs.js';
import { codeSpan, escapeMarkdown, MAX_ROWS, messageMarkdown, summaryMarkdown } from '../src/action/summary.js';
import { cli } from './helpers/cli.js';
import { REPO } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';
import type { LintResult } from '../src/types.js';

const CLEAN = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n';
/** One `unknown-key` error at 7:11. */
const ERROR = `${CLEAN}          bogus: 1\n`;
/** One `multi-document` warning. */
const WARNING = `${CLEAN}---\nfoo: 1\n`;
/** A `deprecated-key` warning on chart 2, nothing on chart 1. */
const FLAT_KEY = 'astronomer:\n  houston:\n    config:\n      publicSignups: false\n      auth:\n        local:\n          enabled: true\n';
/** A Helm template: not valid YAML, and not a values file (the default patterns must not pick it up). */
const TEMPLATE = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  {{- range .Values.x }}\n  a: b\n  {{- end }}\n';

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Outputs set through GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  summary: string;
}

/** A temporary git repository (the runner's checkout) with these files. */
function workspace(files: Record<string, string>): string {
  const dir = tempDir(files);
  const git = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
  if (git.status !== 0) mkdirSync(join(dir, '.git')); // git missing: a .git directory is all the action looks for
  return dir;
}

/** Parses a GITHUB_OUTPUT file: `name<<DELIMITER` blocks (and `name=value` lines). Throws on anything else. */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' && i === lines.length - 1) break;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      if (end < 0) throw new Error(`output ${block[1]}: no closing delimiter`);
      out[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = /^([^=]+)=(.*)$/.exec(line);
    if (!eq) throw new Error(`unparsable GITHUB_OUTPUT line: ${JSON.stringify(line)}`);
    out[eq[1]!] = eq[2]!;
  }
  return out;
}

/** Runs `node <entry>` as the runner does: inputs as INPUT_<NAME> (hyphens kept), file commands in temp files, cwd = workspace. */
async function runAction(entry: string, ws: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), 'houston-lint-runner-'));
  const outputFile = join(files, 'output');
  const summaryFile = join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // Nothing of the outer environment that the action reads: tests may themselves run inside GitHub Actions.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT_|GITHUB_|RUNNER_)/.test(k)));
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  Object.assign(env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: ws, RUNNER_TEMP: files, GITHUB_ACTIONS: 'true' }, extraEnv);
  const child = spawn(process.execPath, [entry], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => void (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => void (stderr += d));
  const code = await new Promise<number>((done, fail) => child.on('error', fail).on('close', (c) => done(c ?? -1)));
  return { code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

/** Workflow commands on stdout (`::name …::…` lines). */
const commands = (stdout: string) => stdout.split('\n').filter((l) => l.trimStart().startsWith('::'));

/**
 * The action as the runner sees it: a checkout of the repository WITHOUT node_modules (action/index.js,
 * package.json and schema/ only), so the test fails if the bundle needs anything it does not contain.
 */
let ENTRY = '';
beforeAll(() => {
  const checkout = mkdtempSync(join(tmpdir(), 'houston-lint-checkout-'));
  mkdirSync(join(checkout, 'action'));
  cpSync(OUTFILE, join(checkout, 'action', 'index.js'));
  cpSync(join(REPO, 'package.json'), join(checkout, 'package.json'));
  cpSync(join(REPO, 'schema'), join(checkout, 'schema'), { recursive: true });
  ENTRY = join(checkout, 'action', 'index.js');
});

describe('the committed bundle', () => {
  it('is what `npm run build:action` builds from the current sources (run it and commit action/index.js)', async () => {
    const built = Buffer.from(await bundle(), 'utf8');
    const committed = readFileSync(OUTFILE);
    expect(Buffer.compare(built, committed), 'action/index.js is stale: run `npm run build:action`').toBe(0);
  });

  it('is one file with the third-party license notices', () => {
    const text = readFileSync(OUTFILE, 'utf8');
    expect(text).toContain('Third-party software bundled in this file');
    // ajv is not bundled: the schema is precompiled into standalone validators at build time.
    for (const pkg of ['yaml@', 'cosmiconfig@', 'picomatch@', 'tinyglobby@']) expect(text).toContain(`\n${pkg}`);
    // The lazily imported formatters are inlined (the runs below load them from a checkout without src/).
    expect(text).not.toMatch(/\bimport\(\s*["']\.\.?\//);
  });

  it('action.yml runs it on node20 and declares the inputs and outputs the code uses', () => {
    const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    expect(action.runs).toEqual({ using: 'node20', main: 'action/index.js' });
    expect(existsSync(join(REPO, action.runs.main))).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) expect(action.inputs[name]!.default, `default of ${name}`).toBe(INPUT_DEFAULTS[name]);
    expect(Object.keys(action.outputs).sort()).toEqual(['error-count', 'sarif-file', 'warning-count']);
  });

  it("the project's workflow uses the action with inputs and outputs it has", () => {
    const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const text = readFileSync(join(REPO, '.github/workflows/houston-lint.yml'), 'utf8');
    const workflow = parse(text) as { jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, string> }[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const own = steps.filter((s) => s.uses === './');
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) for (const key of Object.keys(s.with ?? {})) expect(action.inputs).toHaveProperty([key]);
    for (const m of text.matchAll(/steps\.lint\.outputs\.([\w-]+)/g)) expect(action.outputs).toHaveProperty([m[1]!]);
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });
});

describe.concurrent('node action/index.js', () => {
  it('passes on a clean repository: exit 0, zero counts, a "no problems" summary, no annotations', async () => {
    const ws = workspace({ 'values.yaml': CLEAN, 'charts/templates/configmap.yaml': TEMPLATE });
    const r = await runAction(ENTRY, ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ 'error-count': '0', 'warning-count': '0', 'sarif-file': '' });
    expect(commands(r.stdout)).toEqual([]);
    expect(r.summary).toContain('No problems in 1 values file.');
    expect(r.summary).not.toContain('| Line |');
  });

  it('fails on errors, annotates them, summarizes them and writes SARIF, agreeing with the CLI', async () => {
    const ws = workspace({
      'charts/good/values.yaml': CLEAN,
      'charts/bad/values.yaml': ERROR,
      'envs/prod-values.yml': WARNING,
      'charts/templates/configmap.yaml': TEMPLATE,
    });
    const r = await runAction(ENTRY, ws, { 'sarif-file': 'reports/houston.sarif' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);

    const direct = await cli(['charts/good/values.yaml', 'charts/bad/values.yaml', 'envs/prod-values.yml', '--format', 'json'], { cwd: ws });
    expect(direct.stderr).toBe('');
    const expected = JSON.parse(direct.stdout) as LintResult[];
    const errors = expected.reduce((n, x) => n + x.errorCount, 0);
    const warnings = expected.reduce((n, x) => n + x.warningCount, 0);
    expect([errors, warnings]).toEqual([1, 1]);
    expect(r.outputs).toEqual({ 'error-count': String(errors), 'warning-count': String(warnings), 'sarif-file': join(ws, 'reports/houston.sarif') });

    // Annotations: repository-relative paths, errors first; the template was not linted.
    expect(commands(r.stdout)).toEqual([
      expect.stringMatching(/^::error file=charts\/bad\/values\.yaml,line=7,col=11,.*title=unknown-key::Unknown key `bogus`/),
      expect.stringMatching(/^::warning file=envs\/prod-values\.yml,line=7,col=1,.*title=multi-document::/),
    ]);
    expect(r.stdout).not.toContain('configmap');

    expect(r.summary).toContain(':x: **1 error** and **1 warning** in 2 of 3 values files: the job fails.');
    expect(r.summary).toContain('### `charts/bad/values.yaml`');
    expect(r.summary).toMatch(/\n\| 7:11 \| error \| \[`unknown-key`\]\(https:\/\/\S+\/docs\/rules\/unknown-key\.md\) \| Unknown key `bogus` in `local`\\: Houston ignores it\\\. /);
    expect(r.summary).not.toContain('charts/good');

    const sarif = JSON.parse(readFileSync(join(ws, 'reports/houston.sarif'), 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['unknown-key', 'error', 'charts/bad/values.yaml'],
      ['multi-document', 'warning', 'envs/prod-values.yml'],
    ]);
  });

  it('warnings: pass with fail-on: error, fail with fail-on: warning, and with more than max-warnings', async () => {
    const ws = workspace({ 'values.yaml': WARNING });
    const passing = await runAction(ENTRY, ws);
    expect(passing.code).toBe(0);
    expect(passing.outputs['warning-count']).toBe('1');
    expect(commands(passing.stdout)).toEqual([expect.stringMatching(/^::warning file=values\.yaml,/)]);
    expect(passing.summary).toContain(':warning: **0 errors** and **1 warning** in 1 of 1 values file: the job passes');

    const strict = await runAction(ENTRY, ws, { 'fail-on': 'warning' });
    expect(strict.code).toBe(1);
    expect(strict.summary).toContain('the job fails (`fail-on: warning`).');

    expect((await runAction(ENTRY, ws, { 'max-warnings': '1' })).code).toBe(0);
    const over = await runAction(ENTRY, ws, { 'max-warnings': '0' });
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('houston-lint found too many warnings (maximum: 0, found: 1).');
    expect(over.summary).toContain('more than 0 warnings (`max-warnings`)');
  });

  it('files: space- or newline-separated patterns; a pattern of yours that matches nothing fails with exit 2', async () => {
    const ws = workspace({ 'a/values.yaml': ERROR, 'b/values.yaml': WARNING, 'c/values.yaml': CLEAN });
    const spaced = await runAction(ENTRY, ws, { files: 'a/*.yaml  b/values.yaml' });
    expect([spaced.code, spaced.outputs['error-count'], spaced.outputs['warning-count']]).toEqual([1, '1', '1']);
    const lines = await runAction(ENTRY, ws, { files: 'b/*.yaml\nc/values.yaml\n' });
    expect([lines.code, lines.outputs['error-count'], lines.outputs['warning-count']]).toEqual([0, '0', '1']);
    expect(lines.summary).toContain('in 1 of 2 values files');

    const none = await runAction(ENTRY, ws, { files: 'a/*.yaml\nnothing/**/*.yaml' });
    expect(none.code).toBe(2);
    expect(commands(none.stdout)).toEqual(['::error title=houston-lint::files: no files match the pattern "nothing/**/*.yaml"']);
    expect(none.outputs).toEqual({});
    expect(none.summary).toBe('');
  });

  it('the default patterns: values files by name anywhere, and a clear failure when there are none', async () => {
    const ws = workspace({
      'deploy/values-prod.yaml': ERROR,
      'prod-values.yml': WARNING,
      'node_modules/x/values.yaml': ERROR,
      '.hidden/values.yaml': ERROR,
      'k8s/deployment.yaml': TEMPLATE,
    });
    const r = await runAction(ENTRY, ws, { files: INPUT_DEFAULTS.files! });
    expect([r.code, r.outputs['error-count'], r.outputs['warning-count']]).toEqual([1, '1', '1']);
    expect(r.summary).toContain('in 2 of 2 values files');

    const empty = await runAction(ENTRY, workspace({ 'k8s/deployment.yaml': TEMPLATE }));
    expect(empty.code).toBe(2);
    expect(commands(empty.stdout)).toEqual([expect.stringMatching(/^::error title=houston-lint::files: no values files found \(default patterns: /)]);
  });

  it('config and chart-version inputs reach the linter', async () => {
    const ws = workspace({ 'values.yaml': ERROR, 'ci/houston.yaml': 'rules:\n  unknown-key: off\n', 'old/values.yaml': FLAT_KEY });
    expect((await runAction(ENTRY, ws, { files: 'values.yaml' })).code).toBe(1);
    const configured = await runAction(ENTRY, ws, { files: 'values.yaml', config: 'ci/houston.yaml' });
    expect([configured.code, configured.outputs['error-count']]).toEqual([0, '0']);

    expect((await runAction(ENTRY, ws, { files: 'old/values.yaml' })).outputs['warning-count']).toBe('1');
    expect((await runAction(ENTRY, ws, { files: 'old/values.yaml', 'chart-version': '1' })).outputs['warning-count']).toBe('0');
  });

  it.each([
    [{ 'fail-on': 'warn' }, 'fail-on must be "error" or "warning", got "warn"'],
    [{ 'max-warnings': '-1' }, 'max-warnings must be a whole number (0 or more), got "-1"'],
    [{ 'max-warnings': 'ten' }, 'max-warnings must be a whole number (0 or more), got "ten"'],
    [{ 'fail-on': 'warning', 'max-warnings': '3' }, 'fail-on: warning fails on any warning, which contradicts max-warnings: 3; use one of them'],
    [{ 'chart-version': '3' }, 'chart-version must be 1 or 2, got "3"'],
    [{ files: '!values.yaml' }, 'files: negated pattern "!values.yaml" is not supported'],
    [{ files: 'missing.yaml' }, 'cannot read "missing.yaml": no such file or directory'],
    [{ config: 'missing.json' }, 'missing.json'],
  ])('bad input %j fails with exit 2 and one ::error:: line', async (inputs, message) => {
    const r = await runAction(ENTRY, workspace({ 'values.yaml': CLEAN }), inputs);
    expect(r.code).toBe(2);
    const cmds = commands(r.stdout);
    expect(cmds).toHaveLength(1);
    expect(cmds[0]).toMatch(/^::error title=houston-lint::/);
    expect(cmds[0]).toContain(message);
    expect(r.outputs).toEqual({});
  });

  it('a TypeScript configuration fails with a hint (the bundle has no TypeScript)', async () => {
    const ws = workspace({ 'values.yaml': CLEAN, 'houston-lint.config.ts': 'export default { rules: {} };\n' });
    const r = await runAction(ENTRY, ws);
    expect(r.code).toBe(2);
    expect(commands(r.stdout)).toEqual([expect.stringContaining('the action does not bundle TypeScript: use a .json, .yaml, .js, .mjs or .cjs configuration file')]);
  });

  it('a finding with workflow-command text in its message cannot inject commands, outputs or summary markup', async () => {
    const key = 'x%0A::error::pwned\\n::warning file=a::injected\\r\\n##[error]legacy|pipe<b>x</b>::set-output name=error-count::0';
    const ws = workspace({ 'values.yaml': `${CLEAN}          "${key}": 1\n` });
    const r = await runAction(ENTRY, ws, { 'sarif-file': 'out.sarif' });
    expect(r.code).toBe(1);
    // Exactly one command (the finding's annotation); every other line is the fixed-prefix plain summary.
    const cmds = commands(r.stdout);
    expect(cmds).toHaveLength(1);
    expect(cmds[0]).toMatch(/^::error file=values\.yaml,line=7,col=11,[^\n]*title=unknown-key::Unknown key `x%250A::error::pwned%0A::warning/);
    for (const line of r.stdout.trimEnd().split('\n').slice(1)) expect(line).toMatch(/^(houston-lint: |\| )/);
    expect(r.stdout).not.toMatch(/(^|\n)\s*##\[/);
    expect(r.outputs).toEqual({ 'error-count': '1', 'warning-count': '0', 'sarif-file': join(ws, 'out.sarif') });
    // The finding is one table row of four cells, the HTML stays inside a code span.
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| 7:11 '));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(/(?<!\\)\|/)).toHaveLength(6);
    expect(r.summary).not.toMatch(/^::/m);
    expect(rows[0]).toContain('`x%0A::error::pwned ::warning file=a::injected ##[error]legacy\\|pipe<b>x</b>::set-output name=error-count::0`');
  });

  it('links lines to the commit when the runner names it', async () => {
    const sha = 'a'.repeat(40);
    const r = await runAction(ENTRY, workspace({ 'my dir/values.yaml': ERROR }), {}, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/platform', GITHUB_SHA: sha });
    expect(r.summary).toContain(`| [7:11](https://github.com/acme/platform/blob/${sha}/my%20dir/values.yaml#L7) |`);
  });

  it('runs from the repository itself too (packageRoot() walks up from action/ to the repository root)', async () => {
    const r = await runAction(OUTFILE, workspace({ 'values.yaml': ERROR }));
    expect([r.code, r.stderr, r.outputs['error-count']]).toEqual([1, '', '1']);
  });
});

describe('inputs', () => {
  it('are read from INPUT_<NAME> with hyphens kept', () => {
    expect(inputVariable('fail-on')).toBe('INPUT_FAIL-ON');
    expect(inputVariable('sarif file')).toBe('INPUT_SARIF_FILE');
    expect(readInputs({ 'INPUT_FAIL-ON': ' warning ', 'INPUT_SARIF-FILE': 'x.sarif', INPUT_FILES: 'a.yaml' })).toEqual({
      files: ['a.yaml'],
      defaultFiles: false,
      failOn: 'warning',
      maxWarnings: 0,
      sarifFile: 'x.sarif',
    });
    expect(readInputs({})).toEqual({ files: DEFAULT_FILES, defaultFiles: true, failOn: 'error', maxWarnings: -1 });
  });

  it('split files on lines when there are several (keeping spaces), else on whitespace; # lines are comments', () => {
    expect(splitPatterns('a/*.yaml b.yml\tc.yaml')).toEqual(['a/*.yaml', 'b.yml', 'c.yaml']);
    expect(splitPatterns('my dir/values.yaml\r\n# not this\n\n  other.yaml  \n')).toEqual(['my dir/values.yaml', 'other.yaml']);
    expect(splitPatterns('  ')).toEqual([]);
  });
});

describe('summary Markdown', () => {
  const result = (messages: Partial<LintResult['messages'][number]>[], filePath = '/r/values.yaml') => ({
    filePath,
    messages: messages.map((m) => ({ ruleId: 'schema', severity: 2 as const, message: 'm', path: '', line: 1, column: 1, endLine: 1, endColumn: 2, ...m })),
    errorCount: messages.filter((m) => (m.severity ?? 2) === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
  });
  const base = { docsUrl: () => undefined, root: '/r', failOn: 'error' as const, maxWarnings: -1, failed: true };

  it('escapes text: HTML, Markdown punctuation, pipes and line breaks', () => {
    expect(escapeMarkdown('a|b <img src=x> *x* [l](u) \\ @team\nnext')).toBe('a\\|b &lt;img src\\=x&gt; \\*x\\* \\[l\\]\\(u\\) \\\\ \\@team<br>next');
    expect(codeSpan('a`b|c\nd')).toBe('``a`b\\|c d``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(messageMarkdown('Key `a|b` is *bad*')).toBe('Key `a\\|b` is \\*bad\\*');
    expect(messageMarkdown('odd ` backtick')).toBe('odd \\` backtick');
  });

  it('lists findings per file, links rules, and caps the rows', () => {
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ line: i + 1 }));
    const md = summaryMarkdown({ ...base, docsUrl: (id) => `https://docs/${id}.md`, results: [result(many), result([{ line: 3 }], '/r/b.yaml')] });
    expect(md.split('\n').filter((l) => /^\| \d/.test(l))).toHaveLength(MAX_ROWS);
    expect(md).toContain('| 1:1 | error | [`schema`](https://docs/schema.md) | m |');
    expect(md).toContain('…and 6 more findings, listed in the step\'s log.');
    expect(md).not.toContain('b.yaml');
  });

  it('has a "no problems" variant', () => {
    expect(summaryMarkdown({ ...base, failed: false, results: [result([]), result([], '/r/b.yaml')] })).toBe('## houston-lint\n\n:white_check_mark: No problems in 2 values files.\n');
  });
});
