// Generic walk over a plain values subtree: every node (or every scalar) with its values path.
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
 */
export function* walkValues(root: unknown, base: ValuesPath = []): Generator<WalkedNode> {
  const ancestors = new Set<unknown>();
  function* visit(value: unknown, path: ValuesPath): Generator<WalkedNode> {
    yield { path, value };
    if (value === null || typeof value !== 'object' || ancestors.has(value)) return;
    ancestors.add(value);
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) yield* visit(item, [...path, i]);
    } else {
      for (const [key, item] of Object.entries(value)) yield* visit(item, [...path, key]);
    }
    ancestors.delete(value);
  }
  yield* visit(root, base);
}

/** Every scalar (string, number, boolean, null) under `root` with its path. */
export function* walkScalars(root: unknown, base: ValuesPath = []): Generator<WalkedScalar> {
  for (const node of walkValues(root, base)) {
    if (node.value === null || typeof node.value !== 'object') yield node as WalkedScalar;
  }
}

/** Every string scalar under `root` with its path. */
export function* walkStrings(root: unknown, base: ValuesPath = []): Generator<{ path: ValuesPath; value: string }> {
  for (const node of walkScalars(root, base)) {
    if (typeof node.value === 'string') yield { path: node.path, value: node.value };
  }
}
