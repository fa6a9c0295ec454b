// The action's inputs, read from the INPUT_* environment variables the runner sets, validated with clear messages.

/** Bad input: the action fails with one `::error::` line and exit code 2. */
export class ActionInputError extends Error {}

/** Default `files`: values files by their usual names (values.yaml, values-prod.yaml, prod-values.yml, …). */
export const DEFAULT_FILES = ['**/*values*.yaml', '**/*values*.yml'];

export const FAIL_ON = ['error', 'warning'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The input names of action.yml (a test checks that the two agree). */
export const INPUT_NAMES = ['files', 'config', 'chart-version', 'fail-on', 'max-warnings', 'sarif-file'] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** action.yml's defaults; the code applies them too, so a run without the runner's defaults behaves the same. */
export const INPUT_DEFAULTS: Partial<Record<InputName, string>> = { files: DEFAULT_FILES.join('\n'), 'fail-on': 'error' };

export interface ActionInputs {
  /** Globs, files or directories, relative to the workspace. */
  files: string[];
  /** Whether `files` is the default (then only the union of the patterns must match something). */
  defaultFiles: boolean;
  config?: string;
  chartVersion?: string;
  failOn: FailOn;
  /** -1: no limit. */
  maxWarnings: number;
  sarifFile?: string;
}

/** The runner's variable for an input: `INPUT_` + the name upper-cased with spaces as `_` (hyphens stay). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function input(env: NodeJS.ProcessEnv, name: InputName): string {
  return (env[inputVariable(name)] ?? '').trim();
}

/** One pattern per line when the value has several lines (so a line may contain spaces), else split on whitespace. */
export function splitPatterns(value: string): string[] {
  const parts = /[\r\n]/.test(value) ? value.split(/\r?\n|\r/) : value.split(/\s+/);
  return parts.map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#'));
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const filesValue = input(env, 'files');
  const given = splitPatterns(filesValue);
  const defaultFiles = given.length === 0 || filesValue === INPUT_DEFAULTS.files;
  const files = given.length ? given : [...DEFAULT_FILES];
  for (const f of files) {
    if (f.startsWith('!')) throw new ActionInputError(`files: negated pattern "${f}" is not supported; exclude files with "ignorePatterns" in a houston-lint configuration file`);
    if (f === '-') throw new ActionInputError('files: "-" (standard input) is not available in the action');
  }

  const failOn = input(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new ActionInputError(`fail-on must be "error" or "warning", got "${failOn}"`);

  const maxWarningsValue = input(env, 'max-warnings');
  let maxWarnings = -1;
  if (maxWarningsValue !== '') {
    if (!/^\d+$/.test(maxWarningsValue)) throw new ActionInputError(`max-warnings must be a whole number (0 or more), got "${maxWarningsValue}"`);
    maxWarnings = Number(maxWarningsValue);
  }
  if (failOn === 'warning') {
    if (maxWarnings > 0) throw new ActionInputError(`fail-on: warning fails on any warning, which contradicts max-warnings: ${maxWarnings}; use one of them`);
    maxWarnings = 0;
  }

  const chartVersion = input(env, 'chart-version');
  if (chartVersion !== '' && !/^[12](\.\d+)*$/.test(chartVersion)) throw new ActionInputError(`chart-version must be 1 or 2, got "${chartVersion}"`);

  const config = input(env, 'config');
  const sarifFile = input(env, 'sarif-file');
  return {
    files,
    defaultFiles,
    failOn: failOn as FailOn,
    maxWarnings,
    ...(config ? { config } : {}),
    ...(chartVersion ? { chartVersion } : {}),
    ...(sarifFile ? { sarifFile } : {}),
  };
}
