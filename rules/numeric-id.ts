// Reports ids and names (clientId, secretName, envName, …) that YAML reads as numbers: Helm passes a float64,
// so digits are lost, octal is converted, or large numbers print in exponent form.
import { defineRule } from '../src/rule.js';
import { getAt } from '../src/values-path.js';
import type { ValuesPath } from '../src/types.js';

/** Go's `%v` of a float64 (how `{{ $config.secretName }}` prints a number): shortest `%g`, exponent from 1e+06. */
export function goFormat(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  if (v === 0) return '0';
  const [mant, e] = v.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(v);
}

const OCTAL = /^[-+]?0[0-7_]+$/;
const DECIMAL_INT = /^[-+]?[0-9]+$/;

export default defineRule({
  meta: {
    id: 'numeric-id',
    description: 'An id or name (`clientId`, `secretName`, `envName`, …) that YAML reads as a number, so Helm passes a different value than the one written.',
    severity: 'error',
    fixable: true,
    messages: {
      octal:
        '`{{key}}: {{text}}` is an octal number in YAML 1.1: Helm passes {{passed}}, not "{{text}}". Quote it: `"{{text}}"`.',
      lossy:
        '`{{key}}: {{text}}` is a number too long for the float64 Helm stores it in: Helm passes {{passed}}, and the original digits are lost. Quote it: `"{{text}}"`.',
      number:
        '`{{key}}: {{text}}` is a number in YAML: Helm passes the number {{passed}} where a string is expected. Quote it: `"{{text}}"`.',
    },
  },
  check(context) {
    const targets: { path: ValuesPath; key: string; template: boolean }[] = [];
    for (const p of context.houston.providers) {
      if (!p.raw) continue;
      for (const key of ['clientId', 'displayName']) targets.push({ path: [...p.path, key], key, template: false });
      targets.push({ path: [...p.path, 'authUrlParams', 'audience'], key: 'audience', template: false });
    }
    for (const s of context.houston.secrets) {
      for (const key of ['envName', 'secretName', 'secretKey']) targets.push({ path: [...s.path, key], key, template: true });
    }
    for (const e of context.houston.env) targets.push({ path: [...e.path, 'name'], key: 'name', template: true });

    for (const t of targets) {
      const value = getAt(context.values, t.path);
      if (typeof value !== 'number') continue;
      const src = context.scalar(t.path);
      if (!src || src.style !== 'plain') continue;
      // config is passed through toYaml (JSON number formatting); secret/env fields are printed with Go's %v.
      const passed = t.template ? goFormat(value) : String(value);
      const text = src.text;
      let messageId = 'number';
      if (OCTAL.test(text) && !/^[-+]?0+$/.test(text)) messageId = 'octal';
      else if (DECIMAL_INT.test(text) && BigInt(text) !== BigInt(Math.trunc(value))) messageId = 'lossy';
      context.report({
        messageId,
        data: { key: t.key, text, passed },
        path: t.path,
        target: 'value',
        fix: context.fixer.replaceValue(t.path, JSON.stringify(text)),
      });
    }
  },
});

