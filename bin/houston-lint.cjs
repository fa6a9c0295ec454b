#!/usr/bin/env node
// houston-lint command. The CLI is one CommonJS bundle (dist/cli/houston-lint.cjs, built by `npm run build`,
// which `npm ci` runs through `prepare`), compiled with the V8 code cache written at build time: start-up
// is then little more than Node's own. A cache from another Node version is rejected by V8 and ignored.
// This file is CommonJS too: an ES module entry point starts Node's ESM loader, about 10 ms more per run.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli', 'houston-lint.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const cjs = { exports: {} };
script.runInThisContext()(cjs.exports, Module.createRequire(file), cjs, file, dirname(file));
if (process.env.HOUSTON_LINT_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
cjs.exports.main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // main() reports every expected failure itself; this is a bug.
    process.stderr.write(`houston-lint: internal error: ${err instanceof Error ? err.message : String(err)}. Please report it.\n`);
    process.exitCode = 2;
  },
);
