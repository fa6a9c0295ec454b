// GitHub Actions annotations: @actions/core escaping, errors first, a full plain summary, and no injected commands.
import { describe, expect, it } from 'vitest';
import github, { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { loadFormatter } from '../../src/formatters/index.js';
import { lintText } from '../../src/linter.js';
import { context, diag } from '../helpers/formatter-fixtures.js';
import type { Diagnostic, LintResult } from '../../src/types.js';


function result(filePath: string, messages: Diagnostic[]): LintResult {
  const errors = messages.filter((m) => m.severity === 2).length;
  return { filePath, messages, suppressedMessages: [], errorCount: errors, warningCount: messages.length - errors, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0 };
}

/** Lines as the runner reads them: CR, LF and CRLF all end a line. */
function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

/** What the runner's `::` parser sees: the line without leading whitespace (it trims before matching). */
function startsCommand(line: string): boolean {
  return line.trimStart().startsWith('::');
}

/**
 * Every line is either one of the annotations we meant (one per finding, the right type) or cannot start a
 * command: neither `::` after leading whitespace nor the legacy `##[` anywhere.
 */
function expectNoInjection(output: string, results: LintResult[]): void {
  const findings = results.flatMap((r) => r.messages);
  const lines = runnerLines(output);
  const commands = lines.filter(startsCommand);
  expect(commands).toHaveLength(findings.length);
  const errors = findings.filter((m) => m.severity === 2).length;
  commands.forEach((line, i) => {
    expect(line).toMatch(i < errors ? /^::error [^:]*::/ : /^::warning [^:]*::/);
    // The property part holds only our keys.
    const props = line.slice(line.indexOf(' ') + 1, line.indexOf('::', 2)).split(',');
    for (const p of props) expect(p).toMatch(/^(file|line|col|endLine|endColumn|title)=/);
  });
  for (const line of lines.filter((l) => !startsCommand(l))) expect(line).not.toContain('##[');
  for (const [i, line] of commands.entries()) {
    const data = line.slice(line.indexOf('::', 2) + 2);
    const m = [...findings.filter((f) => f.severity === 2), ...findings.filter((f) => f.severity !== 2)][i]!;
    expect(unescapeData(data)).toBe(m.message);
  }
}

/** The runner's unescaping of command data. */
function unescapeData(s: string): string {
  return s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

function unescapeProperty(s: string): string {
  return s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}

const HOSTILE = ['::error::owned', 'x%0A::error::y', 'a\n::stop-commands::token', 'b\r\n::set-output name=x::y', 'c\r::add-mask::z', '  ::warning::indented', '##[error]legacy', '##[set-output name=x;]y', '100% done,: ok'];

describe('github formatter', () => {
  it('is registered', async () => {
    expect(await loadFormatter('github')).toBe(github);
  });

  it('escapes exactly as @actions/core', () => {
    expect(escapeData('50%\r\nnext:a,b')).toBe('50%25%0D%0Anext:a,b');
    expect(escapeProperty('50%\r\nnext:a,b')).toBe('50%25%0D%0Anext%3Aa%2Cb');
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('prints nothing for no findings', () => {
    expect(github([], context)).toBe('');
    expect(github([result('/repo/values.yaml', [])], context)).toBe('');
  });

  it('writes annotations, errors first, then a summary of every finding', () => {
    const results = [
      result('/repo/charts/a.yaml', [
        diag({ ruleId: 'no-placeholder', severity: 1, line: 2, column: 3, endLine: 2, endColumn: 10, message: 'Placeholder value.' }),
        diag({ ruleId: 'unknown-key', line: 4, column: 9, endLine: 4, endColumn: 14, message: 'Unknown key `githb`.' }),
      ]),
      result('/repo/b.yaml', [diag({ ruleId: 'schema', line: 7, column: 1, endLine: 8, endColumn: 2, message: 'Must be a boolean.' })]),
    ];
    const out = github(results, context);
    expect(out.split('\n')).toEqual([
      '::error file=charts/a.yaml,line=4,col=9,endLine=4,endColumn=14,title=unknown-key::Unknown key `githb`.',
      '::error file=b.yaml,line=7,col=1,endLine=8,endColumn=2,title=schema::Must be a boolean.',
      '::warning file=charts/a.yaml,line=2,col=3,endLine=2,endColumn=10,title=no-placeholder::Placeholder value.',
      'houston-lint: 3 problems (2 errors, 1 warning)',
      '| charts/a.yaml:4:9 error Unknown key `githb`. unknown-key',
      '| b.yaml:7:1 error Must be a boolean. schema',
      '| charts/a.yaml:2:3 warning Placeholder value. no-placeholder',
      '',
    ]);
    expectNoInjection(out, results);
  });

  it('summarises every finding even past the 10 annotations GitHub keeps', () => {
    const many = Array.from({ length: 25 }, (_, i) => diag({ ruleId: 'unknown-key', line: i + 1, message: `finding ${i}` }));
    const out = github([result('/repo/values.yaml', many)], context);
    expect(out.split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(25);
    expect(out.split('\n').filter((l) => l.startsWith('| values.yaml:'))).toHaveLength(25);
  });

  it('omits the file for stdin and names it in the summary', () => {
    const out = github([result('<stdin>', [diag({ ruleId: 'schema' })])], context);
    expect(out).toContain('::error line=3,col=5,endLine=3,endColumn=9,title=schema::Something is wrong.');
    expect(out).toContain('| <stdin>:3:5 error Something is wrong. schema');
  });

  it('reports too many warnings as plain text', () => {
    const out = github([result('/repo/values.yaml', [diag({ ruleId: 'schema', severity: 1 })])], { ...context, maxWarningsExceeded: { maxWarnings: 0, foundWarnings: 1 } });
    expect(out).toContain('\nhouston-lint found too many warnings (maximum: 0, found: 1).\n');
  });

  it('cannot be made to emit commands by hostile messages, file names or rule ids', () => {
    const results = HOSTILE.map((h, i) =>
      result(`/repo/${h.replace(/\//g, '_')}-${i}.yaml`, [
        diag({ ruleId: 'unknown-key', message: h, line: i + 1 }),
        diag({ ruleId: h, severity: 1, message: `warn ${h}`, line: i + 1 }),
      ]),
    );
    const out = github(results, context);
    expectNoInjection(out, results);
    // The properties still decode to the real file name.
    const first = runnerLines(out)[0]!;
    const file = first.slice(first.indexOf('file=') + 5, first.indexOf(',line='));
    expect(unescapeProperty(file)).toBe('::error::owned-0.yaml');
    // Every summary line is one line, starts with the fixed prefix, and nothing spills onto a line of its own.
    const summary = runnerLines(out).filter((l) => !startsCommand(l) && l !== '');
    expect(summary).toHaveLength(1 + 2 * HOSTILE.length);
    for (const line of summary.slice(1)) expect(line.startsWith('| ')).toBe(true);
  });

  it('keeps hostile keys in real lint output inside their annotations', () => {
    const text = [
      'astronomer:',
      '  houston:',
      '    config:',
      '      auth:',
      '        "::error::x": 1',
      '        "a\\n::stop-commands::token": 2',
      '        "b\\r\\n::set-output name=x::y": 3',
      '        "%0A::warning::z": 4',
      '        "##[error]legacy": 5',
      '',
    ].join('\n');
    const res = lintText(text, { filePath: '/repo/::error::values,x.yaml' });
    expect(res.messages.filter((m) => m.ruleId === 'unknown-key')).toHaveLength(5);
    expect(res.messages.some((m) => m.message.includes('\n::stop-commands::token'))).toBe(true);
    const out = github([res], context);
    expectNoInjection(out, [res]);
    expect(out).toContain('file=%3A%3Aerror%3A%3Avalues%2Cx.yaml,');
  });
});
