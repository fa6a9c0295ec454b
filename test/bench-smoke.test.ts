// Smoke test of the benchmark harness: a deterministic, realistic corpus, and a dry run that reports every workload
// with numeric ratios. No timing assertions: the speed targets live in the benchmark (npm run bench), never in tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateCorpus, PROFILES } from '../bench/generate.mjs';
import type { CorpusManifest } from '../bench/generate.mjs';
import { writeSpectralRuleset } from '../bench/tools.mjs';
import { REPO } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const dirs: string[] = [];
/** A temporary directory, removed after the tests (corpora are a few hundred KiB each). */
function scratch(): string {
  const dir = tempDir({});
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PARSE = { version: '1.1', uniqueKeys: false, merge: true } as const;
const ROWS = ['values58', 'small40', 'platform3000', 'set', 'big', 'map', 'aliasBomb', 'deepNesting'];

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'manifest.json') out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function lineCount(file: string): number {
  return readFileSync(file, 'utf8').split('\n').length - 1;
}

function houstonOf(file: string): Record<string, unknown> {
  const doc = parseDocument(readFileSync(file, 'utf8'), PARSE);
  expect(doc.errors).toEqual([]);
  const values = doc.toJS({ maxAliasCount: -1 }) as { astronomer?: { houston?: Record<string, unknown> } };
  expect(values.astronomer?.houston).toBeTypeOf('object');
  return values.astronomer!.houston!;
}

