// Deep merge of plain values: node-config's file layering (and the base of Helm's values coalescing).
import { isRecord, setOwn } from './values-path.js';

/**
 * Returns `base` with `over` merged on top: maps merge key by key, lists and scalars replace.
 * Neither input is modified. With `nullDeletes` (Helm's rule), a `null` in `over` removes the key.
 */
export function deepMerge(base: unknown, over: unknown, nullDeletes = false): unknown {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? clone(base) : clone(over);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) setOwn(out, k, clone(v));
  for (const [k, v] of Object.entries(over)) {
    if (v === null && nullDeletes) {
      delete out[k];
      continue;
    }
    setOwn(out, k, Object.prototype.hasOwnProperty.call(out, k) ? deepMerge(out[k], v, nullDeletes) : clone(v));
  }
  return out;
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, clone(v));
    return out;
  }
  return value;
}
