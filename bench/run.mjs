// The benchmark (npm run bench): houston-lint beside its baselines in one run, as median ratios checked against the targets.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_OUT, generateCorpus } from './generate.mjs';
import { childEnv, hasGnuTime, measureInterleaved } from './measure.mjs';
import { formatHeader, formatRow, formatSummary, fmtBytes, fmtMiB, machineInfo } from './report.mjs';
import { BENCH_DIR, DEFAULT_TOOLS_DIR, REPO, ajvArgs, bundleParseOnly, findTools, installTools, writeSpectralRuleset } from './tools.mjs';

const MIB = 1024 * 1024;
const USAGE = `usage: node bench/run.mjs [--quick] [--dry-run] [--heavy] [--runs N] [--only id,id] [--out DIR]
                         [--bin FILE] [--tools DIR] [--install-tools] [--yamllint CMD]
  --quick          corpus scaled down fifty-fold, few runs (a smoke run of about 30 s on a quiet machine)
  --dry-run        tiny corpus, one run of each command (checks the harness, figures meaningless)
  --heavy          add the 50 MB file
  --runs N         measured runs per command (default: 10 small, 5 medium, 3 large)
  --only ids       only these workloads (values58,small40,platform3000,set,big,map,aliasBomb,deepNesting,heavy)
  --out DIR        corpus, bundles and results.json (default bench/out)
  --bin FILE       the houston-lint to run (default bin/houston-lint.cjs; run npm run build first)
  --tools DIR      where ajv-cli, ajv-formats and Spectral are installed (default ${DEFAULT_TOOLS_DIR})
  --install-tools  npm install them there first
  --yamllint CMD   the yamllint command (default yamllint)
`;

/** Runs per tier: warm-up runs, measured runs, and the wall-time budget after which a command stops early. */
const PLANS = {
  full: { small: { warmup: 1, runs: 10, budgetMs: 15_000 }, medium: { warmup: 1, runs: 5, budgetMs: 20_000 }, large: { warmup: 0, runs: 3, budgetMs: 30_000 }, timeoutMs: 600_000 },
  quick: { small: { warmup: 1, runs: 3, budgetMs: 2_000 }, medium: { warmup: 0, runs: 1, budgetMs: 1 }, large: { warmup: 0, runs: 1, budgetMs: 1 }, timeoutMs: 120_000 },
  dry: { small: { warmup: 0, runs: 1, budgetMs: 1 }, medium: { warmup: 0, runs: 1, budgetMs: 1 }, large: { warmup: 0, runs: 1, budgetMs: 1 }, timeoutMs: 120_000 },
};

export function parseArgs(argv) {
  const o = { quick: false, dryRun: false, heavy: false, out: DEFAULT_OUT, bin: path.join(REPO, 'bin', 'houston-lint.cjs'), tools: DEFAULT_TOOLS_DIR, installTools: false, yamllint: 'yamllint' };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => {
      if (k + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++k];
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--heavy') o.heavy = true;
    else if (a === '--install-tools') o.installTools = true;
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--only') o.only = value().split(',');
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--bin') o.bin = path.resolve(value());
    else if (a === '--tools') o.tools = path.resolve(value());
    else if (a === '--yamllint') o.yamllint = value();
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.runs !== undefined && !(Number.isInteger(o.runs) && o.runs > 0)) throw new Error('--runs needs a positive integer');
  return o;
}

