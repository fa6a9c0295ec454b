// Workflow-command injection: nothing from a linted file (keys, values, names, file names) can start a GitHub Actions command.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FORMATTER_NAMES, loadFormatter } from '../../src/formatters/index.js';
import { lintText } from '../../src/linter.js';
import { rules } from '../../rules/index.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { Diagnostic } from '../../src/types.js';

const HAS_GITHUB = FORMATTER_NAMES.includes('github');

/** Hostile strings: commands after a newline (raw, CR, escaped), stop-commands, the legacy `##[` form. */
const PAYLOADS = [
  'x\n::error::injected-lf',
  'x\r::error::injected-cr',
  'x\r\n::warning file=evil.yaml::injected-crlf',
  'x%0A::error::injected-escaped',
  '%0D%0A::error::injected-escaped-crlf',
  '::stop-commands::pwnd',
  '::error file=a,line=1::direct',
  '##[error]legacy',
  'x\u2028::error::injected-ls',
  'x\u0085::error::injected-nel',
  'a,b:c%25d',
];

/** A values file that puts every payload where messages echo it: unknown keys, provider names, enum values, env names. */
function hostileValues(): string {
  const okta: Record<string, unknown> = { enabled: true, clientId: 'abc', discoveryUrl: 'https://x.okta.com/.well-known/openid-configuration' };
  const openidConnect: Record<string, unknown> = { flow: PAYLOADS[0], okta };
  PAYLOADS.forEach((p, i) => {
    okta[`key${i}${p}`] = 1;
    openidConnect[`prov${i}${p}`] = { enabled: true };
  });
  return stringify({
    astronomer: {
      houston: {
        config: { auth: { local: { enabled: PAYLOADS[1] }, openidConnect, [`auth${PAYLOADS[5]}`]: 1 } },
        env: PAYLOADS.map((p) => ({ name: `NAME${p}`, value: 'v' })),
        secret: PAYLOADS.map((p) => ({ envName: `AUTH__${p}`, secretName: `s${p}`, secretKey: 'k' })),
      },
    },
  });
}

/** @actions/toolkit's unescape of command data, as the runner applies it. */
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

const ANNOTATION = /^::(error|warning) ((?:file=[^,:\r\n]*,)?line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:\r\n]+)::([^\r\n]*)$/;

/**
 * Checks GitHub output against the findings it was made from; returns the problems found. The runner reads the log
 * line by line (.NET ReadLine: LF, CR and CRLF end a line) and treats a line whose trimmed start is `::` as a command.
 */
function commandProblems(out: string, messages: Diagnostic[]): string[] {
  const problems: string[] = [];
  if (out.includes('\r')) problems.push('a raw CR in the output: the runner starts a new line there');
  const data: string[] = [];
  for (const line of out.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('::')) {
      const m = ANNOTATION.exec(line);
      if (!m) problems.push(`a command that is not one of houston-lint's annotations: ${JSON.stringify(line.slice(0, 200))}`);
      else data.push(unescapeData(m[3]!));
    } else if (trimmed.includes('##[')) problems.push(`a legacy ##[ command: ${JSON.stringify(line.slice(0, 200))}`);
  }
  const expected = messages.map((m) => m.message).sort();
  if (JSON.stringify(data.sort()) !== JSON.stringify(expected)) problems.push(`annotations do not carry exactly the findings' messages (${data.length} annotations, ${expected.length} findings)`);
  return problems;
}

const context: FormatterContext = {
  cwd: '/repo',
  repoRoot: '/repo',
  color: false,
  rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])) as unknown as FormatterContext['rulesMeta'],
};

describe.runIf(HAS_GITHUB)('--format github cannot be made to run a workflow command', () => {
  it('the hostile values reach the messages (so the test means something)', () => {
    const messages = lintText(hostileValues()).messages.map((m) => m.message).join('\n');
    expect(messages).toContain('::error::injected-lf');
    expect(messages).toContain('::stop-commands::pwnd');
  });

  it('through the CLI, with a hostile file name too', async () => {
    const dir = tempDir({});
    const name = 'evil\n::error::from-name %0A ::stop-commands::x,y.yaml';
    writeFileSync(join(dir, name), hostileValues());
    const json = await cli([name, '--format', 'json', '--no-config-lookup'], { cwd: dir });
    const [result] = JSON.parse(json.stdout) as { messages: Diagnostic[] }[];
    expect(result!.messages.length).toBeGreaterThan(PAYLOADS.length);
    const gh = await cli([name, '--format', 'github', '--no-config-lookup'], { cwd: dir });
    expect(gh.code).toBe(json.code);
    expect(commandProblems(gh.stdout, result!.messages)).toEqual([]);
    expect(gh.stdout).toContain('file=evil%0A%3A%3Aerror%3A%3Afrom-name %250A %3A%3Astop-commands%3A%3Ax%2Cy.yaml');
  });

  it('for random keys and values made of command characters (property)', async () => {
    const github = (await loadFormatter('github'))!;
    const piece = fc.constantFrom('::', ':', '\n', '\r', '\r\n', '%', '%0A', '%25', ',', '=', '##[', ']', 'error', 'warning', 'stop-commands', 'set-output', ' ', '\u2028', '\u0085', 'x', 'file=');
    const hostile = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 4 }), hostile, (pairs, fileName) => {
        const okta: Record<string, unknown> = { enabled: true };
        for (const [k, v] of pairs) okta[`k${k}`] = v;
        const text = stringify({ astronomer: { houston: { config: { auth: { openidConnect: { flow: pairs[0]![1], okta } } }, env: pairs.map(([k, v]) => ({ name: k, value: v })) } } });
        const result = lintText(text, { filePath: `/repo/${fileName}.yaml` });
        const problems = commandProblems(github([result], context), result.messages);
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      { seed: Number(process.env.HOUSTON_LINT_FUZZ_SEED ?? 0x484c), numRuns: 100 },
    );
  }, 60_000);

  // REPORTED: run-lint.ts prints the fixed file after the report for every non-JSON format under --fix-dry-run, so
  // under `--format github` the file's own lines reach the log raw: a block scalar line `::error::…` becomes a command.
  // Flip to `it` once the fixed text is printed for stylish only.
  it('--fix-dry-run keeps the file text out of github output', async () => {
    const dir = tempDir({ 'v.yaml': 'astronomer:\n  houston:\n    config:\n      publicSignups: yes\n      note: |\n        ::error::from-the-file\n' });
    const r = await cli(['v.yaml', '--format', 'github', '--fix-dry-run', '--no-config-lookup'], { cwd: dir });
    const [result] = JSON.parse((await cli(['v.yaml', '--format', 'json', '--fix-dry-run', '--no-config-lookup'], { cwd: dir })).stdout) as { messages: Diagnostic[] }[];
    expect(result!.messages.length).toBeGreaterThan(0);
    expect(commandProblems(r.stdout, result!.messages)).toEqual([]);
  });
});

describe('machine-readable output stays machine-readable', () => {
  // REPORTED: the same run-lint.ts path appends "--- file (fixed, not written) ---" and the file to SARIF and JUnit
  // output under --fix-dry-run, so stdout is no longer JSON/XML. Flip to `it` once fixed.
  it('--format sarif --fix-dry-run prints valid JSON', async () => {
    const dir = tempDir({ 'v.yaml': 'astronomer:\n  houston:\n    config:\n      publicSignups: yes\n' });
    const r = await cli(['v.yaml', '--format', 'sarif', '--fix-dry-run', '--no-config-lookup'], { cwd: dir });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
