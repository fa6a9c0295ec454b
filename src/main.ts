// Entry of the houston-lint command: wires the real process to the CLI and returns the exit code.
import { run } from './cli.js';
import { decodeSource } from './read-inputs.js';

/** Runs the CLI on this process's arguments and streams; the caller sets `process.exitCode`. */
export function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const readStdin = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeSource(Buffer.concat(chunks));
  };
  return run(argv, {
    // Nothing to print (a clean file) leaves process.stdout untouched: creating the stream costs about 5 ms.
    stdout: (text) => void (text && process.stdout.write(text)),
    stderr: (text) => void (text && process.stderr.write(text)),
    readStdin,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
  });
}

export { lintWorker } from './parallel-lint.js';
