// Formatter registry: names to lazily loaded modules, so a run loads only the format it prints.
import type { Formatter } from './types.js';

const loaders: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
};

export const FORMATTER_NAMES = Object.keys(loaders);

/** Loads a formatter by name; undefined for an unknown name. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = loaders[name];
  return load ? (await load()).default : undefined;
}
