// Reports houston config keys that chart 2.x moved (flat booleans → nested `.enabled`, deployments regrouping,
// obsolete keys), or, on a chart 1.x target, the 2.x nested forms; fixes rewrite them as Astronomer's script does.
import { buildMigrationFixes, deleteEntryFix, flattenFix } from '../src/fix-migrate.js';
import { MIGRATION_ROWS } from '../src/migration-table.js';
import { defineRule } from '../src/rule.js';
import { formatPath, getAt, isRecord } from '../src/values-path.js';
import type { PresentKey } from '../src/fix-migrate.js';
import type { MigrationRow } from '../src/migration-table.js';

/** Each migration row's section as one key (rows of a section share it). */
const SECTION_KEY = new Map(MIGRATION_ROWS.map((row) => [row, row.section.join('\0')]));

/** Chart 1.x and 0.x (0.37) read the flat forms. */
function isChart1(version: string): boolean {
  return /^v?[01](\.|$)/.test(version.trim());
}

const rel = (row: MigrationRow, to: readonly string[]) => formatPath([...row.section, ...to]);

export default defineRule({
  meta: {
    id: 'deprecated-key',
    description: 'A houston config key in the form of another chart major version (chart 2.x moved flat 1.x keys such as `publicSignups` to nested `.enabled` paths).',
    severity: 'warn',
    fixable: true,
    messages: {
      renamed:
        'Chart 2.x (Houston 2.x) reads `{{to}}`; the chart 1.x/0.37 key `{{from}}` is no longer read, so this setting is lost. Move it to `{{to}}` (Astronomer\'s 2.x migration script and --fix do this).',
      regrouped:
        '`{{from}}` is the chart 1.x/0.37 form; chart 2.x groups it as `{{to}}` (Astronomer\'s 2.x migration script and --fix move it there).',
      inverted:
        'Chart 2.x (Houston 2.x) replaced `{{from}}` with `{{to}}`, which has the opposite meaning: `{{from}}: {{value}}` is `{{to}}: {{inverted}}`. The old key is no longer read.',
      removed: '`{{from}}` no longer exists in chart 2.x and is ignored; Astronomer\'s 2.x migration script deletes it.',
      stale:
        '`{{from}}` is the chart 1.x/0.37 form of `{{to}}`, which is also set; chart 2.x uses only `{{to}}`. Delete `{{from}}` (Astronomer\'s migration script does the same: the new form wins).',
      nestedObject:
        'On chart {{version}}, Houston reads `{{from}}` as a flat boolean; this 2.x block is an object there, which is truthy whatever its `enabled` says. Write `{{key}}: {{value}}`.',
      nestedIgnored:
        'On chart {{version}}, Houston reads the flat `{{from}}`; the 2.x key `{{to}}` is ignored there, so {{effect}}. {{fix}}',
    },
  },
  check(context) {
    const configPath = context.houston.configPath;
    if (!isRecord(getAt(context.values, configPath))) return;
    const v1 = isChart1(context.settings.chartVersion);

    if (v1) {
      for (const row of MIGRATION_ROWS) {
        if (!row.strict || (row.kind !== 'nest' && row.kind !== 'invert')) continue;
        const sectionPath = [...configPath, ...row.section];
        const section = getAt(context.values, sectionPath);
        if (!isRecord(section)) continue;
        const blockPath = [...sectionPath, row.to[0]!];
        const block = getAt(context.values, blockPath);
        if (!isRecord(block) || !context.has(blockPath)) continue;
        const enabled = block['enabled'];
        const flatValue = row.kind === 'invert' && typeof enabled === 'boolean' ? String(!enabled) : String(enabled ?? 'false');
        const base = { from: rel(row, [row.from]), to: rel(row, row.to), version: context.settings.chartVersion, value: flatValue, key: row.from };
        if (row.to[0] === row.from) {
          context.report({ messageId: 'nestedObject', data: base, path: blockPath, target: 'key', fix: flattenFix(context.fixer, context.values, row, blockPath) });
        } else if (Object.prototype.hasOwnProperty.call(section, row.from)) {
          context.report({
            messageId: 'nestedIgnored',
            data: { ...base, effect: `\`${base.from}\` (also set) decides`, fix: `Delete \`${rel(row, [row.to[0]!])}\`.` },
            path: blockPath,
            target: 'key',
            fix: deleteEntryFix(context.fixer, blockPath),
          });
        } else {
          context.report({
            messageId: 'nestedIgnored',
            data: { ...base, effect: 'the default applies', fix: `Write \`${row.from}: ${flatValue}\`.` },
            path: blockPath,
            target: 'key',
            fix: flattenFix(context.fixer, context.values, row, blockPath),
          });
        }
      }
      return;
    }

    const present: { key: PresentKey; messageId: string; data: Record<string, string> }[] = [];
    // 72 rows in 9 sections: each section is looked up once.
    const config = getAt(context.values, configPath);
    const sections = new Map<string, unknown>();
    for (const row of MIGRATION_ROWS) {
      const at = SECTION_KEY.get(row)!;
      let section = sections.get(at);
      if (section === undefined && !sections.has(at)) sections.set(at, (section = getAt(config, row.section)));
      if (!isRecord(section) || !Object.prototype.hasOwnProperty.call(section, row.from)) continue;
      const sectionPath = [...configPath, ...row.section];
      const oldPath = [...sectionPath, row.from];
      if (!context.has(oldPath)) continue;
      const value = section[row.from];
      const data = { from: rel(row, [row.from]), to: rel(row, row.to) };
      const key = (action: PresentKey['action']): PresentKey => ({ row, sectionPath, oldPath, value, action });
      if (row.kind === 'delete') {
        present.push({ key: key('drop'), messageId: 'removed', data });
        continue;
      }
      const sameKey = row.to[0] === row.from;
      if (sameKey && isRecord(value)) continue; // already the 2.x form
      if ((row.kind === 'nest' || row.kind === 'invert') && isRecord(value)) continue; // the script leaves maps alone
      if (!sameKey && getAt(context.values, [...sectionPath, ...row.to]) !== undefined) {
        present.push({ key: key('drop'), messageId: 'stale', data });
        continue;
      }
      if (row.kind === 'invert') {
        const inverted = typeof value === 'boolean' ? String(!value) : `the opposite of ${String(value)}`;
        present.push({ key: key('rename'), messageId: 'inverted', data: { ...data, value: String(value), inverted } });
      } else {
        present.push({ key: key('rename'), messageId: row.strict ? 'renamed' : 'regrouped', data });
      }
    }
    const fixes = buildMigrationFixes(
      context.fixer,
      context.values,
      present.map((p) => p.key),
    );
    for (const p of present) {
      context.report({ messageId: p.messageId, data: p.data, path: p.key.oldPath, target: 'key', fix: fixes.get(p.key) ?? null });
    }
  },
});
