// `--set path=value` as Helm parses it (pkg/strvals, the common cases), as a values source of its own.
import { LineIndex } from './line-index.js';
import { LocationMap } from './location-map.js';
import type { LoadedValues, LoadProblem } from './load-values.js';
import type { ValuesPath } from './types.js';
import { setOwn } from './values-path.js';

/** The source name findings on `--set` values are reported under. */
export const SET_SOURCE = '--set';

/**
 * Helm's typed values for --set: `true`/`false` (any case) are booleans, `null` deletes, whole numbers
 * without a leading zero are integers, everything else is a string (floats stay strings in Helm 3).
 */
function typed(raw: string): unknown {
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9][0-9]*)$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return raw;
}

/** Splits on `sep` outside `{…}` and not escaped with a backslash. */
function splitTop(text: string, sep: string, from = 0): { part: string; start: number }[] {
  const out: { part: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push({ part: text.slice(start, i), start: from + start });
      start = i + 1;
    }
  }
  out.push({ part: text.slice(start), start: from + start });
  return out;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** `a.b\.c[0].d` → ['a', 'b.c', 0, 'd']. */
function parseKey(key: string): ValuesPath | undefined {
  const path: (string | number)[] = [];
  for (const { part } of splitTop(key, '.')) {
    const m = /^((?:[^[\\]|\\.)*)((?:\[\d+\])*)$/.exec(part);
    if (!m || (m[1] === '' && path.length === 0)) return undefined;
    if (m[1] !== '') path.push(unescape(m[1]!));
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(idx[1]));
  }
  return path.length ? path : undefined;
}

/** Sets `path` to `value`, creating maps and lists on the way; keys are own properties (`__proto__` is a key, as in Helm). */
function assign(root: Record<string, unknown>, path: ValuesPath, value: unknown): void {
  let cur: Record<string, unknown> | unknown[] = root;
  const put = (container: Record<string, unknown> | unknown[], seg: string | number, v: unknown) => {
    if (Array.isArray(container)) container[seg as number] = v;
    else setOwn(container, String(seg), v);
  };
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      put(cur, seg, value);
      return;
    }
    let next = Array.isArray(cur) ? cur[seg as number] : Object.prototype.hasOwnProperty.call(cur, String(seg)) ? cur[String(seg)] : undefined;
    if (next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      put(cur, seg, next);
    }
    cur = next as Record<string, unknown> | unknown[];
  });
}

/** Parses `--set` arguments (one per line of the pseudo-source) into values with locations. */
export function loadSetValues(args: readonly string[]): LoadedValues {
  const text = args.join('\n');
  const source = { name: SET_SOURCE, text, lines: new LineIndex(text) };
  const locations = new LocationMap();
  const problems: LoadProblem[] = [];
  const values: Record<string, unknown> = {};
  let offset = 0;
  for (const arg of args) {
    for (const { part, start } of splitTop(arg, ',', offset)) {
      if (part === '') continue;
      const eq = splitTop(part, '=');
      const keyText = eq[0]!.part;
      const path = parseKey(keyText);
      if (eq.length < 2 || !path) {
        problems.push({ ruleId: 'yaml-syntax', message: `--set "${part.length > 80 ? part.slice(0, 80) + '…' : part}" is not key=value.`, range: [start, start + part.length], fatal: true });
        continue;
      }
      const rawValue = part.slice(keyText.length + 1);
      const valueStart = start + keyText.length + 1;
      const list = /^\{(.*)\}$/s.exec(rawValue);
      const value = list ? (list[1] === '' ? [] : splitTop(list[1]!, ',').map((p) => typed(unescape(p.part)))) : typed(unescape(rawValue));
      assign(values, path, value);
      locations.set(path, { source: SET_SOURCE, keyRange: [start, start + keyText.length], valueRange: [valueStart, valueStart + rawValue.length] });
      for (let i = 1; i < path.length; i++) {
        const parent = path.slice(0, i);
        if (!locations.has(parent)) locations.set(parent, { source: SET_SOURCE, keyRange: [start, start + keyText.length], valueRange: [start, start + part.length] });
      }
    }
    offset += arg.length + 1;
  }
  locations.set([], { source: SET_SOURCE, valueRange: [0, text.length] });
  return { source, values, locations, problems };
}
