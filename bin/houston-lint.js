#!/usr/bin/env node
// houston-lint command. The CLI is one CommonJS bundle (dist/cli/houston-lint.cjs, built by `npm run build`,
// which `npm ci` runs through `prepare`), compiled with the V8 code cache written at build time: start-up
// is then little more than Node's own. A cache from another Node version is rejected by V8 and ignored.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'houston-lint.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const cjs = { exports: {} };
script.runInThisContext()(cjs.exports, createRequire(file), cjs, file, dirname(file));
if (process.env.HOUSTON_LINT_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
process.exitCode = await cjs.exports.main();
