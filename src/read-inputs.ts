// Turns command-line arguments (files, directories, globs, "-") into a sorted list of values files, and reads them.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';

/** An input problem: missing file, unreadable file, a pattern that matches nothing (exit 2). */
export class InputError extends Error {}

export interface Input {
  /** Absolute path, or "-" for standard input. */
  path: string;
}

const VALUES_GLOB = '**/*.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Expands arguments in order, without duplicates. Directories yield their *.yaml/*.yml files. */
export async function expandInputs(args: string[], cwd: string): Promise<Input[]> {
  const seen = new Set<string>();
  const out: Input[] = [];
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push({ path: p });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    const abs = resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (stat?.isFile()) {
      add(abs);
    } else if (stat?.isDirectory()) {
      const found = await glob(VALUES_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false });
      if (found.length === 0) throw new InputError(`no *.yaml or *.yml files found in directory "${arg}"`);
      found.sort().forEach(add);
    } else if (/[*?[\]{}]/.test(arg)) {
      const found = await glob(arg, { cwd, absolute: true, ignore: IGNORE });
      if (found.length === 0) throw new InputError(`no files match the pattern "${arg}"`);
      found.sort().forEach(add);
    } else {
      throw new InputError(`cannot read "${arg}": no such file or directory`);
    }
  }
  return out;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** A file's text and how to write it back byte-for-byte. */
export interface SourceText {
  text: string;
  encoding: TextEncoding;
}

/** Reads a file as text: UTF-8 (BOM kept, as the YAML parser expects it) or UTF-16 with a BOM. */
export function readSource(path: string): SourceText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'read failed');
    throw new InputError(`cannot read "${path}": ${reason}`);
  }
  return decodeSource(bytes);
}

/** Decodes file bytes, honouring UTF-16 byte-order marks. */
export function decodeSource(bytes: Uint8Array): SourceText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
}

/** Decodes file bytes to text. */
export function decode(bytes: Uint8Array): string {
  return decodeSource(bytes).text;
}

/** Encodes text back the way it was read (BOM included). */
export function encodeSource(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') le.swap16();
  return Buffer.concat([encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]), le]);
}
