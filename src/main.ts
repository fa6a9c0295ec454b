// Entry of the houston-lint command: wires the real process to the CLI and returns the exit code.
import { run } from './cli.js';
import { decodeSource } from './read-inputs.js';
import { stdoutIsTTY, writeOutput } from './std-output.js';

/** Runs the CLI on this process's arguments and streams; the caller sets `process.exitCode`. */
export function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const readStdin = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeSource(Buffer.concat(chunks));
  };
  return run(argv, {
    // Written with fs.writeSync: creating process.stdout costs 4–8 ms (std-output.ts).
    stdout: (text) => writeOutput(1, text),
    stderr: (text) => writeOutput(2, text),
    readStdin,
    cwd: process.cwd(),
    isTTY: !process.env['NO_COLOR'] && stdoutIsTTY(),
  });
}

export { lintWorker } from './parallel-lint.js';
