// The real-world corpus: every snippet loads without a crash; the invalid ones are yaml-syntax findings.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/linter.js';
import { CORPUS_REAL } from './helpers/paths.js';

const files = readdirSync(CORPUS_REAL).filter((f) => f.endsWith('.yaml')).sort();
/**
 * INDEX.md: "Four files are not valid YAML on purpose (018, 029, 030, 033) and one is a Go template (059)".
 * 049 (shell lines) is valid YAML but a plain string at the top level, which Helm refuses as values.
 */
const INVALID = new Set(['018', '029', '030', '033', '049', '059']);

describe('real corpus loads without a crash', () => {
  it('has the 60 snippets', () => expect(files).toHaveLength(60));
  for (const file of files) {
    it(file, () => {
      const result = lintText(readFileSync(join(CORPUS_REAL, file), 'utf8'), { filePath: file });
      for (const m of result.messages) {
        expect(m.line).toBeGreaterThanOrEqual(1);
        expect(m.column).toBeGreaterThanOrEqual(1);
        expect(m.message).not.toMatch(/undefined|\[object Object\]/);
      }
      const syntax = result.messages.some((m) => m.ruleId === 'yaml-syntax');
      expect(syntax).toBe(INVALID.has(file.slice(0, 3)));
    });
  }
});
