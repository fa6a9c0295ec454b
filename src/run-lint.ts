// The lint command: inputs → per-file config → lint (and fix) → baseline → formatted output → exit code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fixSources, fixText } from './apply-fixes.js';
import { baselineFileKey, createBaseline, DEFAULT_BASELINE, entriesFor, parseBaseline, pruneBaseline } from './baseline.js';
import { ConfigResolver, withFlags } from './config/load-config.js';
import type { ResolvedConfig } from './config/load-config.js';
import type { InputKind } from './manifests/detect.js';
import { loadFormatter } from './formatters/index.js';
import { packageRoot } from './package-root.js';
import { closestName } from './suggest.js';
import { lintText, lintUnit, loadForLint, resolveSeverity } from './linter.js';
import { detectInput } from './manifests/detect.js';
import { loadRendered } from './manifests/rendered.js';
import { loadSecretManifests } from './manifests/secret-index.js';
import { mergeLoaded } from './merge-values.js';
import { loadSetValues, SET_SOURCE } from './set-values.js';
import { encodeSource, expandInputs, InputError, readSource } from './read-inputs.js';
import { ruleMap, rules } from '../rules/index.js';
import { writeFileAtomic } from './write-file-atomic.js';
import type { Baseline } from './baseline.js';
import type { LintOptions, RulesConfig, UnitOptions } from './linter.js';
import type { SourceText } from './read-inputs.js';
import type { DiscoveryOptions } from './online/discovery.js';
import { lintInWorkers, workerCount } from './parallel-lint.js';
import type { Concurrency, LintJob } from './parallel-lint.js';
import type { LintResult } from './types.js';

export interface LintCommandOptions {
  files: string[];
  /** `-f a.yaml -f b.yaml`: values files linted as one, merged as Helm merges them. */
  valuesFiles?: string[];
  /** `--set path=value` arguments, applied after the values files. */
  set?: string[];
  /** `--online`: discovery checks run before linting; their results feed the discovery-online rule. */
  online?: DiscoveryOptions;
  /** `--secrets FILE|DIR`: Kubernetes Secret manifests to cross-check `houston.secret` against. */
  secrets?: string[];
  /** `--rendered`: inputs are `helm template` output; the houston ConfigMap and Deployment are linted. */
  rendered?: boolean;
  /** `--env NAME`: releases from the configuration's `environments`; `'*'` lints all of them. */
  environments?: string[];
  /** Formats and where they go (a file, or stdout when `file` is absent). */
  outputs: { format: string; file?: string }[];
  stdinFilename?: string;
  quiet: boolean;
  maxWarnings: number;
  rules: RulesConfig;
  chartVersion?: string;
  color: boolean;
  configFile?: string;
  configLookup: boolean;
  inlineConfig: boolean;
  fix: boolean;
  fixDryRun: boolean;
  fixTypes?: string[];
  baselineFile?: string;
  writeBaseline: boolean;
  pruneBaseline: boolean;
  /** `--concurrency`: worker threads for many files (`auto` when absent). */
  concurrency?: Concurrency;
  /** `--debug`: say on stderr how the files were linted. */
  debug?: boolean;
}

export interface LintCommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<SourceText>;
  cwd: string;
}

