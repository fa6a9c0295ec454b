// Generic walk over a plain values subtree: every node (or every scalar) with its values path.
import { pathKey } from './values-path.js';
import type { ValuesPath } from './types.js';

export type Scalar = string | number | boolean | bigint | null | undefined;

export interface WalkedNode {
  path: ValuesPath;
  value: unknown;
}

export interface WalkedScalar {
  path: ValuesPath;
  value: Scalar;
}

/**
 * Every node under `root` (depth first, in document order), `root` itself first, paths prefixed with `base`.
 * Shared subtrees (YAML aliases) are visited once per reference; a recursive alias is not followed into itself.
 * Arrays, not generators: nested generators cost a rule on a 50,000-key map several times the walk itself.
 */
export function walkValues(root: unknown, base: ValuesPath = []): readonly WalkedNode[] {
  // Several rules walk the same houston section: the walk of an object is made once (values are never modified).
  const cacheKey = pathKey(base);
  const cached = root !== null && typeof root === 'object' ? walkCache.get(root)?.get(cacheKey) : undefined;
  if (cached) return cached;
  const out: WalkedNode[] = [];
  const ancestors = new Set<unknown>();
  const visit = (value: unknown, path: ValuesPath): void => {
    out.push({ path, value });
    if (value === null || typeof value !== 'object' || ancestors.has(value)) return;
    ancestors.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], [...path, i]);
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) visit(record[key], [...path, key]);
    }
    ancestors.delete(value);
  };
  visit(root, base);
  if (root !== null && typeof root === 'object') {
    const byBase = walkCache.get(root) ?? new Map<string, WalkedNode[]>();
    byBase.set(cacheKey, out);
    walkCache.set(root, byBase);
  }
  return out;
}

const walkCache = new WeakMap<object, Map<string, WalkedNode[]>>();

/** Every scalar (string, number, boolean, null) under `root` with its path. */
export function walkScalars(root: unknown, base: ValuesPath = []): WalkedScalar[] {
  return walkValues(root, base).filter((node): node is WalkedScalar => node.value === null || typeof node.value !== 'object');
}

/** Every string scalar under `root` with its path. */
export function walkStrings(root: unknown, base: ValuesPath = []): { path: ValuesPath; value: string }[] {
  return walkValues(root, base).filter((node): node is { path: ValuesPath; value: string } => typeof node.value === 'string');
}
