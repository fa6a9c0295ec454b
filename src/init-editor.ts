// Writes or merges `.vscode/settings.json` so yaml-language-server (VS Code's YAML extension) uses the houston schema.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './package-root.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Values files the schema is mapped to unless `files` says otherwise. */
export const DEFAULT_EDITOR_PATTERNS: readonly string[] = ['**/*values*.yaml', '**/*values*.yml'];

/** Where the schema is when houston-lint is installed as a dependency of the workspace. */
export const INSTALLED_SCHEMA = 'node_modules/houston-lint/schema/houston-values.schema.json';

export interface InitEditorOptions {
  /** The workspace root: `.vscode/settings.json` is written here. */
  cwd: string;
  /** Schema file (relative to `cwd` or absolute) or an http(s)/file URL. Default: the installed package's schema. */
  schemaPath?: string;
  /** Glob patterns of the values files (default `DEFAULT_EDITOR_PATTERNS`). */
  files?: readonly string[];
  /**
   * Allow destructive merges: rewrite a settings file that has comments or trailing commas (they are lost), take
   * patterns away from another schema that maps them, replace a `yaml.schemas` that is not an object.
   */
  force?: boolean;
}

export interface InitEditorResult {
  settingsPath: string;
  /** The `yaml.schemas` key used (a workspace-relative path, an absolute path or a URL). */
  schema: string;
  /** Every pattern now mapped to the schema. */
  patterns: string[];
  /** Patterns this run added. */
  added: string[];
  /** Patterns taken away from other schemas (only with `force`). */
  removed: { schema: string; patterns: string[] }[];
  /** The settings file did not exist before. */
  created: boolean;
  /** The file was (re)written; false when everything was already in place. */
  changed: boolean;
  /** Warnings for the user (comments dropped, machine-specific schema path). */
  notes: string[];
}

/** A refusal with a message for the user (the CLI prints it and exits 2). */
export class InitEditorError extends Error {}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

type Settings = Record<string, unknown>;

/** Maps the houston schema to values-file patterns in `<cwd>/.vscode/settings.json`, keeping every other setting. */
export function initEditor(options: InitEditorOptions): InitEditorResult {
  const cwd = resolve(options.cwd);
  const patterns = [...new Set(options.files && options.files.length > 0 ? options.files : DEFAULT_EDITOR_PATTERNS)];
  const bad = patterns.find((p) => p.trim() === '' || p.startsWith('!'));
  if (bad !== undefined) throw new InitEditorError(`init-editor: ${JSON.stringify(bad)} is not a usable file pattern (give globs such as **/*values*.yaml).`);
  const notes: string[] = [];
  const schema = schemaReference(cwd, options.schemaPath, notes);

  const settingsPath = join(cwd, '.vscode', 'settings.json');
  const created = !existsSync(settingsPath);
  const read = created ? { settings: {} as Settings, jsonc: false, indent: '  ' } : readSettings(settingsPath);
  const settings = read.settings;

  const current = settings['yaml.schemas'];
  if (current !== undefined && !isRecord(current)) {
    if (!options.force) throw new InitEditorError(`init-editor: "yaml.schemas" in ${settingsPath} is not an object; fix it or rerun with --force to replace it.`);
    notes.push('Replaced a "yaml.schemas" setting that was not an object.');
  }
  const schemas: Record<string, unknown> = isRecord(current) ? { ...current } : {};

  // An existing key naming the same schema file (spelled differently) is reused.
  const key = Object.keys(schemas).find((k) => sameSchema(cwd, k, schema)) ?? schema;
  const removed: { schema: string; patterns: string[] }[] = [];
  for (const [other, value] of Object.entries(schemas)) {
    if (other === key) continue;
    const theirs = asPatterns(value);
    const clash = theirs.filter((p) => patterns.includes(p));
    if (clash.length === 0) continue;
    if (!options.force) {
      throw new InitEditorError(`init-editor: ${clash.map((p) => JSON.stringify(p)).join(', ')} already ${clash.length === 1 ? 'maps' : 'map'} to the schema ${JSON.stringify(other)} in ${settingsPath}; rerun with --force to map ${clash.length === 1 ? 'it' : 'them'} to houston-lint's schema instead, or pass other patterns.`);
    }
    const rest = theirs.filter((p) => !clash.includes(p));
    if (rest.some((p) => !p.startsWith('!'))) schemas[other] = rest;
    else delete schemas[other];
    removed.push({ schema: other, patterns: clash });
  }

  const existing = asPatterns(schemas[key]);
  const added = patterns.filter((p) => !existing.includes(p));
  const finalPatterns = [...existing, ...added];
  const changed = created || added.length > 0 || removed.length > 0 || !isRecord(current);
  const result: InitEditorResult = { settingsPath, schema: key, patterns: finalPatterns, added, removed, created, changed, notes };
  if (!changed) return result;

  if (read.jsonc) {
    if (!options.force) {
      throw new InitEditorError(
        `init-editor: ${settingsPath} has comments or trailing commas, which houston-lint will not rewrite (they would be lost). ` +
          `Add this to it yourself, or rerun with --force to rewrite it without comments:\n` +
          `"yaml.schemas": ${JSON.stringify({ ...schemas, [key]: finalPatterns }, null, 2)}`,
      );
    }
    notes.push(`Rewrote ${settingsPath} without its comments and trailing commas.`);
  }
  schemas[key] = finalPatterns;
  const next: Settings = { ...settings, 'yaml.schemas': schemas };
  writeAtomically(settingsPath, JSON.stringify(next, null, read.indent) + '\n');
  return result;
}

