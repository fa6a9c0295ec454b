// Linting on worker threads (--concurrency) must give exactly what one thread gives: same output, byte for byte, in
// every format, same exit code. Runs the built command, since the workers run the built bundle.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli } from './helpers/cli.js';
import { CORPUS_MIGRATION, CORPUS_REAL, FIXTURES, yamlFiles } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

/** Every fixture and corpus file, plus edited copies (broken YAML, suppressions), in nested directories. */
function corpusDir(): { dir: string; count: number } {
  const dir = tempDir({});
  let count = 0;
  for (const [root, name] of [
    [FIXTURES, 'fixtures'],
    [CORPUS_REAL, 'real'],
    [CORPUS_MIGRATION, 'migration'],
  ] as const) {
    for (const file of yamlFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const target = join(dir, name, relative(root, file));
      mkdirSync(join(target, '..'), { recursive: true });
      cpSync(file, target);
      const base = target.replace(/\.ya?ml$/, '');
      writeFileSync(`${base}.broken.yaml`, text.replace(/:\s/, ': [\n'));
      writeFileSync(`${base}.suppressed.yaml`, `# houston-lint-disable no-placeholder -- examples\n${text}`);
      count += 3;
    }
  }
  return { dir, count };
}

const { dir, count } = corpusDir();
const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'];

describe('--concurrency', () => {
  it('lints enough files here to use several threads', () => {
    expect(count).toBeGreaterThan(200);
  });

  it.each(FORMATS)('gives the single-threaded output on 3 threads: %s', (format) => {
    const args = ['--no-config-lookup', '--format', format, '.'];
    const one = bin([...args, '--concurrency', 'off', '--debug'], { cwd: dir });
    const three = bin([...args, '--concurrency', '3', '--debug'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(one.stderr).toBe('');
    // The values files (the corpus also holds Secret and rendered manifests, which are read on this thread).
    expect(Number(/^houston-lint: linting (\d+) files on 3 threads\n$/.exec(three.stderr)?.[1])).toBeGreaterThan(150);
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(10_000);
  });

  it('gives the single-threaded result with a baseline, rules from flags and --max-warnings', () => {
    const baseline = join(dir, 'baseline.json');
    expect(bin(['--no-config-lookup', '--concurrency', 'off', '--baseline', baseline, '--write-baseline', 'real'], { cwd: dir }).code).toBe(0);
    const args = ['--no-config-lookup', '--format', 'json', '--baseline', baseline, '--rule', 'yaml-ambiguous-boolean:error', '--max-warnings', '3', '.'];
    const one = bin([...args, '--concurrency', 'off'], { cwd: dir });
    const two = bin([...args, '--concurrency', '2'], { cwd: dir });
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).some((r: { suppressedMessages: unknown[] }) => r.suppressedMessages.length > 0)).toBe(true);
  });

  it('lints on one thread when fixing (fixes that carry credentials never leave it)', () => {
    const values = (v: string) => `astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: ${v}\n`;
    const fixDir = tempDir({ 'a.yaml': values('yes'), 'b.yaml': values('on') });
    const r = bin(['--no-config-lookup', '--concurrency', '2', '--debug', '--fix', '.'], { cwd: fixDir });
    expect(r.stderr).toBe(''); // no threads
    expect(readFileSync(join(fixDir, 'a.yaml'), 'utf8')).toBe(values('true'));
    expect(readFileSync(join(fixDir, 'b.yaml'), 'utf8')).toBe(values('true'));
  });

  it('refuses a value that is not a number of threads, auto or off', async () => {
    const r = await cli(['--concurrency', 'many', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency must be a number of threads, auto or off, got "many"');
  });
});
