// Configuration: every source cosmiconfig searches, extends/presets, overrides, ignorePatterns, and clear errors.
import { describe, expect, it } from 'vitest';
import { bin, cli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/** One unknown key (error) and one extra document (warning). */
const VALUES = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n          enabeld: true\n---\nx: 1\n';
const RULES_OFF = { 'unknown-key': 'off' };

async function findings(dir: string, file = 'values.yaml', extra: string[] = []) {
  const r = await cli([file, '--format', 'json', ...extra], { cwd: dir });
  expect(r.stderr).toBe('');
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; severity: number }[] }[];
  return result!.messages.map((m) => `${m.ruleId}:${m.severity}`);
}

describe('configuration sources', () => {
  const yamlConfig = 'rules:\n  unknown-key: off\n';
  const jsConfig = `module.exports = { rules: ${JSON.stringify(RULES_OFF)} };\n`;
  const esmConfig = `export default { rules: ${JSON.stringify(RULES_OFF)} };\n`;
  const sources: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'values', 'houston-lint': { rules: RULES_OFF } }),
    '.houston-lintrc': yamlConfig,
    '.houston-lintrc.json': JSON.stringify({ rules: RULES_OFF }),
    '.houston-lintrc.yaml': yamlConfig,
    '.houston-lintrc.yml': yamlConfig,
    '.houston-lintrc.js': jsConfig,
    '.houston-lintrc.cjs': jsConfig,
    '.houston-lintrc.mjs': esmConfig,
    'houston-lint.config.js': jsConfig,
    'houston-lint.config.cjs': jsConfig,
    'houston-lint.config.mjs': esmConfig,
    'houston-lint.config.ts': `const config: { rules: Record<string, string> } = { rules: ${JSON.stringify(RULES_OFF)} };\nexport default config;\n`,
  };
  for (const [name, content] of Object.entries(sources)) {
    it(`reads ${name}, searching up from the linted file`, async () => {
      const dir = tempDir({ [name]: content, 'envs/prod/values.yaml': VALUES });
      expect(await findings(dir, 'envs/prod/values.yaml')).toEqual(['multi-document:1']);
    });
  }
  it('without configuration the defaults apply', async () => {
    expect(await findings(tempDir({ 'values.yaml': VALUES }))).toEqual(['unknown-key:2', 'multi-document:1']);
  });
  it('--config overrides the search and --no-config-lookup disables it', async () => {
    const dir = tempDir({ '.houston-lintrc.json': JSON.stringify({ rules: RULES_OFF }), 'other.json': JSON.stringify({ rules: { 'multi-document': 'off' } }), 'values.yaml': VALUES });
    expect(await findings(dir, 'values.yaml', ['--config', 'other.json'])).toEqual(['unknown-key:2']);
    expect(await findings(dir, 'values.yaml', ['--no-config-lookup'])).toEqual(['unknown-key:2', 'multi-document:1']);
  });
  it('command-line --rule wins over the configuration', async () => {
    const dir = tempDir({ '.houston-lintrc.json': JSON.stringify({ rules: RULES_OFF }), 'values.yaml': VALUES });
    expect(await findings(dir, 'values.yaml', ['--rule', 'unknown-key:warn'])).toEqual(['unknown-key:1', 'multi-document:1']);
  });
});

