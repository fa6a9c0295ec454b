// Characters and escapes of the plain YAML that values files are written in, shared by the skimmer
// (`skim-values.ts`), which checks a file's structure, and the plain composer (`compose-plain.ts`), which reads it.

export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const CR = 13;

/** Characters that cannot start a plain scalar or key here (YAML c-indicators, less `-`, `?`, `:`, handled apart). */
export const NOT_PLAIN_START: ReadonlySet<number> = new Set([...'[]{},#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** The one-character escapes of a double-quoted scalar (YAML 1.1/1.2) and what they stand for, as the parser reads them. */
export const ESCAPES: ReadonlyMap<number, string> = new Map(
  Object.entries({ '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t' }).map(([k, v]) => [k.charCodeAt(0), v]),
);
/** `\x`, `\u`, `\U` and the number of hex digits that follow each. */
export const HEX_ESCAPES: ReadonlyMap<number, number> = new Map([
  [0x78, 2],
  [0x75, 4],
  [0x55, 8],
]);
export const HEX = /^[0-9a-fA-F]+$/;

// The line-level tests both make, on `text` with the current line ending at `le` (before its line break).

/** Offset `j` is the end of the line or a space. */
export function spaceOrEnd(text: string, j: number, le: number): boolean {
  return j >= le || text.charCodeAt(j) === SPACE;
}

/** In a flow collection, a `:` before `j` is an indicator: a space, a flow indicator or the end of the line follows. */
export function flowIndicatorAt(text: string, j: number, le: number): boolean {
  if (j >= le) return true;
  const c = text.charCodeAt(j);
  return c === SPACE || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/** `---` or `...` at `i`, followed by a space or the end of the line: a document starts or ends. */
export function isMarker(text: string, i: number, le: number): boolean {
  const c = text.charCodeAt(i);
  return (c === DASH || c === 0x2e) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && spaceOrEnd(text, i + 3, le);
}

/** A plain scalar or key may start at `k`: not with an indicator, and `-`, `?`, `:` only before a non-space. */
export function plainStartAt(text: string, k: number, le: number): boolean {
  const c = text.charCodeAt(k);
  if (NOT_PLAIN_START.has(c)) return false;
  return !((c === DASH || c === 0x3f || c === COLON) && spaceOrEnd(text, k + 1, le));
}

/** After a complete node ending at `j`, the line holds only spaces, then nothing or a comment after a space. */
export function onlyCommentAfter(text: string, j: number, le: number): boolean {
  let m = j;
  while (m < le && text.charCodeAt(m) === SPACE) m++;
  return m === le || (text.charCodeAt(m) === HASH && m > j);
}
