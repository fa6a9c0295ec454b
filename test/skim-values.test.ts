// Skimming (reading only the parts of a values file the rules use) must never change a result: every fixture, every
// corpus file, the benchmark's generated files and thousands of mutations of them lint the same with and without it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.mjs';
import { fixText } from '../src/apply-fixes.js';
import { lintLoaded, lintText, lintUnit } from '../src/linter.js';
import { DEFAULT_LIMITS, loadValues } from '../src/load-values.js';
import { mergeLoaded } from '../src/merge-values.js';
import { unitFromLoaded } from '../src/lint-unit.js';
import { runChecks } from '../src/run-rules.js';
import { ASTRONOMER_KEYS, ROOT_KEYS, skimValues } from '../src/skim-values.js';
import { isRecord } from '../src/values-path.js';
import { applyEdits, lineEdit } from './helpers/edits.js';
import { CORPUS_MIGRATION, CORPUS_REAL, FIXTURES, yamlFiles } from './helpers/paths.js';
import type { LintResult } from '../src/types.js';

const bench = generateCorpus({ profile: 'tiny', out: mkdtempSync(join(tmpdir(), 'houston-lint-skim-')) });
const benchFiles = [bench.files.values58.path, bench.files.platform3000.path, ...yamlFiles(bench.files.set.path), ...yamlFiles(bench.files.smallDir.path)];
const files = [...yamlFiles(FIXTURES), ...yamlFiles(CORPUS_REAL), ...yamlFiles(CORPUS_MIGRATION), ...benchFiles];
const texts = files.map((f) => ({ name: f, text: readFileSync(f, 'utf8') }));

/** A result with everything that can differ, the fixes `--fix` keeps out of the output (non-enumerable) included. */
function comparable(r: LintResult): string {
  const withFix = (m: LintResult['messages'][number]) => ({ ...m, fix: m.fix });
  return JSON.stringify({ ...r, messages: r.messages.map(withFix), suppressedMessages: r.suppressedMessages.map(withFix) });
}

const full = (name: string, text: string) => lintLoaded(loadValues(name, text), { filePath: name });
const skimmed = (name: string, text: string) => lintText(text, { filePath: name });
const skimmed_ = (text: string) => skimmed('values.yaml', text);
const noEnd = () => 0;

