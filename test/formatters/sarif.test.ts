// SARIF output: valid against the official 2.1.0 schema, complete rule metadata, stable fingerprints, suppressions.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadFormatter } from '../../src/formatters/index.js';
import sarif, { FINGERPRINT_KEY, pascalCase } from '../../src/formatters/sarif.js';
import { lintText } from '../../src/linter.js';
import { context as base, diag } from '../helpers/formatter-fixtures.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { Diagnostic, LintResult } from '../../src/types.js';
import { REPO } from '../helpers/paths.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The official schema shipped by @microsoft/jest-sarif (found in node_modules if the path moves). */
function schemaFile(): string {
  const pkg = join(REPO, 'node_modules/@microsoft/jest-sarif');
  const expected = join(pkg, 'lib/schemas/sarif-2.1.0-rtm.5.json');
  if (existsSync(expected)) return expected;
  const stack = [pkg];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(full).isDirectory()) stack.push(full);
      else if (/^sarif-2\.1\.0.*\.json$/.test(name)) return full;
    }
  }
  throw new Error('SARIF 2.1.0 schema not found in @microsoft/jest-sarif');
}

let validator: ValidateFunction | undefined;
function validate(log: unknown): void {
  if (!validator) {
    const { $schema: _s, id: _id, ...schema } = JSON.parse(readFileSync(schemaFile(), 'utf8')) as Record<string, unknown>;
    // The schema has a pattern (`language`) that only compiles without the `u` flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  const ok = validator(log);
  expect(ok ? [] : validator.errors).toEqual([]);
}

const ROOT = '/repo';
const context: FormatterContext = { ...base, repoRoot: ROOT, toolVersion: '1.2.3' };

interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version?: string; informationUri: string; rules: Record<string, unknown>[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number }; region: Record<string, number> };
        logicalLocations?: { fullyQualifiedName: string; kind: string }[];
      }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification?: string }[];
    }[];
  }[];
}

function run(results: LintResult[], ctx: FormatterContext = context): Log {
  const text = sarif(results, ctx);
  const log = JSON.parse(text) as Log;
  validate(log);
  return log;
}


function result(filePath: string, messages: Diagnostic[], suppressed: Diagnostic[] = []): LintResult {
  const errors = messages.filter((m) => m.severity === 2).length;
  return {
    filePath,
    messages,
    suppressedMessages: suppressed,
    errorCount: errors,
    warningCount: messages.length - errors,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
  };
}

const VALUES = `astronomer:
  houston:
    config:
      auth:
        githb:
          enabled: true
        # houston-lint-disable-next-line unknown-key -- kept for the migration
        locl:
          enabled: true
`;

