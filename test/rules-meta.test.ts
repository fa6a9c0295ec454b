// Rule ↔ index ↔ test ↔ docs parity, and every docs example linted: incorrect ones trigger the rule, correct ones do not.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/linter.js';
import { DOCS_BASE_URL } from '../src/rule.js';
import { rules } from '../rules/index.js';
import { REPO } from './helpers/paths.js';
import type { RulesConfig } from '../src/linter.js';

const HEADINGS = ['## What it reports', '## Why', '## Incorrect', '## Correct', '## When not to use it'];
const ruleFiles = readdirSync(join(REPO, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
const docFiles = readdirSync(join(REPO, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
const coreTests = readFileSync(join(REPO, 'test/rules/core-rules.test.ts'), 'utf8');
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The ```yaml blocks under one `## ` heading of a docs page. */
function examples(page: string, heading: string): string[] {
  const start = page.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const rest = page.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n## /) === -1 ? undefined : rest.search(/\n## /));
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Lints with only `id` on; directive checks (opt-in) run beside the default rules they police. */
function lintWithOnly(id: string, code: string) {
  const config: RulesConfig = {};
  const optIn = rules.find((r) => r.meta.id === id)?.meta.optIn === true;
  for (const r of rules) if (r.meta.id === id || !optIn) config[r.meta.id] = r.meta.id === id ? r.meta.severity : 'off';
  const chartVersion = /^# chart-version: (\d)/.exec(code)?.[1] ?? '2';
  return lintText(code, { filePath: `docs/${id}.yaml`, rules: config, chartVersion });
}

describe('rule parity', () => {
  it('every module in rules/ is in the index, and every indexed rule has a module', () => {
    expect([...ruleFiles].sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });
  it('every docs page belongs to a rule', () => {
    expect([...docFiles].sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });
  it('rule ids are unique kebab-case', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
  for (const rule of rules) {
    const { id } = rule.meta;
    describe(id, () => {
      const page = existsSync(join(REPO, 'docs/rules', `${id}.md`)) ? readFileSync(join(REPO, 'docs/rules', `${id}.md`), 'utf8') : '';
      it('has a test', () => {
        if (rule.meta.crossFile) {
          // Cross-file rules are tested where their inputs are built; the docs page names those test files.
          const named = [...page.matchAll(/test\/[\w/-]+\.test\.ts/g)].map((m) => m[0]);
          expect(named.length, 'the docs page names the tests').toBeGreaterThan(0);
          for (const file of named) expect(readFileSync(join(REPO, file), 'utf8'), file).toContain(id);
        }
        else if (rule.meta.core) expect(coreTests).toContain(`runRuleTests('${id}'`);
        else {
          const file = join(REPO, 'test/rules', `${id}.test.ts`);
          expect(existsSync(file), `test/rules/${id}.test.ts`).toBe(true);
          expect(readFileSync(file, 'utf8')).toContain(`runRuleTests('${id}'`);
        }
      });
      it('has a docs URL derived from its id and is listed in the README', () => {
        expect(rule.meta.docs.url).toBe(`${DOCS_BASE_URL}${id}.md`);
        expect(readme).toContain(`docs/rules/${id}.md`);
      });
      it('has meta that matches its capabilities', () => {
        expect(rule.meta.description).toMatch(/\.$/);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(['error', 'warn']).toContain(rule.meta.severity);
      });
      it('has a docs page with the fixed layout', () => {
        const lines = page.split('\n');
        expect(lines[0]).toBe(`# ${id}`);
        expect(lines[2]).toBe(rule.meta.description);
        const sev = rule.meta.severity === 'warn' ? 'warning' : 'error';
        const fix = rule.meta.fixable ? 'yes' : rule.meta.hasSuggestions ? 'no (suggestion)' : 'no';
        expect(page).toContain(`| severity | fixable |\n|---|---|\n| ${sev} | ${fix} |`);
        const positions = HEADINGS.map((h) => page.indexOf(`\n${h}\n`));
        expect(positions.every((p) => p > 0), `headings ${HEADINGS.join(', ')}`).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });
      it('docs: every incorrect example triggers the rule', () => {
        if (rule.meta.crossFile) return expect(page).toMatch(/test\/[\w/-]+\.test\.ts/);
        const blocks = examples(page, '## Incorrect');
        expect(blocks.length).toBeGreaterThan(0);
        for (const code of blocks) expect(lintWithOnly(id, code).messages.map((m) => m.ruleId), code).toContain(id);
      });
      it('docs: no correct example triggers the rule', () => {
        if (rule.meta.crossFile) return expect(examples(page, '## Correct')).toEqual([]);
        const blocks = examples(page, '## Correct');
        expect(blocks.length).toBeGreaterThan(0);
        for (const code of blocks) expect(lintWithOnly(id, code).messages.filter((m) => m.ruleId === id || !rule.meta.optIn), code).toEqual([]);
      });
    });
  }
});
