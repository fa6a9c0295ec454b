// ESLint's "stylish" layout: findings grouped by file, aligned columns, a one-line summary.
import { relative } from 'node:path';
import { styleText } from 'node:util';
import type { Formatter } from './types.js';

type Style = Parameters<typeof styleText>[0];

const stylish: Formatter = (results, context) => {
  // Whether to colour is decided once, by the caller (a terminal, --color, --no-color, NO_COLOR). Without
  // validateStream: false, styleText also asks process.stdout (creating it) and drops the colours --color asked for.
  const paint = (style: Style, text: string) => (context.color ? styleText(style, text, { validateStream: false }) : text);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    const shown = result.filePath.startsWith('<') ? result.filePath : relative(context.cwd, result.filePath) || result.filePath;
    out += `\n${paint('underline', shown)}\n`;
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? paint('red', 'error') : paint('yellow', 'warning'),
      m.message.replace(/\s*\n\s*/g, ' '),
      paint('dim', m.ruleId),
    ]);
    const widthPos = Math.max(...rows.map((r) => (r[0] ?? '').length));
    const widthSev = Math.max(...result.messages.map((m) => (m.severity === 2 ? 5 : 7)));
    for (const [i, r] of rows.entries()) {
      const sevLen = result.messages[i]!.severity === 2 ? 5 : 7;
      out += `  ${paint('dim', r[0]!.padStart(widthPos))}  ${r[1]}${' '.repeat(widthSev - sevLen)}  ${r[2]}  ${r[3]}\n`;
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    const summary = `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    out += `\n${paint(['bold', errors > 0 ? 'red' : 'yellow'], summary)}\n`;
    if (fixableErrors + fixableWarnings > 0) {
      out += paint(
        ['bold', errors > 0 ? 'red' : 'yellow'],
        `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`,
      ) + '\n';
    }
  }
  if (context.maxWarningsExceeded) {
    const { maxWarnings, foundWarnings } = context.maxWarningsExceeded;
    out += `\n${paint(['bold', 'red'], `houston-lint found too many warnings (maximum: ${maxWarnings}, found: ${foundWarnings}).`)}\n`;
  }
  return out;
};

export default stylish;