/** Human-readable lines describing what `initEditor` did, for the CLI. */
export function describeInitEditor(r: InitEditorResult): string[] {
  const lines: string[] = [];
  if (!r.changed) lines.push(`${r.settingsPath} already maps ${r.schema} to ${r.patterns.join(', ')}; nothing to do.`);
  else {
    lines.push(`${r.created ? 'Created' : 'Updated'} ${r.settingsPath}: "yaml.schemas" maps ${r.schema} to ${r.patterns.join(', ')}.`);
    for (const { schema, patterns } of r.removed) lines.push(`Took ${patterns.join(', ')} away from the schema ${schema}.`);
  }
  return [...lines, ...r.notes];
}

/** The `yaml.schemas` key for the schema: relative to the workspace when inside it, else absolute (or the URL). */
function schemaReference(cwd: string, given: string | undefined, notes: string[]): string {
  if (given !== undefined && URL_LIKE.test(given)) return given;
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!existsSync(file) || !statSync(file).isFile()) throw new InitEditorError(`init-editor: the schema ${given} does not exist (looked for ${file}).`);
    return toKey(cwd, file, notes);
  }
  if (existsSync(join(cwd, INSTALLED_SCHEMA))) return INSTALLED_SCHEMA;
  return toKey(cwd, join(packageRoot(), 'schema', 'houston-values.schema.json'), notes);
}

function toKey(cwd: string, file: string, notes: string[]): string {
  const rel = relative(cwd, file);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  notes.push(
    `The schema ${file} is outside the workspace, so the setting holds an absolute path that only works on this machine; ` +
      'install houston-lint as a dev dependency (npm i -D houston-lint) and rerun to get a portable path.',
  );
  return file;
}

function sameSchema(cwd: string, a: string, b: string): boolean {
  if (a === b) return true;
  if (URL_LIKE.test(a) || URL_LIKE.test(b)) return false;
  return resolve(cwd, a) === resolve(cwd, b);
}

function asPatterns(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads settings.json: plain JSON, or JSON with comments/trailing commas (flagged so it is not silently rewritten). */
function readSettings(path: string): { settings: Settings; jsonc: boolean; indent: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InitEditorError(`init-editor: cannot read ${path}: ${(err as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const indent = /^\t/m.test(text) ? '\t' : (/^( +)\S/m.exec(text)?.[1] ?? '  ');
  if (text.trim() === '') return { settings: {}, jsonc: false, indent };
  let parsed: unknown;
  let jsonc = false;
  try {
    parsed = JSON.parse(text);
  } catch {
    const stripped = stripJsonc(text);
    try {
      parsed = stripped === undefined ? undefined : JSON.parse(stripped);
      jsonc = stripped !== undefined;
    } catch {
      parsed = undefined;
    }
    if (!jsonc) throw new InitEditorError(`init-editor: ${path} is not valid JSON (or JSON with comments); fix it first, houston-lint will not overwrite it.`);
  }
  if (!isRecord(parsed)) throw new InitEditorError(`init-editor: ${path} does not hold a JSON object; fix it first, houston-lint will not overwrite it.`);
  return { settings: parsed, jsonc, indent };
}

/** JSON with comments (`//`, `/* *\/`) and trailing commas → JSON; undefined for an unterminated comment or string. */
export function stripJsonc(text: string): string | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return undefined;
      out.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      out.push(' ');
      i = end + 2;
    } else {
      if (c === '}' || c === ']') {
        for (let k = out.length - 1; k >= 0; k--) {
          if (out[k]!.trim() === '') continue;
          if (out[k] === ',') out[k] = ' ';
          break;
        }
      }
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

/** Writes through a temporary file renamed into place, so a failure never leaves half a settings file. */
function writeAtomically(path: string, text: string): void {
  try {
    writeFileAtomic(path, text, { create: true }); // a symlinked settings.json stays a symlink
  } catch (err) {
    throw new InitEditorError(`init-editor: cannot write ${path}: ${(err as Error).message}`);
  }
}
