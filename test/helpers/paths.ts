// Paths used by tests: the repository, its fixtures and the shared corpus beside it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(REPO, 'fixtures');
export const CORPUS_REAL = resolve(REPO, '../shared/corpus/real');
export const CORPUS_MIGRATION = resolve(REPO, '../shared/corpus/migration');
