// Writing to stdout and stderr without Node's stream objects.
//
// `process.stdout` is created on first use, and creating it costs 4 ms for a file and 7–8 ms for a pipe (it loads
// the net and tty modules): a tenth of a whole run on one small file, which is what a pre-commit hook does. Output
// is written with `fs.writeSync` instead, in full, in order. Two cases need care:
// - a descriptor in non-blocking mode (set by whoever holds the other end) may refuse a write (EAGAIN): everything
//   from there on goes through the stream, which waits for the reader;
// - a reader that has gone (`houston-lint … | head`) makes the write fail with EPIPE: the rest of the output is
//   dropped, as a Unix tool does, instead of an "Unhandled 'error' event" and a stack trace.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as NodeTty from 'node:tty';

type Fd = 1 | 2;
const stream = (fd: Fd): NodeJS.WriteStream => (fd === 1 ? process.stdout : process.stderr);
/** Per descriptor: writing through the stream from now on (after EAGAIN), or not at all (after EPIPE). */
const mode: Record<Fd, 'sync' | 'stream' | 'closed'> = { 1: 'sync', 2: 'sync' };

/** Writes all of `text` to stdout (1) or stderr (2). */
export function writeOutput(fd: Fd, text: string): void {
  if (!text || mode[fd] === 'closed') return;
  if (mode[fd] === 'stream') {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') {
      mode[fd] = 'stream';
      stream(fd).write(bytes.subarray(done));
    } else if (code === 'EPIPE') {
      mode[fd] = 'closed';
    } else throw err;
  }
}

/**
 * Whether stdout is a terminal. Only a character device can be one, and the usual one that is not, `/dev/null`, is
 * recognised by its device number; only then is `node:tty` (5 ms to load) asked.
 */
export function stdoutIsTTY(): boolean {
  let out;
  try {
    out = fstatSync(1);
  } catch {
    return false;
  }
  if (!out.isCharacterDevice()) return false;
  try {
    const devNull = statSync('/dev/null');
    if (devNull.isCharacterDevice() && devNull.rdev === out.rdev) return false;
  } catch {
    // no /dev/null (Windows): ask node:tty
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof NodeTty;
  return tty.isatty(1);
}