describe('skimming a values file', () => {
  it('skims most real files, and the large generated ones down to their houston parts', () => {
    const done = texts.filter((t) => skimValues(t.text, noEnd) !== undefined);
    expect(done.length / texts.length).toBeGreaterThan(0.75);
    const platform = readFileSync(bench.files.platform3000.path, 'utf8');
    const reduced = skimValues(platform, noEnd);
    expect(reduced).toBeDefined();
    expect(reduced!.text.length).toBeLessThan(platform.length / 3);
    expect(reduced!.text).toContain('\n  houston:\n');
    expect(reduced!.text).not.toContain('\nnginx:');
  });

  it.each(texts.map((t) => [t.name.replace(/^.*\/(fixtures|corpus|corpus-tiny)\//, '$1/'), t.text]))('gives the full-parse result: %s', (name, text) => {
    expect(comparable(skimmed(name, text))).toBe(comparable(full(name, text)));
  });

  it('keeps every top-level and astronomer key whose value a check reads', () => {
    // Run every check (opt-in rules too) on the fully read files, recording which values they take from the top
    // level and from `astronomer`. A check that starts reading another key must be added to ROOT_KEYS.
    const read = { root: new Set<string>(), astronomer: new Set<string>() };
    const recording = (target: Record<string, unknown>, into: Set<string>, inner?: (key: string, v: unknown) => unknown) =>
      new Proxy(target, {
        get(obj, key, receiver) {
          const v = Reflect.get(obj, key, receiver) as unknown;
          if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(obj, key)) return v;
          into.add(key);
          return inner ? inner(key, v) : v;
        },
      });
    for (const t of texts) {
      const loaded = loadValues(t.name, t.text);
      if (!isRecord(loaded.values)) continue;
      const unit = unitFromLoaded(loaded);
      unit.values = recording(loaded.values, read.root, (key, v) => (key === 'astronomer' && isRecord(v) ? recording(v, read.astronomer) : v));
      runChecks(unit, '2', () => ({ severity: 'error', options: {} }));
    }
    expect(read.root.size).toBeGreaterThan(2);
    expect([...read.root].filter((k) => k !== 'astronomer' && !ROOT_KEYS.has(k))).toEqual([]);
    expect([...read.astronomer].filter((k) => !ASTRONOMER_KEYS.has(k))).toEqual([]);
  });

  it('gives the full-parse result for files merged like helm -f', () => {
    const base = readFileSync(bench.files.platform3000.path, 'utf8');
    const prod = texts.find((t) => t.name.endsWith('examples/values.yaml'))!.text;
    const lintMerged = (skim: boolean) =>
      lintUnit(mergeLoaded([loadValues('base.yaml', base, DEFAULT_LIMITS, { skim }), loadValues('prod.yaml', prod, DEFAULT_LIMITS, { skim })])).map(comparable);
    expect(lintMerged(true)).toEqual(lintMerged(false));
  });

  it('gives the full-parse result and the same fixed text after random edits (fast-check)', () => {
    const pool = texts.filter((t) => t.text.length < 200_000).map((t) => t.text);
    const inserts = ['"', "'", ':', ': x', '[', ']', '{', '#', ' #', '- ', ' ', '  ', '\\', '&a ', '*a', '!t ', '|', '>', '? ', '---', '\t', 'a: b: c', '\\q'];
    fc.assert(
      fc.property(fc.array(lineEdit(pool.length, inserts), { minLength: 1, maxLength: 3 }), fc.boolean(), (edits, crlf) => {
        let text = applyEdits(pool[edits[0]!.file]!, edits);
        if (crlf) text = text.replaceAll('\n', '\r\n'); // Windows line ends: offsets shift by one per line
        const a = full('values.yaml', text);
        const b = skimmed('values.yaml', text);
        expect(comparable(b)).toBe(comparable(a));
        if (a.messages.some((m) => m.fix)) {
          const fixFull = fixText(text, (t) => full('values.yaml', t));
          expect(fixText(text, (t) => skimmed('values.yaml', t)).output).toBe(fixFull.output);
        }
      }),
      { seed: 0x5c1, numRuns: 600, endOnFailure: true },
    );
  });

  /** A file whose `nginx` section (which skimming leaves out) is `lines`. */
  const withNginx = (lines: string[]) => `x: 1\nnginx:\n${lines.map((l) => `  ${l}`).join('\n')}\nastronomer:\n  houston:\n    config:\n      publicSignups: yes\n`;
  const syntaxErrors = (text: string) => loadValues('values.yaml', text).problems.filter((p) => p.ruleId === 'yaml-syntax');

  it('never skims over a line the parser would refuse (fast-check)', () => {
    const line = fc.tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '      '),
      fc.constantFrom('k: ', 'k:', '- ', '- k: ', '"q": ', "'q': ", '-', '# c', '', 'k : ', '- - ', '? ', ': '),
      fc.constantFrom('v', '"s"', "'s'", '|', '>-', '|+', '|2', '[a]', '{a: b}', '1', 'yes', 'a b', 'a: b', '"a" b', 'v # c', 'v#c', '', '-', '- a', ':', 'a:', '"\\x4"', '"\\u00e9"', "'it''s'", 'a,b', '[a', '"open', '@x', '%x', '{{ .Values.x }}', '[[a]: b]', 'x-{{ y }}'),
    );
    let skimmed = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (parts) => {
        const text = withNginx(parts.map((p) => p.join('')));
        if (skimValues(text, noEnd) === undefined) return;
        skimmed++;
        expect(syntaxErrors(text)).toEqual([]);
        expect(comparable(skimmed_(text))).toBe(comparable(full('values.yaml', text)));
      }),
      { seed: 0x6c1, numRuns: 4000 },
    );
    expect(skimmed).toBeGreaterThan(200);
  });

  it('never skims over a flow collection the parser would refuse (fast-check)', () => {
    const token = fc.constantFrom('[', ']', '{', '}', ', ', ',', ': ', ':', 'a', 'b', ' ', '"x"', "'y'", '-1', '#', 'a b', '?', '- ', '<<');
    let skimmed = 0;
    fc.assert(
      fc.property(fc.constantFrom('[', '{'), fc.array(token, { minLength: 1, maxLength: 10 }), fc.constantFrom(']', '}'), (open, inner, close) => {
        const text = withNginx([`v: ${open}${inner.join('')}${close}`]);
        if (skimValues(text, noEnd) === undefined) return;
        skimmed++;
        expect(syntaxErrors(text)).toEqual([]);
      }),
      { seed: 0xf10, numRuns: 20000 },
    );
    expect(skimmed).toBeGreaterThan(500);
  });

  it('still reports a syntax error outside the houston section (the whole file is parsed then)', () => {
    const text = 'nginx:\n  replicas: 2\n  note: a: b\nastronomer:\n  houston:\n    config: {}\n';
    expect(skimValues(text, noEnd)).toBeUndefined();
    const r = skimmed('values.yaml', text);
    expect(r.messages.map((m) => [m.ruleId, m.line])).toContainEqual(['yaml-syntax', 3]);
  });

  const plain = 'global:\n  baseDomain: example.com\nastronomer:\n  houston:\n    config: {}\n';
  it.each([
    ['a tab', 'nginx:\n\tx: 1\n'],
    ['an anchor', 'nginx: &n\n  x: 1\n'],
    ['an alias', 'nginx:\n  x: *n\n'],
    ['a tag', 'nginx:\n  x: !!str 1\n'],
    ['a merge key', 'nginx:\n  <<: {a: 1}\n'],
    ['a merge key in a flow map', 'nginx: {<<: x}\n'],
    ['a document marker', '---\nnginx:\n  x: 1\n'],
    ['a directive', '%YAML 1.1\n---\nnginx: 1\n'],
    ['an explicit key', 'nginx:\n  ? x\n  : 1\n'],
    ['a plain value continued on the next line', 'nginx:\n  x: one\n    two\n'],
    ['a value on the line after its key', 'nginx:\n  x:\n    one\n'],
    ['a double-quoted string over two lines', 'nginx:\n  x: "one\n    two"\n'],
    ['a flow sequence over two lines', 'nginx:\n  x: [a,\n    b]\n'],
    ['an invalid escape', 'nginx:\n  x: "\\q"\n'],
    ['a nested map on one line', 'nginx:\n  x: a: b\n'],
    ['indentation that fits no level', 'nginx:\n    x: 1\n  y: 2\n'],
    ['a quoted top-level key', '"nginx":\n  x: 1\n'],
    ['a compact nested sequence', 'nginx:\n  - - a\n'],
    ['a block scalar with an indentation indicator', 'nginx:\n  x: |2\n     a\n'],
    ['a second astronomer', 'astronomer:\n  x: 1\n'],
    ['deep flow nesting', `nginx: ${'['.repeat(40)}${']'.repeat(40)}\n`],
    ['a quoted key over 1,024 characters', `nginx:\n  "${'k'.repeat(1100)}": 1\n`],
    ['a key whose colon is over 1,024 characters after it', `nginx:\n  k${' '.repeat(1100)}: 1\n`],
  ])('leaves a file with %s to the full parse', (_what, extra) => {
    expect(skimValues(plain, noEnd)).toBeDefined();
    expect(skimValues(plain + extra, noEnd)).toBeUndefined();
  });

  it('maps every offset of the reduced text back to the same character of the file', () => {
    const text = '# values\nnginx:\n  replicas: 2\n  config: |\n    a: b\nastronomer:\n  commander:\n    x: 1\n  houston:\n    config:\n      publicSignups: yes\nkibana:\n  enabled: false\nglobal:\n  baseDomain: example.com\n';
    const skim = skimValues(text, noEnd)!;
    expect(skim.text).toBe('# values\nnginx:\nastronomer:\n  commander:\n  houston:\n    config:\n      publicSignups: yes\nglobal:\n  baseDomain: example.com\n');
    for (const word of ['publicSignups', 'houston', 'baseDomain', 'astronomer', 'commander']) {
      expect(skim.toOriginal(skim.text.indexOf(word))).toBe(text.indexOf(word));
    }
    // Where two kept parts meet, an offset starts the second part, but ends the first (the houston block ends before
    // `kibana:`, which is not in the reduced text).
    const seam = skim.text.indexOf('global:');
    expect(skim.toOriginal(seam)).toBe(text.indexOf('global:'));
    expect(skim.toOriginal(seam, true)).toBe(text.indexOf('kibana:'));
  });
});
