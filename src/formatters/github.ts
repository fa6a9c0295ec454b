// GitHub Actions workflow commands: one annotation per finding (errors first), then a plain summary of every finding,
// since GitHub keeps only 10 annotations of each type per step. Nothing from a linted file can start a command of its own.
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../types.js';
import type { Formatter } from './types.js';

/** @actions/core `escapeData`: the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core `escapeProperty`: a `key=value` property of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One summary line's text: escaped as command data (so it stays one line) and with the legacy `##[` command
 * prefix broken, since the runner looks for that one anywhere in a line that is not a `::` command.
 * Unicode line and paragraph separators are escaped too, for log viewers that break lines on them.
 */
function plain(s: string): string {
  return escapeData(s)
    .replace(/##\[/g, '##%5B')
    .replace(/[\u0085\u2028\u2029]/g, (c) => `%u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The path GitHub resolves annotations against: relative to the repository root, `/`-separated. */
function shownPath(filePath: string, root: string): string | undefined {
  if (filePath.startsWith('<')) return undefined;
  const rel = relative(root, filePath);
  return (rel && !isAbsolute(rel) ? rel : filePath).split(sep).join('/');
}

/** Every summary line starts with this fixed text: the runner trims leading whitespace before looking for `::`. */
const SUMMARY_PREFIX = '| ';

const github: Formatter = (results, context) => {
  const root = context.repoRoot ?? context.cwd;
  const findings: { file: string | undefined; name: string; m: Diagnostic }[] = [];
  for (const r of results) {
    const file = shownPath(r.filePath, root);
    for (const m of r.messages) findings.push({ file, name: file ?? r.filePath, m });
  }
  // Stable: errors first, each group in file and position order as given.
  const ordered = [...findings.filter((f) => f.m.severity === 2), ...findings.filter((f) => f.m.severity !== 2)];
  const lines: string[] = [];
  for (const { file, m } of ordered) {
    const props: string[] = [];
    if (file !== undefined) props.push(`file=${escapeProperty(file)}`);
    props.push(`line=${m.line}`, `col=${m.column}`, `endLine=${m.endLine}`, `endColumn=${m.endColumn}`, `title=${escapeProperty(m.ruleId)}`);
    lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`);
  }
  if (ordered.length > 0) {
    const errors = ordered.filter((f) => f.m.severity === 2).length;
    const warnings = ordered.length - errors;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    lines.push(`houston-lint: ${plural(ordered.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
    for (const { name, m } of ordered) {
      const where = `${plain(name)}:${m.line}:${m.column}`;
      lines.push(`${SUMMARY_PREFIX}${where} ${m.severity === 2 ? 'error' : 'warning'} ${plain(m.message)} ${plain(m.ruleId)}`);
    }
  }
  if (context.maxWarningsExceeded) {
    const { maxWarnings, foundWarnings } = context.maxWarningsExceeded;
    lines.push(`houston-lint found too many warnings (maximum: ${maxWarnings}, found: ${foundWarnings}).`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default github;
