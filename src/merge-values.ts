// Several values files merged as `helm -f a.yaml -f b.yaml` merges them, keeping where each value came from.
import { deepMerge } from './deep-merge.js';
import { LocationMap } from './location-map.js';
import { LocationHistory } from './lint-unit.js';
import { getAt, isRecord } from './values-path.js';
import type { LintUnit, UnitProblem } from './lint-unit.js';
import type { LoadedValues } from './load-values.js';
import type { ValuesPath } from './types.js';

/**
 * Merges loaded files in order: maps merge deeply, later files win, lists are replaced whole, and `null`
 * deletes a key (Helm's coalescing). A file that could not be read contributes only its problems.
 */
export function mergeLoaded(files: readonly LoadedValues[]): LintUnit {
  const locations = new LocationMap();
  const history = new LocationHistory();
  const problems: UnitProblem[] = [];
  let values: Record<string, unknown> = {};
  for (const file of files) {
    problems.push(...file.problems.map((p) => ({ ...p, source: file.source.name })));
    if (!isRecord(file.values)) continue;
    // Where this file replaces a map or list with something else, the earlier children are gone.
    forEachReplacement(values, file.values, [], (path) => locations.deleteSubtree(path));
    for (const [key, loc] of file.locations.entries()) {
      locations.setKey(key, loc);
      history.addKey(key, loc);
    }
    forEachNull(file.values, [], (path) => locations.deleteSubtree(path));
    values = deepMerge(values, file.values, true) as Record<string, unknown>;
  }
  return { values, locations, history, sources: files.map((f) => f.source), problems };
}

function forEachReplacement(before: unknown, over: Record<string, unknown>, path: ValuesPath, replaced: (path: ValuesPath) => void): void {
  for (const [key, value] of Object.entries(over)) {
    const prev = getAt(before, [key]);
    if (prev === undefined || prev === null || typeof prev !== 'object') continue;
    if (isRecord(prev) && isRecord(value)) forEachReplacement(prev, value, [...path, key], replaced);
    else replaced([...path, key]);
  }
}

function forEachNull(over: Record<string, unknown>, path: ValuesPath, found: (path: ValuesPath) => void): void {
  for (const [key, value] of Object.entries(over)) {
    if (value === null) found([...path, key]);
    else if (isRecord(value)) forEachNull(value, [...path, key], found);
  }
}
