// Baseline: findings recorded once and not reported again, keyed by file, rule id and values path (not lines).
import { relative, sep } from 'node:path';
import type { LintResult } from './types.js';

export interface BaselineEntry {
  /** Path of the linted file relative to the baseline file's directory, with `/` separators. */
  file: string;
  ruleId: string;
  /** Dotted values path of the finding ('' for findings about the document). */
  path: string;
  /** How many findings with this key are accepted. */
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export const DEFAULT_BASELINE = '.houston-lint-baseline.json';

/** Findings that are never recorded: a file that does not parse must be fixed, not accepted. */
const NEVER_BASELINED = new Set(['yaml-syntax', 'stale-baseline-entry', 'unused-disable-directive', 'directive-reason']);

/** The key of a linted file in a baseline stored in `baseDir`. */
export function baselineFileKey(filePath: string, baseDir: string): string {
  const rel = relative(baseDir, filePath);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Records the current findings of `results` (sorted, so the file diffs well). */
export function createBaseline(results: LintResult[], baseDir: string): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const r of results) {
    const file = baselineFileKey(r.filePath, baseDir);
    for (const m of r.messages) {
      if (NEVER_BASELINED.has(m.ruleId)) continue;
      const key = JSON.stringify([file, m.ruleId, m.path]);
      const e = counts.get(key);
      if (e) e.count++;
      else counts.set(key, { file, ruleId: m.ruleId, path: m.path, count: 1 });
    }
  }
  const entries = [...counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.path.localeCompare(b.path));
  return { version: 1, entries };
}

/** Parses a baseline file; throws with a clear message when it is not one. */
export function parseBaseline(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const b = data as Partial<Baseline>;
  if (b?.version !== 1 || !Array.isArray(b.entries)) throw new Error(`${name} is not a houston-lint baseline (expected {"version": 1, "entries": [...]})`);
  b.entries.forEach((e, i) => {
    if (typeof e?.file !== 'string' || typeof e.ruleId !== 'string' || typeof e.path !== 'string' || !Number.isInteger(e.count) || e.count < 1) {
      throw new Error(`${name}: entry ${i} must have file, ruleId, path (strings) and count (a positive whole number)`);
    }
  });
  return b as Baseline;
}

/** Entries of a baseline for one file. */
export function entriesFor(baseline: Baseline, fileKey: string): BaselineEntry[] {
  return baseline.entries.filter((e) => e.file === fileKey);
}

/**
 * A baseline without what no longer matches: for every linted file, each entry keeps only as many findings
 * as the baseline actually suppressed in this run. Entries of files not linted now are kept as they are.
 */
export function pruneBaseline(baseline: Baseline, results: LintResult[], baseDir: string): Baseline {
  const linted = new Set(results.map((r) => baselineFileKey(r.filePath, baseDir)));
  const matched = new Map<string, number>();
  for (const r of results) {
    const file = baselineFileKey(r.filePath, baseDir);
    for (const m of r.suppressedMessages) {
      if (!m.suppressions?.some((s) => s.kind === 'baseline')) continue;
      const key = JSON.stringify([file, m.ruleId, m.path]);
      matched.set(key, (matched.get(key) ?? 0) + 1);
    }
  }
  const entries = baseline.entries.flatMap((e) => {
    if (!linted.has(e.file)) return [e];
    const count = Math.min(e.count, matched.get(JSON.stringify([e.file, e.ruleId, e.path])) ?? 0);
    return count > 0 ? [{ ...e, count }] : [];
  });
  return { version: 1, entries };
}
