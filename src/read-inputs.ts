// Turns command-line arguments (files, directories, globs, "-") into a sorted list of values files, and reads them.
import { readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';

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
    if (stat?.isFile() || stat?.isFIFO()) {
      add(abs); // a FIFO is what `houston-lint <(helm get values …)` passes
    } else if (stat && !stat.isDirectory()) {
      throw new InputError(`cannot read "${arg}": it is not a regular file`);
    } else if (stat?.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const found = await glob(VALUES_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false });
      if (found.length === 0) throw new InputError(`no *.yaml or *.yml files found in directory "${arg}"`);
      found.sort().forEach(add);
    } else if (/[*?[\]{}]/.test(arg)) {
      const { glob } = await import('tinyglobby');
      const found = await glob(arg, { cwd, absolute: true, ignore: IGNORE });
      if (found.length === 0) throw new InputError(`no files match the pattern "${arg}"`);
      found.sort().forEach(add);
    } else {
      throw new InputError(`cannot read "${arg}": no such file or directory`);
    }
  }
  return out;
}

function statOrUndefined(path: string): Stats | undefined {
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

/** Files larger than this are refused before they are read: values files are kilobytes, and the text must fit a string. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

/**
 * Reads a file as text: UTF-8 (BOM kept, as the YAML parser expects it) or UTF-16 with a BOM. Bytes that are not
 * valid text are kept as unpaired surrogates (see `decodeSource`), which the loader reports as a `yaml-syntax` error.
 */
export function readSource(path: string): SourceText {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile() && !stat.isFIFO()) throw Object.assign(new Error('not a regular file'), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    if (stat.size > MAX_FILE_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read "${path}": ${REASONS[code ?? ''] ?? code ?? 'read failed'}`);
  }
  return decodeSource(bytes);
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  ENOTREG: 'it is not a regular file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EFBIG: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, far more than any values file`,
  ERR_FS_FILE_TOO_LARGE: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, far more than any values file`,
  EIO: 'input/output error',
};

/**
 * Decodes file bytes, honouring UTF-16 byte-order marks. Nothing is lost: a byte that is not valid UTF-8 becomes
 * the unpaired surrogate U+DC80–U+DCFF (Python's "surrogateescape"), so the loader can report exactly where the
 * file stops being text and `encodeSource` gives back the original bytes. Broken UTF-16 keeps its unpaired surrogates.
 */
export function decodeSource(bytes: Uint8Array): SourceText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf16be' };
  return { text: decodeUtf8(bytes), encoding: 'utf8' };
}

/** Decodes file bytes to text. */
export function decode(bytes: Uint8Array): string {
  return decodeSource(bytes).text;
}

/** Encodes text back the way it was read (BOM included); escaped bytes are written back as they were. */
export function encodeSource(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf8') return ESCAPED_BYTE.test(text) ? encodeEscapedUtf8(text) : Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') le.swap16();
  return Buffer.concat([encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]), le]);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** An unpaired low surrogate standing for one byte that was not UTF-8. */
const ESCAPED_BYTE = /[\uDC80-\uDCFF]/u;

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return decodeUtf8Escaped(bytes);
  }
}

/** Length of the valid UTF-8 sequence starting at `i` (Unicode table 3-7), or 0 when the byte starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function decodeUtf8Escaped(bytes: Uint8Array): string {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (runStart < i) parts.push(lenient.decode(bytes.subarray(runStart, i)));
    parts.push(String.fromCharCode(0xdc00 + bytes[i]!));
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(lenient.decode(bytes.subarray(runStart)));
  return parts.join('');
}

function encodeEscapedUtf8(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let runStart = 0;
  const re = new RegExp(ESCAPED_BYTE.source, 'gu');
  for (const m of text.matchAll(re)) {
    parts.push(Buffer.from(text.slice(runStart, m.index), 'utf8'), Uint8Array.of(text.charCodeAt(m.index) - 0xdc00));
    runStart = m.index + 1;
  }
  parts.push(Buffer.from(text.slice(runStart), 'utf8'));
  return Buffer.concat(parts);
}

/** UTF-16 without replacement characters: unpaired surrogates stay, an odd last byte becomes one (U+D800). */
function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    if (label === 'utf-16be') even.swap16();
    return even.toString('utf16le') + (bytes.length % 2 ? '\uD800' : '');
  }
}
