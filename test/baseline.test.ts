// Baseline: record, suppress by file/rule/path (not lines), report stale entries, prune.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const TWO_PROBLEMS = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabeld: true\n        github:\n          enabled: "no"\n';

async function json(dir: string, args: string[]) {
  const r = await cli([...args, '--format', 'json'], { cwd: dir });
  return { ...r, results: r.stdout ? (JSON.parse(r.stdout) as { messages: { ruleId: string; path: string }[]; suppressedMessages: { ruleId: string; suppressions: unknown[] }[] }[]) : [] };
}

describe('baseline', () => {
  it('records findings by file, rule and path, then accepts them', async () => {
    const dir = tempDir({ 'envs/prod.yaml': TWO_PROBLEMS });
    const write = await cli(['envs', '--write-baseline'], { cwd: dir });
    expect(write.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, '.houston-lint-baseline.json'), 'utf8'));
    expect(baseline).toEqual({
      version: 1,
      entries: [
        { file: 'envs/prod.yaml', ruleId: 'schema', path: 'astronomer.houston.config.auth.github.enabled', count: 1 },
        { file: 'envs/prod.yaml', ruleId: 'unknown-key', path: 'astronomer.houston.config.auth.local.enabeld', count: 1 },
      ],
    });
    const again = await json(dir, ['envs']);
    expect(again.code).toBe(0);
    expect(again.results[0]!.messages).toEqual([]);
    expect(again.results[0]!.suppressedMessages.map((m) => [m.ruleId, m.suppressions])).toEqual([
      ['unknown-key', [{ kind: 'baseline', justification: 'recorded in the baseline' }]],
      ['schema', [{ kind: 'baseline', justification: 'recorded in the baseline' }]],
    ]);
  });

  it('survives edits elsewhere in the file (no line numbers in the key)', async () => {
    const dir = tempDir({ 'v.yaml': TWO_PROBLEMS });
    await cli(['v.yaml', '--write-baseline'], { cwd: dir });
    writeFileSync(join(dir, 'v.yaml'), '# a new header comment\n\nglobal:\n  baseDomain: astro.acme-corp.io\n' + TWO_PROBLEMS);
    expect((await cli(['v.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('reports new findings, and stale entries until they are pruned', async () => {
    const dir = tempDir({ 'v.yaml': TWO_PROBLEMS });
    await cli(['v.yaml', '--write-baseline'], { cwd: dir });
    // Fix one recorded problem and add a new one.
    writeFileSync(join(dir, 'v.yaml'), TWO_PROBLEMS.replace('enabeld', 'enabled').replace('        github:', '        ldapp: {}\n        github:'));
    const r = await json(dir, ['v.yaml']);
    expect(r.code).toBe(1);
    expect(r.results[0]!.messages.map((m) => [m.ruleId, m.path])).toEqual([
      ['stale-baseline-entry', 'astronomer.houston.config.auth.local.enabeld'],
      ['unknown-key', 'astronomer.houston.config.auth.ldapp'],
    ]);
    const prune = await cli(['v.yaml', '--prune-baseline'], { cwd: dir });
    expect(prune.stderr).toContain('pruned the baseline from 2 to 1 findings');
    expect(JSON.parse(readFileSync(join(dir, '.houston-lint-baseline.json'), 'utf8')).entries).toEqual([
      { file: 'v.yaml', ruleId: 'schema', path: 'astronomer.houston.config.auth.github.enabled', count: 1 },
    ]);
    const after = await json(dir, ['v.yaml']);
    expect(after.results[0]!.messages.map((m) => m.ruleId)).toEqual(['unknown-key']);
  });

  it('keeps entries of files that were not linted when pruning', async () => {
    const dir = tempDir({ 'a.yaml': TWO_PROBLEMS, 'b.yaml': TWO_PROBLEMS });
    await cli(['.', '--write-baseline'], { cwd: dir });
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    await cli(['a.yaml', '--prune-baseline'], { cwd: dir });
    const entries = JSON.parse(readFileSync(join(dir, '.houston-lint-baseline.json'), 'utf8')).entries as { file: string }[];
    expect(entries.map((e) => e.file)).toEqual(['b.yaml', 'b.yaml']);
  });

  it('counts repeated findings with the same key', async () => {
    const text = 'astronomer:\n  houston:\n    secret:\n      - envName: A\n        secretName: s\n        bogus: 1\n      - envName: B\n        secretName: s\n        bogus: 2\n';
    const dir = tempDir({ 'v.yaml': text });
    await cli(['v.yaml', '--write-baseline', '--baseline', 'custom.json'], { cwd: dir });
    const entries = JSON.parse(readFileSync(join(dir, 'custom.json'), 'utf8')).entries as { path: string; count: number }[];
    expect(entries.map((e) => [e.path, e.count])).toEqual([
      ['astronomer.houston.secret[0].bogus', 1],
      ['astronomer.houston.secret[1].bogus', 1],
    ]);
    expect((await cli(['v.yaml', '--baseline', 'custom.json'], { cwd: dir })).code).toBe(0);
    expect((await cli(['v.yaml'], { cwd: dir })).code).toBe(1);
  });

  it('fails clearly on a missing or broken baseline', async () => {
    const dir = tempDir({ 'v.yaml': TWO_PROBLEMS, 'broken.json': '{"version": 2}' });
    const missing = await cli(['v.yaml', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing).toMatchObject({ code: 2, stderr: 'houston-lint: cannot read baseline "nope.json": no such file\n' });
    const broken = await cli(['v.yaml', '--baseline', 'broken.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json is not a houston-lint baseline/);
  });
});
