// Lints many values files on several threads. Each worker runs the same bundle and the same `lintText` as the main
// thread, so the results are the ones a single thread gives, in the same order (`test/parallel.test.ts` compares
// every output format byte for byte).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lintText, RuleError } from './linter.js';
import type { LintOptions } from './linter.js';
import type * as NodeOs from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import type { LintResult } from './types.js';

/** One file to lint: its text and the options the single-threaded path would pass to `lintText`. */
export interface LintJob {
  text: string;
  options: LintOptions;
}

/** `--concurrency`: a number of threads, `auto`, or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * Loads a Node built-in when it is first needed (node:os and node:worker_threads cost every run that never uses
 * them). `require`, not `import()`: the bundle runs in a vm.Script, which has no dynamic import.
 */
const builtin = <T>(name: string): T => createRequire(import.meta.url)(name) as T;

/** Files per thread below which starting a worker (a thread, the bundle, its code cache, a cold JIT) does not pay. */
const FILES_PER_THREAD = 100;

/**
 * The number of threads to lint `files` files on, this one included, or 0 for this thread alone: for `off`, for
 * few files, or where workers cannot run (from the TypeScript sources, in tests: workers run the built bundle).
 * `auto` takes half the cores, as ESLint does: one linting thread keeps about one more core busy collecting garbage
 * and compiling (measured on 2 cores: 3.5 s of CPU in 2.8 s), so threads pay from 4 cores on.
 */
export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off' || files < 2 || bundleFile() === undefined) return 0;
  let n: number;
  if (concurrency === 'auto') {
    if (files < 2 * FILES_PER_THREAD) return 0;
    const { availableParallelism } = builtin<typeof NodeOs>('node:os'); // loaded only for a run this large
    n = Math.min(Math.floor(availableParallelism() / 2), Math.floor(files / FILES_PER_THREAD));
  } else n = Math.min(concurrency, files);
  return n >= 2 ? n : 0;
}

/** The CLI bundle this code runs from (`dist/cli/houston-lint.cjs`), or undefined when it runs from the sources. */
function bundleFile(): string | undefined {
  const url = import.meta.url;
  return url.startsWith('file:') && url.endsWith('.cjs') ? fileURLToPath(url) : undefined;
}

/**
 * The worker's start: load the bundle as bin/houston-lint.cjs does (with the V8 code cache written at build time)
 * and serve lint jobs.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const vm = require('node:vm');
const path = require('node:path');
const file = workerData.bundle;
let cachedData;
try { cachedData = readFileSync(file + '.cache'); } catch {}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const cjs = { exports: {} };
script.runInThisContext()(cjs.exports, Module.createRequire(file), cjs, file, path.dirname(file));
cjs.exports.lintWorker();
`;

type Reply = { id: number; result: LintResult } | { id: number; error: { message: string; rule?: { ruleId: string; filePath: string } } };

/**
 * Lints the jobs on `threads` threads: this one and `threads - 1` workers, all taking the next file from one queue.
 * Results come back in job order. A failure in any job rejects, as it would throw on one thread.
 */
export function lintInWorkers(jobs: readonly LintJob[], threads: number): Promise<LintResult[]> {
  const bundle = bundleFile();
  if (!bundle) return Promise.reject(new Error('worker threads need the built CLI bundle'));
  const { Worker } = builtin<typeof WorkerThreads>('node:worker_threads');
  return new Promise((resolve, reject) => {
    const results: LintResult[] = new Array<LintResult>(jobs.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const completed = () => {
      if (++done === jobs.length) finish();
    };
    const send = (w: Worker) => {
      if (next >= jobs.length || settled) return;
      const id = next++;
      try {
        w.postMessage({ id, text: jobs[id]!.text, options: jobs[id]!.options });
      } catch (err) {
        finish(err as Error); // DataCloneError: options that cannot be copied to a thread
      }
    };
    for (let i = 1; i < threads; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle }, stdout: false, stderr: false });
      workers.push(w);
      w.on('message', (reply: Reply) => {
        if ('error' in reply) {
          const { message, rule } = reply.error;
          finish(rule ? new RuleError(rule.ruleId, rule.filePath, new Error(message)) : new Error(message));
          return;
        }
        results[reply.id] = reply.result;
        send(w);
        completed();
      });
      w.on('error', (err) => finish(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`a lint worker stopped (exit code ${code}) before its files were linted`));
      });
      // Two jobs in flight per worker: it does not wait for this thread between files.
      send(w);
      send(w);
    }
    // This thread lints too, one file at a time, letting the workers' replies in between.
    const own = () => {
      if (settled || next >= jobs.length) return;
      const id = next++;
      try {
        results[id] = lintText(jobs[id]!.text, jobs[id]!.options);
      } catch (err) {
        finish(err as Error);
        return;
      }
      completed();
      setImmediate(own);
    };
    setImmediate(own);
  });
}

/** Runs in a worker: lints each file it is sent and posts the result back. */
export function lintWorker(): void {
  const port = builtin<typeof WorkerThreads>('node:worker_threads').parentPort;
  if (!port) throw new Error('lintWorker runs in a worker thread');
  port.on('message', ({ id, text, options }: { id: number } & LintJob) => {
    try {
      port.postMessage({ id, result: lintText(text, options) } satisfies Reply);
    } catch (err) {
      const message = err instanceof RuleError && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
      const rule = err instanceof RuleError ? { ruleId: err.ruleId, filePath: err.filePath } : undefined;
      port.postMessage({ id, error: { message, ...(rule ? { rule } : {}) } } satisfies Reply);
    }
  });
}
