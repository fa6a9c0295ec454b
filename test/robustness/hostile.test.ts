// Hostile input: every generated case is linted (in-process and through the CLI) with the outcome it must have.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, encodeSource } from '../../src/read-inputs.js';
import { lintText } from '../../src/linter.js';
import { loadValues } from '../../src/load-values.js';
import { cli } from '../helpers/cli.js';
import { hostileCases, positionProblems } from '../helpers/hostile.js';
import { tempDir } from '../helpers/temp.js';
import type { Diagnostic } from '../../src/types.js';

const CPU_ONLY = new Set(['alias-bomb', 'merge-bomb', 'many-aliases', 'map-50k-keys', 'duplicate-keys']);

const where = (m: Diagnostic) => ({ ruleId: m.ruleId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, path: m.path });

describe('hostile input', () => {
  const dir = tempDir({});
  for (const c of hostileCases()) {
    it(`${c.id}: ${c.description}`, async () => {
      const { text } = decodeSource(c.bytes);
      const result = lintText(text, { filePath: 'hostile.yaml' });
      const e = c.expect;
      expect(positionProblems(text, result.messages)).toEqual([]);
      expect(result.errorCount > 0 ? 1 : 0).toBe(e.exitCode);
      if (e.ruleIds) expect(result.messages.map((m) => m.ruleId)).toEqual(e.ruleIds);
      if (e.includes) for (const id of e.includes) expect(result.messages.map((m) => m.ruleId)).toContain(id);
      if (e.refused) {
        const { message, line, maxFindings = 1 } = e.refused;
        expect(result.messages.length).toBeGreaterThanOrEqual(1);
        expect(result.messages.length).toBeLessThanOrEqual(maxFindings);
        expect(result.messages.every((m) => m.ruleId === 'yaml-syntax' && m.severity === 2)).toBe(true);
        expect(result.fatalErrorCount).toBeGreaterThan(0);
        expect(result.messages[0]!.message).toMatch(message);
        if (line !== undefined) expect(result.messages[0]!.line).toBe(line);
      } else {
        expect(result.fatalErrorCount).toBe(0);
      }
      if (e.sameAs !== undefined) expect(result.messages.map(where)).toEqual(lintText(e.sameAs, { filePath: 'hostile.yaml' }).messages.map(where));

      // The real CLI on the real bytes: the same findings, exit 0 or 1, JSON that parses. (Skipped for the cases that
      // attack the CPU, not the reader: their ASCII bytes read the same way, and linting them twice only costs time.)
      if (CPU_ONLY.has(c.id)) return;
      const file = join(dir, `${c.id}.yaml`);
      writeFileSync(file, c.bytes);
      const run = await cli([file, '--format', 'json', '--no-config-lookup']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(e.exitCode);
      const [fromCli] = JSON.parse(run.stdout) as { messages: Diagnostic[] }[];
      expect(fromCli!.messages.map(where)).toEqual(result.messages.map(where));
    }, 120_000); // the multi-megabyte cases take seconds, more on a loaded machine; the benchmark measures time
  }
});

describe('decoding keeps every byte', () => {
  it('round-trips any bytes, valid UTF-8 or not, through decodeSource and encodeSource', () => {
    for (const c of hostileCases().filter((x) => x.bytes.length < 200_000)) {
      const source = decodeSource(c.bytes);
      expect(Buffer.compare(Buffer.from(encodeSource(source.text, source.encoding)), Buffer.from(c.bytes)), c.id).toBe(0);
    }
  });
  it('marks each byte that is not UTF-8, and only those', () => {
    expect(decodeSource(Uint8Array.from([0x61, 0xff, 0xc3, 0xa9, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80])).text).toBe('a\udcffé\udcc3(\udced\udca0\udc80😀');
  });
  it('keeps unpaired surrogates of broken UTF-16 so the loader refuses the file', () => {
    const broken = Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]); // a, lone high surrogate, b
    const { text, encoding } = decodeSource(broken);
    expect(encoding).toBe('utf16le');
    expect(loadValues('v.yaml', text).problems[0]?.message).toMatch(/unpaired UTF-16 surrogate/);
    const odd = decodeSource(Uint8Array.from([0xfe, 0xff, 0x00, 0x61, 0x00])).text;
    expect(loadValues('v.yaml', odd).problems[0]?.message).toMatch(/unpaired UTF-16 surrogate \(or a truncated character\) at line 1, column 2/);
  });
});

describe('what Helm accepts and refuses', () => {
  it('reads a comment without a space before it, and still reports it (go-yaml accepts it; the spec does not)', () => {
    const r = lintText('astronomer:\n  houston:\n    config:\n      auth:\n        local: {enabled: true}# on\n');
    expect(r.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['yaml-syntax', 5, 31]]);
    expect(r.messages[0]!.message).toMatch(/Helm's parser accepts this/);
    expect(r.fatalErrorCount).toBe(0);
  });
  it('reports an error in a later document without hiding the findings of the first', () => {
    const r = lintText('astronomer:\n  houston:\n    config:\n      auth:\n        github:\n          enabled: "false"\n---\n[unclosed\n');
    expect(r.messages.map((m) => m.ruleId).sort()).toEqual(['multi-document', 'schema', 'yaml-syntax']);
    expect(r.messages.find((m) => m.ruleId === 'yaml-syntax')!.message).toMatch(/^Document 2: .*Helm reads only the first document/);
    expect(r.fatalErrorCount).toBe(0);
  });
  it('refuses a map used as a key (go-yaml: "invalid map key")', () => {
    const r = lintText('? {a: 1}\n: x\n');
    expect(r.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['yaml-syntax', 1, 3]]);
  });
  it('reads an alias used as a key as its scalar', () => {
    expect(loadValues('v.yaml', 'k: &k name\n*k : 1\n').values).toEqual({ k: 'name', name: 1 });
  });
  it('resolves each alias to the latest anchor of that name before it', () => {
    expect(loadValues('v.yaml', 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n').values).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });
  it('caps the syntax errors of a file of garbage and says how many more there were', () => {
    const r = lintText(Array.from({ length: 60 }, (_, i) => `k${i}: v\n\tt${i}: x`).join('\n'));
    expect(r.messages.length).toBe(20);
    expect(r.messages[19]!.message).toMatch(/ \(40 more YAML syntax errors follow; fix these first\.\)$/);
  });
});
