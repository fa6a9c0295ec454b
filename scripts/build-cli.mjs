// Bundles the CLI (src/bin.ts) into dist/cli/: one entry file plus chunks for what a run loads lazily
// (formatters, config loading, fixing, subcommands). One file instead of ~60 modules halves start-up.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { licenseNotices } from './build-action.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTDIR = path.join(repoRoot, 'dist', 'cli');

export async function buildCli() {
  rmSync(OUTDIR, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { bin: 'src/bin.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['typescript'],
    outdir: OUTDIR,
    chunkNames: 'chunks/[name]-[hash]',
    minify: process.env.HOUSTON_LINT_NO_MINIFY !== '1',
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    banner: {
      // CommonJS dependencies call require() and read __filename/__dirname (cosmiconfig's loaders).
      js: [
        "import { createRequire as __houstonCreateRequire } from 'node:module';",
        "import { fileURLToPath as __houstonFileURLToPath } from 'node:url';",
        "import { dirname as __houstonDirname } from 'node:path';",
        'const require = __houstonCreateRequire(import.meta.url);',
        'const __filename = __houstonFileURLToPath(import.meta.url);',
        'const __dirname = __houstonDirname(__filename);',
      ].join('\n'),
    },
  });
  mkdirSync(OUTDIR, { recursive: true });
  writeFileSync(path.join(OUTDIR, 'THIRD-PARTY-NOTICES.txt'), licenseNotices(result.metafile).replace(/^\n\/\*! /, '').replace(/\*\/\n$/, ''));
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
