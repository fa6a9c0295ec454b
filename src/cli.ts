// The thin shell: arguments in, files read, results formatted, an exit code out (0 clean, 1 findings, 2 failure).
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { ruleMap, rules } from '../rules/index.js';
import { expandInputs, InputError, readSource } from './read-inputs.js';
import { FORMATTER_NAMES, loadFormatter } from './formatters/index.js';
import { lintText, RuleError } from './linter.js';
import { SCHEMA_FILE } from './validate-schema.js';
import type { RulesConfig } from './linter.js';
import type { LintResult, RuleSeverity } from './types.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<string>;
  cwd: string;
  /** Whether stdout is a terminal (colour in stylish). */
  isTTY: boolean;
}

/** A failure that ends the run with exit code 2 and a one-line message. */
export class UsageError extends Error {}

interface LintFlags {
  format: string;
  stdinFilename?: string;
  quiet?: boolean;
  maxWarnings?: string;
  rule: string[];
  chartVersion: string;
  color?: boolean;
  debug?: boolean;
  listRules?: boolean;
}

const SEVERITIES: readonly RuleSeverity[] = ['off', 'warn', 'error'];

/** Runs the CLI; returns the exit code. Never throws. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  const program = new Command('houston-lint')
    .description('Lint the astronomer.houston section (auth, secret, env) of Astronomer platform Helm values files.')
    .argument('[files...]', 'values files, directories (searched for *.yaml/*.yml) or globs; "-" reads stdin')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATTER_NAMES).default('stylish'))
    .option('--stdin-filename <name>', 'file name to show for input read from stdin')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--chart-version <major>', 'target chart major version: 2 (default) or 1 (1.x and 0.37.x)', '2')
    .option('--list-rules', 'print the rules and exit')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--debug', 'print stack traces of internal failures')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showHelpAfterError(false)
    .action(async (files: string[], flags: LintFlags) => {
      exitCode = await lintCommand(files, flags, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema for houston values (for editors and other validators)')
    .action(() => {
      io.stdout(readFileSync(SCHEMA_FILE, 'utf8'));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      io.stderr(`houston-lint: ${err.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    return reportFailure(err, io, debug);
  }
}

function reportFailure(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof UsageError || err instanceof InputError) {
    io.stderr(`houston-lint: ${err.message}\n`);
  } else if (err instanceof RuleError) {
    io.stderr(`houston-lint: internal error: ${err.message}. Please report it.\n`);
  } else {
    io.stderr(`houston-lint: internal error: ${err instanceof Error ? err.message : String(err)}. Please report it.\n`);
  }
  if (debug && err instanceof Error) io.stderr(`${err.stack ?? ''}\n`);
  return 2;
}

function parseRuleFlags(values: string[]): RulesConfig {
  const config: RulesConfig = {};
  for (const v of values) {
    const m = /^([\w-]+)\s*[:=]\s*(\w+)$/.exec(v.trim());
    if (!m) throw new UsageError(`invalid --rule "${v}": expected id:off|warn|error`);
    const [, id, sev] = m as unknown as [string, string, string];
    if (!ruleMap.has(id)) throw new UsageError(`unknown rule "${id}" in --rule (see --list-rules)`);
    if (!SEVERITIES.includes(sev as RuleSeverity)) throw new UsageError(`invalid severity "${sev}" for rule "${id}": use off, warn or error`);
    config[id] = sev as RuleSeverity;
  }
  return config;
}

async function lintCommand(files: string[], flags: LintFlags, io: CliIO): Promise<number> {
  try {
    if (flags.listRules) {
      io.stdout(listRules());
      return 0;
    }
    const rulesConfig = parseRuleFlags(flags.rule);
    let maxWarnings = -1;
    if (flags.maxWarnings !== undefined) {
      if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, got "${flags.maxWarnings}"`);
      maxWarnings = Number(flags.maxWarnings);
    }
    if (!/^[12](\.\d+)*$/.test(flags.chartVersion)) throw new UsageError(`--chart-version must be 1 or 2, got "${flags.chartVersion}"`);
    if (files.length === 0) throw new UsageError('no files given (try `houston-lint values.yaml`, or `-` for stdin)');

    const inputs = await expandInputs(files, io.cwd);
    const results: LintResult[] = [];
    for (const input of inputs) {
      const text = input.path === '-' ? await io.readStdin() : readSource(input.path);
      const name = input.path === '-' ? (flags.stdinFilename ?? '<stdin>') : input.path;
      results.push(lintText(text, { filePath: name, rules: rulesConfig, chartVersion: flags.chartVersion }));
    }
    const shown = flags.quiet ? results.map(errorsOnly) : results;
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;

    const formatter = (await loadFormatter(flags.format))!;
    const output = formatter(shown, {
      cwd: io.cwd,
      color: flags.color ?? io.isTTY,
      rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])),
      ...(tooManyWarnings ? { maxWarningsExceeded: { maxWarnings, foundWarnings: warnings } } : {}),
    });
    if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    return errors > 0 || tooManyWarnings ? 1 : 0;
  } catch (err) {
    return reportFailure(err, io, flags.debug === true);
  }
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

function listRules(): string {
  const rows = rules.map((r) => [r.meta.id, r.meta.severity, r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggest' : '', r.meta.description]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length), 4);
  const w2 = 7;
  const head = `${'rule'.padEnd(w0)}  severity  ${'fixable'.padEnd(w2)}  description\n`;
  return head + rows.map((r) => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(8)}  ${r[2]!.padEnd(w2)}  ${r[3]}`).join('\n') + '\n';
}
