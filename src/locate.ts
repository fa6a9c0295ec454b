// The one place a values path (or a raw source range) becomes a file and 1-based line/column range.
import { getAt, isRecord } from './values-path.js';
import type { LintUnit } from './lint-unit.js';
import type { SourceFile } from './load-values.js';
import type { NodeLocation, SourceRange, ValuesPath } from './types.js';

/** 1-based range of offsets in one source. */
export function rangeIn(source: SourceFile, range: readonly [number, number]): SourceRange {
  const start = source.lines.position(range[0]);
  const end = source.lines.position(Math.max(range[1], range[0]));
  return { source: source.name, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Where a finding about `path` belongs: the value (or key) itself when it exists, else the key of its
 * closest existing ancestor (a missing requirement points at its block). In a merged unit, a block's key
 * is taken from the file that set its `enabled` flag, the file that switched it on.
 */
export function locate(unit: LintUnit, path: ValuesPath, target: 'key' | 'value'): SourceRange {
  const found = unit.locations.closest(path);
  const first = unit.sources[0]!;
  if (!found) return rangeIn(first, [0, 0]);
  let loc: NodeLocation = found.loc;
  const exact = found.path.length === path.length;
  if (unit.history && isRecord(getAt(unit.values, found.path))) {
    const enabledBy = unit.history.get([...found.path, 'enabled']).at(-1)?.source;
    const own = enabledBy ? unit.history.get(found.path).filter((l) => l.source === enabledBy).at(-1) : undefined;
    if (own) loc = own;
  }
  const useKey = (exact ? target === 'key' : true) && loc.keyRange !== undefined;
  const source = unit.sources.find((s) => s.name === loc.source) ?? first;
  return rangeIn(source, useKey ? loc.keyRange! : loc.valueRange);
}

/** Earlier sources that also wrote `path` (for "prod.yaml:12 overrides base.yaml:30" messages). */
export function overridden(unit: LintUnit, path: ValuesPath): { source: string; line: number }[] {
  if (!unit.history) return [];
  const all = unit.history.get(path);
  const winner = unit.locations.get(path);
  return all
    .filter((l) => l !== winner && l.source !== winner?.source)
    .map((l) => {
      const src = unit.sources.find((s) => s.name === l.source);
      return { source: l.source, line: src ? src.lines.position((l.keyRange ?? l.valueRange)[0]).line : 1 };
    });
}

