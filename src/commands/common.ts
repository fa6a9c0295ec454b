// What the `urls` and `explain` commands share: the exit-2 error type, and reading values files (+ --set) into one merged unit.
import { relative, resolve, sep } from 'node:path';
import { mergeLoaded } from '../merge-values.js';
import { loadValues } from '../load-values.js';
import { InputError, readSource } from '../read-inputs.js';
import { loadSetValues, SET_SOURCE } from '../set-values.js';
import type { LintUnit } from '../lint-unit.js';
import type { SourceText } from '../read-inputs.js';

/**
 * A command cannot do what was asked (no base domain, a path that is not set, an unreadable file): one line on
 * stderr, exit 2. It extends `InputError`, which the CLI already reports that way.
 */
export class CommandError extends InputError {}

export interface CommandIO {
  stdout: (text: string) => void;
  cwd: string;
  /** Reads all of standard input (for `-`). */
  readStdin?: () => Promise<SourceText>;
}

/**
 * Reads values files in order (`-` is stdin) and `--set` arguments, merged as `helm -f a -f b --set …` merges
 * them. A file Helm could not read is an error, not a silently missing layer.
 */
export async function loadCommandUnit(files: readonly string[], set: readonly string[], io: CommandIO): Promise<LintUnit> {
  if (files.length === 0) throw new CommandError('no values files given (e.g. `houston-lint urls values.yaml`; several files merge as `helm -f` merges them)');
  const loaded = [];
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : resolve(io.cwd, file);
    let text: string;
    if (file === '-') {
      if (!io.readStdin) throw new CommandError('reading values from stdin is not available here');
      text = (await io.readStdin()).text;
    } else {
      try {
        text = readSource(name).text;
      } catch (err) {
        if (err instanceof InputError) throw new CommandError(err.message);
        throw err;
      }
    }
    loaded.push(loadValues(name, text));
  }
  if (set.length) loaded.push(loadSetValues(set));
  for (const l of loaded) {
    const fatal = l.problems.find((p) => p.fatal);
    if (fatal) {
      const { line, column } = l.source.lines.position(fatal.range[0]);
      throw new CommandError(`${displaySource(l.source.name, io.cwd)}:${line}:${column}: ${fatal.message} (run \`houston-lint\` on it for details)`);
    }
  }
  return mergeLoaded(loaded);
}

/** A source name as shown to users: relative to the working directory when inside it. */
export function displaySource(name: string, cwd: string): string {
  if (name === SET_SOURCE || name.startsWith('<')) return name;
  const rel = relative(cwd, name);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : name;
}
