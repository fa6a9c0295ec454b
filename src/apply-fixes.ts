// Applies fixes (`{ range, text }` data) to source text: non-overlapping per pass, re-linting between passes.
import type { Diagnostic, Fix, LintResult } from './types.js';

/** Passes before giving up on fixes that keep producing new fixes (ESLint uses 10). */
export const MAX_FIX_PASSES = 10;

export interface FixPassResult {
  output: string;
  /** Whether any fix was applied. */
  fixed: boolean;
  /** Findings whose fix overlapped an earlier one in this pass (applied in a later pass). */
  deferred: Diagnostic[];
}

/** Applies the fixes of `messages` that do not overlap, first-come by position. */
export function applyFixes(text: string, messages: readonly Diagnostic[], accept: (m: Diagnostic) => boolean = () => true): FixPassResult {
  const fixable = messages.filter((m) => m.fix && accept(m)).sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const chosen: Fix[] = [];
  const deferred: Diagnostic[] = [];
  let lastEnd = -1;
  for (const m of fixable) {
    const fix = m.fix!;
    const [start, end] = fix.range;
    if (start < 0 || end > text.length || start > end) continue; // a stale fix never touches the text
    if (start < lastEnd || (start === lastEnd && chosen.length > 0 && chosen[chosen.length - 1]!.range[0] === start)) {
      deferred.push(m);
      continue;
    }
    // Identical edits from two findings are one edit.
    const prev = chosen[chosen.length - 1];
    if (prev && prev.range[0] === start && prev.range[1] === end && prev.text === fix.text) continue;
    chosen.push(fix);
    lastEnd = end;
  }
  if (chosen.length === 0) return { output: text, fixed: false, deferred };
  let out = '';
  let pos = 0;
  for (const f of chosen) {
    out += text.slice(pos, f.range[0]) + f.text;
    pos = f.range[1];
  }
  out += text.slice(pos);
  return { output: out, fixed: out !== text, deferred };
}

/**
 * Lints, fixes, and re-lints until nothing more can be fixed (bounded), returning the post-fix result
 * with `output` set when the text changed. Files with YAML syntax errors are never fixed.
 */
export function fixText(text: string, lint: (text: string) => LintResult, accept: (m: Diagnostic) => boolean = () => true): LintResult {
  let name = '';
  const [result] = fixSources(
    new Map([['', text]]),
    (texts) => {
      const r = lint(texts.get('')!);
      name = r.filePath;
      return [{ ...r, filePath: '' }];
    },
    accept,
  );
  return { ...result!, filePath: name };
}

/**
 * Fixes several sources linted together (a merged `-f` unit): each pass applies every source's own
 * non-overlapping fixes, then re-lints the whole unit. Returns the post-fix results, with `output` on
 * each result whose text changed. A pass that would introduce a syntax error is not taken.
 */
export function fixSources(
  texts: ReadonlyMap<string, string>,
  lint: (texts: ReadonlyMap<string, string>) => LintResult[],
  accept: (m: Diagnostic) => boolean = () => true,
): LintResult[] {
  let current = new Map(texts);
  let results = lint(current);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (results.some((r) => r.fatalErrorCount > 0)) break;
    const next = new Map(current);
    let changed = false;
    for (const r of results) {
      const text = current.get(r.filePath);
      if (text === undefined) continue;
      const { output, fixed } = applyFixes(text, r.messages, accept);
      if (fixed) {
        next.set(r.filePath, output);
        changed = true;
      }
    }
    if (!changed) break;
    const nextResults = lint(next);
    if (nextResults.some((r) => r.fatalErrorCount > 0)) break;
    current = next;
    results = nextResults;
  }
  return results.map((r) => {
    const text = current.get(r.filePath);
    return text !== undefined && text !== texts.get(r.filePath) ? { ...r, output: text } : r;
  });
}
