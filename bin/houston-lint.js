#!/usr/bin/env node
// houston-lint command: runs the built CLI and only sets the exit code.
import { run } from '../dist/src/cli.js';

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { decodeSource } = await import('../dist/src/read-inputs.js');
  return decodeSource(Buffer.concat(chunks));
};

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
