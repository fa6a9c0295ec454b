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
