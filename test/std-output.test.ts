// The command writes its output with fs.writeSync (src/std-output.ts). Checked with the built command against the
// real things: a terminal (util-linux `script` gives it one), /dev/null, a file, and a pipe whose reader goes away.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin } from './helpers/cli.js';
import { REPO } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const BIN = join(REPO, 'bin/houston-lint.cjs');
const EXAMPLE = join(REPO, 'fixtures/examples/values.yaml');
/** Runs a shell command line; `$BIN` is the built command. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));
const sh = (line: string) => spawnSync('bash', ['-c', line], { encoding: 'utf8', env: { ...env, BIN }, maxBuffer: 64 * 1024 * 1024 });

describe('writing the output', () => {
  it('colours it on a terminal, and not elsewhere', () => {
    const tty = sh(`script -qec "node \\"$BIN\\" ${EXAMPLE}" /dev/null`);
    expect(tty.stdout).toContain('\u001b[31merror');
    expect(tty.stdout).toContain('values.yaml');
    const piped = bin([EXAMPLE]);
    expect(piped.stdout).toContain('values.yaml');
    expect(piped.stdout).not.toContain('\u001b[');
  });

  it('colours it when asked to (--color), also in a pipe; NO_COLOR turns it off only when set to something', () => {
    expect(sh(`node "$BIN" --color ${EXAMPLE} | cat`).stdout).toContain('\u001b[31merror');
    expect(sh(`NO_COLOR=1 script -qec "node \\"$BIN\\" ${EXAMPLE}" /dev/null`).stdout).not.toContain('\u001b[');
    expect(sh(`NO_COLOR= script -qec "node \\"$BIN\\" ${EXAMPLE}" /dev/null`).stdout).toContain('\u001b[31merror'); // no-color.org: empty is unset
  });

  it('writes all of a large output to a file, a pipe and /dev/null alike, with the right exit code', () => {
    const example = readFileSync(EXAMPLE, 'utf8');
    const dir = tempDir(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`v${String(i).padStart(3, '0')}.yaml`, example])));
    const piped = bin([dir, '--format', 'json']);
    expect(piped.code).toBe(1);
    expect(piped.stdout.length).toBeGreaterThan(256 * 1024); // more than a pipe holds: written in parts
    expect(JSON.parse(piped.stdout)).toHaveLength(300);
    const file = join(dir, 'out.json');
    const redirected = sh(`node "$BIN" "${dir}" --format json > "${file}"; echo "exit $?"`);
    expect(redirected.stdout).toBe('exit 1\n');
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    const devNull = sh(`node "$BIN" "${dir}" --format json > /dev/null; echo "exit $?"`);
    expect(devNull.stdout).toBe('exit 1\n');
    expect(devNull.stderr).toBe('');
  });

  it('stops writing quietly when the reader goes away (| head), keeping the exit code', () => {
    const example = readFileSync(EXAMPLE, 'utf8');
    const dir = tempDir(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`v${i}.yaml`, example])));
    const r = sh(`node "$BIN" "${dir}" 2>"${dir}/err" | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`);
    expect(r.stdout).toBe('exit 1\n');
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe(''); // was: "Unhandled 'error' event" and a stack trace
  });

  it('drops output to a closed stdout (>&-) as Node does, keeping the exit code', () => {
    const r = sh(`node "$BIN" ${EXAMPLE} >&-; echo "exit $?" >&2`);
    expect(r.stderr).toBe('exit 1\n');
  });
});
