// --fix: edits on the source text (everything else byte-identical), idempotent, safe writes, the 2.x migration.
import { chmodSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixText } from '../src/apply-fixes.js';
import { lintText } from '../src/linter.js';
import { writeFileAtomic } from '../src/write-file-atomic.js';
import { cli } from './helpers/cli.js';
import { CORPUS_MIGRATION, CORPUS_REAL, FIXTURES, yamlFiles } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';
import type { Diagnostic } from '../src/types.js';

const FIXABLE = `# Prod values: comments, blank lines and quoting must survive --fix.
global:
  baseDomain: 'astro.acme-corp.io'   # quoted on purpose

astronomer:
  houston:
    config:
      publicSignups: false  # 1.x form
      auth:
        local:
          enabled: no       # a YAML 1.1 boolean
        okta:               # misplaced: belongs under openidConnect
          enabled: true
          clientId: 0754123
          discoveryUrl: "https://acme.okta.com"
`;

/** The text between the fixes' ranges must come out byte-identical, in order: before, between, after. */
function untouchedRegionsEqual(original: string, fixes: Diagnostic[], output: string): void {
  const ranges = fixes.map((m) => m.fix!.range).sort((a, b) => a[0] - b[0]);
  const segments: string[] = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    segments.push(original.slice(pos, start));
    pos = end;
  }
  segments.push(original.slice(pos));
  expect(output.startsWith(segments[0]!)).toBe(true);
  expect(output.endsWith(segments.at(-1)!)).toBe(true);
  let at = segments[0]!.length;
  for (const seg of segments.slice(1, -1)) {
    const i = output.indexOf(seg, at);
    expect(i, JSON.stringify(seg)).toBeGreaterThanOrEqual(at);
    at = i + seg.length;
  }
}

describe('fixes are text edits on the original source', () => {
  it('fixes every fixable finding and leaves every other byte alone (one pass)', () => {
    const result = lintText(FIXABLE, { filePath: 'v.yaml' });
    const fixable = result.messages.filter((m) => m.fix);
    // numeric-id judges clientId only once the block is where Houston reads it: a later pass fixes it.
    expect(fixable.map((m) => m.ruleId).sort()).toEqual(['deprecated-key', 'provider-placement', 'yaml-ambiguous-boolean']);
    const { output } = applyFixes(FIXABLE, fixable);
    untouchedRegionsEqual(FIXABLE, fixable, output);
  });
  it('re-lints after fixing, reaches a fixed point, and the result parses to the intended data', () => {
    const result = fixText(FIXABLE, (t) => lintText(t, { filePath: 'v.yaml' }));
    expect(result.output).toBeDefined();
    expect(result.messages.filter((m) => m.fix)).toEqual([]);
    expect(result.output).toContain("  baseDomain: 'astro.acme-corp.io'   # quoted on purpose\n");
    expect(result.output).toContain('# Prod values: comments, blank lines and quoting must survive --fix.\n');
    expect(parse(result.output!, { version: '1.1' })).toEqual({
      global: { baseDomain: 'astro.acme-corp.io' },
      astronomer: {
        houston: {
          config: {
            publicSignups: { enabled: false },
            auth: { local: { enabled: false }, openidConnect: { okta: { enabled: true, clientId: '0754123', discoveryUrl: 'https://acme.okta.com' } } },
          },
        },
      },
    });
    const again = fixText(result.output!, (t) => lintText(t, { filePath: 'v.yaml' }));
    expect(again.output).toBeUndefined();
  });
  it('keeps CRLF line endings outside and inside the edits', () => {
    const crlf = FIXABLE.replaceAll('\n', '\r\n');
    const result = fixText(crlf, (t) => lintText(t, { filePath: 'v.yaml' }));
    expect(result.output).toBeDefined();
    expect(result.output!.replaceAll('\r\n', '')).not.toContain('\n');
    expect(result.output!.replaceAll('\r\n', '\n')).toBe(fixText(FIXABLE, (t) => lintText(t, { filePath: 'v.yaml' })).output);
  });
  it('--fix-type limits which rules fix', () => {
    const result = fixText(FIXABLE, (t) => lintText(t, { filePath: 'v.yaml' }), (m) => m.ruleId === 'yaml-ambiguous-boolean');
    expect(result.output).toBe(FIXABLE.replace('enabled: no', 'enabled: false'));
  });
});

