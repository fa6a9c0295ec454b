// The thin shell: arguments in, files read, results formatted, an exit code out (0 clean, 1 findings, 2 failure).
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { ruleMap, rules } from '../rules/index.js';
import { DEFAULT_BASELINE } from './baseline.js';
import { ConfigError, ConfigResolver, withFlags } from './config/load-config.js';
import { InputError } from './read-inputs.js';
import { FORMATTER_NAMES } from './formatters/index.js';
import { RuleError } from './linter.js';
import { runLint } from './run-lint.js';
import type { LintCommandOptions } from './run-lint.js';
import { SCHEMA_FILE } from './validate-schema.js';
import type { SourceText } from './read-inputs.js';
import type { RulesConfig } from './linter.js';
import type { Concurrency } from './parallel-lint.js';
import type { RuleSeverity } from './types.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<SourceText>;
  cwd: string;
  /** Whether stdout is a terminal (colour in stylish). */
  isTTY: boolean;
}

/** A failure that ends the run with exit code 2 and a one-line message. */
export class UsageError extends Error {}

interface LintFlags {
  secrets: string[];
  rendered?: boolean;
  online?: boolean;
  timeout?: string;
  caFile?: string;
  values: string[];
  env: string[];
  set: string[];
  format: string[];
  outputFile: string[];
  stdinFilename?: string;
  quiet?: boolean;
  maxWarnings?: string;
  concurrency: string;
  rule: string[];
  chartVersion?: string;
  color?: boolean;
  debug?: boolean;
  listRules?: boolean;
  config?: string;
  configLookup: boolean;
  printConfig?: string;
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
  requireReason?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  fixType: string[];
  baseline?: string;
  writeBaseline?: boolean;
  pruneBaseline?: boolean;
}

const SEVERITIES: readonly RuleSeverity[] = ['off', 'warn', 'error'];
const collect = (v: string, acc: string[]) => [...acc, v];

