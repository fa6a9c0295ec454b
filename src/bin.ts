// Process entry of the houston-lint command: wires the real process to the CLI and sets only the exit code.
import { run } from './cli.js';
import { decodeSource } from './read-inputs.js';

const readStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeSource(Buffer.concat(chunks));
};

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
});
