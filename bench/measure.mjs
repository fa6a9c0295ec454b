// Runs a command several times and reports median wall time, CPU time and peak memory (GNU time, else /proc polling).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setInterval, clearInterval, setTimeout, clearTimeout } from 'node:timers';

const GNU_TIME = '/usr/bin/time';

/** Whether /usr/bin/time is GNU time (it understands `-f` and `-o`). */
export function hasGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const dir = mkdtempSync(path.join(tmpdir(), 'houston-bench-'));
  try {
    const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', path.join(dir, 't'), 'true'], { stdio: 'ignore' });
    return r.status === 0 && /^\d+\s*$/m.test(readFileSync(path.join(dir, 't'), 'utf8'));
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment children run in: this one without NODE_EXTRA_CA_CERTS (it slows every Node start-up). */
export function childEnv() {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

export function median(values) {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Reads VmHWM (peak resident set, KiB) and utime+stime (ms) of a live process; undefined once it is gone. */
function procSample(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssKiB: hwm ? Number(hwm[1]) : undefined, cpuMs: (ticks * 1000) / 100 };
  } catch {
    return undefined;
  }
}

/** One run: resolves with wall ms, CPU ms, peak RSS KiB, exit code, stderr tail, or a timeout. */
function runOnce(cmd, args, { cwd, env, timeoutMs, gnuTime, scratch }) {
  return new Promise((resolve) => {
    const timeFile = path.join(scratch, 'time.txt');
    const errFile = path.join(scratch, 'stderr.txt');
    const errFd = openSync(errFile, 'w');
    const [file, argv] = gnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
    const start = process.hrtime.bigint();
    let child;
    try {
      child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'ignore', errFd], detached: true });
    } catch (err) {
      closeSync(errFd);
      resolve({ error: String(err) });
      return;
    }
    let last;
    const poll = gnuTime ? undefined : setInterval(() => (last = procSample(child.pid) ?? last), 5);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the process group of the child we started
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      closeSync(errFd);
      resolve({ error: err.code === 'ENOENT' ? `${cmd}: not found` : String(err) });
    });
    child.on('exit', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      closeSync(errFd);
      const stderr = readFileSync(errFile, 'utf8').slice(-2000);
      if (timedOut) {
        resolve({ timeout: true, wallMs, stderr });
        return;
      }
      let rssKiB = last?.rssKiB;
      let cpuMs = last?.cpuMs;
      if (gnuTime) {
        const lines = (existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '').trim().split('\n');
        const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(lines[lines.length - 1] ?? '');
        if (m) {
          rssKiB = Number(m[1]);
          cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
        }
      }
      resolve({ wallMs, cpuMs, rssKiB, exitCode: signal ? 128 : code, signal: signal ?? undefined, stderr });
    });
  });
}

/**
 * Measures several commands in rounds: each round runs every command that is not done once, so a machine that
 * gets slower or faster during the measurement affects all of them alike and their ratios stay true. Per command
 * (`key`, `cmd`, `args`): `warmup` unmeasured runs, then up to `runs` measured ones, stopping early once `budgetMs`
 * of measured runs are spent (always at least one). Every run must exit with one of its `okCodes` (and, if `quiet`,
 * print nothing on stderr). Returns a Map from `key` to { status: 'ok', wallMs, cpuMs, peakMiB (medians), runs,
 * exitCode } or { status: 'error'|'timeout', reason }.
 */
export async function measureInterleaved(commands, { cwd = process.cwd(), runs = 5, warmup = 1, budgetMs = 30_000, timeoutMs = 300_000, gnuTime = hasGnuTime() } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'houston-bench-'));
  const env = childEnv();
  const state = commands.map((c) => ({ c, samples: [], spent: 0, done: 0, result: undefined }));
  try {
    for (let round = 0; round < warmup + runs; round++) {
      for (const st of state) {
        if (st.result) continue;
        const { cmd, args, okCodes = [0, 1], quiet = false } = st.c;
        const r = await runOnce(cmd, args, { cwd: st.c.cwd ?? cwd, env, timeoutMs, gnuTime, scratch });
        if (r.error) st.result = { status: 'error', reason: r.error };
        else if (r.timeout) st.result = { status: 'timeout', reason: `no result after ${Math.round(timeoutMs / 1000)} s`, wallMs: r.wallMs };
        // `quiet`: the command writes nothing to stderr when it works (a Node crash also exits 1, but says so there).
        else if (!okCodes.includes(r.exitCode) || (quiet && r.stderr.trim() !== '')) {
          const tail = r.stderr.trim().split('\n').slice(0, 3).join(' | ').slice(0, 300);
          st.result = { status: 'error', reason: `exit ${r.exitCode}${r.signal ? ` (${r.signal})` : ''}${tail ? `: ${tail}` : ''}` };
        } else if (round >= warmup) {
          st.samples.push(r);
          st.spent += r.wallMs;
          if (st.spent >= budgetMs || st.samples.length >= runs) st.result = summarize(st.samples, gnuTime);
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return new Map(state.map((st) => [st.c.key, st.result ?? summarize(st.samples, gnuTime)]));
}

function summarize(samples, gnuTime) {
  const rss = samples.map((s) => s.rssKiB).filter((v) => v !== undefined);
  const cpu = samples.map((s) => s.cpuMs).filter((v) => v !== undefined);
  return {
    status: 'ok',
    runs: samples.length,
    wallMs: median(samples.map((s) => s.wallMs)),
    minWallMs: Math.min(...samples.map((s) => s.wallMs)),
    cpuMs: median(cpu),
    peakMiB: rss.length ? median(rss) / 1024 : undefined,
    exitCode: samples[samples.length - 1].exitCode,
    memorySource: gnuTime ? 'GNU time %M' : '/proc VmHWM polling',
  };
}
