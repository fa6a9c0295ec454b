// Shared hand-made inputs for the formatter tests: a context with every rule, and findings with defaults.
import { rules } from '../../rules/index.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { Diagnostic } from '../../src/types.js';

/** Files under /repo, linted from /repo/sub. */
export const context: FormatterContext = {
  cwd: '/repo/sub',
  repoRoot: '/repo',
  color: false,
  rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])),
};

/** An error at 3:5-3:9 of `astronomer.houston.config.auth`, with any field overridden. */
export function diag(over: Partial<Diagnostic> & Pick<Diagnostic, 'ruleId'>): Diagnostic {
  return { severity: 2, message: 'Something is wrong.', path: 'astronomer.houston.config.auth', line: 3, column: 5, endLine: 3, endColumn: 9, ...over };
}
