// Reports unquoted YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `y`, `n`) in the houston section and
// `global.baseDomain`: Helm reads a boolean there, YAML 1.2 tools and editors a string.
import { defineRule } from '../src/rule.js';
import { isSecretEnvName, isSecretKey } from '../src/secret-keys.js';
import { getAt, isRecord } from '../src/values-path.js';
import { walkScalars } from '../src/walk-values.js';
import type { ValuesPath } from '../src/types.js';

/** The plain scalars go-yaml v2 (Helm) resolves to booleans but YAML 1.2 reads as strings. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Whether the value at `path` is a credential (never repeated in messages). */
function isSecretPath(values: unknown, path: ValuesPath): boolean {
  const last = path[path.length - 1];
  if (isSecretKey(last)) return true;
  if (last === 'value' && path.length >= 2) {
    const entry = getAt(values, path.slice(0, -1));
    return isRecord(entry) && isSecretEnvName(entry['name']);
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'yaml-ambiguous-boolean',
    description: 'An unquoted `yes`/`no`/`on`/`off`/`y`/`n` value, which Helm (YAML 1.1) reads as a boolean and YAML 1.2 tools read as a string.',
    severity: 'warn',
    fixable: true,
    hasSuggestions: true,
    messages: {
      ambiguous:
        'Helm reads YAML 1.1, so the unquoted {{text}} is the boolean `{{bool}}` and Helm passes the boolean `{{bool}}` here; editors and YAML 1.2 tools read the string {{text}}. Write `{{bool}}`, or quote it if the string is meant.',
      writeBool: 'Write `{{bool}}` (what Helm already reads).',
      quote: 'Quote it as the string {{quoted}}.',
    },
  },
  check(context) {
    const roots: ValuesPath[] = [context.houston.path, ['global', 'baseDomain']];
    for (const root of roots) {
      const value = getAt(context.values, root);
      if (value === undefined) continue;
      for (const { path, value: v } of walkScalars(value, root)) {
        if (typeof v !== 'boolean') continue;
        const src = context.scalar(path);
        if (!src || src.style !== 'plain' || !YAML11_BOOL.test(src.text)) continue;
        const secret = isSecretPath(context.values, path);
        const bool = String(v);
        const text = secret ? 'value' : `\`${src.text}\``;
        const quoted = secret ? 'string' : `\`"${src.text}"\``;
        const quoteFix = context.fixer.replaceValue(path, JSON.stringify(src.text));
        context.report({
          messageId: 'ambiguous',
          data: { text, bool },
          path,
          target: 'value',
          fix: context.fixer.replaceValue(path, bool),
          ...(quoteFix ? { suggest: [{ messageId: 'quote', data: { quoted }, fix: quoteFix }] } : {}),
        });
      }
    }
  },
});
