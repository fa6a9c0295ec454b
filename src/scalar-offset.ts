// Offsets inside a scalar's source, for fixes and suggestions that edit part of a value (inside its quotes).
import type { RuleContext } from './rule.js';
import type { ValuesPath } from './types.js';

/** Source offset of character `index` of a single-line scalar's value, when the source spells the value verbatim. */
export function valueOffset(context: RuleContext, path: ValuesPath, value: string, index: number): number | undefined {
  const src = context.scalar(path);
  const loc = context.fixer.location(path);
  if (!src || !loc || src.style === 'block') return undefined;
  const q = src.style === 'plain' ? 0 : 1;
  const inner = src.style === 'plain' ? src.text : src.text.slice(1, -1);
  return inner === value ? loc.valueRange[0] + q + index : undefined;
}
