// Values path → source location, with the closest-ancestor fallback that every finding relies on.
import { pathKey } from './values-path.js';
import type { NodeLocation, ValuesPath } from './types.js';

export class LocationMap {
  private readonly map = new Map<string, NodeLocation>();

  set(path: ValuesPath, loc: NodeLocation): void {
    this.map.set(pathKey(path), loc);
  }

  /** Sets by a key from `entries()` (used when merging files). */
  setKey(key: string, loc: NodeLocation): void {
    this.map.set(key, loc);
  }

  get(path: ValuesPath): NodeLocation | undefined {
    return this.map.get(pathKey(path));
  }

  hasKey(key: string): boolean {
    return this.map.has(key);
  }

  /** Gets by a `pathKey`. */
  getKey(key: string): NodeLocation | undefined {
    return this.map.get(key);
  }

  has(path: ValuesPath): boolean {
    return this.map.has(pathKey(path));
  }

  /** Forgets a path and everything under it (an earlier duplicate key, a value deleted by a later file). */
  deleteSubtree(path: ValuesPath): void {
    this.deleteSubtreeKey(pathKey(path));
  }

  /** `deleteSubtree` by a `pathKey`. */
  deleteSubtreeKey(prefix: string): void {
    for (const key of this.map.keys()) {
      if (key === prefix || key.startsWith(prefix + '.') || key.startsWith(prefix + '#')) this.map.delete(key);
    }
  }

  /** The location of `path`, or of its closest ancestor that exists, with the path actually found. */
  closest(path: ValuesPath): { path: ValuesPath; loc: NodeLocation } | undefined {
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n);
      const loc = this.get(sub);
      if (loc) return { path: sub, loc };
    }
    return undefined;
  }

  /** All entries, keyed by `pathKey`. */
  entries(): IterableIterator<[string, NodeLocation]> {
    return this.map.entries();
  }
}

/**
 * A location whose value range ends where `end()` says, asked the first time the range is read: for ends that take
 * a parse, which only some findings need. `fallback` is the end when `end()` has no answer; setting `valueRange`
 * replaces the range.
 */
export class LazyEndLocation implements NodeLocation {
  private range: [number, number] | undefined;

  constructor(
    readonly source: string,
    private readonly start: number,
    private readonly end: () => number | undefined,
    private readonly fallback: number,
    public keyRange?: [number, number],
  ) {}

  get valueRange(): [number, number] {
    return (this.range ??= [this.start, this.end() ?? this.fallback]);
  }

  set valueRange(range: [number, number]) {
    this.range = range;
  }
}
