// Finds (or installs) the baseline tools, writes the Spectral ruleset with the schema inlined, bundles the parse-only floor.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { YAML_ALIAS } from '../scripts/build-action.mjs';
import { childEnv } from './measure.mjs';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.dirname(BENCH_DIR);
export const REPO = path.resolve(BENCH_DIR, '..');
export const SCHEMA = path.join(REPO, 'schema', 'houston-values.schema.json');
export const DEFAULT_TOOLS_DIR = process.env.HOUSTON_BENCH_TOOLS || path.join(tmpdir(), 'houston-lint-bench-tools');
export const NPM_TOOLS = ['ajv-cli@5', 'ajv-formats@3', '@stoplight/spectral-cli@6'];

/** `npm install --prefix <dir>` of ajv-cli, ajv-formats and Spectral: a scratch directory, not a project dependency. */
export function installTools(dir) {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', ...NPM_TOOLS], { stdio: 'inherit' });
  return r.status === 0;
}

function npmTool(dir, pkg, bin, name) {
  const pkgDir = path.join(dir, 'node_modules', ...pkg.split('/'));
  const manifest = path.join(pkgDir, 'package.json');
  if (!existsSync(manifest)) return { name, missing: `${pkg} is not installed in ${dir} (node bench/run.mjs --install-tools)` };
  const json = JSON.parse(readFileSync(manifest, 'utf8'));
  const rel = typeof json.bin === 'string' ? json.bin : json.bin[bin];
  return { name, version: json.version, cmd: process.execPath, prefix: [path.join(pkgDir, rel)] };
}

/**
 * The baselines: { ajv, spectral, yamllint }, each { name, version, cmd, prefix } or { name, missing }.
 * npm tools are run with this Node (`node <bin script>`), like houston-lint itself.
 */
export function findTools({ toolsDir = DEFAULT_TOOLS_DIR, yamllint = 'yamllint' } = {}) {
  const ajv = npmTool(toolsDir, 'ajv-cli', 'ajv', 'ajv-cli');
  if (!ajv.missing && !existsSync(path.join(toolsDir, 'node_modules', 'ajv-formats'))) ajv.missing = `ajv-formats is not installed in ${toolsDir}`;
  const spectral = npmTool(toolsDir, '@stoplight/spectral-cli', 'spectral', 'Spectral');
  const y = spawnSync(yamllint, ['--version'], { encoding: 'utf8', env: childEnv() });
  const yl = y.status === 0
    ? { name: 'yamllint', version: y.stdout.trim().replace(/^yamllint\s*/, ''), cmd: yamllint, prefix: [] }
    : { name: 'yamllint', missing: `${yamllint} not found (Debian: apt-get install -y yamllint)` };
  return { ajv, spectral, yamllint: yl };
}

/** The arguments of ajv-cli validating `data` (a file or a glob) against the schema, as houston-lint's options. */
export function ajvArgs(data) {
  return ['validate', '-s', SCHEMA, '-d', data, '--spec=draft7', '--strict=false', '--all-errors', '-c', 'ajv-formats'];
}

/**
 * Writes bench/.spectral.yaml with every `schema: { $ref: file#pointer }` replaced by the schema document itself,
 * pointed at `pointer`, so the schema's internal refs resolve. Returns the written path.
 */
export function writeSpectralRuleset(outDir) {
  const ruleset = parse(readFileSync(path.join(BENCH_DIR, '.spectral.yaml'), 'utf8'));
  for (const rule of Object.values(ruleset.rules)) {
    const options = rule.then?.functionOptions;
    const ref = options?.schema?.$ref;
    if (typeof ref !== 'string') continue;
    const [file, pointer = ''] = ref.split('#');
    const doc = JSON.parse(readFileSync(path.resolve(BENCH_DIR, file), 'utf8'));
    delete doc.$schema; // the dialect is given by functionOptions.dialect
    delete doc.$id;
    options.schema = { $ref: `#${pointer}`, definitions: doc.definitions };
  }
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'spectral-ruleset.json');
  writeFileSync(out, JSON.stringify(ruleset, null, 2) + '\n');
  return out;
}

/** Bundles bench/parse-only.mjs (with yaml) into one file in `outDir`, as the bundled CLI would be; undefined without esbuild. */
export async function bundleParseOnly(outDir) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const outfile = path.join(outDir, 'parse-only.bundle.mjs');
  await esbuild.build({
    entryPoints: [path.join(BENCH_DIR, 'parse-only.mjs')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    // The same build of yaml as the CLI bundle (scripts/build-action.mjs, YAML_ALIAS), so the floor stays comparable.
    absWorkingDir: REPO_ROOT,
    alias: YAML_ALIAS,
  });
  return outfile;
}
