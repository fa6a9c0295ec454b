// Bundles the CLI (src/main.ts) into one CommonJS file, dist/cli/houston-lint.cjs, and writes its V8 code
// cache by running it once on a sample: one file instead of ~60 modules, and no compilation at start-up.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { licenseNotices, YAML_ALIAS } from './build-action.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTDIR = path.join(repoRoot, 'dist', 'cli');
export const OUTFILE = path.join(OUTDIR, 'houston-lint.cjs');

/** A values file that exercises the common path (loading, schema, rules, stylish output) for the cache. */
const WARM_UP = `global:
  baseDomain: astro.example-corp.io
astronomer:
  houston:
    config:
      publicSignups: false
      auth:
        local:
          enabled: yes
        openidConnect:
          flow: code
          okta:
            enabled: "true"
            clientId: 0754123
            discoveryURL: http://example-corp.okta.com
    secret:
      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET
        secretName: okta
    env:
      - name: GLOBAL_AGENT_HTTPS_PROXY
        value: http://proxy:3128
`;

/**
 * commander loads node:child_process (with net, dgram and more) when it loads, for subcommands that are separate
 * executables, which houston-lint does not have: about 6 ms of every run. The bundle loads it when spawn is called.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${args.path}: commander no longer requires child_process as expected; update scripts/build-cli.mjs`);
      return { contents: source.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

export async function buildCli() {
  rmSync(OUTDIR, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['src/main.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    alias: YAML_ALIAS,
    plugins: [lazyChildProcess],
    // Keep import() of files outside the bundle (ESM config files) a real dynamic import.
    supported: { 'dynamic-import': true },
    external: ['typescript'],
    outfile: OUTFILE,
    minify: process.env.HOUSTON_LINT_NO_MINIFY !== '1',
    legalComments: 'none',
    // ASCII (non-ASCII characters escaped): Node reads a one-byte string, twice as fast as UTF-8 text, at every start.
    charset: 'ascii',
    metafile: true,
    logLevel: 'warning',
    define: { 'import.meta.url': '__houstonImportMetaUrl' },
    banner: { js: 'var __houstonImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  mkdirSync(OUTDIR, { recursive: true });
  writeFileSync(path.join(OUTDIR, 'THIRD-PARTY-NOTICES.txt'), licenseNotices(result.metafile).replace(/^\n\/\*! /, '').replace(/\*\/\n$/, ''));
  // Run once with the cache writer on: the cache then holds the functions a lint actually compiles.
  const warm = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'houston-lint.cjs'), '-', '--no-config-lookup', '--stdin-filename', 'values.yaml'], {
    input: WARM_UP,
    env: { ...process.env, HOUSTON_LINT_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (warm.status !== 1) throw new Error(`the warm-up run of the built CLI failed (exit ${warm.status}): ${warm.stderr}`);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
