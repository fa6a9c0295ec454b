// Paths used by tests: the repository, its fixtures and the shared corpus beside it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(REPO, 'fixtures');
export const CORPUS_REAL = resolve(REPO, '../shared/corpus/real');
export const CORPUS_MIGRATION = resolve(REPO, '../shared/corpus/migration');

/** Every `.yaml`/`.yml` file below `dir`, absolute, sorted. */
export function yamlFiles(dir: string): string[] {
  return globSync('**/*.{yaml,yml}', { cwd: dir, absolute: true }).sort();
}