/** Runs the CLI; returns the exit code. Never throws. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  const program = new Command('houston-lint')
    .description('Lint the astronomer.houston section (auth, secret, env) of Astronomer platform Helm values files.')
    .argument('[files...]', 'values files, directories (searched for *.yaml/*.yml) or globs; "-" reads stdin')
    .option('-f, --values <file>', 'a values file of a set linted as one, merged as `helm -f` merges them (repeatable, in order)', collect, [] as string[])
    .option('--secrets <file|dir>', 'Kubernetes Secret manifests to cross-check houston.secret against (repeatable)', collect, [] as string[])
    .option('--rendered', 'the inputs are `helm template` output: lint the houston ConfigMap and Deployment in them')
    .option('--env <name>', 'lint an environment from the configuration\'s `environments` (repeatable; `*` for all)', collect, [] as string[])
    .option('--set <path=value>', 'a value set as `helm --set` sets it, applied after the values files (repeatable)', collect, [] as string[])
    .option('--format <name>', `output format: ${FORMATTER_NAMES.join(', ')} (repeatable)`, collect, [] as string[])
    .option('-o, --output-file <[format=]file>', 'write a format to a file instead of stdout (repeatable)', collect, [] as string[])
    .option('--stdin-filename <name>', 'file name to show for input read from stdin')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', collect, [] as string[])
    .option('--chart-version <major>', 'target chart major version: 2 (default) or 1 (1.x and 0.37.x)')
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .option('--no-config-lookup', 'do not search for configuration files')
    .option('--print-config <file>', 'print the configuration that applies to a file and exit')
    .option('--no-inline-config', 'ignore # houston-lint-disable comments')
    .option('--report-unused-disable-directives', 'report disable comments that suppress nothing (as errors)')
    .option('--require-reason', 'report disable comments without "-- reason" (as errors)')
    .option('--fix', 'write fixes to the files')
    .option('--fix-dry-run', 'show fixes without writing them (JSON output carries "output")')
    .option('--fix-type <ids>', 'only apply fixes of these rules (comma-separated, repeatable)', collect, [] as string[])
    .option('--baseline <file>', `accept the findings recorded in this file (default ${DEFAULT_BASELINE} when present)`)
    .option('--write-baseline', 'record the current findings in the baseline file and exit 0')
    .option('--prune-baseline', 'remove baseline entries that no longer match')
    .option('--online', 'also fetch each enabled provider\'s discovery document and JWKS (the only network use)')
    .option('--timeout <ms>', 'with --online: time limit per request (default 5000)')
    .option('--ca-file <pem>', 'with --online: extra trusted CA certificates for identity providers behind a private CA')
    .option('--list-rules', 'print the rules and exit')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--concurrency <n|auto|off>', 'lint files on n threads (n - 1 workers); auto (default): half the cores, for many files', 'auto')
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

  program
    .command('urls')
    .description('print the URLs to register at each enabled identity provider (redirect, callback, SCIM, logout)')
    .argument('<values...>', 'values files of one release, merged as `helm -f` merges them ("-" reads stdin)')
    .option('--set <path=value>', 'a value as `helm --set` sets it (repeatable)', collect, [] as string[])
    .option('--base-domain <domain>', 'the platform base domain, when the files do not set global.baseDomain')
    .option('--format <name>', 'text (default) or json')
    .action(async (files: string[], flags: { set: string[]; baseDomain?: string; format?: string }) => {
      const { urlsCommand } = await import('./commands/urls.js');
      exitCode = await urlsCommand(files, flags, { stdout: io.stdout, cwd: io.cwd, readStdin: io.readStdin });
    });

  program
    .command('explain')
    .description('print the effective Houston config (chart defaults, each values file, env overrides), each value with its origin')
    .argument('<values...>', 'values files of one release, merged as `helm -f` merges them ("-" reads stdin)')
    .option('--set <path=value>', 'a value as `helm --set` sets it (repeatable)', collect, [] as string[])
    .option('--path <config-path>', 'the part of the Houston config to show', 'auth')
    .action(async (files: string[], flags: { set: string[]; path: string }) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = await explainCommand(files, flags, { stdout: io.stdout, cwd: io.cwd, readStdin: io.readStdin });
    });

  program
    .command('init-editor')
    .description('map the schema to values files in .vscode/settings.json (yaml-language-server)')
    .option('--schema <path|url>', 'schema to use (default: the installed package\'s schema)')
    .option('--files <glob...>', 'file patterns the schema applies to (default: **/*values*.yaml, **/*values*.yml)')
    .option('--force', 'rewrite a settings file with comments, and move patterns mapped to another schema')
    .action(async (flags: { schema?: string; files?: string[]; force?: boolean }) => {
      const { initEditor, describeInitEditor, InitEditorError } = await import('./init-editor.js');
      try {
        const result = initEditor({ cwd: io.cwd, ...(flags.schema ? { schemaPath: flags.schema } : {}), ...(flags.files ? { files: flags.files } : {}), force: flags.force === true });
        for (const line of describeInitEditor(result)) io.stdout(`${line}\n`);
      } catch (err) {
        if (!(err instanceof InitEditorError)) throw err;
        io.stderr(`houston-lint: ${err.message}\n`);
        exitCode = 2;
      }
    });

  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined }));
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
  if (err instanceof UsageError || err instanceof InputError || err instanceof ConfigError) {
    io.stderr(`houston-lint: ${err.message}\n`);
  } else if (err instanceof RuleError) {
    io.stderr(`houston-lint: internal error: ${err.message}. Please report it.\n`);
  } else {
    io.stderr(`houston-lint: internal error: ${err instanceof Error ? err.message : String(err)}. Please report it.\n`);
  }
  if (debug && err instanceof Error) io.stderr(`${err.stack ?? ''}\n`);
  return 2;
}

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--concurrency must be a number of threads, auto or off, got "${value}"`);
  return Number(value);
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
    if (flags.reportUnusedDisableDirectives) rulesConfig['unused-disable-directive'] ??= 'error';
    if (flags.requireReason) rulesConfig['directive-reason'] ??= 'error';
    let maxWarnings = -1;
    if (flags.maxWarnings !== undefined) {
      if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, got "${flags.maxWarnings}"`);
      maxWarnings = Number(flags.maxWarnings);
    }
    const concurrency = parseConcurrency(flags.concurrency);
    if (flags.chartVersion !== undefined && !/^[12](\.\d+)*$/.test(flags.chartVersion)) throw new UsageError(`--chart-version must be 1 or 2, got "${flags.chartVersion}"`);
    const fixTypes = flags.fixType.flatMap((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
    for (const id of fixTypes) {
      const rule = ruleMap.get(id);
      if (!rule) throw new UsageError(`unknown rule "${id}" in --fix-type (see --list-rules)`);
      if (!rule.meta.fixable) throw new UsageError(`rule "${id}" in --fix-type has no fixes`);
    }
    if (flags.fix && flags.fixDryRun) throw new UsageError('use either --fix or --fix-dry-run, not both');
    if (!flags.online && (flags.timeout !== undefined || flags.caFile !== undefined)) throw new UsageError('--timeout and --ca-file only apply with --online');
    let online: LintCommandOptions['online'];
    if (flags.online) {
      // Loaded only for --online: without it, no network code is even imported.
      const { createDiscoveryCache, parseTimeoutMs, readCaFile } = await import('./online/discovery.js');
      online = { cache: createDiscoveryCache(), ...(flags.timeout !== undefined ? { timeoutMs: parseTimeoutMs(flags.timeout) } : {}) };
      if (flags.caFile !== undefined) {
        readCaFile(flags.caFile);
        online.caFile = flags.caFile;
      }
    }
    if (flags.fix && files.includes('-')) throw new UsageError('--fix cannot write to stdin; use --fix-dry-run to print the fixed text');
    if (flags.writeBaseline && flags.pruneBaseline) throw new UsageError('use either --write-baseline or --prune-baseline, not both');
    // One resolver for the whole run: a configuration file is found and loaded once.
    const resolver = new ConfigResolver({ lookup: flags.configLookup, cwd: io.cwd, ...(flags.config ? { configFile: flags.config } : {}) });
    if (flags.printConfig !== undefined) {
      const resolved = withFlags(await resolver.forFile(flags.printConfig), { rules: rulesConfig, ...(flags.chartVersion ? { chartVersion: flags.chartVersion } : {}) });
      io.stdout(JSON.stringify(resolved, null, 2) + '\n');
      return 0;
    }
    let environments = flags.env;
    if (files.length === 0 && flags.values.length === 0 && flags.set.length === 0 && environments.length === 0) {
      // Without files, a configuration that defines environments is linted whole.
      const found = await resolver.forFile(`${io.cwd}/values.yaml`);
      if (Object.keys(found.environments).length === 0) {
        throw new UsageError('no files given (try `houston-lint values.yaml`, `houston-lint -f base.yaml -f prod.yaml`, or `-` for stdin)');
      }
      environments = ['*'];
    }
    return await runLint(
      {
        files,
        ...(online ? { online } : {}),
        secrets: flags.secrets,
        rendered: flags.rendered === true,
        valuesFiles: flags.values,
        set: flags.set,
        environments,
        outputs: parseOutputs(flags.format, flags.outputFile),
        ...(flags.stdinFilename !== undefined ? { stdinFilename: flags.stdinFilename } : {}),
        quiet: flags.quiet === true,
        maxWarnings,
        rules: rulesConfig,
        ...(flags.chartVersion !== undefined ? { chartVersion: flags.chartVersion } : {}),
        color: flags.color ?? io.isTTY,
        ...(flags.config !== undefined ? { configFile: flags.config } : {}),
        configLookup: flags.configLookup,
        inlineConfig: flags.inlineConfig,
        fix: flags.fix === true,
        fixDryRun: flags.fixDryRun === true,
        ...(fixTypes.length ? { fixTypes } : {}),
        ...(flags.baseline !== undefined ? { baselineFile: flags.baseline } : {}),
        writeBaseline: flags.writeBaseline === true,
        pruneBaseline: flags.pruneBaseline === true,
        concurrency,
        debug: flags.debug === true,
      },
      { stdout: io.stdout, stderr: io.stderr, readStdin: io.readStdin, cwd: io.cwd },
      resolver,
    );
  } catch (err) {
    return reportFailure(err, io, flags.debug === true);
  }
}

/**
 * `-f stylish -f sarif -o sarif=results.sarif`: each format goes to its file, or to stdout; at most one
 * format may use stdout. A bare `-o FILE` names the file of the only (or first) format.
 */
