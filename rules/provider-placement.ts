// Reports auth blocks written at the wrong level (Houston or the chart ignores them) and moves them where they belong.
import { moveBlockFix } from '../src/fix-move-block.js';
import { KNOWN_PROVIDERS, OIDC_SETTINGS } from '../src/houston-defaults.js';
import { defineRule } from '../src/rule.js';
import { formatPath, getAt, isRecord } from '../src/values-path.js';
import type { ValuesPath } from '../src/types.js';

type Kind = 'root' | 'fragment' | 'obsolete' | 'houston' | 'config' | 'configList' | 'auth' | 'github';

interface Misplaced {
  from: ValuesPath;
  to: ValuesPath;
  kind: Kind;
}

/** What the chart or Houston does with a key found at the wrong place. */
const EFFECT: Record<Kind, string> = {
  root: 'the chart reads Houston settings only from `astronomer.houston.config`, so it is ignored',
  fragment: 'this file has no `astronomer.houston` section, so the chart never passes it to Houston',
  obsolete: '`astronomer.auth` is the chart ≤ 0.7 schema, removed in chart 0.8 (2019); the chart ignores it',
  houston: 'the chart passes only `config` to Houston, so it is ignored',
  config: 'Houston receives it as an unknown top-level config key and ignores it',
  configList: 'Houston receives it as an unknown config key and ignores it; no environment variable is created',
  auth: 'Houston ignores unknown keys under `auth`',
  github: 'GitHub login is `auth.github`: Houston treats this block as a separate OIDC provider, so it does not switch GitHub login off',
};

const SETTINGS: readonly string[] = OIDC_SETTINGS;
const PROVIDERS: readonly string[] = KNOWN_PROVIDERS;

/** A Houston `secret` list (entries with `envName`), as opposed to some other chart's `secret` key. */
function isSecretList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((e) => isRecord(e) && 'envName' in e);
}

export default defineRule({
  meta: {
    id: 'provider-placement',
    description:
      'A known auth block (provider, OIDC setting, `openidConnect`, `auth`, `secret`, `env`) at the wrong level, where Houston or the chart ignores it.',
    severity: 'error',
    fixable: true,
    messages: {
      misplaced: '`{{path}}` is at the wrong level: {{effect}}. It belongs at `{{target}}`.',
      misplacedExisting:
        '`{{path}}` is at the wrong level: {{effect}}. `{{target}}` also exists and is the block that takes effect; this one is ignored. Merge what you need into `{{target}}` and delete this block.',
    },
  },
  check(context) {
    const h = context.houston;
    const values = context.values;
    const found: Misplaced[] = [];
    const keysOf = (path: ValuesPath): string[] => {
      const v = path.length === 0 ? values : getAt(values, path);
      return isRecord(v) ? Object.keys(v) : [];
    };
    const umbrellaConfig: ValuesPath = ['astronomer', 'houston', 'config'];

    // Top of the file: `auth` always; in files without a houston section also `openidConnect`, provider blocks and a `secret` list.
    for (const key of keysOf([])) {
      if (key === 'auth') found.push({ from: [key], to: h.authPath, kind: h.kind === 'none' ? 'fragment' : 'root' });
      else if (h.kind === 'none' && key === 'openidConnect') found.push({ from: [key], to: h.oidcPath, kind: 'fragment' });
      else if (h.kind === 'none' && PROVIDERS.includes(key)) found.push({ from: [key], to: [...h.oidcPath, key], kind: 'fragment' });
      else if (h.kind === 'none' && key === 'secret' && isSecretList(getAt(values, [key]))) found.push({ from: [key], to: [...h.path, key], kind: 'fragment' });
    }
    if (keysOf(['astronomer']).includes('auth')) found.push({ from: ['astronomer', 'auth'], to: [...umbrellaConfig, 'auth'], kind: 'obsolete' });

    if (h.kind !== 'none') {
      if (keysOf(h.path).includes('auth')) found.push({ from: [...h.path, 'auth'], to: h.authPath, kind: 'houston' });
      for (const key of keysOf(h.configPath)) {
        const from = [...h.configPath, key];
        if (PROVIDERS.includes(key) || SETTINGS.includes(key)) found.push({ from, to: [...h.oidcPath, key], kind: 'config' });
        else if (key === 'openidConnect') found.push({ from, to: h.oidcPath, kind: 'config' });
        else if (key === 'secret' || key === 'env') found.push({ from, to: [...h.path, key], kind: 'configList' });
      }
      for (const key of keysOf(h.authPath)) {
        if (PROVIDERS.includes(key) || SETTINGS.includes(key)) found.push({ from: [...h.authPath, key], to: [...h.oidcPath, key], kind: 'auth' });
      }
      if (keysOf(h.oidcPath).includes('github')) found.push({ from: [...h.oidcPath, 'github'], to: [...h.authPath, 'github'], kind: 'github' });
    }

    for (const m of found) {
      const key = String(m.from[m.from.length - 1]);
      const data = { key, path: formatPath(m.from), target: formatPath(m.to), effect: EFFECT[m.kind] };
      if (context.has(m.to)) {
        context.report({ messageId: 'misplacedExisting', data, path: m.from, target: 'key' });
      } else {
        context.report({ messageId: 'misplaced', data, path: m.from, target: 'key', fix: moveBlockFix(context.fixer, values, m.from, m.to) });
      }
    }
  },
});
