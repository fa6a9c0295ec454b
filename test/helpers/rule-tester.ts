// ESLint-style rule tester: valid/invalid tables asserting rule id, message id, line, column, path and fixed output.
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/apply-fixes.js';
import { lintText } from '../../src/linter.js';
import { ruleMap, rules } from '../../rules/index.js';
import type { LintOptions, RulesConfig } from '../../src/linter.js';

export interface ValidCase {
  code: string;
  name?: string;
  chartVersion?: string;
  options?: Record<string, unknown>;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: string;
  /** Text the message must contain. */
  message?: string | RegExp;
  /** 1 (warning) or 2 (error), when a finding's severity differs from its rule's. */
  severity?: 1 | 2;
  /** Suggestion descriptions in order, when the finding offers any. */
  suggestions?: { desc?: string | RegExp; output: string }[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after `--fix`; omit (or set null) when the rule must not change the text. */
  output?: string | null;
}

/** Only the rule under test runs; directive checks (opt-in) run beside the default rules they police. */
function onlyRule(id: string, options?: Record<string, unknown>): RulesConfig {
  const config: RulesConfig = {};
  if (!ruleMap.get(id)?.meta.optIn) for (const r of rules) config[r.meta.id] = 'off';
  const sev = ruleMap.get(id)?.meta.severity ?? 'error';
  config[id] = options ? [sev, options] : sev;
  return config;
}

function lintOptions(id: string, c: ValidCase): LintOptions {
  return { filePath: 'values.yaml', rules: onlyRule(id, c.options), chartVersion: c.chartVersion ?? '2' };
}

/** Two cases are the same when code, chart version and options are. */
function caseKey(c: ValidCase): string {
  return JSON.stringify([c.code, c.chartVersion ?? '2', c.options ?? null]);
}

/** Runs a rule's table. Every invalid case must report exactly the listed errors, in position order. */
export function runRuleTests(id: string, tests: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const rule = ruleMap.get(id);
  describe(id, () => {
    it('is registered', () => expect(rule).toBeDefined());
    const seen = new Set<string>();
    for (const [i, raw] of tests.valid.entries()) {
      const c = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid #${i}${c.name ? `: ${c.name}` : ''}`, () => {
        const key = caseKey(c);
        expect(seen.has(key), 'duplicate test case').toBe(false);
        seen.add(key);
        const result = lintText(c.code, lintOptions(id, c));
        expect(result.messages.filter((m) => m.ruleId === 'yaml-syntax')).toEqual([]);
        expect(result.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      });
    }
    for (const [i, c] of tests.invalid.entries()) {
      it(`invalid #${i}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(c.errors.length, 'an invalid case needs errors').toBeGreaterThan(0);
        const key = caseKey(c);
        expect(seen.has(key), 'duplicate test case').toBe(false);
        seen.add(key);
        const options = lintOptions(id, c);
        const result = lintText(c.code, options);
        if (id !== 'yaml-syntax') expect(result.messages.filter((m) => m.ruleId === 'yaml-syntax')).toEqual([]);
        const got = result.messages.map((m) => ({
          ruleId: m.ruleId,
          messageId: m.messageId,
          line: m.line,
          column: m.column,
          ...(c.errors.some((e) => e.endLine !== undefined) ? { endLine: m.endLine, endColumn: m.endColumn } : {}),
          ...(c.errors.some((e) => e.path !== undefined) ? { path: m.path } : {}),
        }));
        const want = c.errors.map((e) => ({
          ruleId: id,
          messageId: e.messageId,
          line: e.line,
          column: e.column,
          ...(e.endLine !== undefined ? { endLine: e.endLine, endColumn: e.endColumn } : c.errors.some((x) => x.endLine !== undefined) ? { endLine: expect.any(Number), endColumn: expect.any(Number) } : {}),
          ...(e.path !== undefined ? { path: e.path } : c.errors.some((x) => x.path !== undefined) ? { path: expect.any(String) } : {}),
        }));
        expect(got).toEqual(want);
        c.errors.forEach((e, j) => {
          const m = result.messages[j]!;
          if (e.severity !== undefined) expect(m.severity).toBe(e.severity);
          if (e.message !== undefined) {
            if (typeof e.message === 'string') expect(m.message).toContain(e.message);
            else expect(m.message).toMatch(e.message);
          }
          if (e.suggestions) {
            expect((m.suggestions ?? []).length).toBe(e.suggestions.length);
            e.suggestions.forEach((s, k) => {
              const sug = m.suggestions![k]!;
              if (s.desc !== undefined) {
                if (typeof s.desc === 'string') expect(sug.desc).toContain(s.desc);
                else expect(sug.desc).toMatch(s.desc);
              }
              const out = c.code.slice(0, sug.fix.range[0]) + sug.fix.text + c.code.slice(sug.fix.range[1]);
              expect(out).toBe(s.output);
            });
          }
        });
        const fixed = fixText(c.code, (t) => lintText(t, options));
        if (c.output === undefined || c.output === null) {
          expect(fixed.output, 'the rule fixed the text; add `output` to the case').toBeUndefined();
        } else {
          expect(rule?.meta.fixable, 'output given for a rule that is not fixable').toBe(true);
          expect(fixed.output ?? c.code).toBe(c.output);
        }
      });
    }
  });
}
