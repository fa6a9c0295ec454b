// Runs the CLI in-process with captured output, or the built bin as a real process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../../src/cli.js';
import { REPO } from './paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], options: { cwd?: string; stdin?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => ({ text: options.stdin ?? '', encoding: 'utf8' as const }),
    cwd: options.cwd ?? REPO,
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}

/** The real `bin/houston-lint.cjs` (needs `npm run build`, which `npm test` does first). */
export function bin(args: string[], options: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/houston-lint.cjs'), ...args], {
    cwd: options.cwd ?? REPO,
    input: options.stdin ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
