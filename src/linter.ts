// The pure core: text and options in, ESLint-shaped results out. No files, no process state.
import { ruleMap, rules as builtinRules } from '../rules/index.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { Fixer } from './fixer.js';
import { buildHoustonModel } from './houston-model.js';
import { loadValues } from './load-values.js';
import { interpolate } from './rule.js';
import { validateSchema } from './validate-schema.js';
import { formatPath, getAt, parsePath, startsWith } from './values-path.js';
import type { BaselineEntry } from './baseline.js';
import type { SourcedFix } from './fixer.js';
import type { LoadedValues, SourceFile } from './load-values.js';
import type { ReportDescriptor, RuleContext, RuleModule, RuleSettings, ScalarSource } from './rule.js';
import type { Diagnostic, LintResult, RuleSeverity, Suggestion, ValuesPath } from './types.js';

export type RuleConfigValue = RuleSeverity | 0 | 1 | 2 | [RuleSeverity | 0 | 1 | 2, Record<string, unknown>?];
export type RulesConfig = Record<string, RuleConfigValue>;

export interface LintOptions {
  /** Name shown in results (`<stdin>` by default). */
  filePath?: string;
  /** Per-rule severity (and options), over each rule's default. */
  rules?: RulesConfig;
  /** Target chart major version, `2` by default. */
  chartVersion?: string;
  /** Honour `# houston-lint-disable…` comments (default true; `--no-inline-config` sets false). */
  inlineConfig?: boolean;
  /** Baseline entries for this file: matching findings are suppressed, unmatched entries reported. */
  baseline?: readonly BaselineEntry[];
}

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

/** A finding before it has a position. */
interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  path?: ValuesPath;
  target: 'key' | 'value';
  /** Direct source range, for problems found in the text rather than at a values path. */
  range?: [number, number];
  source?: string;
  fix?: SourcedFix | null;
  suggestions?: { desc: string; messageId?: string; fix: SourcedFix }[];
}

/** Values paths whose problems matter: the houston sections and `global.baseDomain`, and the maps above them. */
const SCOPES: ValuesPath[] = [['astronomer', 'houston'], ['houston'], ['global', 'baseDomain']];

function inScope(path: ValuesPath): boolean {
  return SCOPES.some((s) => startsWith(path, s) || startsWith(s, path));
}

/** Resolves a configured severity; 'off' means the rule does not run. */
export function resolveSeverity(rule: RuleModule<never>, config: RulesConfig | undefined): { severity: RuleSeverity; options: Record<string, unknown> } {
  const raw = config?.[rule.meta.id];
  const [sev, options] = Array.isArray(raw) ? raw : [raw, undefined];
  const named = sev === 0 ? 'off' : sev === 1 ? 'warn' : sev === 2 ? 'error' : sev;
  return { severity: named ?? (rule.meta.optIn ? 'off' : rule.meta.severity), options: options ?? {} };
}

/** Lints one values file's text. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const filePath = options.filePath ?? '<stdin>';
  const loaded = loadValues(filePath, text);
  return lintLoaded(loaded, options);
}

/** Lints an already loaded values file (the seam for merged values from several files). */
export function lintLoaded(loaded: LoadedValues, options: LintOptions = {}): LintResult {
  const filePath = loaded.source.name;
  const findings: Finding[] = [];
  for (const p of loaded.problems) {
    if (p.path && !inScope(p.path)) continue;
    findings.push({ ruleId: p.ruleId, messageId: 'problem', message: p.message, range: p.range, target: 'key', source: filePath, ...(p.path ? { path: p.path } : {}) });
  }
  const fatal = loaded.problems.some((p) => p.fatal);
  if (!fatal) findings.push(...runChecks(loaded, options));
  const sources = new Map<string, SourceFile>([[filePath, loaded.source]]);
  const result = toResult(filePath, findings, loaded, sources, options.rules, fatal, loaded.source.text);
  const directed = options.inlineConfig === false || fatal ? result : withDirectives(result, loaded.source, options.rules);
  return options.baseline && !fatal ? withBaseline(directed, options.baseline, loaded, options.rules) : directed;
}

