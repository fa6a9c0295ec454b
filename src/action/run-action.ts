// The action: inputs → the CLI's lint command (annotations, SARIF) → job summary, outputs and the exit code.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { rules } from '../../rules/index.js';
import { ConfigError } from '../config/load-config.js';
import { InputError } from '../read-inputs.js';
import { runLint } from '../run-lint.js';
import { ActionInputError, readInputs } from './inputs.js';
import { summaryMarkdown } from './summary.js';
import { appendSummary, command, setOutput } from './workflow.js';
import type { LintResult } from '../types.js';
import type { ActionInputs } from './inputs.js';

export interface ActionIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Same ignores and glob options as the CLI's own expansion (src/read-inputs.ts). */
const IGNORE = ['**/node_modules/**', '**/.git/**'];
const isGlob = (p: string) => /[*?[\]{}]/.test(p);

/**
 * The patterns to lint. A pattern the user gave must match something (as on the command line); of the default
 * patterns, those matching nothing are dropped, and together they must match something.
 */
async function patternsToLint(inputs: ActionInputs, cwd: string): Promise<string[]> {
  if (!inputs.defaultFiles) {
    for (const p of inputs.files) {
      if (isGlob(p) && (await glob(p, { cwd, ignore: IGNORE })).length === 0) throw new ActionInputError(`files: no files match the pattern "${p}"`);
    }
    return inputs.files;
  }
  const kept: string[] = [];
  for (const p of inputs.files) if (!isGlob(p) || (await glob(p, { cwd, ignore: IGNORE })).length > 0) kept.push(p);
  if (kept.length === 0) throw new ActionInputError(`files: no values files found (default patterns: ${inputs.files.join(' ')}); set the "files" input`);
  return kept;
}

/** The nearest directory with `.git` at or above `dir` (annotation and summary paths are relative to it), or `dir`. */
function repoRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return dir;
  }
}

function blobBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || !/^https:\/\/[\w.-]+(:\d+)?$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  return `${server}/${repo}/blob/${sha}/`;
}

/** Runs the action with the runner's environment; returns the exit code (0 pass, 1 findings fail the job, 2 bad input or failure). */
export async function runAction(env: NodeJS.ProcessEnv, io: ActionIO, cwd = env.GITHUB_WORKSPACE || process.cwd()): Promise<number> {
  const scratch = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'houston-lint-action-'));
  try {
    const inputs = readInputs(env);
    const files = await patternsToLint(inputs, cwd);
    const jsonFile = join(scratch, 'results.json');
    const sarifFile = inputs.sarifFile ? resolve(cwd, inputs.sarifFile) : undefined;
    const code = await runLint(
      {
        files,
        outputs: [{ format: 'github' }, { format: 'json', file: jsonFile }, ...(sarifFile ? [{ format: 'sarif', file: sarifFile }] : [])],
        quiet: false,
        maxWarnings: inputs.maxWarnings,
        rules: {},
        ...(inputs.chartVersion ? { chartVersion: inputs.chartVersion } : {}),
        color: false,
        ...(inputs.config ? { configFile: inputs.config } : {}),
        configLookup: true,
        inlineConfig: true,
        fix: false,
        fixDryRun: false,
        writeBaseline: false,
        pruneBaseline: false,
      },
      { stdout: io.stdout, stderr: io.stderr, readStdin: () => Promise.reject(new Error('no standard input in the action')), cwd },
    );
    const results = JSON.parse(readFileSync(jsonFile, 'utf8')) as LintResult[];
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const docs = new Map(rules.map((r) => [r.meta.id, r.meta.docs.url]));
    const base = blobBase(env);
    appendSummary(env, summaryMarkdown({ results, docsUrl: (id) => docs.get(id), root: repoRoot(cwd), failOn: inputs.failOn, maxWarnings: inputs.maxWarnings, failed: code !== 0, ...(base ? { blobBase: base } : {}) }));
    setOutput(env, 'error-count', String(errors));
    setOutput(env, 'warning-count', String(warnings));
    setOutput(env, 'sarif-file', sarifFile ?? '');
    return code;
  } catch (err) {
    const known = err instanceof ActionInputError || err instanceof InputError || err instanceof ConfigError;
    let message = err instanceof Error ? err.message : String(err);
    if (/Cannot find (package|module) 'typescript'/.test(message)) message += ' (the action does not bundle TypeScript: use a .json, .yaml, .js, .mjs or .cjs configuration file)';
    io.stdout(command('error', known ? message : `internal error: ${message}. Please report it.`, { title: 'houston-lint' }));
    if (!known && err instanceof Error && env.RUNNER_DEBUG === '1') io.stdout(command('debug', err.stack ?? message));
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
