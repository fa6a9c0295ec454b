// The plain composer must give exactly what the parser gives (values, every location, duplicate keys) whenever it
// reads a text at all, and must leave every text the parser refuses, or reads differently, to the parser.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.mjs';
import { composePlain } from '../src/compose-plain.js';
import { loadValues, resolvePlainScalar } from '../src/load-values.js';
import { skimValues } from '../src/skim-values.js';
import { applyEdits, lineEdit } from './helpers/edits.js';
import { CORPUS_MIGRATION, CORPUS_REAL, FIXTURES, yamlFiles } from './helpers/paths.js';
import type { LoadedValues } from '../src/load-values.js';
import type { LocationMap } from '../src/location-map.js';

const bench = generateCorpus({ profile: 'tiny', out: mkdtempSync(join(tmpdir(), 'houston-lint-compose-')) });
const files = [
  ...yamlFiles(FIXTURES),
  ...yamlFiles(CORPUS_REAL),
  ...yamlFiles(CORPUS_MIGRATION),
  bench.files.values58.path,
  bench.files.platform3000.path,
  ...yamlFiles(bench.files.set.path),
  ...yamlFiles(bench.files.smallDir.path),
];
const texts = files.map((f) => readFileSync(f, 'utf8'));

/** Locations as plain data, in insertion order (the collection ends read, so computed). */
function plainLocations(map: LocationMap): [string, { source: string; keyRange?: [number, number]; valueRange: [number, number] }][] {
  return [...map.entries()].map(([k, l]) => [k, { source: l.source, ...(l.keyRange ? { keyRange: l.keyRange } : {}), valueRange: l.valueRange }]);
}

/** Composes `text` with the parser's collection ends (as the loader does), or undefined. */
function compose(text: string) {
  let parsed: LoadedValues | undefined;
  return composePlain(text, {
    name: 'values.yaml',
    toOriginal: (o) => o,
    resolvePlain: resolvePlainScalar,
    collectionEnd: (key) => (parsed ??= loadValues('values.yaml', text)).locations.getKey(key)?.valueRange[1],
  });
}

/** Checks the composer against the parser on `text`; returns whether the composer read it. */
function agrees(text: string): boolean {
  const composed = compose(text);
  if (!composed) return false;
  const parsed = loadValues('values.yaml', text);
  expect(parsed.problems.filter((p) => p.ruleId !== 'duplicate-key')).toEqual([]);
  expect(composed.values).toEqual(parsed.values);
  expect(plainLocations(composed.locations)).toEqual(plainLocations(parsed.locations));
  expect(composed.duplicates).toEqual(parsed.problems.map((p) => ({ path: p.path, range: p.range })));
  return true;
}