/** Suppresses findings recorded in the baseline; reports entries that matched nothing (the baseline only shrinks). */
function withBaseline(result: LintResult, entries: readonly BaselineEntry[], loaded: LoadedValues, rulesConfig: RulesConfig | undefined): LintResult {
  const remaining = new Map<string, number>();
  for (const e of entries) remaining.set(JSON.stringify([e.ruleId, e.path]), (remaining.get(JSON.stringify([e.ruleId, e.path])) ?? 0) + e.count);
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
  const staleSev = severityOf('stale-baseline-entry', rulesConfig);
  if (staleSev !== 'off') {
    for (const [key, left] of remaining) {
      if (left <= 0) continue;
      const [ruleId, path] = JSON.parse(key) as [string, string];
      const found = loaded.locations.closest(parsePath(path));
      const range = found ? (found.loc.keyRange ?? found.loc.valueRange) : ([0, 0] as [number, number]);
      const s = loaded.source.lines.position(range[0]);
      const e = loaded.source.lines.position(range[1]);
      messages.push({
        ruleId: 'stale-baseline-entry',
        severity: staleSev === 'warn' ? 1 : 2,
        message: `The baseline accepts ${left} more \`${ruleId}\` finding${left === 1 ? '' : 's'} at \`${path || '(document)'}\` than there are now: run with --prune-baseline to shrink it.`,
        messageId: 'stale',
        path,
        line: s.line,
        column: s.column,
        endLine: e.line,
        endColumn: e.column,
      });
    }
  }
  return countResult({ ...result, messages: messages.sort(compareDiagnostics), suppressedMessages: [...result.suppressedMessages, ...suppressed] });
}

/** Rule ids that no directive can hide. */
const UNSUPPRESSIBLE = new Set(['yaml-syntax', 'unused-disable-directive', 'directive-reason']);

