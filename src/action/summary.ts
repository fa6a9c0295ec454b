// The job summary: a Markdown table of findings per file, with rule docs links, every value Markdown-escaped.
import { isAbsolute, relative, sep } from 'node:path';
import type { LintResult } from '../types.js';

/** More rows than this are left out of the summary (GitHub caps a step summary at 1 MiB); the log has them all. */
export const MAX_ROWS = 500;

export interface SummaryInput {
  results: Pick<LintResult, 'filePath' | 'messages' | 'errorCount' | 'warningCount'>[];
  /** Docs URL by rule id. */
  docsUrl: (ruleId: string) => string | undefined;
  /** Directory paths are shown relative to (the repository root). */
  root: string;
  failOn: 'error' | 'warning';
  /** -1: no limit. */
  maxWarnings: number;
  /** Whether the job fails. */
  failed: boolean;
  /** `https://github.com/owner/repo/blob/<sha>/` for line links, when known. */
  blobBase?: string;
}

/** Escapes text for Markdown (GitHub-flavoured, inside a table cell): HTML, punctuation, pipes, line breaks. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~$@:^=]/g, (c) => `\\${c}`)
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, '<br>');
}

/** A code span that survives any content: a fence longer than the longest backtick run, pipes escaped, one line. */
export function codeSpan(s: string): string {
  const flat = s.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A message: its `code spans` stay code spans (flattened to one line), the rest is escaped text. Backticks pair up
 * in order; with an odd number (a key containing a backtick) the whole message is escaped text.
 */
export function messageMarkdown(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(message);
  return parts.map((part, i) => (i % 2 === 0 ? escapeMarkdown(part) : part === '' ? escapeMarkdown('``') : codeSpan(part))).join('');
}

function shownPath(filePath: string, root: string): string {
  const rel = relative(root, filePath);
  return (rel && !isAbsolute(rel) && !rel.startsWith('..') ? rel : filePath).split(sep).join('/');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A link target is never user text: only the fixed base, a path with each segment URI-encoded, and a line number. */
function lineLink(base: string, path: string, line: number): string {
  return `${base}${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

export function summaryMarkdown(input: SummaryInput): string {
  const { results } = input;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const withFindings = results.filter((r) => r.messages.length > 0);
  const files = plural(results.length, 'values file');
  const lines = ['## houston-lint', ''];

  if (errors + warnings === 0) {
    lines.push(`:white_check_mark: No problems in ${files}.`, '');
    return lines.join('\n');
  }
  const counts = `**${plural(errors, 'error')}** and **${plural(warnings, 'warning')}** in ${withFindings.length} of ${files}`;
  let verdict: string;
  if (!input.failed) verdict = 'the job passes (`fail-on: error`: warnings do not fail it).';
  else if (errors > 0) verdict = 'the job fails.';
  else if (input.failOn === 'warning') verdict = 'the job fails (`fail-on: warning`).';
  else verdict = `the job fails: more than ${plural(input.maxWarnings, 'warning')} (\`max-warnings\`).`;
  lines.push(`${input.failed ? ':x:' : ':warning:'} ${counts}: ${verdict}`, '');

  let rows = 0;
  let omitted = 0;
  for (const r of withFindings) {
    const path = shownPath(r.filePath, input.root);
    const remaining = MAX_ROWS - rows;
    if (remaining <= 0) {
      omitted += r.messages.length;
      continue;
    }
    lines.push(`### ${codeSpan(path)}`, '', '| Line | Severity | Rule | Message |', '|---:|---|---|---|');
    for (const m of r.messages.slice(0, remaining)) {
      const position = `${m.line}:${m.column}`;
      const where = input.blobBase && !path.startsWith('/') && !path.startsWith('<') ? `[${position}](${lineLink(input.blobBase, path, m.line)})` : position;
      const url = input.docsUrl(m.ruleId);
      const rule = url ? `[${codeSpan(m.ruleId)}](${url})` : codeSpan(m.ruleId);
      lines.push(`| ${where} | ${m.severity === 2 ? 'error' : 'warning'} | ${rule} | ${messageMarkdown(m.message)} |`);
      rows++;
    }
    omitted += Math.max(0, r.messages.length - remaining);
    lines.push('');
  }
  if (omitted > 0) lines.push(`…and ${plural(omitted, 'more finding')}, listed in the step's log.`, '');
  return lines.join('\n');
}