describe('bench/generate.mjs', () => {
  const a = generateCorpus({ out: scratch(), profile: 'tiny', force: true });

  it('writes the same bytes for the same seed, and other bytes for another seed', () => {
    const b = generateCorpus({ out: scratch(), profile: 'tiny', force: true });
    const c = generateCorpus({ out: scratch(), profile: 'tiny', seed: 7, force: true });
    expect(hashes(b.dir)).toEqual(hashes(a.dir));
    expect(hashes(c.dir)['platform-3000.yaml']).not.toBe(hashes(a.dir)['platform-3000.yaml']);
  });

  it('has the sizes of the issue: 40, 58 and 3,000 lines; the set, the map and the nesting as the profile says', () => {
    const f: CorpusManifest['files'] = a.files;
    expect(lineCount(f.values58.path)).toBe(58);
    for (const name of readdirSync(f.smallDir.path)) expect(lineCount(path.join(f.smallDir.path, name))).toBe(40);
    expect(readdirSync(f.smallDir.path)).toHaveLength(20);
    expect(lineCount(f.platform3000.path)).toBe(3000);
    expect(readdirSync(f.set.path)).toHaveLength(PROFILES.tiny.setFiles);
    expect(f.set.bytes).toBeGreaterThan(PROFILES.tiny.setBytes * 0.8);
    expect(f.set.bytes).toBeLessThan(PROFILES.tiny.setBytes * 1.2);
    expect(f.big.bytes).toBeGreaterThanOrEqual(PROFILES.tiny.bigBytes);
    const labels = (houstonOf(f.map.path).config as { deployments: { labels: object } }).deployments.labels;
    expect(Object.keys(labels)).toHaveLength(PROFILES.tiny.mapKeys);
    expect(readFileSync(f.deepNesting.path, 'utf8').match(/\[/g)).toHaveLength(10_000);
  });

  it('writes realistic values: every ordinary file is valid YAML with a houston auth section', () => {
    const f = a.files;
    const auth = houstonOf(f.values58.path).config as { auth: { openidConnect: { okta: { enabled: boolean } } } };
    expect(auth.auth.openidConnect.okta.enabled).toBe(true);
    const files = [f.platform3000.path, f.big.path, ...readdirSync(f.set.path).map((n) => path.join(f.set.path, n)), ...readdirSync(f.smallDir.path).map((n) => path.join(f.smallDir.path, n))];
    for (const file of files) expect((houstonOf(file).config as { auth?: unknown }).auth).toBeTypeOf('object');
  });

  it('writes an alias bomb that only expands past any sane limit', () => {
    const doc = parseDocument(readFileSync(a.files.aliasBomb.path, 'utf8'), PARSE);
    expect(doc.errors).toEqual([]);
    expect(() => doc.toJS({ maxAliasCount: 100_000 })).toThrow(/alias/i);
  });
});

describe('bench/.spectral.yaml', () => {
  it('applies the houston schema, inlined, as houston-lint does: it rejects enabled: "false" and accepts the 58-line file', () => {
    const file = writeSpectralRuleset(scratch());
    const ruleset = JSON.parse(readFileSync(file, 'utf8')) as { rules: Record<string, { given: string; then: { functionOptions: { schema: object } } }> };
    const rule = ruleset.rules['houston-schema']!;
    expect(rule.given).toBe('$.astronomer.houston');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(rule.then.functionOptions.schema);
    const corpus = generateCorpus({ out: scratch(), profile: 'tiny' });
    expect(validate(houstonOf(corpus.files.values58.path))).toBe(true);
    expect(validate({ config: { auth: { openidConnect: { okta: { enabled: 'false' } } } } })).toBe(false);
    expect(validate({ config: { auth: { openidConnect: { okta: { discoveryURL: 'https://x' } } } } })).toBe(false);
  });
});

describe('bench/run.mjs', () => {
  it('prints every workload with numeric ratios and marks the baselines it cannot find as skipped', () => {
    const out = scratch();
    const noTools = scratch();
    const r = spawnSync(process.execPath, ['bench/run.mjs', '--dry-run', '--out', out, '--tools', noTools, '--yamllint', path.join(noTools, 'no-yamllint')], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const id of ROWS) expect(r.stdout).toContain(`[${id}] `);
    expect(r.stdout).toMatch(/^machine: nproc \d+, .+, [\d.]+ GiB RAM, Node v\d+/m);
    expect(r.stdout).toMatch(/Spectral\s+skipped \(tool missing\)/);
    expect(r.stdout).toMatch(/^summary: \d+ PASS, \d+ FAIL, \d+ skipped$/m);

    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      meta: { machine: { nproc: number; node: string } };
      rows: { id: string; measurements: { key: string; status: string; wallMs?: number; runs?: number }[]; checks: { label: string; result: string; ratio: number | null; kind: string; detail?: string }[] }[];
    };
    expect(results.meta.machine.nproc).toBeGreaterThan(0);
    expect(results.meta.machine.node).toBe(process.version);
    expect(results.rows.map((row) => row.id)).toEqual(ROWS);
    for (const row of results.rows) {
      const hl = row.measurements.find((m) => m.key === 'hl')!;
      expect(hl.status, row.id).toBe('ok');
      expect(hl.runs).toBe(1);
      for (const check of row.checks) {
        expect(['PASS', 'FAIL', 'SKIP', 'INFO'], `${row.id}: ${check.label}`).toContain(check.result);
        if (check.result === 'SKIP') expect(check.detail).toMatch(/skipped \(tool missing\)/);
        else if (check.kind !== 'exit') expect(check.ratio, `${row.id}: ${check.label}`).toBeGreaterThan(0);
        if (check.result !== 'SKIP' && check.kind !== 'exit') expect(r.stdout).toContain(`${check.ratio!.toFixed(2)}×`);
      }
    }
    // The baselines that are always there give numbers: node -e 0 and the bundled parse-only floor.
    const values58 = results.rows.find((row) => row.id === 'values58')!;
    expect(values58.checks.find((c) => c.label.includes('node -e 0'))!.ratio).toBeGreaterThan(0);
    expect(values58.checks.find((c) => c.label.includes('Spectral'))!.result).toBe('SKIP');
    expect(results.rows.find((row) => row.id === 'map')!.checks[0]!.ratio).toBeGreaterThan(0);
  }, 240_000);

  it('refuses an unknown option with the usage and exit 2', () => {
    const r = spawnSync(process.execPath, ['bench/run.mjs', '--fast'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --fast');
    expect(r.stderr).toContain('usage: node bench/run.mjs');
  });
});
