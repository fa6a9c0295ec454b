// Formats the benchmark: the machine it ran on, one table of measurements and one of checks per workload.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** nproc, CPU model, memory, Node version, load and the repository commit (read-only git). */
export function machineInfo(repo) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    /* not Linux */
  }
  const git = (args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    cpu,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    commit: head.status === 0 ? head.stdout.trim() + (dirty.stdout.trim() ? ' (with uncommitted changes)' : '') : 'unknown',
  };
}

export function fmtMs(ms) {
  if (ms === undefined) return '-';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function fmtMiB(mib) {
  return mib === undefined ? '-' : `${mib.toFixed(1)} MiB`;
}

export function fmtBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;
}

function pad(s, n) {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padLeft(s, n) {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

export function formatHeader(meta) {
  const m = meta.machine;
  return [
    `houston-lint benchmark: profile ${meta.profile}${meta.heavy ? ' + heavy' : ''}${meta.dryRun ? ' (dry run: 1 run each, figures meaningless)' : ''}, ${meta.date}, commit ${m.commit}`,
    `machine: nproc ${m.nproc}, ${m.cpu}, ${m.memoryGiB} GiB RAM, Node ${m.node}, load average ${m.loadAverage.join(' ')} at start`,
    `ratios of median wall times (cpu ratio: of median user+sys CPU times, for context on a busy machine); peak memory by ${meta.memorySource}; children run without NODE_EXTRA_CA_CERTS`,
    '',
  ].join('\n');
}

/** The lines of one workload: its measurements, then its checks with ratio, target and PASS/FAIL. */
export function formatRow(row) {
  const out = [`[${row.id}] ${row.title}`];
  out.push(`  ${pad('command', 34)}${padLeft('wall', 10)}${padLeft('cpu', 10)}${padLeft('peak', 12)}${padLeft('runs', 6)}`);
  for (const m of row.measurements) {
    if (m.status === 'ok') {
      out.push(`  ${pad(m.label, 34)}${padLeft(fmtMs(m.wallMs), 10)}${padLeft(fmtMs(m.cpuMs), 10)}${padLeft(fmtMiB(m.peakMiB), 12)}${padLeft(String(m.runs), 6)}`);
    } else {
      out.push(`  ${pad(m.label, 34)}${m.status === 'skipped' ? 'skipped (tool missing)' : m.status}: ${m.reason}`);
    }
  }
  if (row.checks.length > 0) {
    out.push(`  ${pad('check', 48)}${padLeft('ratio', 9)}  ${pad('target', 11)} ${pad('result', 7)}${padLeft('cpu ratio', 9)}`);
    for (const c of row.checks) {
      const x = (v) => (typeof v === 'number' ? `${v.toFixed(2)}×` : '-');
      const detail = c.detail ? `  ${c.detail}` : '';
      out.push(`  ${pad(c.label, 48)}${padLeft(x(c.ratio), 9)}  ${pad(c.target, 11)} ${pad(c.result, 7)}${padLeft(x(c.cpuRatio), 9)}${detail}`);
    }
  }
  out.push('');
  return out.join('\n');
}

export function formatSummary(rows) {
  const checks = rows.flatMap((r) => r.checks).filter((c) => c.result !== 'INFO');
  const count = (r) => checks.filter((c) => c.result === r).length;
  const failed = rows.flatMap((r) => r.checks.filter((c) => c.result === 'FAIL').map((c) => `  FAIL [${r.id}] ${c.label}`));
  return [`summary: ${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('SKIP')} skipped`, ...failed, ''].join('\n');
}

/** The figures of a results.json as Markdown (for docs/benchmark.md): `node bench/report.mjs [results.json]`. */
export function formatMarkdown({ meta, rows }) {
  const m = meta.machine;
  const x = (v) => (typeof v === 'number' ? `${v.toFixed(2)}×` : '–');
  const out = [
    `Run ${meta.date}, commit ${m.commit}, profile ${meta.profile}${meta.heavy ? ' + heavy' : ''}; nproc ${m.nproc}, ${m.cpu}, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}; load average ${m.loadAverage[0]} at start, ${meta.loadAverageAtEnd?.[0] ?? '?'} at end.`,
    '',
    '| workload | command | wall (median) | CPU | peak RSS | runs |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    row.measurements.forEach((c, i) => {
      const name = i === 0 ? `\`${row.id}\`: ${row.title}` : '';
      if (c.status === 'ok') out.push(`| ${name} | ${c.label} | ${fmtMs(c.wallMs)} | ${fmtMs(c.cpuMs)} | ${fmtMiB(c.peakMiB)} | ${c.runs} |`);
      else out.push(`| ${name} | ${c.label} | ${c.status === 'skipped' ? 'skipped (tool missing)' : c.status} | | | |`);
    });
  }
  out.push('', '| workload | check | ratio (wall) | target | result | ratio (CPU) |', '|---|---|---:|---|---|---:|');
  for (const row of rows) {
    for (const c of row.checks) out.push(`| \`${row.id}\` | ${c.label} | ${c.kind === 'exit' ? c.detail : x(c.ratio)} | ${c.target} | ${c.result === 'FAIL' ? '**FAIL**' : c.result} | ${x(c.cpuRatio)} |`);
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && process.argv[1].endsWith('report.mjs')) {
  const file = process.argv[2] ?? new URL('./out/results.json', import.meta.url);
  process.stdout.write(formatMarkdown(JSON.parse(readFileSync(file, 'utf8'))));
}
