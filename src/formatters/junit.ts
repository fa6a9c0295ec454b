// JUnit XML for CI test reports: a suite per file, a test case per rule with findings (one <failure> per finding),
// and one passing case for a clean file. A file that could not be parsed reports <error> instead of <failure>.
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic, LintResult } from '../types.js';
import type { Formatter } from './types.js';

/** Characters XML 1.0 cannot hold at all (not even as references), and unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces what XML 1.0 forbids with U+FFFD. */
function clean(s: string): string {
  return s.replace(FORBIDDEN, '\uFFFD');
}

/** Escapes character data (`>` too, so `]]>` cannot appear; CR as a reference, since parsers turn a raw CR into LF). */
export function escapeText(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tabs and line breaks as references so attribute normalisation keeps them. */
export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function shownPath(filePath: string, root: string): string {
  if (filePath.startsWith('<')) return filePath;
  const rel = relative(root, filePath);
  return (rel && !isAbsolute(rel) ? rel : filePath).split(sep).join('/');
}

function attrs(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

function severityName(m: Diagnostic): string {
  return m.severity === 2 ? 'error' : 'warning';
}

function suite(result: LintResult, root: string): { xml: string; tests: number; failures: number; errors: number } {
  const name = shownPath(result.filePath, root);
  const byRule = new Map<string, Diagnostic[]>();
  for (const m of result.messages) byRule.set(m.ruleId, [...(byRule.get(m.ruleId) ?? []), m]);
  // The file could not be parsed: its findings are errors of the run, not failed checks.
  const element = result.fatalErrorCount > 0 ? 'error' : 'failure';
  const cases: string[] = [];
  if (byRule.size === 0) {
    cases.push(`    <testcase${attrs({ classname: name, name: 'houston-lint' })}/>`);
  } else {
    for (const [ruleId, messages] of byRule) {
      const failures = messages.map(
        (m) => `      <${element}${attrs({ message: m.message, type: severityName(m) })}>${escapeText(`${m.line}:${m.column} ${m.path || '(document)'} ${m.message}`)}</${element}>`,
      );
      cases.push(`    <testcase${attrs({ classname: name, name: ruleId })}>\n${failures.join('\n')}\n    </testcase>`);
    }
  }
  const failing = byRule.size;
  const tests = Math.max(1, byRule.size);
  const failures = element === 'failure' ? failing : 0;
  const errors = element === 'error' ? failing : 0;
  const xml = `  <testsuite${attrs({ name, tests, failures, errors, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`;
  return { xml, tests, failures, errors };
}

const junit: Formatter = (results, context) => {
  const root = context.repoRoot ?? context.cwd;
  const suites = results.map((r) => suite(r, root));
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  const head = `<testsuites${attrs({ name: 'houston-lint', tests: sum('tests'), failures: sum('failures'), errors: sum('errors') })}`;
  const body = suites.length > 0 ? `${head}>\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>` : `${head}/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
};

export default junit;
