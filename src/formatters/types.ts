// The formatter contract: a pure function of results.
import type { LintResult } from '../types.js';

export interface FormatterContext {
  /** Directory file paths are shown relative to. */
  cwd: string;
  /** Repository root for artifact URIs (SARIF, GitHub annotations); defaults to `cwd`. */
  repoRoot?: string;
  /** Colour output (stylish on a TTY). */
  color: boolean;
  /** Rule metadata by id, for docs links and descriptions. */
  rulesMeta: Record<string, { description: string; docs: { url: string }; severity: string; fixable?: boolean }>;
  /** Warnings over `--max-warnings`, for the summary line. */
  maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number };
  /** houston-lint's own version (SARIF `tool.driver.version`); formatters never read it from disk. */
  toolVersion?: string;
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string;
