// What one lint run looks at: the values Helm will see, and which source wrote each of them.
import type { LocationMap } from './location-map.js';
import { pathKey } from './values-path.js';
import type { LoadedValues, LoadProblem, SourceFile } from './load-values.js';
import type { NodeLocation, ValuesPath } from './types.js';

/** Every location a path was written at, in the order the sources were applied (Helm `-f` order). */
export class LocationHistory {
  private readonly map = new Map<string, NodeLocation[]>();

  add(path: ValuesPath, loc: NodeLocation): void {
    this.addKey(pathKey(path), loc);
  }

  addKey(key: string, loc: NodeLocation): void {
    const list = this.map.get(key);
    if (list) list.push(loc);
    else this.map.set(key, [loc]);
  }

  get(path: ValuesPath): readonly NodeLocation[] {
    return this.map.get(pathKey(path)) ?? [];
  }
}

export interface UnitProblem extends LoadProblem {
  source: string;
}

/**
 * A lint unit: one values file, or several merged as `helm -f a -f b --set …` merges them.
 * Every source gets a result, even without findings.
 */
export interface LintUnit {
  values: unknown;
  /** Where each value of the merged tree was written (the winning source). */
  locations: LocationMap;
  /** Every source that wrote each path (only for merged units). */
  history?: LocationHistory;
  sources: SourceFile[];
  problems: UnitProblem[];
}

/** A unit made of one loaded file. */
export function unitFromLoaded(loaded: LoadedValues): LintUnit {
  return {
    values: loaded.values,
    locations: loaded.locations,
    sources: [loaded.source],
    problems: loaded.problems.map((p) => ({ ...p, source: loaded.source.name })),
  };
}
