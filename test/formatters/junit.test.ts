// JUnit XML: well-formed for a real parser, one suite per file, a case per rule, a failure per finding, hostile text escaped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadFormatter } from '../../src/formatters/index.js';
import junit, { escapeAttr, escapeText } from '../../src/formatters/junit.js';
import { lintText } from '../../src/linter.js';
import { context, diag } from '../helpers/formatter-fixtures.js';
import type { Diagnostic, LintResult } from '../../src/types.js';


function result(filePath: string, messages: Diagnostic[], fatal = 0): LintResult {
  const errors = messages.filter((m) => m.severity === 2).length;
  return { filePath, messages, suppressedMessages: [], errorCount: errors, warningCount: messages.length - errors, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: fatal };
}

interface Failure {
  '@_message': string;
  '@_type': string;
  '#text': string;
}
interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: Failure[];
  error?: Failure[];
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  testcase: TestCase[];
}
interface Doc {
  testsuites: { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; testsuite?: Suite[] };
}

/** Validates with a real XML parser, then parses with arrays where JUnit repeats elements. */
function parse(xml: string): Doc {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true, // also decodes numeric references (`&#10;`)
    alwaysCreateTextNode: true,
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name),
  });
  return parser.parse(xml) as Doc;
}

/** XML 1.0's Char production: what a conforming parser accepts. */
function onlyXmlChars(s: string): boolean {
  return /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u.test(s);
}

/** What the formatter should make of text: U+FFFD for each code unit XML 1.0 cannot hold (checked code point by code point). */
function xmlClean(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    out += ok ? ch : '\uFFFD';
  }
  return out;
}

const HOSTILE = 'a < b && c > d ]]> "quoted" \'single\' \u0000\u0001\u0007\u000B\u000C\u001F\uFFFE \uD800 tab\tline\nret\r end';