export function parseOutputs(formats: string[], files: string[]): { format: string; file?: string }[] {
  const names = formats.length ? formats : ['stylish'];
  for (const f of names) if (!FORMATTER_NAMES.includes(f)) throw new UsageError(`unknown format "${f}": use one of ${FORMATTER_NAMES.join(', ')}`);
  if (new Set(names).size !== names.length) throw new UsageError('each --format may be given once');
  const outputs: { format: string; file?: string }[] = names.map((format) => ({ format }));
  for (const spec of files) {
    const m = /^([a-z]+)=(.+)$/.exec(spec);
    const target = m ? outputs.find((o) => o.format === m[1]) : outputs.find((o) => o.file === undefined);
    if (m && !target) throw new UsageError(`--output-file ${spec}: format "${m[1]}" is not among the --format values`);
    if (!target || target.file !== undefined) throw new UsageError(`--output-file ${spec}: every format already has a file`);
    target.file = m ? m[2]! : spec;
  }
  if (outputs.filter((o) => o.file === undefined).length > 1) {
    throw new UsageError(`only one format can go to stdout: give the others a file with --output-file FORMAT=FILE`);
  }
  return outputs;
}

function listRules(): string {
  const rows = rules.map((r) => [r.meta.id, r.meta.optIn ? `${r.meta.severity}*` : r.meta.severity, r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggest' : '', r.meta.description]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length), 4);
  const w2 = 7;
  const head = `${'rule'.padEnd(w0)}  severity  ${'fixable'.padEnd(w2)}  description\n`;
  return head + rows.map((r) => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(8)}  ${r[2]!.padEnd(w2)}  ${r[3]}`).join('\n') + '\n* off unless enabled (flag or configuration)\n';
}