/** Runs the lint command and returns the exit code (0 clean, 1 findings); throws for exit-2 failures. */
export async function runLint(
  opts: LintCommandOptions,
  io: LintCommandIO,
  resolver = new ConfigResolver({ lookup: opts.configLookup, cwd: io.cwd, ...(opts.configFile ? { configFile: opts.configFile } : {}) }),
): Promise<number> {
  const inputs = opts.files.length ? await expandInputs(opts.files, io.cwd) : [];
  const explicit = new Set(opts.files.map((f) => resolve(io.cwd, f)));

  const baselinePath = opts.baselineFile ? resolve(io.cwd, opts.baselineFile) : resolve(io.cwd, DEFAULT_BASELINE);
  const baselineDir = dirname(baselinePath);
  let baseline: Baseline | undefined;
  if (!opts.writeBaseline && (opts.baselineFile || existsSync(baselinePath))) {
    if (!existsSync(baselinePath)) throw new InputError(`cannot read baseline "${opts.baselineFile}": no such file`);
    try {
      baseline = parseBaseline(readFileSync(baselinePath, 'utf8'), baselinePath);
    } catch (err) {
      throw new InputError(err instanceof Error ? err.message : String(err));
    }
  }
  if (opts.pruneBaseline && !baseline) throw new InputError('--prune-baseline needs a baseline file (--baseline FILE or .houston-lint-baseline.json)');

  const results: LintResult[] = [];
  const sources = new Map<string, SourceText>();
  let skipped = 0;
  // Read every input first: Secret manifests among them are indexed before any values file is linted.
  const read: { input: string; shownName: string; isStdin: boolean; config: ResolvedConfig; source: SourceText; kind: InputKind }[] = [];
  for (const input of inputs) {
    const isStdin = input.path === '-';
    const name = isStdin ? resolve(io.cwd, opts.stdinFilename ?? '<stdin>') : input.path;
    const config = withFlags(await resolver.forFile(name), { rules: opts.rules, ...(opts.chartVersion ? { chartVersion: opts.chartVersion } : {}) });
    if (!isStdin && config.ignored && !explicit.has(input.path)) {
      skipped++;
      continue;
    }
    const source = isStdin ? await io.readStdin() : readSource(input.path);
    const shownName = isStdin ? (opts.stdinFilename ?? '<stdin>') : input.path;
    sources.set(shownName, source);
    read.push({ input: input.path, shownName, isStdin, config, source, kind: opts.rendered ? 'rendered' : detectInput(source.text) });
  }
  if (inputs.length > 0 && skipped === inputs.length) throw new InputError('all files matched by the given patterns are ignored by "ignorePatterns"');

  const manifestFiles = [
    ...read.filter((r) => r.kind === 'secrets').map((r) => ({ name: r.shownName, text: r.source.text })),
    ...(opts.secrets?.length ? (await expandInputs(opts.secrets, io.cwd)).map((i) => ({ name: i.path, text: readSource(i.path).text })) : []),
  ];
  const manifests = manifestFiles.length ? loadSecretManifests(manifestFiles, { rules: opts.rules, inlineConfig: opts.inlineConfig }) : undefined;
  /** Adds the Secret index to a file's rules, so secret-manifest can cross-check `houston.secret`. */
  const withSecrets = (rules: RulesConfig): RulesConfig => {
    const rule = ruleMap.get('secret-manifest');
    if (!manifests || !rule) return rules;
    const { severity } = resolveSeverity(rule, rules);
    return severity === 'off' ? rules : { ...rules, 'secret-manifest': [severity, { secrets: manifests.index }] };
  };

  // Values files can be linted on worker threads (the Secret index of --secrets is plain data), but not when fixing
  // (fixes that carry credentials are kept out of anything a thread could copy) or with --online.
  const threads = opts.fix || opts.fixDryRun || opts.online ? 0 : workerCount(opts.concurrency ?? 'auto', read.filter((r) => r.kind === 'values').length);
  const jobs: { slot: number; job: LintJob }[] = [];
  for (const r of read) {
    if (r.kind === 'secrets') continue;
    const rules = withSecrets(await withOnline(opts, () => loadForLint(r.shownName, r.source.text).values, r.config.rules));
    const baselineEntries = baseline && !r.isStdin ? entriesFor(baseline, baselineFileKey(r.input, baselineDir)) : undefined;
    if (r.kind === 'rendered') {
      const unit = loadRendered(r.shownName, r.source.text);
      if (!unit) throw new InputError(`${r.shownName}: no *-houston-config ConfigMap in these manifests (--rendered expects \`helm template\` output)`);
      if (opts.fix || opts.fixDryRun) throw new InputError(`${r.shownName}: rendered manifests cannot be fixed; fix the values files they were rendered from`);
      results.push(
        ...lintUnit(unit, {
          rules,
          chartVersion: r.config.chartVersion,
          inlineConfig: opts.inlineConfig,
          ...(baselineEntries ? { baseline: new Map([[r.shownName, baselineEntries]]) } : {}),
        }),
      );
      continue;
    }
    const lintOptions: LintOptions = {
      filePath: r.shownName,
      rules,
      chartVersion: r.config.chartVersion,
      inlineConfig: opts.inlineConfig,
      ...(baselineEntries ? { baseline: baselineEntries } : {}),
    };
    if (threads > 0) {
      jobs.push({ slot: results.length, job: { text: r.source.text, options: lintOptions } });
      results.push(undefined as unknown as LintResult); // filled in below, in this order
      continue;
    }
    const lint = (text: string) => lintText(text, lintOptions);
    const accept = opts.fixTypes ? (m: { ruleId: string }) => opts.fixTypes!.includes(m.ruleId) : undefined;
    results.push(opts.fix || opts.fixDryRun ? fixText(r.source.text, lint, accept) : lint(r.source.text));
  }
  if (jobs.length > 0) {
    if (opts.debug) io.stderr(`houston-lint: linting ${jobs.length} files on ${threads} threads\n`);
    const linted = await lintOnThreads(jobs.map((j) => j.job), threads);
    jobs.forEach((j, i) => (results[j.slot] = linted[i]!));
  }
  const specs: MergedSpec[] = [];
  if (opts.valuesFiles?.length || opts.set?.length) {
    specs.push({ files: (opts.valuesFiles ?? []).map((f) => resolve(io.cwd, f)), shown: opts.valuesFiles ?? [], set: opts.set ?? [] });
  }
  if (opts.environments?.length) specs.push(...(await environmentSpecs(opts.environments, resolver, io.cwd)));
  for (const spec of specs) {
    const merged = await lintMergedValues(spec, opts, resolver, baseline, baselineDir, withSecrets);
    for (const [name, source] of merged.sources) sources.set(name, source);
    results.push(...merged.results);
  }
  if (manifests) results.push(...manifests.results);

  if (opts.fix) writeFixes(results, sources);
  if (opts.writeBaseline) {
    writeFileSync(baselinePath, JSON.stringify(createBaseline(results, baselineDir), null, 2) + '\n');
    io.stderr(`houston-lint: wrote ${results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId !== 'yaml-syntax').length, 0)} findings to ${baselinePath}\n`);
    return 0;
  }
  if (opts.pruneBaseline && baseline) {
    const pruned = pruneBaseline(baseline, results, baselineDir);
    writeFileSync(baselinePath, JSON.stringify(pruned, null, 2) + '\n');
    io.stderr(`houston-lint: pruned the baseline from ${count(baseline)} to ${count(pruned)} findings\n`);
    for (const r of results) r.messages = r.messages.filter((m) => m.ruleId !== 'stale-baseline-entry');
  }
  return report(results, sources, opts, io);
}

