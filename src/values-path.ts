// Values paths: the dotted form shown to users and the key used in location maps.
import type { ValuesPath } from './types.js';

const PLAIN_SEGMENT = /^[A-Za-z_$][\w$-]*$/;

/**
 * Dotted path as users write it: `astronomer.houston.secret[0].envName`.
 * Keys that are not plain identifiers are bracketed: `annotations["kubernetes.io/ingress.class"]`.
 */
export function formatPath(path: ValuesPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_SEGMENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A collision-free map key for a path. */
export function pathKey(path: ValuesPath): string {
  let out = '';
  for (const seg of path) out += keySegment(seg);
  return out;
}

/** One segment of a `pathKey`: `pathKey([...path, seg]) === pathKey(path) + keySegment(seg)`. */
export function keySegment(seg: string | number): string {
  if (typeof seg === 'number') return '#' + seg;
  // Most keys need no escaping; this runs for every location lookup, so skip the replacements then.
  return '.' + (NEEDS_ESCAPE.test(seg) ? seg.replaceAll('\\', '\\\\').replaceAll('.', '\\.').replaceAll('#', '\\#') : seg);
}

const NEEDS_ESCAPE = /[\\.#]/;

/** True when `prefix` is a (non-strict) prefix of `path`. */
export function startsWith(path: ValuesPath, prefix: ValuesPath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((seg, i) => path[i] === seg);
}

/** The value at `path` in a plain values tree, or undefined. */
export function getAt(root: unknown, path: ValuesPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') return undefined;
      cur = cur[seg];
    } else {
      if (typeof seg !== 'string' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}

/**
 * Sets an own, enumerable property, even for the key `__proto__`, which plain assignment would send to the
 * prototype: hostile keys (a values file, `--set`) never touch prototypes.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** A map key as Helm keeps it: sigs.k8s.io/yaml turns every key into a string (`true:` → "true", `1:` → "1", `~:` → "null"). */
export function keyString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'null';
  return String(value);
}

/** A plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the dotted form produced by `formatPath` back into segments. */
export function parsePath(dotted: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < dotted.length && (m = re.exec(dotted))) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(m[2]) as string);
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}