describe('sarif formatter', () => {
  it('is registered', async () => {
    expect(await loadFormatter('sarif')).toBe(sarif);
  });

  it('checks against a schema that does reject bad logs', () => {
    const log = JSON.parse(sarif([result('/repo/values.yaml', [diag({ ruleId: 'schema' })])], context)) as Log;
    log.runs[0]!.results[0]!.level = 'fatal';
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(() => validate(log)).toThrow();
  });

  it('writes a valid log with every rule and no results for no findings', () => {
    for (const input of [[], [result('/repo/values.yaml', [])]]) {
      const log = run(input);
      expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
      expect(log.version).toBe('2.1.0');
      expect(log.runs).toHaveLength(1);
      const [runOut] = log.runs;
      expect(runOut!.results).toEqual([]);
      expect(runOut!.tool.driver.name).toBe('houston-lint');
      expect(runOut!.tool.driver.version).toBe('1.2.3');
      expect(runOut!.tool.driver.informationUri).toMatch(/^https:\/\//);
      expect(runOut!.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
      expect(runOut!.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///repo/');
      expect(runOut!.artifacts).toHaveLength(input.length);
    }
  });

  it('describes each rule for code scanning', () => {
    const log = run([]);
    for (const [i, rule] of rules.entries()) {
      const d = log.runs[0]!.tool.driver.rules[i]!;
      expect(d).toMatchObject({
        id: rule.meta.id,
        name: pascalCase(rule.meta.id),
        shortDescription: { text: rule.meta.description },
        fullDescription: { text: rule.meta.description },
        helpUri: rule.meta.docs.url,
        defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
      });
      const help = d.help as { text: string; markdown: string };
      expect(help.text).toContain(rule.meta.docs.url);
      expect(help.markdown).toContain(`](${rule.meta.docs.url})`);
      expect((d.properties as { tags: string[] }).tags.length).toBeGreaterThan(0);
      expect(d.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
    expect(pascalCase('unknown-key')).toBe('UnknownKey');
  });

  it('omits the version when none is given', () => {
    const { toolVersion: _v, ...rest } = context;
    const log = run([], rest);
    expect(log.runs[0]!.tool.driver.version).toBeUndefined();
  });

  it('maps errors, warnings and both kinds of suppression', () => {
    const messages = [
      diag({ ruleId: 'unknown-key', path: 'astronomer.houston.config.auth.githb', message: 'Unknown key `githb`.' }),
      diag({ ruleId: 'no-placeholder', severity: 1, line: 7, column: 3, endLine: 8, endColumn: 1, path: 'astronomer.houston.config.auth.openidConnect.okta.clientId' }),
    ];
    const suppressed = [
      diag({ ruleId: 'unknown-key', line: 10, path: 'astronomer.houston.config.auth.locl', suppressions: [{ kind: 'directive', justification: 'kept for the migration' }] }),
      diag({ ruleId: 'deprecated-key', severity: 1, line: 12, path: 'houston.config', suppressions: [{ kind: 'baseline', justification: 'recorded in the baseline' }] }),
    ];
    const log = run([result('/repo/charts/values.yaml', messages, suppressed)]);
    const out = log.runs[0]!.results;
    expect(out).toHaveLength(4);
    const driverRules = log.runs[0]!.tool.driver.rules;
    for (const r of out) {
      expect(driverRules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'charts/values.yaml', uriBaseId: '%SRCROOT%', index: 0 });
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    }
    const [err, warn] = out.filter((r) => !r.suppressions);
    expect(err).toMatchObject({ ruleId: 'unknown-key', level: 'error', message: { text: 'Unknown key `githb`.' } });
    expect(err!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 });
    expect(err!.locations[0]!.logicalLocations).toEqual([{ fullyQualifiedName: 'astronomer.houston.config.auth.githb', kind: 'member' }]);
    expect(warn).toMatchObject({ ruleId: 'no-placeholder', level: 'warning' });
    expect(warn!.locations[0]!.physicalLocation.region).toEqual({ startLine: 7, startColumn: 3, endLine: 8, endColumn: 1 });
    const inSource = out.find((r) => r.ruleId === 'unknown-key' && r.suppressions)!;
    expect(inSource.suppressions).toEqual([{ kind: 'inSource', justification: 'kept for the migration' }]);
    const external = out.find((r) => r.ruleId === 'deprecated-key')!;
    expect(external.suppressions).toEqual([{ kind: 'external', justification: 'recorded in the baseline' }]);
    expect(external.level).toBe('warning');
    expect(log.runs[0]!.artifacts).toEqual([{ location: { uri: 'charts/values.yaml', uriBaseId: '%SRCROOT%' } }]);
  });

  it('handles stdin names, files outside the root and names that need encoding', () => {
    const log = run([
      result('<stdin>', [diag({ ruleId: 'unknown-key', path: '' })]),
      result('/elsewhere/values.yaml', [diag({ ruleId: 'unknown-key' })]),
      result('/repo/my values#1/%x ü.yaml', [diag({ ruleId: 'schema' })]),
    ]);
    const locs = log.runs[0]!.results.map((r) => r.locations[0]!);
    expect(locs[0]!.physicalLocation.artifactLocation).toEqual({ uri: '%3Cstdin%3E', index: 0 });
    expect(locs[0]!.logicalLocations).toBeUndefined();
    expect(locs[1]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/values.yaml', index: 1 });
    expect(locs[2]!.physicalLocation.artifactLocation).toEqual({ uri: 'my%20values%231/%25x%20%C3%BC.yaml', uriBaseId: '%SRCROOT%', index: 2 });
    expect(decodeURIComponent(locs[2]!.physicalLocation.artifactLocation.uri)).toBe('my values#1/%x ü.yaml');
  });

  it('uses cwd when no repository root is given, with a trailing slash', () => {
    const { repoRoot: _r, ...ctx } = context;
    const log = run([result('/repo/sub/values.yaml', [diag({ ruleId: 'schema' })])], ctx);
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL('/repo/sub').href}/`);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('values.yaml');
  });

  it('keeps hostile text as data and clamps impossible positions', () => {
    const hostile = 'a\n::error::x\r\n</script>"\u0007\u0000 ]]> %0A';
    const log = run([result('/repo/values.yaml', [diag({ ruleId: 'yaml-syntax', message: hostile, path: hostile, line: 0, column: 0, endLine: 0, endColumn: 0 })])]);
    const r = log.runs[0]!.results[0]!;
    expect(r.message.text).toBe(hostile);
    expect(r.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('formats real lint output, directive suppressions included', () => {
    const res = lintText(VALUES, { filePath: '/repo/values.yaml' });
    expect(res.messages.length).toBeGreaterThan(0);
    expect(res.suppressedMessages.length).toBeGreaterThan(0);
    const log = run([res]);
    const out = log.runs[0]!.results;
    expect(out).toHaveLength(res.messages.length + res.suppressedMessages.length);
    const suppressed = out.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(res.suppressedMessages.length);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'kept for the migration' }]);
    expect(JSON.stringify(log)).not.toContain('"source"');
  });

  it('formats findings suppressed by a baseline as external', () => {
    const plain = lintText(VALUES, { filePath: '/repo/values.yaml', inlineConfig: false });
    const target = plain.messages.find((m) => m.ruleId === 'unknown-key')!;
    const res = lintText(VALUES, { filePath: '/repo/values.yaml', baseline: [{ file: 'values.yaml', ruleId: 'unknown-key', path: target.path, count: 1 }] });
    const log = run([res]);
    const external = log.runs[0]!.results.filter((r) => r.suppressions?.[0]?.kind === 'external');
    expect(external).toHaveLength(1);
    expect(external[0]!.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe(target.path);
  });

  describe('fingerprints', () => {
    const fingerprints = (log: Log) => log.runs[0]!.results.map((r) => `${r.ruleId} ${r.partialFingerprints[FINGERPRINT_KEY]}`).sort();

    it('survive unrelated edits that move lines', () => {
      const before = run([lintText(VALUES, { filePath: '/repo/values.yaml' })]);
      const edited = `# a comment\nglobal:\n  baseDomain: astro.acme-corp.io\n\n${VALUES.replace('      auth:\n', '      auth:\n        # moved down\n')}`;
      const after = run([lintText(edited, { filePath: '/repo/values.yaml' })]);
      const linesBefore = before.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region.startLine);
      const linesAfter = after.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region.startLine);
      expect(linesAfter).not.toEqual(linesBefore);
      expect(fingerprints(after)).toEqual(fingerprints(before));
    });

    it('stay the same when a finding becomes suppressed', () => {
      const open = run([lintText(VALUES, { filePath: '/repo/values.yaml', inlineConfig: false })]);
      const withDirectives = run([lintText(VALUES, { filePath: '/repo/values.yaml' })]);
      const key = (log: Log) => log.runs[0]!.results.filter((r) => r.ruleId === 'unknown-key').map((r) => r.partialFingerprints[FINGERPRINT_KEY]).sort();
      expect(key(withDirectives)).toEqual(key(open));
    });

    it('differ for repeated findings with the same rule and path, and by file', () => {
      const same = [diag({ ruleId: 'duplicate-key', line: 3 }), diag({ ruleId: 'duplicate-key', line: 9 })];
      const a = run([result('/repo/a.yaml', same)]).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
      const b = run([result('/repo/b.yaml', same)]).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
      expect(new Set([...a, ...b]).size).toBe(4);
    });
  });
});