/** One release to lint as a unit: values files in `helm -f` order, `--set`s, and settings of its own. */
interface MergedSpec {
  files: string[];
  /** The files as the user named them, for messages. */
  shown: string[];
  set: string[];
  /** Environment name (from the configuration), added to every message. */
  environment?: string;
  rules?: RulesConfig;
  chartVersion?: string;
}

/** The configuration's environments by name (`*` for all), as lint units. */
async function environmentSpecs(names: string[], resolver: ConfigResolver, cwd: string): Promise<MergedSpec[]> {
  const config = await resolver.forFile(resolve(cwd, 'values.yaml'));
  const defined = Object.keys(config.environments);
  if (defined.length === 0) throw new InputError(`--env ${names.join(', ')}: the configuration${config.configFile ? ` (${config.configFile})` : ''} defines no environments`);
  const wanted = names.includes('*') ? defined : names;
  return wanted.map((name) => {
    const env = config.environments[name];
    if (!env) {
      const near = closestName(name, defined);
      throw new InputError(`--env ${name}: no such environment in ${config.configFile}${near ? ` (did you mean "${near}"?)` : ` (defined: ${defined.join(', ')})`}`);
    }
    return {
      files: env.valuesFiles,
      shown: env.valuesFiles.map((f) => relative(cwd, f) || f),
      set: env.set,
      environment: name,
      rules: env.rules,
      ...(env.chartVersion ? { chartVersion: env.chartVersion } : {}),
    };
  });
}

