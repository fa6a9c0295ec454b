// deprecated-key --fix against Astronomer's own 1.x / 0.37.x → 2.x migration scripts (corpus/migration).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixText } from '../src/apply-fixes.js';
import { Fixer } from '../src/fixer.js';
import { lintText } from '../src/linter.js';
import { loadValues } from '../src/load-values.js';
import { rules } from '../rules/index.js';
import type { RulesConfig } from '../src/linter.js';
import type { LintResult } from '../src/types.js';

const DIR = '/work/shared/corpus/migration';

const onlyDeprecatedKey: RulesConfig = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === 'deprecated-key' ? 'warn' : 'off']));
const lint = (text: string): LintResult => lintText(text, { filePath: 'values.yaml', rules: onlyDeprecatedKey });
const fix = (text: string): string => fixText(text, lint).output ?? text;

function houston(text: string): unknown {
  const doc = parse(text, { version: '1.1', merge: true }) as { astronomer?: { houston?: Record<string, unknown> } };
  return doc.astronomer?.houston;
}

/** Comment lines of the houston section that are not inside an entry deprecated-key rewrites. */
function houstonComments(text: string): string[] {
  const loaded = loadValues('values.yaml', text);
  const fixer = new Fixer(loaded.locations, new Map([['values.yaml', loaded.source]]));
  const section = fixer.entryLines(['astronomer', 'houston']);
  if (!section) return [];
  const rewritten = lint(text)
    .messages.map((m) => fixer.entryLines(m.path.split('.'))?.range)
    .filter((r): r is [number, number] => r !== undefined);
  const out: string[] = [];
  let pos = section.range[0];
  for (const line of section.text.split('\n')) {
    const inside = rewritten.some(([s, e]) => pos >= s && pos < e);
    if (!inside && /^\s*#/.test(line)) out.push(line);
    pos += line.length + 1;
  }
  return out;
}

function expectCommentsKept(before: string, after: string): void {
  const lines = after.split('\n');
  for (const c of houstonComments(before)) {
    const i = lines.indexOf(c);
    expect(i, `comment line kept: ${c}`).toBeGreaterThanOrEqual(0);
    lines.splice(i, 1);
  }
}

for (const name of ['old-1x-values', 'old-037x-values']) {
  describe(`migration: ${name}`, () => {
    const original = readFileSync(join(DIR, `${name}.yaml`), 'utf8');
    const migrated = readFileSync(join(DIR, `${name}.migrated.yaml`), 'utf8');
    const fixed = fix(original);

    it('reports every houston config row of the script', () => {
      const changes = readFileSync(join(DIR, `${name}.changes.txt`), 'utf8');
      const rows = [...changes.matchAll(/^\s+(astronomer\.houston\.config\.\S+) -> /gm)].map((m) => m[1]);
      expect(rows.length).toBeGreaterThan(0);
      expect(
        lint(original)
          .messages.map((m) => m.path)
          .sort(),
      ).toEqual([...rows].sort());
    });

    it('produces the same astronomer.houston data as the script', () => {
      const expected = structuredClone(houston(migrated)) as Record<string, unknown>;
      // The script also ADDS `strictSchemaCheck: {enabled: true}` (an "AddKeyIfMissing" default, not a moved
      // key); a linter cannot flag a key that is absent, so that addition is not mirrored.
      delete expected['strictSchemaCheck'];
      expect(houston(fixed)).toEqual(expected);
    });

    it('parses, is idempotent and keeps comments', () => {
      expect(() => parse(fixed, { version: '1.1' })).not.toThrow();
      expect(lint(fixed).messages).toEqual([]);
      expect(fix(fixed)).toBe(fixed);
      expectCommentsKept(original, fixed);
      // Outside astronomer.houston the file is untouched.
      const start = original.indexOf('\n  houston:\n');
      expect(fixed.slice(0, start)).toBe(original.slice(0, start));
      const tail = original.slice(original.indexOf('\n  commander:\n'));
      expect(fixed.endsWith(tail)).toBe(true);
    });
  });
}

describe('migration: auth and top-level flags with comments', () => {
  const original = [
    'astronomer:',
    '  houston:',
    '    # Houston configuration',
    '    config:',
    '      # who may sign up',
    '      publicSignups: true  # open registration',
    '      emailConfirmation: false',
    '      # TLS to the IdP',
    '      disableSSLVerify: true',
    '      auth:',
    '        openidConnect:',
    '          # groups',
    '          idpGroupsImportEnabled: true',
    '          idpGroupsImport:',
    '            enabled: false',
    '          idpGroupsRefreshEnabled: yes',
    '          insecureIDPTokenLog: false',
    '      deployments:',
    '        deployMechanisms:',
    '          # existing 2.x block',
    '          dagOnlyDeployment:',
    '            enabled: true',
    '        configureDagDeployment: true',
    '        gitSyncDagDeployment: false',
    '',
  ].join('\n');
  const fixed = fix(original);

  it('rewrites to the 2.x form, the new form winning', () => {
    expect(houston(fixed)).toEqual({
      config: {
        publicSignups: { enabled: true },
        emailConfirmation: { enabled: false },
        sslVerification: { enabled: false },
        auth: {
          openidConnect: {
            idpGroupsImport: { enabled: false },
            idpGroupsRefresh: { enabled: true },
            insecureIDPTokenLog: { enabled: false },
          },
        },
        deployments: {
          deployMechanisms: { dagOnlyDeployment: { enabled: true }, configureDagDeployment: { enabled: true }, gitSyncDagDeployment: { enabled: false } },
        },
      },
    });
    expect(fixed).toContain('      publicSignups:\n        enabled: true  # open registration\n');
    expect(fixed).toContain('          idpGroupsRefresh:\n            enabled: yes\n');
  });

  it('parses, is idempotent and keeps comments byte-identical', () => {
    expect(() => parse(fixed, { version: '1.1' })).not.toThrow();
    expect(lint(fixed).messages).toEqual([]);
    expect(fix(fixed)).toBe(fixed);
    expectCommentsKept(original, fixed);
  });

  it('on chart 1 flags the nested forms and fixes them back', () => {
    const lint1 = (text: string): LintResult => lintText(text, { filePath: 'values.yaml', rules: onlyDeprecatedKey, chartVersion: '1' });
    expect(lint1(original).messages.map((m) => m.path)).toEqual(['astronomer.houston.config.auth.openidConnect.idpGroupsImport']);
    const back = fixText(fixed, lint1).output ?? fixed;
    expect(houston(back)).toMatchObject({
      config: {
        publicSignups: true,
        emailConfirmation: false,
        disableSSLVerify: true,
        auth: { openidConnect: { idpGroupsImportEnabled: false, idpGroupsRefreshEnabled: true, insecureIDPTokenLog: false } },
      },
    });
    expect(lint1(back).messages).toEqual([]);
  });
});