describe('fix is idempotent and only changes what it means to, on every fixture and corpus file', () => {
  const files = [...yamlFiles(FIXTURES), ...yamlFiles(CORPUS_REAL), ...yamlFiles(CORPUS_MIGRATION)].sort();
  for (const file of files) {
    it(file.split('/').slice(-2).join('/'), () => {
      const text = readFileSync(file, 'utf8');
      for (const chartVersion of ['1', '2']) {
        const lint = (t: string) => lintText(t, { filePath: file, chartVersion });
        const first = fixText(text, lint);
        if (first.output === undefined) continue;
        expect(first.fatalErrorCount).toBe(0);
        expect(() => parse(first.output!, { version: '1.1' })).not.toThrow();
        expect(fixText(first.output, lint).output, 'a second --fix changes nothing').toBeUndefined();
        // Every comment line outside the edited keys survives.
        for (const line of text.split(/\r?\n/)) if (/^\s*#/.test(line)) expect(first.output).toContain(line.trim());
      }
    });
  }
});

describe('CLI --fix', () => {
  it('writes fixed files atomically, keeping their mode, and reports what is left', async () => {
    const dir = tempDir({ 'v.yaml': FIXABLE });
    chmodSync(join(dir, 'v.yaml'), 0o640);
    const r = await cli(['v.yaml', '--fix', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout);
    expect(result.messages.filter((m: Diagnostic) => m.fix)).toEqual([]);
    expect(readFileSync(join(dir, 'v.yaml'), 'utf8')).toBe(result.output);
    expect(statSync(join(dir, 'v.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['v.yaml']);
  });
  it('--fix-dry-run prints the fixed text and never writes', async () => {
    const dir = tempDir({ 'v.yaml': FIXABLE });
    const json = await cli(['v.yaml', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout)[0].output).toContain('openidConnect:');
    const stdin = await cli(['-', '--fix-dry-run'], { cwd: dir, stdin: FIXABLE });
    expect(stdin.stdout).toBe(JSON.parse(json.stdout)[0].output);
    expect(readFileSync(join(dir, 'v.yaml'), 'utf8')).toBe(FIXABLE);
  });
  it('never writes a file with a YAML syntax error', async () => {
    const broken = FIXABLE + 'extra: [unclosed\n';
    const dir = tempDir({ 'v.yaml': broken });
    const r = await cli(['v.yaml', '--fix'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'v.yaml'), 'utf8')).toBe(broken);
  });
  it('keeps UTF-16 files UTF-16', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]);
    const dir = tempDir({ 'v.yaml': bytes });
    await cli(['v.yaml', '--fix', '--fix-type', 'yaml-ambiguous-boolean'], { cwd: dir });
    const out = readFileSync(join(dir, 'v.yaml'));
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(out.subarray(2).toString('utf16le')).toBe(FIXABLE.replace('enabled: no', 'enabled: false'));
  });
  it('migrates a 1.x file to 2.x like Astronomer\'s script, keeping comments (--fix-type deprecated-key)', async () => {
    const original = readFileSync(join(CORPUS_MIGRATION, 'old-1x-values.yaml'), 'utf8');
    const dir = tempDir({ 'values.yaml': original });
    await cli(['values.yaml', '--fix', '--chart-version', '2', '--fix-type', 'deprecated-key'], { cwd: dir });
    const fixed = parse(readFileSync(join(dir, 'values.yaml'), 'utf8'), { version: '1.1' }) as { astronomer: { houston: unknown } };
    const migrated = parse(readFileSync(join(CORPUS_MIGRATION, 'old-1x-values.migrated.yaml'), 'utf8'), { version: '1.1' }) as { astronomer: { houston: Record<string, unknown> } };
    // The script also adds a default `strictSchemaCheck` that no 1.x key maps to (see test/migration.test.ts).
    delete migrated.astronomer.houston['strictSchemaCheck'];
    expect(fixed.astronomer.houston).toEqual(migrated.astronomer.houston);
    expect(existsSync(join(dir, 'values.yaml'))).toBe(true);
  });
  it('a failed write leaves the original untouched and no temporary file behind', () => {
    // rename(2) cannot replace a non-empty directory: the write fails after the temporary file was written.
    const dir = tempDir({ 'target/keep.txt': 'original' });
    expect(() => writeFileAtomic(join(dir, 'target'), Buffer.from('new'))).toThrow();
    expect(readFileSync(join(dir, 'target/keep.txt'), 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['target']);
  });
});
