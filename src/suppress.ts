// After the checks: inline directives and the baseline hide findings; result counts and ordering.
import { applyDirectives, parseDirectives } from './directives.js';
import { rangeIn } from './locate.js';
import { parsePath } from './values-path.js';
import type { BaselineEntry } from './baseline.js';
import type { LintUnit } from './lint-unit.js';
import type { SourceFile } from './load-values.js';
import type { Diagnostic, LintResult, RuleSeverity } from './types.js';

/** Rule ids that no directive can hide. */
const UNSUPPRESSIBLE = new Set(['yaml-syntax', 'unused-disable-directive', 'directive-reason']);

export type SeverityOf = (ruleId: string) => RuleSeverity;

/** Applies `# houston-lint-disable…` comments of one source to its result. */
export function withDirectives(result: LintResult, source: SourceFile, severityOf: SeverityOf, knownRule: (id: string) => boolean): LintResult {
  const directives = parseDirectives(source.text, source.lines);
  if (directives.length === 0) return result;
  const outcome = applyDirectives(result.messages, directives, UNSUPPRESSIBLE);
  const extra: Diagnostic[] = [];
  const at = (range: [number, number]) => {
    const { line, column, endLine, endColumn } = rangeIn(source, range);
    return { line, column, endLine, endColumn };
  };
  const unusedSev = severityOf('unused-disable-directive');
  if (unusedSev !== 'off') {
    for (const { directive, ruleId } of outcome.unused) {
      const unknown = ruleId !== undefined && !knownRule(ruleId);
      const message = unknown
        ? `houston-lint-${directive.kind} names the unknown rule \`${ruleId}\`.`
        : ruleId
          ? `Unused houston-lint-${directive.kind} directive: no \`${ruleId}\` problem was reported here.`
          : `Unused houston-lint-${directive.kind} directive: no problem was reported here.`;
      extra.push({ ruleId: 'unused-disable-directive', severity: unusedSev === 'warn' ? 1 : 2, message, messageId: unknown ? 'unknownRule' : 'unused', path: '', ...at(directive.range) });
    }
  }
  const reasonSev = severityOf('directive-reason');
  if (reasonSev !== 'off') {
    for (const d of directives) {
      if (d.kind === 'enable' || d.reason) continue;
      extra.push({
        ruleId: 'directive-reason',
        severity: reasonSev === 'warn' ? 1 : 2,
        message: `houston-lint-${d.kind} needs a reason: add \` -- why this is acceptable\` after the rule ids.`,
        messageId: 'missingReason',
        path: '',
        ...at(d.range),
      });
    }
  }
  return countResult({
    ...result,
    messages: dedupe([...outcome.messages, ...extra].sort(compareDiagnostics)),
    suppressedMessages: [...result.suppressedMessages, ...outcome.suppressed],
  });
}

/** Suppresses findings recorded in the baseline; reports entries that matched nothing (the baseline only shrinks). */
export function withBaseline(result: LintResult, entries: readonly BaselineEntry[], unit: LintUnit, source: SourceFile, severityOf: SeverityOf): LintResult {
  const remaining = new Map<string, number>();
  for (const e of entries) {
    const key = JSON.stringify([e.ruleId, e.path]);
    remaining.set(key, (remaining.get(key) ?? 0) + e.count);
  }
  const messages: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const m of result.messages) {
    const key = JSON.stringify([m.ruleId, m.path]);
    const left = remaining.get(key) ?? 0;
    if (left > 0 && m.ruleId !== 'yaml-syntax') {
      remaining.set(key, left - 1);
      suppressed.push({ ...m, suppressions: [{ kind: 'baseline', justification: 'recorded in the baseline' }] });
    } else messages.push(m);
  }
  const staleSev = severityOf('stale-baseline-entry');
  if (staleSev !== 'off') {
    for (const [key, left] of remaining) {
      if (left <= 0) continue;
      const [ruleId, path] = JSON.parse(key) as [string, string];
      const found = unit.locations.closest(parsePath(path));
      const loc = found && found.loc.source === source.name ? found.loc : undefined;
      const { line, column, endLine, endColumn } = rangeIn(source, loc ? (loc.keyRange ?? loc.valueRange) : [0, 0]);
      messages.push({
        ruleId: 'stale-baseline-entry',
        severity: staleSev === 'warn' ? 1 : 2,
        message: `The baseline accepts ${left} more \`${ruleId}\` finding${left === 1 ? '' : 's'} at \`${path || '(document)'}\` than there are now: run with --prune-baseline to shrink it.`,
        messageId: 'stale',
        path,
        line,
        column,
        endLine,
        endColumn,
      });
    }
  }
  return countResult({ ...result, messages: messages.sort(compareDiagnostics), suppressedMessages: [...result.suppressedMessages, ...suppressed] });
}

/** Recomputes the counts of a result from its messages. */
export function countResult(result: LintResult): LintResult {
  const count = (sev: 1 | 2, fixable = false) => result.messages.filter((m) => m.severity === sev && (!fixable || m.fix)).length;
  return { ...result, errorCount: count(2), warningCount: count(1), fixableErrorCount: count(2, true), fixableWarningCount: count(1, true) };
}

/** Deterministic order: line, column, rule, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** Removes exact duplicates from a sorted list. */
export function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => {
    const p = sorted[i - 1];
    return !p || p.ruleId !== d.ruleId || p.line !== d.line || p.column !== d.column || p.message !== d.message;
  });
}
