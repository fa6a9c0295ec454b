// The pure core: text (or loaded, merged values) and options in, ESLint-shaped results out. No files, no process state.
import { ruleMap } from '../rules/index.js';
import { unitFromLoaded } from './lint-unit.js';
import { DEFAULT_LIMITS, loadValues } from './load-values.js';
import { locate, overridden, rangeIn } from './locate.js';
import { runChecks } from './run-rules.js';
import { compareDiagnostics, countResult, dedupe, withBaseline, withDirectives } from './suppress.js';
import { containsSecret, secretStrings } from './secret-keys.js';
import { formatPath, startsWith } from './values-path.js';
import type { BaselineEntry } from './baseline.js';
import type { Finding } from './finding.js';
import type { LintUnit } from './lint-unit.js';
import type { LoadedValues } from './load-values.js';
import type { RuleModule } from './rule.js';
import type { Diagnostic, LintResult, RuleSeverity, SourceRange, Suggestion, ValuesPath } from './types.js';

export { RuleError } from './run-rules.js';
export { countResult } from './suppress.js';

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

export interface UnitOptions extends Omit<LintOptions, 'filePath' | 'baseline'> {
  /** Baseline entries per source name. */
  baseline?: ReadonlyMap<string, readonly BaselineEntry[]>;
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

/** Reads a values file for linting: only the parts the rules read, where the file allows it (`skim-values.ts`). */
export function loadForLint(name: string, text: string): LoadedValues {
  return loadValues(name, text, DEFAULT_LIMITS, { skim: true });
}

/** Lints one values file's text. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lintLoaded(loadForLint(options.filePath ?? '<stdin>', text), options);
}

/** Lints one already loaded values file. */
export function lintLoaded(loaded: LoadedValues, options: LintOptions = {}): LintResult {
  const { baseline, filePath: _name, ...rest } = options;
  const unitOptions: UnitOptions = { ...rest, ...(baseline ? { baseline: new Map([[loaded.source.name, baseline]]) } : {}) };
  return lintUnit(unitFromLoaded(loaded), unitOptions)[0]!;
}

/**
 * Lints a unit (one file, or several merged like `helm -f`): one result per source, in source order.
 * Rules run once on the merged values; each finding goes to the file that wrote the offending value.
 */
export function lintUnit(unit: LintUnit, options: UnitOptions = {}): LintResult[] {
  const severityOf = (id: string): RuleSeverity => {
    const rule = ruleMap.get(id);
    return rule ? resolveSeverity(rule, options.rules).severity : 'error';
  };
  const findings: Finding[] = [];
  const syntaxLines = new Set<string>();
  for (const p of unit.problems) {
    if (p.path && !inScope(p.path)) continue;
    if (p.ruleId === 'yaml-syntax') {
      // The parser's follow-on errors on the same line add nothing: keep the first per line.
      const source = unit.sources.find((s) => s.name === p.source);
      const key = `${p.source}\0${source ? source.lines.position(p.range[0]).line : 0}`;
      if (syntaxLines.has(key)) continue;
      syntaxLines.add(key);
    }
    findings.push({ ruleId: p.ruleId, messageId: 'problem', message: p.message, range: p.range, target: 'key', source: p.source, ...(p.path ? { path: p.path } : {}) });
  }
  const fatalSources = new Set(unit.problems.filter((p) => p.fatal).map((p) => p.source));
  if (fatalSources.size === 0) {
    findings.push(...runChecks(unit, options.chartVersion ?? '2', (rule) => resolveSeverity(rule, options.rules)));
  }

  const bySource = new Map<string, Diagnostic[]>(unit.sources.map((s) => [s.name, []]));
  // The file's credentials, to keep them out of printed fixes: found once, and only if some finding has a fix.
  let secretSet: Set<string> | undefined;
  const secrets = (): ReadonlySet<string> => (secretSet ??= fatalSources.size === 0 ? secretStrings(unit.values) : new Set<string>());
  for (const f of findings) {
    const severity = severityOf(f.ruleId);
    if (severity === 'off' && f.ruleId !== 'yaml-syntax') continue;
    const { diagnostic, source } = toDiagnostic(f, unit, severity, secrets);
    bySource.get(source)?.push(diagnostic);
  }

  return unit.sources.map((source) => {
    const sorted = dedupe((bySource.get(source.name) ?? []).sort(compareDiagnostics));
    const fatal = fatalSources.has(source.name);
    let result = countResult({
      filePath: source.name,
      messages: sorted,
      suppressedMessages: [],
      errorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: fatal ? sorted.filter((m) => m.ruleId === 'yaml-syntax').length : 0,
      source: source.text,
    });
    if (fatal) return result;
    if (options.inlineConfig !== false) result = withDirectives(result, source, severityOf, (id) => ruleMap.has(id));
    const entries = options.baseline?.get(source.name);
    if (entries) result = withBaseline(result, entries, unit, source, severityOf);
    return result;
  });
}

function toDiagnostic(f: Finding, unit: LintUnit, severity: RuleSeverity, secrets: () => ReadonlySet<string>): { diagnostic: Diagnostic; source: string } {
  const rule = ruleMap.get(f.ruleId);
  let pos: SourceRange;
  if (f.range) {
    const source = unit.sources.find((s) => s.name === f.source) ?? unit.sources[0]!;
    pos = rangeIn(source, f.range);
  } else pos = f.path ? locate(unit, f.path, f.target) : rangeIn(unit.sources[0]!, [0, 0]);
  const diagnostic: Diagnostic = {
    ruleId: f.ruleId,
    severity: severity === 'warn' || f.severity === 'warn' ? 1 : 2,
    message: f.message + overrideNote(unit, f, pos.source),
    messageId: f.messageId,
    path: f.path ? formatPath(f.path) : '',
    line: pos.line,
    column: pos.column,
    endLine: pos.endLine,
    endColumn: pos.endColumn,
  };
  // A fix that moves a block carries its text, credentials included. It is kept for --fix, but not enumerable,
  // so no output format (JSON, SARIF) ever prints it.
  const hidden = (text: string) => containsSecret(text, secrets());
  if (f.fix && rule?.meta.fixable && f.fix.source === pos.source) {
    const fix = { range: f.fix.range, text: f.fix.text };
    if (hidden(fix.text)) Object.defineProperty(diagnostic, 'fix', { value: fix, enumerable: false, writable: true, configurable: true });
    else diagnostic.fix = fix;
  }
  const suggestions: Suggestion[] = (f.suggestions ?? [])
    .filter((s) => s.fix.source === pos.source && !hidden(s.fix.text))
    .map((s) => ({ desc: s.desc, ...(s.messageId ? { messageId: s.messageId } : {}), fix: { range: s.fix.range, text: s.fix.text } }));
  if (suggestions.length) diagnostic.suggestions = suggestions;
  return { diagnostic, source: pos.source };
}

/** In merged units, says which earlier files a reported value overrides ("set in prod.yaml:12, overriding base.yaml:30"). */
function overrideNote(unit: LintUnit, f: Finding, source: string): string {
  if (!unit.history || !f.path || f.target !== 'value') return '';
  const earlier = overridden(unit, f.path);
  if (earlier.length === 0) return '';
  const winner = unit.locations.get(f.path);
  const src = unit.sources.find((s) => s.name === source);
  const line = winner && src ? src.lines.position((winner.keyRange ?? winner.valueRange)[0]).line : undefined;
  const name = (p: string) => p.split(/[\\/]/).pop() ?? p;
  return ` (set in ${name(source)}${line ? `:${line}` : ''}, overriding ${earlier.map((e) => `${name(e.source)}:${e.line}`).join(', ')})`;
}