describe('junit formatter', () => {
  it('is registered', async () => {
    expect(await loadFormatter('junit')).toBe(junit);
  });

  it('writes an empty report for no files', () => {
    const xml = junit([], context);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({ '@_name': 'houston-lint', '@_tests': '0', '@_failures': '0', '@_errors': '0' });
    expect(doc.testsuites.testsuite).toBeUndefined();
  });

  it('groups findings by file and rule, with counts', () => {
    const results = [
      result('/repo/charts/a.yaml', [
        diag({ ruleId: 'unknown-key', line: 4, column: 9, path: 'astronomer.houston.config.auth.githb', message: 'Unknown key `githb`.' }),
        diag({ ruleId: 'no-placeholder', severity: 1, line: 6, column: 3, path: 'astronomer.houston.config.auth.x', message: 'Placeholder.' }),
        diag({ ruleId: 'unknown-key', line: 8, column: 9, path: 'astronomer.houston.config.auth.locl', message: 'Unknown key `locl`.' }),
      ]),
      result('/repo/clean.yaml', []),
      result('<stdin>', [diag({ ruleId: 'schema', path: '', message: 'Bad.' })]),
    ];
    const doc = parse(junit(results, context));
    expect(doc.testsuites).toMatchObject({ '@_tests': '4', '@_failures': '3', '@_errors': '0' });
    const [a, clean, stdin] = doc.testsuites.testsuite!;
    expect(a).toMatchObject({ '@_name': 'charts/a.yaml', '@_tests': '2', '@_failures': '2', '@_errors': '0' });
    expect(a!.testcase.map((t) => [t['@_classname'], t['@_name'], t.failure?.length])).toEqual([
      ['charts/a.yaml', 'unknown-key', 2],
      ['charts/a.yaml', 'no-placeholder', 1],
    ]);
    expect(a!.testcase[0]!.failure![1]).toEqual({ '@_message': 'Unknown key `locl`.', '@_type': 'error', '#text': '8:9 astronomer.houston.config.auth.locl Unknown key `locl`.' });
    expect(a!.testcase[1]!.failure![0]).toMatchObject({ '@_type': 'warning', '#text': '6:3 astronomer.houston.config.auth.x Placeholder.' });
    expect(clean).toMatchObject({ '@_name': 'clean.yaml', '@_tests': '1', '@_failures': '0', '@_errors': '0' });
    expect(clean!.testcase).toHaveLength(1);
    expect(clean!.testcase[0]!.failure).toBeUndefined();
    expect(stdin!['@_name']).toBe('<stdin>');
    expect(stdin!.testcase[0]!.failure![0]!['#text']).toBe('3:5 (document) Bad.');
  });

  it('reports an unparsable file as errors', () => {
    const res = lintText('astronomer: [\n', { filePath: '/repo/broken.yaml' });
    expect(res.fatalErrorCount).toBeGreaterThan(0);
    const doc = parse(junit([res], context));
    const suite = doc.testsuites.testsuite![0]!;
    expect(suite).toMatchObject({ '@_failures': '0', '@_errors': String(suite.testcase.length) });
    expect(suite.testcase.every((t) => t.error && !t.failure)).toBe(true);
    expect(doc.testsuites['@_errors']).toBe(suite['@_errors']);
  });

  it('escapes hostile text so it parses back to itself, minus what XML cannot hold', () => {
    const results = [result(`/repo/${HOSTILE.replace(/\//g, '_')}.yaml`, [diag({ ruleId: HOSTILE, message: HOSTILE, path: HOSTILE })])];
    const xml = junit(results, context);
    expect(onlyXmlChars(xml)).toBe(true);
    expect(xml).not.toContain(']]>');
    const doc = parse(xml);
    const suite = doc.testsuites.testsuite![0]!;
    const cleaned = xmlClean(HOSTILE);
    expect(cleaned).not.toBe(HOSTILE);
    expect(suite['@_name']).toBe(`${cleaned}.yaml`);
    const tc = suite.testcase[0]!;
    expect(tc['@_name']).toBe(cleaned);
    expect(tc.failure![0]!['@_message']).toBe(cleaned);
    expect(tc.failure![0]!['#text']).toBe(`3:5 ${cleaned} ${cleaned}`);
  });

  it('escapes attribute whitespace as references', () => {
    expect(escapeAttr('a\tb\nc\rd"e\'f<g&h>')).toBe('a&#9;b&#10;c&#13;d&quot;e&apos;f&lt;g&amp;h&gt;');
    expect(escapeText(']]>')).toBe(']]&gt;');
  });

  it('formats real lint output with hostile keys', () => {
    const text = [
      'astronomer:',
      '  houston:',
      '    config:',
      '      auth:',
      '        "<script>&amp;": 1',
      '        "]]><x/>": 2',
      '        "q\\"\\u0001\\u001b": 3',
      '        githb:',
      '          enabled: true',
      '',
    ].join('\n');
    const res = lintText(text, { filePath: '/repo/values.yaml' });
    const unknown = res.messages.filter((m) => m.ruleId === 'unknown-key');
    expect(unknown.length).toBeGreaterThanOrEqual(4);
    expect(unknown.some((m) => xmlClean(m.message) !== m.message)).toBe(true);
    const xml = junit([res], context);
    expect(onlyXmlChars(xml)).toBe(true);
    const doc = parse(xml);
    const suite = doc.testsuites.testsuite![0]!;
    const ruleIds = [...new Set(res.messages.map((m) => m.ruleId))];
    expect(suite.testcase.map((t) => t['@_name'])).toEqual(ruleIds);
    expect(suite['@_tests']).toBe(String(ruleIds.length));
    expect(suite['@_failures']).toBe(String(ruleIds.length));
    const failures = suite.testcase.find((t) => t['@_name'] === 'unknown-key')!.failure!;
    expect(failures).toHaveLength(unknown.length);
    expect(failures.map((f) => f['@_message'])).toEqual(unknown.map((m) => xmlClean(m.message)));
    expect(failures.map((f) => f['@_message']).join()).toContain('<script>&amp;');
  });
});
