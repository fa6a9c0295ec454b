// The parse-only floor: reads each file and parses it with the yaml package (the options of src/load-values.ts), nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const OPTIONS = { version: '1.1', uniqueKeys: false, merge: true };

/** A file, or the *.yaml / *.yml files of a directory (not recursive), sorted. */
function expand(arg) {
  if (!statSync(arg).isDirectory()) return [arg];
  return readdirSync(arg)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(arg, f));
}

let files = 0;
let failed = 0;
for (const file of process.argv.slice(2).flatMap(expand)) {
  files++;
  try {
    if (parseDocument(readFileSync(file, 'utf8'), OPTIONS).errors.length > 0) failed++;
  } catch {
    failed++; // absurd nesting exhausts the parser's stack
  }
}
// Exit 0 either way: a crash of this script (exit 1) must not pass for a file with YAML errors.
process.stdout.write(`${files} files parsed, ${failed} with errors\n`);
