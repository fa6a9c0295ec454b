// The shapes every layer shares: values paths, source locations, fixes and the one diagnostic shape.

/** A path into the values tree: map keys and list indices. */
export type ValuesPath = readonly (string | number)[];

/** Configured severity of a rule. */
export type RuleSeverity = 'off' | 'warn' | 'error';

/** ESLint's numeric severities: 1 warning, 2 error. */
export type Severity = 1 | 2;

/** A text edit on one source: replace `range` (0-based UTF-16 offsets, end exclusive) with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** An optional fix the user applies by choice (editor quick fix); never applied by `--fix`. */
export interface Suggestion {
  desc: string;
  messageId?: string;
  fix: Fix;
}

/** A suppression applied to a finding (inline directive or baseline), with its justification. */
export interface Suppression {
  kind: 'directive' | 'baseline';
  justification: string;
}

/**
 * The one diagnostic shape for YAML errors, schema errors and rule findings.
 * Lines and columns are 1-based; `endColumn` is exclusive, as in ESLint.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId?: string;
  /** Dotted values path (`astronomer.houston.config.auth.openidConnect.okta`); '' for the document. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: Suggestion[];
  suppressions?: Suppression[];
}

/** ESLint-compatible per-file result. */
export interface LintResult {
  filePath: string;
  messages: Diagnostic[];
  /** Findings hidden by directives or the baseline (kept for SARIF and unused-directive checks). */
  suppressedMessages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  /** The source text, when a formatter or fixer needs it. */
  source?: string;
  /** Fixed text, set by `--fix`/`--fix-dry-run` when fixes changed the file. */
  output?: string;
}

/** Where a value came from: a file and offsets of its key and value nodes. */
export interface NodeLocation {
  /** Name of the source (file path, `<stdin>` or `--set`). */
  source: string;
  /** Range of the mapping key, when the node is a map entry. */
  keyRange?: [number, number];
  /** Range of the value node (for an empty value, a zero-length range after the key). */
  valueRange: [number, number];
}

/** A 1-based line/column range in one source. */
export interface SourceRange {
  source: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
