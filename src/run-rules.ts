// Runs the schema and every enabled rule over a lint unit and collects their findings (unpositioned).
import { rules as builtinRules } from '../rules/index.js';
import { Fixer } from './fixer.js';
import { buildHoustonModel } from './houston-model.js';
import { interpolate } from './rule.js';
import { validateSchema } from './validate-schema.js';
import { formatPath, getAt } from './values-path.js';
import type { Finding } from './finding.js';
import type { SourcedFix } from './fixer.js';
import type { LintUnit } from './lint-unit.js';
import type { ReportDescriptor, RuleContext, RuleModule, RuleSettings, ScalarSource } from './rule.js';
import type { ValuesPath } from './types.js';

/** A rule threw: a bug in houston-lint, reported with the rule and file so it can be fixed. */
export class RuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly filePath: string,
    override readonly cause: unknown,
  ) {
    super(`rule "${ruleId}" failed on ${filePath}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export type SeverityResolver = (rule: RuleModule<never>) => { severity: 'off' | 'warn' | 'error'; options: Record<string, unknown> };

/** Schema findings, then rule findings; a rule that explains a path replaces the schema's complaint about it. */
export function runChecks(unit: LintUnit, chartVersion: string, resolve: SeverityResolver): Finding[] {
  const { values } = unit;
  const model = buildHoustonModel(values);
  const fixer = new Fixer(unit.locations, new Map(unit.sources.map((s) => [s.name, s])));
  const findings: Finding[] = [];
  for (const f of validateSchema(values, model)) {
    const finding: Finding = { ruleId: f.ruleId, messageId: f.messageId, message: f.message, path: f.path, target: f.target };
    if (f.suggestion) {
      const fix = fixer.replaceKey(f.path, f.suggestion);
      if (fix) finding.suggestions = [{ desc: `Rename to \`${f.suggestion}\`.`, messageId: 'rename', fix }];
    }
    findings.push(finding);
  }

  const settings: RuleSettings = { chartVersion };
  const ruleFindings: Finding[] = [];
  for (const rule of builtinRules) {
    if (!rule.check) continue;
    const { severity, options } = resolve(rule);
    if (severity === 'off') continue;
    const context: RuleContext<never> = {
      values,
      houston: model,
      settings,
      options: options as never,
      fixer,
      has: (path) => unit.locations.has(path),
      scalar: (path) => scalarSource(unit, path),
      report: (d: ReportDescriptor) => ruleFindings.push(toFinding(rule, d)),
    };
    try {
      rule.check(context);
    } catch (err) {
      throw new RuleError(rule.meta.id, unit.sources.map((s) => s.name).join(', '), err);
    }
  }
  const explained = new Set(ruleFindings.map((f) => (f.path ? formatPath(f.path) : '')));
  return [...findings.filter((f) => !f.path || !explained.has(formatPath(f.path))), ...ruleFindings];
}

function scalarSource(unit: LintUnit, path: ValuesPath): ScalarSource | undefined {
  const loc = unit.locations.get(path);
  const source = loc && unit.sources.find((s) => s.name === loc.source);
  if (!loc || !source) return undefined;
  const value = getAt(unit.values, path);
  if (value !== null && typeof value === 'object') return undefined;
  const text = source.text.slice(loc.valueRange[0], loc.valueRange[1]);
  if (text.startsWith('*') || text.startsWith('&') || text.startsWith('!')) return undefined; // alias, anchor or tag
  const c = text[0];
  const style = c === '"' ? 'double' : c === "'" ? 'single' : c === '|' || c === '>' ? 'block' : 'plain';
  return { text, style };
}

function toFinding(rule: RuleModule<never>, d: ReportDescriptor): Finding {
  const template = rule.meta.messages[d.messageId];
  if (template === undefined) throw new Error(`unknown messageId "${d.messageId}"`);
  const finding: Finding = {
    ruleId: rule.meta.id,
    messageId: d.messageId,
    message: interpolate(template, d.data),
    path: d.path,
    target: d.target ?? 'value',
    ...(d.severity ? { severity: d.severity } : {}),
  };
  if (d.fix) finding.fix = d.fix as SourcedFix;
  if (d.suggest?.length) {
    finding.suggestions = d.suggest.map((s) => {
      const desc = s.desc ?? (s.messageId ? interpolate(rule.meta.messages[s.messageId] ?? s.messageId, s.data) : 'Apply suggestion');
      return { desc, ...(s.messageId ? { messageId: s.messageId } : {}), fix: s.fix as SourcedFix };
    });
  }
  return finding;
}