describe('composing plain values without the parser', () => {
  it('reads the houston parts of most files, exactly as the parser does', () => {
    let read = 0;
    for (const text of texts) {
      const reduced = skimValues(text, () => undefined);
      if (reduced && agrees(reduced.text)) read++;
    }
    expect(read / texts.length).toBeGreaterThan(0.6);
  });

  it('reads whole files exactly as the parser does, where it reads them', () => {
    const read = texts.filter((t) => agrees(t)).length;
    expect(read).toBeGreaterThan(50);
  });

  it.each([
    ['booleans, nulls and numbers as go-yaml reads them', 'a: yes\nb: Off\nc: ~\nd:\ne: 0x1F\nf: 0777\ng: 1e3\nh: 1_000\ni: .inf\nj: 1.2.3\nk: -0.5\nl: y\nm: NULL\n'],
    ['keys turned into strings', 'true: 1\n1: 2\n0x10: 3\n~: 4\n1.0: 5\n"q": 6\n\'it\'\'s\': 7\n'],
    ['quoted values and escapes', 'a: "x\\ty\\u00e9\\x41\\U0001F600\\"\\\\ \\/"\nb: \'a \'\' b\'\nc: "  padded  "\nd: ""\n'],
    ['comments and blank lines', '# head\na: 1 # one\n\n  # indented\nb:\n  # inside\n  c: 2\n\n# tail\n'],
    ['sequences', 'a:\n- 1\n- x: 2\n  y: 3\n-\nb:\n  - [1, "2", c]\n  - {k: v, "q": 1}\n  -\n    z: 1\n'],
    ['flow collections', 'a: []\nb: {}\nc: [a b, -1, "x, y", \'z\', ]\nd: {url: http://x:8080/y, n: 1}\n'],
    ['duplicate keys', 'a: 1\nb:\n  c: 1\nb:\n  d: 2\na: 3\ne: {x: 1, x: 2}\n'],
    ['a key whose value is a sequence at its own indentation', 'a:\n- 1\n- 2\nb: 3\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  c: "x"\r\n  d:\r\n  - 1\r\n'],
  ])('reads %s', (_what, text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ['a block scalar', 'a: |\n  x\n'],
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a: {x: 1}\n<<: {y: 1}\n'],
    ['a merge key in a flow map', 'a: {<<: x}\n'],
    ['a plain value over two lines', 'a: one\n  two\n'],
    ['a value on the line after its key', 'a:\n  one\n'],
    ['a quoted value over two lines', 'a: "one\n  two"\n'],
    ['a nested flow collection', 'a: [[1]]\n'],
    ['a flow map entry without a value', 'a: {x}\n'],
    ['a flow map entry with an empty value', 'a: {x: }\n'],
    ['a pair in a flow sequence', 'a: [x: 1]\n'],
    ['a comment in a flow collection', 'a: [x#y]\n'],
    ['an invalid escape', 'a: "\\q"\n'],
    ['an escape beyond Unicode', 'a: "\\UFFFFFFFF"\n'],
    ['a nested map on one line', 'a: b: c\n'],
    ['a sequence at the top', '- a\n'],
    ['indentation that fits no level', 'a:\n    b: 1\n  c: 2\n'],
    ['a compact nested sequence', 'a:\n  - - x\n'],
    ['a document marker', '---\na: 1\n'],
    ['a document marker before a key', 'a: 1\n--- b: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a quoted key over 1,024 characters', `"${'k'.repeat(1100)}": 1\n`],
    ['a key whose colon is over 1,024 characters after it', `k${' '.repeat(1100)}: 1\n`],
    ['an explicit key', '? a\n: 1\n'],
    ['a comment without a space before it', 'a: "x"#c\n'],
  ])('leaves %s to the parser', (_what, text) => {
    expect(compose(text)).toBeUndefined();
  });

  it('reads nothing the parser refuses or reads differently (fast-check)', () => {
    const line = fc.tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '      '),
      fc.constantFrom('k: ', 'k:', 'j: ', '- ', '- k: ', '- j: ', '"q": ', "'q': ", '-', '# c', '', 'k : ', '- - ', '? ', ': ', '1: ', 'y: ', '--- ', '... ', '<<: ', '- <<: '),
      fc.constantFrom('v', '"s"', "'s'", '|', '>-', '[a]', '{a: b}', '1', 'yes', 'a b', 'a: b', '"a" b', 'v # c', 'v#c', '', '-', '- a', ':', 'a:', '"\\x4"', '"\\u00e9"', "'it''s'", 'a,b', '[a', '"open', '@x', '%x', '[a, "b", -1]', '{a: 1, a: 2}', '{u: http://x}', '~', '0x1F', '[]', '{}', '[a, ]', '<<', '{<<: a}', '[<<]', '{a: <<}', ':x', '?x', '-x', 'a:b', "it's", 'a # b: c', '"a\\"b"'),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.constantFrom('top:\n', 'top: 1\n', 'a:\n  b:\n'), fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (head, parts, crlf) => {
        let text = head + parts.map((p) => p.join('')).join('\n') + '\n';
        if (crlf) text = text.replaceAll('\n', '\r\n');
        if (agrees(text)) read++;
      }),
      { seed: 0xc0f, numRuns: 10000 },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('reads one-line flow collections exactly as the parser does, or not at all (fast-check)', () => {
    const token = fc.constantFrom('[', ']', '{', '}', ', ', ',', ': ', ':', 'a', 'b', ' ', '"x"', "'y'", '-1', '-.5', '#', ' #', 'a b', '?', '- ', '<<', '~', 'yes', '0x1F', ':x', 'a:b', '"\\t"');
    let read = 0;
    fc.assert(
      fc.property(fc.constantFrom('[', '{'), fc.array(token, { minLength: 0, maxLength: 10 }), fc.constantFrom(']', '}'), fc.constantFrom('', ' # c', ' x'), (open, inner, close, after) => {
        const flow = `${open}${inner.join('')}${close}`;
        if (agrees(`top:\n  v: ${flow}${after}\nw:\n  - ${flow}\n`)) read++;
      }),
      { seed: 0xf1c, numRuns: 20000 },
    );
    expect(read).toBeGreaterThan(500);
  });

  it('reads random edits of real files exactly as the parser does, or not at all (fast-check)', () => {
    const pool = texts.filter((t) => t.length < 50_000);
    const inserts = ['"', "'", ':', ': x', '[', ']', '{', '}', ',', '#', ' #', '- ', ' ', '  ', '\\', '&a ', '*a', '!t ', '|', '>', '? ', '---', 'a: b: c', '\\q', '~', 'yes', '0x1', '\r'];
    let read = 0;
    fc.assert(
      fc.property(fc.array(lineEdit(pool.length, inserts), { minLength: 1, maxLength: 3 }), (edits) => {
        const text = applyEdits(pool[edits[0]!.file]!, edits);
        if (agrees(text)) read++;
      }),
      { seed: 0xed1, numRuns: 1500 },
    );
    expect(read).toBeGreaterThan(300);
  });
});