/** The workloads: the commands measured for each, and the checks on their medians (targets of the issue). */
function workloads(files, { hl, node, floor, parseOnly, ajv, spectral, yamllint, heavy }) {
  const mem = (file) => (3 * file.bytes) / MIB + 60;
  const rows = [
    {
      id: 'values58', tier: 'small', title: `one 58-line values file, whole process (${fmtBytes(files.values58.bytes)})`,
      commands: { hl: hl([files.values58.path]), node, spectral: spectral([files.values58.path]), yamllint: yamllint([files.values58.path]), ajv: ajv(files.values58.path), floor: floor([files.values58.path]) },
      checks: [ratio('hl', 'node', '<=', 2, 'houston-lint / node -e 0'), ratio('spectral', 'hl', '>=', 10, 'Spectral / houston-lint (speed-up)'), ratio('hl', 'yamllint', '<', 1, 'houston-lint / yamllint')],
    },
    {
      id: 'small40', tier: 'small', title: `${files.smallDir.count} 40-line values files in one process`,
      commands: { hl: hl([files.smallDir.path]), floor: floor([files.smallDir.path]) },
      checks: [info('hl', 'values58.node', 'houston-lint / node -e 0'), info('hl', 'floor', 'houston-lint / parse-only floor')],
    },
    {
      id: 'platform3000', tier: 'medium', title: `one 3,000-line platform values file (${fmtBytes(files.platform3000.bytes)})`,
      commands: { hl: hl([files.platform3000.path]), ajv: ajv(files.platform3000.path), floor: floor([files.platform3000.path]) },
      checks: [info('hl', 'floor', 'houston-lint / parse-only floor'), info('hl', 'ajv', 'houston-lint / ajv-cli')],
    },
    {
      id: 'set', tier: 'large', title: `${files.set.count.toLocaleString('en-US')} files (${fmtBytes(files.set.bytes)}) in one process`,
      commands: { hl: hl([files.set.path]), ajv: ajv(path.join(files.set.path, '*.yaml')), spectral: spectral([path.join(files.set.path, '*.yaml')]), floor: floor([files.set.path]) },
      checks: [ratio('hl', 'ajv', '<=', 1, 'houston-lint / ajv-cli'), ratio('spectral', 'hl', '>=', 10, 'Spectral / houston-lint (speed-up)'), memory('hl', 200, 'houston-lint peak memory'), info('hl', 'floor', 'houston-lint / parse-only floor')],
    },
    {
      id: 'big', tier: 'large', title: `one ${fmtBytes(files.big.bytes)} file`,
      commands: { hl: hl([files.big.path]), ajv: ajv(files.big.path), floor: floor([files.big.path]) },
      checks: [ratio('hl', 'ajv', '<=', 1, 'houston-lint / ajv-cli'), memory('hl', mem(files.big), 'houston-lint peak memory (3× file + 60 MiB)'), info('hl', 'floor', 'houston-lint / parse-only floor')],
    },
    {
      id: 'map', tier: 'medium', title: `${files.map.keys.toLocaleString('en-US')}-key map (${fmtBytes(files.map.bytes)})`,
      commands: { hl: hl([files.map.path]), floor: floor([files.map.path]), parseOnly: parseOnly([files.map.path]) },
      checks: [ratio('hl', 'floor', '<=', 2, 'houston-lint / bundled parse-only floor'), info('parseOnly', 'floor', 'unbundled / bundled parse-only')],
    },
    ...['aliasBomb', 'deepNesting'].map((id) => ({
      id, tier: 'small', title: id === 'aliasBomb' ? 'hostile: alias bomb (10^9 nodes if expanded)' : 'hostile: 10,000-level nesting',
      commands: { hl: hl([files[id].path]), floor: floor([files[id].path]) },
      checks: [exit('hl', 1, 'houston-lint reports it (exit 1, no crash)'), ratio('hl', 'values58.hl', '<=', 2, 'houston-lint / houston-lint on the 58-line file'), memory('hl', 200, 'houston-lint peak memory')],
    })),
  ];
  if (heavy && files.heavy) {
    rows.push({
      id: 'heavy', tier: 'large', title: `hostile: one ${fmtBytes(files.heavy.bytes)} file`,
      commands: { hl: hl([files.heavy.path]), floor: floor([files.heavy.path]) },
      checks: [memory('hl', mem(files.heavy), 'houston-lint peak memory (3× file + 60 MiB)'), info('hl', 'floor', 'houston-lint / parse-only floor')],
    });
  }
  return rows;
}

function ratio(num, den, op, limit, label) {
  return { kind: 'ratio', num, den, op, limit, label, target: `${op === '<=' ? '≤' : op === '>=' ? '≥' : '<'} ${limit}×` };
}
function info(num, den, label) {
  return { kind: 'info', num, den, label, target: 'info' };
}
function memory(cmd, limitMiB, label) {
  return { kind: 'memory', cmd, limitMiB, label, target: `≤ ${Math.round(limitMiB)} MiB` };
}
function exit(cmd, code, label) {
  return { kind: 'exit', cmd, code, label, target: `exit ${code}` };
}

