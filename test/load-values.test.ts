// The loader reads values as Helm does and records exact positions.
import { describe, expect, it } from 'vitest';
import { loadValues } from '../src/load-values.js';

const load = (text: string) => loadValues('v.yaml', text);

describe('YAML 1.1 scalars as Helm reads them', () => {
  it('reads yes/no/on/off/y/n as booleans and 0777 as octal', () => {
    const { values } = load('a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: 0777\nh: "yes"\n');
    expect(values).toEqual({ a: true, b: false, c: true, d: false, e: true, f: false, g: 511, h: 'yes' });
  });
  it('reads numbers as go-yaml v2 does, not as the YAML 1.1 schema would', () => {
    const { values } = load('a: 0789\nb: 1e3\nc: 0x1F\nd: 0b101\ne: 1_000\nf: 0o17\ng: .5\nh: +5\ni: 1.2.3\nj: 12abc\nk: "0777"\n');
    expect(values).toEqual({ a: 789, b: 1000, c: 31, d: 5, e: 1000, f: 15, g: 0.5, h: 5, i: '1.2.3', j: '12abc', k: '0777' });
  });
  it('keeps timestamps and sexagesimal-looking scalars as strings (go-yaml v2 does)', () => {
    const { values } = load('d: 2001-12-14\nt: 1:20\n');
    expect(values).toEqual({ d: '2001-12-14', t: '1:20' });
  });
  it('loses digits of huge integers exactly as a float64 does', () => {
    const { values } = load('id: 31415926535897932384626\n');
    expect((values as { id: number }).id).toBe(Number('31415926535897932384626'));
    expect(String((values as { id: number }).id)).toBe('3.1415926535897934e+22');
  });
  it('turns non-string keys into strings', () => {
    expect(load('true: 1\n1: 2\n').values).toEqual({ true: 1, 1: 2 });
  });
  it('applies merge keys, explicit keys winning', () => {
    const { values } = load('base: &b {x: 1, w: 2}\nuse:\n  <<: *b\n  w: 3\n');
    expect(values).toEqual({ base: { x: 1, w: 2 }, use: { x: 1, w: 3 } });
  });
  it('never lets a __proto__ key touch a prototype', () => {
    const { values } = load('__proto__: {polluted: true}\n');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(values as object)).toEqual(['__proto__']);
  });
});

describe('duplicate keys', () => {
  it('keeps the last value and reports the later key', () => {
    const r = load('a:\n  b: 1\n  b: 2\n');
    expect(r.values).toEqual({ a: { b: 2 } });
    expect(r.problems).toEqual([expect.objectContaining({ ruleId: 'duplicate-key', path: ['a', 'b'], range: [12, 13], fatal: false })]);
    expect(r.locations.get(['a', 'b'])?.valueRange).toEqual([15, 16]);
  });
  it('forgets the children of a dropped map', () => {
    const r = load('a:\n  x: 1\na:\n  z: 2\n');
    expect(r.values).toEqual({ a: { z: 2 } });
    expect(r.locations.has(['a', 'x'])).toBe(false);
  });
  it('is linear on a 50,000-key map (no quadratic check)', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const r = load(text);
    expect(Object.keys(r.values as object)).toHaveLength(50_000);
    expect(r.problems).toEqual([]);
  });
});

describe('documents and hostile input', () => {
  it('reads only the first document and warns about the rest', () => {
    const r = load('a: 1\n---\nb: 2\n');
    expect(r.values).toEqual({ a: 1 });
    expect(r.problems).toEqual([expect.objectContaining({ ruleId: 'multi-document', range: [5, 8], fatal: false })]);
  });
  it('treats an empty file as no values', () => {
    expect(load('').values).toBeNull();
    expect(load('# only a comment\n').problems).toEqual([]);
  });
  it('reports syntax errors with their position', () => {
    const r = load('a: [1, 2\nb: 3\n');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.ruleId === 'yaml-syntax' && p.fatal)).toBe(true);
  });
  it('refuses a billion-laughs alias bomb', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const r = load(lines.join('\n') + '\n');
    expect(r.values).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', fatal: true, message: expect.stringMatching(/Alias expansion/) })]);
  });
  it('loads a realistic file with a few hundred aliases', () => {
    const lines = ['defaults: &d {cpu: 1, memory: 2, labels: {a: b}}'];
    for (let i = 0; i < 300; i++) lines.push(`svc${i}: *d`);
    const r = load(lines.join('\n'));
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.values as object)).toHaveLength(301);
  });
  it('refuses absurd nesting without overflowing the stack', () => {
    const r = load('a: '.repeat(1) + '['.repeat(2_000) + ']'.repeat(2_000));
    expect(r.problems[0]).toEqual(expect.objectContaining({ ruleId: 'yaml-syntax', fatal: true }));
  });
});