describe('extends, overrides and ignorePatterns', () => {
  it('houston-lint:strict turns warnings into errors and reports unused directives', async () => {
    const dir = tempDir({ '.houston-lintrc.json': JSON.stringify({ extends: 'houston-lint:strict' }), 'values.yaml': VALUES });
    expect(await findings(dir)).toEqual(['unknown-key:2', 'multi-document:2']);
    const dir2 = tempDir({ '.houston-lintrc.json': JSON.stringify({ extends: 'houston-lint:strict' }), 'values.yaml': 'a: 1 # houston-lint-disable-line schema -- stale\n' });
    expect(await findings(dir2)).toEqual(['unused-disable-directive:2']);
  });
  it('extends a file by relative path, later settings winning', async () => {
    const dir = tempDir({
      'base/shared.yaml': 'rules:\n  unknown-key: warn\n  multi-document: off\n',
      'repo/.houston-lintrc.yaml': 'extends: ../base/shared.yaml\nrules:\n  unknown-key: error\n',
      'repo/values.yaml': VALUES,
    });
    expect(await findings(dir, 'repo/values.yaml')).toEqual(['unknown-key:2']);
  });
  it('applies overrides to matching files only', async () => {
    const dir = tempDir({
      '.houston-lintrc.json': JSON.stringify({ overrides: [{ files: ['legacy/**/*.yaml'], rules: RULES_OFF }] }),
      'legacy/old/values.yaml': VALUES,
      'values.yaml': VALUES,
    });
    expect(await findings(dir, 'legacy/old/values.yaml')).toEqual(['multi-document:1']);
    expect(await findings(dir, 'values.yaml')).toEqual(['unknown-key:2', 'multi-document:1']);
  });
  it('skips ignored files found in directories, and fails when everything is ignored', async () => {
    const dir = tempDir({ '.houston-lintrc.json': JSON.stringify({ ignorePatterns: ['vendor/**'] }), 'vendor/chart.yaml': 'a: [', 'values.yaml': VALUES });
    const r = await cli(['.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.slice(dir.length + 1))).toEqual(['values.yaml']);
    const none = await cli(['vendor'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/ignored/);
  });
  it('--print-config prints the resolved configuration for a file', async () => {
    const dir = tempDir({ '.houston-lintrc.json': JSON.stringify({ chartVersion: 1, rules: RULES_OFF, overrides: [{ files: 'prod/*', rules: { schema: 'warn' } }] }) });
    const r = await cli(['--print-config', 'prod/values.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ configFile: `${dir}/.houston-lintrc.json`, ignored: false, chartVersion: '1', rules: { 'unknown-key': 'off', schema: 'warn' }, ignorePatterns: [], environments: {} });
  });
});

describe('configuration errors exit 2 with the file, the key and a suggestion', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['unknown rule id', { '.houston-lintrc.json': JSON.stringify({ rules: { 'unknown-keys': 'off' } }) }, /\.houston-lintrc\.json: unknown rule "unknown-keys" in rules \(did you mean "unknown-key"\?\)/],
    ['bad severity', { '.houston-lintrc.json': JSON.stringify({ rules: { schema: 'warning' } }) }, /invalid severity "warning" for rule "schema"/],
    ['typo in a key', { '.houston-lintrc.yaml': 'rulez:\n  schema: off\n' }, /\.houston-lintrc\.yaml: unknown key "rulez" \(did you mean "rules"\?\)/],
    ['unknown rule in overrides', { '.houston-lintrc.json': JSON.stringify({ overrides: [{ files: '*', rules: { nope: 'off' } }] }) }, /unknown rule "nope" in overrides\[0\]\.rules/],
    ['a config file that throws', { 'houston-lint.config.cjs': 'throw new Error("boom from config");\n' }, /houston-lint\.config\.cjs: boom from config/],
    ['invalid YAML', { '.houston-lintrc.yaml': 'rules: [\n' }, /\.houston-lintrc\.yaml/],
    ['unknown preset', { '.houston-lintrc.json': JSON.stringify({ extends: 'houston-lint:strcit' }) }, /unknown preset "houston-lint:strcit" in extends \(did you mean "houston-lint:strict"\?\)/],
    ['circular extends', { '.houston-lintrc.json': JSON.stringify({ extends: './b.json' }), 'b.json': JSON.stringify({ extends: './.houston-lintrc.json' }) }, /circular "extends"/],
    ['bad chartVersion', { '.houston-lintrc.json': JSON.stringify({ chartVersion: 3 }) }, /chartVersion must be equal to one of the allowed values/],
  ];
  for (const [name, files, message] of cases) {
    it(name, async () => {
      const dir = tempDir({ ...files, 'values.yaml': VALUES });
      const r = await cli(['values.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});

describe('the built command loads configuration files (bundled, lazily imported cosmiconfig)', () => {
  for (const [name, content] of Object.entries({
    '.houston-lintrc.json': JSON.stringify({ rules: RULES_OFF }),
    'houston-lint.config.cjs': `module.exports = { rules: ${JSON.stringify(RULES_OFF)} };\n`,
    'houston-lint.config.mjs': `export default { rules: ${JSON.stringify(RULES_OFF)} };\n`,
    '.houston-lintrc.yaml': 'rules:\n  unknown-key: off\noverrides:\n  - files: ["*.yaml"]\n    rules:\n      multi-document: off\n',
  })) {
    it(name, () => {
      const dir = tempDir({ [name]: content, 'values.yaml': VALUES });
      const r = bin(['values.yaml', '--format', 'json'], { cwd: dir });
      expect(r.stderr).toBe('');
      const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
      expect(ids).toEqual(name.endsWith('.yaml') ? [] : ['multi-document']);
    });
  }
  it('a config file that throws is reported with its message', () => {
    const dir = tempDir({ 'houston-lint.config.cjs': 'throw new Error("boom from config");\n', 'values.yaml': VALUES });
    const r = bin(['values.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/houston-lint\.config\.cjs: boom from config/);
  });
});