/** Evaluates a check against the measurements (`row.id` → `key` → measurement); baselines that are missing skip it. */
function evaluate(check, row, all) {
  const get = (ref) => {
    const [r, k] = ref.includes('.') ? ref.split('.') : [row.id, ref];
    return all.get(r)?.get(k);
  };
  const problem = (m, ref) => {
    if (!m) return { result: 'SKIP', detail: `${ref} not measured in this run` };
    if (m.status === 'ok') return undefined;
    // houston-lint failing is a failure; a baseline that is missing or fails only skips the comparison.
    if (ref === 'hl' || ref.endsWith('.hl')) return { result: 'FAIL', detail: `houston-lint did not complete: ${m.status}` };
    return { result: 'SKIP', detail: `${m.label}: ${m.status === 'skipped' ? 'skipped (tool missing)' : `${m.status}: ${m.reason}`}` };
  };
  const base = { label: check.label, target: check.target, kind: check.kind };
  if (check.kind === 'ratio' || check.kind === 'info') {
    const a = get(check.num);
    const b = get(check.den);
    const p = problem(a, check.num) ?? problem(b, check.den);
    if (p) return { ...base, ratio: null, ...p };
    const value = a.wallMs / b.wallMs;
    // CPU time (user + sys) is less disturbed by other load on the machine than wall time; shown beside it.
    const cpuRatio = a.cpuMs > 0 && b.cpuMs > 0 ? a.cpuMs / b.cpuMs : null;
    const detail = `${a.label} ${fmtWall(a)} vs ${b.label} ${fmtWall(b)}`;
    if (check.kind === 'info') return { ...base, ratio: value, cpuRatio, result: 'INFO', detail };
    const ok = check.op === '<=' ? value <= check.limit : check.op === '>=' ? value >= check.limit : value < check.limit;
    return { ...base, ratio: value, cpuRatio, limit: check.limit, op: check.op, result: ok ? 'PASS' : 'FAIL', detail };
  }
  const m = get(check.cmd);
  const p = problem(m, check.cmd);
  if (p) return { ...base, ratio: null, ...p };
  if (check.kind === 'memory') {
    if (m.peakMiB === undefined) return { ...base, ratio: null, result: 'SKIP', detail: 'peak memory not measurable here' };
    const value = m.peakMiB / check.limitMiB;
    return { ...base, ratio: value, limit: 1, op: '<=', result: value <= 1 ? 'PASS' : 'FAIL', detail: `${fmtMiB(m.peakMiB)} of ${fmtMiB(check.limitMiB)}` };
  }
  return { ...base, ratio: null, result: m.exitCode === check.code ? 'PASS' : 'FAIL', detail: `exit ${m.exitCode}` };
}

function fmtWall(m) {
  return m.wallMs >= 1000 ? `${(m.wallMs / 1000).toFixed(2)} s` : `${m.wallMs.toFixed(0)} ms`;
}