/**
 * A release (`-f base.yaml -f prod.yaml --set k=v`, or an environment): one unit, merged like Helm; rules run
 * once and each finding goes to the file that set the value. The configuration is the one of the first file.
 */
async function lintMergedValues(
  spec: MergedSpec,
  opts: LintCommandOptions,
  resolver: ConfigResolver,
  baseline: Baseline | undefined,
  baselineDir: string,
  withSecrets: (rules: RulesConfig) => RulesConfig,
): Promise<{ results: LintResult[]; sources: Map<string, SourceText> }> {
  const { files } = spec;
  for (const [i, f] of files.entries()) {
    if (!existsSync(f)) throw new InputError(`cannot read "${spec.shown[i] ?? f}"${spec.environment ? ` (environment ${spec.environment})` : ''}: no such file`);
  }
  if (new Set(files).size !== files.length) throw new InputError('the same values file is given twice with -f');
  const sources = new Map<string, SourceText>(files.map((f) => [f, readSource(f)]));
  const fileConfig = await resolver.forFile(files[0] ?? resolve('values.yaml'));
  const config = withFlags(
    { ...fileConfig, rules: { ...fileConfig.rules, ...spec.rules }, chartVersion: spec.chartVersion ?? fileConfig.chartVersion },
    { rules: opts.rules, ...(opts.chartVersion ? { chartVersion: opts.chartVersion } : {}) },
  );
  const setLoaded = spec.set.length ? loadSetValues(spec.set) : undefined;
  const unitOptions: UnitOptions = {
    rules: withSecrets(await withOnline(opts, () => mergeLoaded([...files.map((f) => loadForLint(f, sources.get(f)!.text)), ...(setLoaded ? [setLoaded] : [])]).values, config.rules)),
    chartVersion: config.chartVersion,
    inlineConfig: opts.inlineConfig,
    ...(baseline ? { baseline: new Map(files.map((f) => [f, entriesFor(baseline, baselineFileKey(f, baselineDir))])) } : {}),
  };
  const lint = (texts: ReadonlyMap<string, string>) => {
    const loaded = files.map((f) => loadForLint(f, texts.get(f)!));
    return lintUnit(mergeLoaded(setLoaded ? [...loaded, setLoaded] : loaded), unitOptions);
  };
  const texts = new Map(files.map((f) => [f, sources.get(f)!.text]));
  const accept = opts.fixTypes ? (m: { ruleId: string }) => opts.fixTypes!.includes(m.ruleId) : undefined;
  let results = opts.fix || opts.fixDryRun ? fixSources(texts, lint, accept) : lint(texts);
  if (spec.environment) {
    const note = ` (environment ${spec.environment})`;
    results = results.map((r) => ({ ...r, messages: r.messages.map((m) => ({ ...m, message: m.message + note })) }));
  }
  if (setLoaded) sources.set(SET_SOURCE, { text: setLoaded.source.text, encoding: 'utf8' });
  return { results, sources };
}

/** With --online, runs the discovery checks for these values and passes their results to the rule. */
/** The jobs linted on worker threads; on the main thread instead when their options cannot be sent to a thread. */
async function lintOnThreads(jobs: LintJob[], threads: number): Promise<LintResult[]> {
  try {
    return await lintInWorkers(jobs, threads);
  } catch (err) {
    // A configuration file in JavaScript may give a rule options that cannot be copied (a function).
    if (!(err instanceof Error && err.name === 'DataCloneError')) throw err;
    return jobs.map((j) => lintText(j.text, j.options));
  }
}