function withDirectives(result: LintResult, source: SourceFile, rulesConfig: RulesConfig | undefined): LintResult {
  const directives = parseDirectives(source.text, source.lines);
  if (directives.length === 0) return result;
  const outcome = applyDirectives(result.messages, directives, UNSUPPRESSIBLE);
  const extra: Diagnostic[] = [];
  const at = (range: [number, number]) => {
    const s = source.lines.position(range[0]);
    const e = source.lines.position(range[1]);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const unusedSev = severityOf('unused-disable-directive', rulesConfig);
  if (unusedSev !== 'off') {
    for (const { directive, ruleId } of outcome.unused) {
      const unknown = ruleId !== undefined && !ruleMap.has(ruleId);
      const message = unknown
        ? `houston-lint-${directive.kind} names the unknown rule \`${ruleId}\`.`
        : ruleId
          ? `Unused houston-lint-${directive.kind} directive: no \`${ruleId}\` problem was reported here.`
          : `Unused houston-lint-${directive.kind} directive: no problem was reported here.`;
      extra.push({ ruleId: 'unused-disable-directive', severity: unusedSev === 'warn' ? 1 : 2, message, messageId: unknown ? 'unknownRule' : 'unused', path: '', ...at(directive.range) });
    }
  }
  const reasonSev = severityOf('directive-reason', rulesConfig);
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
  return countResult({ ...result, messages: dedupe([...outcome.messages, ...extra].sort(compareDiagnostics)), suppressedMessages: [...result.suppressedMessages, ...outcome.suppressed] });
}

function severityOf(id: string, rulesConfig: RulesConfig | undefined): RuleSeverity {
  const rule = ruleMap.get(id);
  return rule ? resolveSeverity(rule, rulesConfig).severity : 'off';
}

/** Recomputes the counts of a result from its messages. */
export function countResult(result: LintResult): LintResult {
  const count = (sev: 1 | 2, fixable = false) => result.messages.filter((m) => m.severity === sev && (!fixable || m.fix)).length;
  return {
    ...result,
    errorCount: count(2),
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

function runChecks(loaded: LoadedValues, options: LintOptions): Finding[] {
  const values = loaded.values;
  const model = buildHoustonModel(values);
  const findings: Finding[] = [];
  for (const f of validateSchema(values, model)) {
    const finding: Finding = { ruleId: f.ruleId, messageId: f.messageId, message: f.message, path: f.path, target: f.target };
    if (f.suggestion) {
      const fix = new Fixer(loaded.locations, new Map([[loaded.source.name, loaded.source]])).replaceKey(f.path, f.suggestion);
      if (fix) finding.suggestions = [{ desc: `Rename to \`${f.suggestion}\`.`, messageId: 'rename', fix }];
    }
    findings.push(finding);
  }

  const settings: RuleSettings = { chartVersion: options.chartVersion ?? '2' };
  const fixer = new Fixer(loaded.locations, new Map([[loaded.source.name, loaded.source]]));
  const ruleFindings: Finding[] = [];
  for (const rule of builtinRules) {
    if (!rule.check) continue;
    const { severity, options: ruleOptions } = resolveSeverity(rule, options.rules);
    if (severity === 'off') continue;
    const context: RuleContext<never> = {
      values,
      houston: model,
      settings,
      options: ruleOptions as never,
      fixer,
      has: (path) => loaded.locations.has(path),
      scalar: (path) => scalarSource(loaded, path),
      report: (d: ReportDescriptor) => ruleFindings.push(toFinding(rule, d)),
    };
    try {
      rule.check(context);
    } catch (err) {
      throw new RuleError(rule.meta.id, loaded.source.name, err);
    }
  }
  // One problem, one finding: a rule that explains a path replaces the schema's generic complaint about it.
  const explained = new Set(ruleFindings.map((f) => (f.path ? formatPath(f.path) : '')));
  return [...findings.filter((f) => !f.path || !explained.has(formatPath(f.path))), ...ruleFindings];
}

function scalarSource(loaded: LoadedValues, path: ValuesPath): ScalarSource | undefined {
  const loc = loaded.locations.get(path);
  if (!loc || loc.source !== loaded.source.name) return undefined;
  const value = getAt(loaded.values, path);
  if (value !== null && typeof value === 'object') return undefined;
  const text = loaded.source.text.slice(loc.valueRange[0], loc.valueRange[1]);
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

function toResult(
  filePath: string,
  findings: Finding[],
  loaded: LoadedValues,
  sources: ReadonlyMap<string, SourceFile>,
  rulesConfig: RulesConfig | undefined,
  fatal: boolean,
  text: string,
): LintResult {
  const messages: Diagnostic[] = [];
  for (const f of findings) {
    const rule = ruleMap.get(f.ruleId);
    const severity = rule ? resolveSeverity(rule, rulesConfig).severity : 'error';
    if (severity === 'off' && f.ruleId !== 'yaml-syntax') continue;
    const pos = position(f, loaded, sources);
    const d: Diagnostic = {
      ruleId: f.ruleId,
      severity: severity === 'warn' ? 1 : 2,
      message: f.message,
      messageId: f.messageId,
      path: f.path ? formatPath(f.path) : '',
      ...pos.range,
    };
    if (f.fix && rule?.meta.fixable && f.fix.source === pos.source) d.fix = { range: f.fix.range, text: f.fix.text };
    const suggestions: Suggestion[] = (f.suggestions ?? [])
      .filter((s) => s.fix.source === pos.source)
      .map((s) => ({ desc: s.desc, ...(s.messageId ? { messageId: s.messageId } : {}), fix: { range: s.fix.range, text: s.fix.text } }));
    if (suggestions.length) d.suggestions = suggestions;
    messages.push(d);
  }
  const sorted = dedupe(messages.sort(compareDiagnostics));
  return countResult({
    filePath,
    messages: sorted,
    suppressedMessages: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: fatal ? sorted.filter((m) => m.ruleId === 'yaml-syntax').length : 0,
    source: text,
  });
}

/** The one place a finding's path (or raw range) becomes 1-based line/column positions. */
function position(f: Finding, loaded: LoadedValues, sources: ReadonlyMap<string, SourceFile>) {
  let sourceName = f.source ?? loaded.source.name;
  let range: [number, number] = f.range ?? [0, 0];
  if (!f.range && f.path) {
    const found = loaded.locations.closest(f.path);
    if (found) {
      sourceName = found.loc.source;
      const exact = found.path.length === f.path.length;
      const useKey = (exact ? f.target === 'key' : true) && found.loc.keyRange !== undefined;
      range = useKey ? found.loc.keyRange! : found.loc.valueRange;
    }
  }
  const file = sources.get(sourceName) ?? loaded.source;
  const start = file.lines.position(range[0]);
  const end = file.lines.position(Math.max(range[1], range[0]));
  return { source: sourceName, range: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column } };
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => {
    const p = sorted[i - 1];
    return !p || p.ruleId !== d.ruleId || p.line !== d.line || p.column !== d.column || p.message !== d.message;
  });
}