/** Runs the benchmark; returns the results object (also written to <out>/results.json). */
export async function runBenchmark(o, log = (s) => process.stdout.write(s)) {
  const profile = o.dryRun ? 'tiny' : o.quick ? 'quick' : 'full';
  const plan = PLANS[o.dryRun ? 'dry' : o.quick ? 'quick' : 'full'];
  mkdirSync(o.out, { recursive: true });
  if (o.installTools && !installTools(o.tools)) log(`warning: npm install of the baseline tools into ${o.tools} failed; their rows are skipped\n`);
  const manifest = generateCorpus({ out: o.out, profile, heavy: o.heavy });
  const files = manifest.files;

  // houston-lint must run at all, or there is nothing to report.
  const pre = spawnSync(process.execPath, [o.bin, files.values58.path], { encoding: 'utf8', env: childEnv() });
  if ((pre.status !== 0 && pre.status !== 1) || pre.stderr.trim() !== '') {
    throw new Error(`${o.bin} does not run (exit ${pre.status}): ${(pre.stderr || pre.error?.message || '').trim().split('\n').slice(0, 3).join(' | ')}. Run npm run build first.`);
  }

  const tools = findTools({ toolsDir: o.tools, yamllint: o.yamllint });
  const ruleset = writeSpectralRuleset(o.out);
  const bundle = await bundleParseOnly(o.out);
  const node = process.execPath;
  const tool = (t, label, args) => (t.missing ? { label, missing: t.missing } : { label: `${label} ${t.version}`, cmd: t.cmd, args: [...t.prefix, ...args] });
  const builders = {
    heavy: o.heavy,
    hl: (inputs) => ({ label: 'houston-lint', cmd: node, args: [o.bin, ...inputs], quiet: true }),
    node: { label: 'node -e 0', cmd: node, args: ['-e', '0'], expectExit: [0], quiet: true },
    floor: (inputs) => (bundle ? { label: 'parse-only floor (bundled)', cmd: node, args: [bundle, ...inputs], expectExit: [0], quiet: true } : { label: 'parse-only floor (bundled)', missing: 'esbuild is not installed' }),
    parseOnly: (inputs) => ({ label: 'parse-only (unbundled)', cmd: node, args: [path.join(BENCH_DIR, 'parse-only.mjs'), ...inputs], expectExit: [0], quiet: true }),
    ajv: (data) => tool(tools.ajv, 'ajv-cli', ajvArgs(data)),
    spectral: (inputs) => tool(tools.spectral, 'Spectral', ['lint', '-r', ruleset, '--quiet', ...inputs]),
    yamllint: (inputs) => ({ ...tool(tools.yamllint, 'yamllint', inputs), expectExit: [0, 1, 2] }),
  };
  let rows = workloads(files, builders);
  if (o.only) {
    const unknown = o.only.filter((id) => !rows.some((r) => r.id === id));
    if (unknown.length) throw new Error(`unknown workload ${unknown.join(', ')}`);
    rows = rows.filter((r) => o.only.includes(r.id));
  }

  const gnuTime = hasGnuTime();
  const meta = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    profile,
    heavy: o.heavy,
    dryRun: o.dryRun,
    machine: machineInfo(REPO),
    memorySource: gnuTime ? 'GNU time (%M, max RSS)' : '/proc/<pid>/status VmHWM polling',
    bin: path.relative(REPO, o.bin) || o.bin,
    tools: Object.fromEntries(Object.entries(tools).map(([k, t]) => [k, t.missing ? { missing: t.missing } : { version: t.version }])),
    corpus: { dir: manifest.dir, seed: manifest.seed },
  };
  log(formatHeader(meta));
  const all = new Map();
  const results = [];
  for (const row of rows) {
    const settings = { ...plan[row.tier], timeoutMs: plan.timeoutMs, gnuTime };
    if (o.runs) settings.runs = o.runs;
    const measured = new Map();
    all.set(row.id, measured);
    // All commands of a row in rounds (measureInterleaved): a ratio compares runs made at the same time.
    const runnable = Object.entries(row.commands).filter(([, c]) => !c.missing);
    const byKey = await measureInterleaved(
      runnable.map(([key, c]) => ({ key, cmd: c.cmd, args: c.args, okCodes: c.expectExit ?? [0, 1], quiet: c.quiet ?? false })),
      { ...settings, cwd: REPO },
    );
    for (const [key, c] of Object.entries(row.commands)) {
      const m = c.missing ? { status: 'skipped', reason: c.missing } : byKey.get(key);
      measured.set(key, { key, label: c.label, ...m });
    }
    const checks = row.checks.map((c) => evaluate(c, row, all));
    const result = { id: row.id, title: row.title, tier: row.tier, measurements: [...measured.values()], checks };
    results.push(result);
    log(formatRow(result));
  }
  meta.loadAverageAtEnd = os.loadavg().map((n) => Number(n.toFixed(2)));
  log(formatSummary(results));
  const out = { meta, rows: results };
  writeFileSync(path.join(o.out, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  log(`results: ${path.join(o.out, 'results.json')}\n`);
  return out;
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    await runBenchmark(o);
    return 0; // a report: targets that fail do not fail the command
  } catch (err) {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'run.mjs')) process.exitCode = await main();