async function withOnline(opts: LintCommandOptions, values: () => unknown, rules: RulesConfig): Promise<RulesConfig> {
  if (!opts.online) return rules;
  const { onlineRulesFor } = await import('./online/discovery.js');
  return onlineRulesFor(values(), rules, opts.online);
}

function count(b: Baseline): number {
  return b.entries.reduce((n, e) => n + e.count, 0);
}

/** Writes fixed files atomically; stdin's fixed text is printed instead. Never writes a file with a syntax error. */
function writeFixes(results: LintResult[], sources: Map<string, SourceText>): void {
  for (const r of results) {
    const source = sources.get(r.filePath);
    if (r.output === undefined || r.fatalErrorCount > 0 || !source || !existsSync(r.filePath)) continue;
    try {
      writeFileAtomic(r.filePath, encodeSource(r.output, source.encoding));
    } catch (err) {
      throw new InputError(`cannot write the fixes to "${r.filePath}": ${(err as NodeJS.ErrnoException).code ?? String(err)}; the file is unchanged`);
    }
  }
}

async function report(results: LintResult[], sources: Map<string, SourceText>, opts: LintCommandOptions, io: LintCommandIO): Promise<number> {
  const shown = opts.quiet ? results.map(errorsOnly) : results;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = opts.maxWarnings >= 0 && warnings > opts.maxWarnings;
  const forOutput = shown.map((r) => (opts.fix || opts.fixDryRun ? r : withoutOutput(r)));
  const context = {
    cwd: io.cwd,
    repoRoot: findRepoRoot(io.cwd),
    toolVersion: toolVersion(),
    rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])),
    ...(tooManyWarnings ? { maxWarningsExceeded: { maxWarnings: opts.maxWarnings, foundWarnings: warnings } } : {}),
  };
  const toStdout = opts.outputs.find((o) => o.file === undefined);
  for (const o of opts.outputs) {
    const formatter = (await loadFormatter(o.format))!;
    const text = formatter(forOutput, { ...context, color: o.file === undefined && opts.color });
    if (o.file !== undefined) {
      const path = resolve(io.cwd, o.file);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text.endsWith('\n') || text === '' ? text : `${text}\n`);
      } catch (err) {
        throw new InputError(`cannot write ${o.format} output to "${o.file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
    }
  }
  // The fixed text is printed only beside the human format: in JSON it is `output`; SARIF, JUnit and GitHub
  // workflow commands must stay exactly their format (a fixed file's text could even hold a `::command::` line).
  const textual = toStdout !== undefined && toStdout.format === 'stylish';
  const stdoutText = toStdout ? (await loadFormatter(toStdout.format))!(forOutput, { ...context, color: opts.color }) : '';
  // --fix-dry-run on stdin with a text format: the fixed text on stdout (for editors and pipes), the report on stderr.
  const stdinDryRun = opts.fixDryRun && textual && results.length === 1 && opts.files.includes('-');
  if (stdinDryRun) {
    const r = results[0]!;
    io.stdout(r.output ?? sources.get(r.filePath)?.text ?? '');
    if (stdoutText) io.stderr(stdoutText.endsWith('\n') ? stdoutText : `${stdoutText}\n`);
  } else {
    if (stdoutText) io.stdout(stdoutText.endsWith('\n') ? stdoutText : `${stdoutText}\n`);
    if (opts.fixDryRun && textual) {
      for (const r of results) if (r.output !== undefined) io.stdout(`\n--- ${r.filePath} (fixed, not written) ---\n${r.output}`);
    }
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** The nearest directory with `.git` above `cwd` (artifact URIs are relative to it), or `cwd`. */
function findRepoRoot(cwd: string): string {
  let dir = cwd;
  for (;;) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return cwd;
    dir = up;
  }
}

let version: string | undefined;

function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(resolve(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

function withoutOutput(r: LintResult): LintResult {
  const { output: _output, ...rest } = r;
  return rest;
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
