// Safe writes (--fix, init-editor): a temporary file in the same directory, renamed over the original, mode kept.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Makes temporary names unique within the process (the pid and the time tell processes apart). */
let counter = 0;

/**
 * Writes `bytes` to `target` atomically: on any failure the original is untouched and no temp file is left.
 * An existing file keeps its mode; with `create`, a missing file (and its directory) is created.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | string, options: { create?: boolean } = {}): void {
  const exists = existsSync(target);
  if (!exists && options.create) mkdirSync(dirname(target), { recursive: true });
  // Through a symlink, write the file it points to (renaming over the link would replace the link itself).
  const path = exists || !options.create ? realpathSync(target) : target;
  const mode = exists ? statSync(path).mode & 0o7777 : 0o666 & ~process.umask();
  // No crypto for a unique name (loading node:crypto costs every run, most of which never write): 'wx' refuses an
  // existing file, and only a file this call created is ever removed.
  const tmp = join(dirname(path), `.${basename(path)}.houston-lint-${process.pid}-${Date.now().toString(36)}-${++counter}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tmp, 'wx', mode);
    created = true;
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    throw err;
  }
}
