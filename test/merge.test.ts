// Several values files like `helm -f`, and --set: Helm's merge, findings in the file that set the value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValues } from '../src/load-values.js';
import { mergeLoaded } from '../src/merge-values.js';
import { loadSetValues } from '../src/set-values.js';
import { lintUnit } from '../src/linter.js';
import { cli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';
import { FIXTURES as REPO_FIXTURES } from './helpers/paths.js';

const BASE = `global:
  baseDomain: astro.acme-corp.io
astronomer:
  houston:
    config:
      auth:
        github:
          enabled: false
        openidConnect:
          google:
            enabled: false
          okta:
            clientId: "0oa8x2k4pQzR7sT1u5d7"
            discoveryUrl: https://acme.okta.com/.well-known/openid-configuration
    env:
      - name: A
        value: "1"
`;
const PROD = `astronomer:
  houston:
    config:
      auth:
        openidConnect:
          okta:
            enabled: true
            discoveryUrl: http://acme.okta.com/.well-known/openid-configuration
    env:
      - name: B
        value: "2"
`;

describe('mergeLoaded (Helm -f semantics)', () => {
  it('merges maps deeply, later files win, lists are replaced, null deletes', () => {
    const a = loadValues('a.yaml', 'x:\n  keep: 1\n  over: 1\n  list: [1, 2]\n  gone: {deep: 1}\n');
    const b = loadValues('b.yaml', 'x:\n  over: 2\n  list: [3]\n  gone: null\n');
    const unit = mergeLoaded([a, b]);
    expect(unit.values).toEqual({ x: { keep: 1, over: 2, list: [3] } });
    expect(unit.locations.get(['x', 'keep'])?.source).toBe('a.yaml');
    expect(unit.locations.get(['x', 'over'])?.source).toBe('b.yaml');
    expect(unit.locations.get(['x', 'list', 0])?.source).toBe('b.yaml');
    expect(unit.locations.has(['x', 'list', 1])).toBe(false);
    expect(unit.locations.has(['x', 'gone', 'deep'])).toBe(false);
  });
  it('applies --set last, with Helm types', () => {
    const set = loadSetValues(['x.on=true,x.n=42,x.s=0755', 'x.l={a,b}', 'x.esc=a\\,b', 'x.arr[1]=z']);
    expect(set.values).toEqual({ x: { on: true, n: 42, s: '0755', l: ['a', 'b'], esc: 'a,b', arr: [undefined, 'z'] } });
    const unit = mergeLoaded([loadValues('a.yaml', 'x:\n  n: 1\n  keep: k\n'), set]);
    expect(unit.values).toMatchObject({ x: { n: 42, keep: 'k' } });
    expect(unit.locations.get(['x', 'n'])).toMatchObject({ source: '--set', keyRange: [10, 13], valueRange: [14, 16] });
  });
});

describe('linting merged values', () => {
  const lint = () => lintUnit(mergeLoaded([loadValues('base.yaml', BASE), loadValues('prod.yaml', PROD)]));
  it('runs rules once on the merged values and reports in the file that set the value, naming the override', () => {
    const [base, prod] = lint();
    expect(base!.messages).toEqual([]);
    expect(prod!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['discovery-url-https', 8, 27]]);
    expect(prod!.messages[0]!.message).toMatch(/\(set in prod\.yaml:8, overriding base\.yaml:14\)$/);
  });
  it('puts a missing requirement at the block key of the file that enabled it', () => {
    const noId = BASE.replace('            clientId: "0oa8x2k4pQzR7sT1u5d7"\n', '');
    const [base, prod] = lintUnit(mergeLoaded([loadValues('base.yaml', noId), loadValues('prod.yaml', PROD.replace('http://', 'https://'))]));
    expect(base!.messages).toEqual([]);
    expect(prod!.messages.map((m) => [m.ruleId, m.line, m.column, m.path])).toEqual([['provider-incomplete', 6, 11, 'astronomer.houston.config.auth.openidConnect.okta']]);
  });
  it('replaces lists whole: only the later env list is seen', () => {
    const unit = mergeLoaded([loadValues('base.yaml', BASE), loadValues('prod.yaml', PROD)]);
    expect((unit.values as { astronomer: { houston: { env: unknown[] } } }).astronomer.houston.env).toEqual([{ name: 'B', value: '2' }]);
  });
});

describe('CLI: -f and --set', () => {
  it('lints a set of values files as one and reports per file', async () => {
    const dir = tempDir({ 'base.yaml': BASE, 'prod.yaml': PROD });
    const r = await cli(['-f', 'base.yaml', '-f', 'prod.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(results.map((x) => [x.filePath.slice(dir.length + 1), x.messages.map((m) => `${m.line}:${m.ruleId}`)])).toEqual([
      ['base.yaml', []],
      ['prod.yaml', ['8:discovery-url-https']],
    ]);
  });
  it('points findings on --set values at the command line', async () => {
    const dir = tempDir({ 'base.yaml': BASE });
    const r = await cli(['-f', 'base.yaml', '--set', 'astronomer.houston.config.auth.openidConnect.okta.enabled=true,astronomer.houston.config.auth.openidConnect.flow=impicit', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(results.map((x) => x.filePath.replace(dir + '/', ''))).toEqual(['base.yaml', '--set']);
    expect(results[1]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['schema', 1, 114]]);
  });
  it('fixes each file of the set in place', async () => {
    const dir = tempDir({ 'base.yaml': BASE, 'prod.yaml': PROD.replace('enabled: true', 'enabled: yes') });
    const r = await cli(['-f', 'base.yaml', '-f', 'prod.yaml', '--fix', '--fix-type', 'yaml-ambiguous-boolean'], { cwd: dir });
    expect(r.stdout).toContain('discovery-url-https');
    expect(readFileSync(join(dir, 'prod.yaml'), 'utf8')).toBe(PROD);
    expect(readFileSync(join(dir, 'base.yaml'), 'utf8')).toBe(BASE);
  });
  it('fails clearly on a missing values file', async () => {
    const r = await cli(['-f', 'nope.yaml'], { cwd: tempDir({}) });
    expect(r).toMatchObject({ code: 2, stderr: 'houston-lint: cannot read "nope.yaml": no such file\n' });
  });
});

describe('environments from the configuration', () => {
  const config = JSON.stringify({
    environments: {
      staging: { valuesFiles: ['values/base.yaml'], set: ['astronomer.houston.config.auth.openidConnect.okta.enabled=true'] },
      prod: { valuesFiles: ['values/base.yaml', 'values/prod.yaml'] },
    },
  });
  it('lints every environment when no files are given, naming the environment', async () => {
    const dir = tempDir({ '.houston-lintrc.json': config, 'values/base.yaml': BASE, 'values/prod.yaml': PROD });
    const r = await cli(['--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    expect(results.map((x) => [x.filePath.replace(`${dir}/`, ''), x.messages.map((m) => m.ruleId)])).toEqual([
      ['values/base.yaml', []],
      ['--set', []],
      ['values/base.yaml', []],
      ['values/prod.yaml', ['discovery-url-https']],
    ]);
    expect(results[3]!.messages[0]!.message).toMatch(/\(environment prod\)$/);
  });
  it('takes any environment name, and finds no inherited one', async () => {
    const odd = '{"environments": {"__proto__": {"valuesFiles": ["values/prod.yaml"]}, "constructor": {"valuesFiles": ["values/base.yaml"]}}}';
    const dir = tempDir({ '.houston-lintrc.json': odd, 'values/base.yaml': BASE, 'values/prod.yaml': PROD });
    const linted = async (env: string) => {
      const r = await cli(['--env', env, '--format', 'json'], { cwd: dir });
      return (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath.replace(`${dir}/`, ''));
    };
    expect(await linted('__proto__')).toEqual(['values/prod.yaml']);
    expect(await linted('constructor')).toEqual(['values/base.yaml']);
    const inherited = await cli(['--env', 'toString'], { cwd: dir });
    expect(inherited).toMatchObject({ code: 2, stderr: expect.stringMatching(/--env toString: no such environment/) });
  });
  it('--env picks one, and an unknown name fails with a suggestion', async () => {
    const dir = tempDir({ '.houston-lintrc.json': config, 'values/base.yaml': BASE, 'values/prod.yaml': PROD });
    expect((await cli(['--env', 'staging'], { cwd: dir })).code).toBe(0);
    const bad = await cli(['--env', 'prd'], { cwd: dir });
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--env prd: no such environment .*\(did you mean "prod"\?\)/) });
  });
});

describe('CLI: Secret manifests and rendered manifests', () => {
  const M = join(REPO_FIXTURES, 'manifests');
  it('cross-checks houston.secret against Secret manifests given with --secrets or on the command line', async () => {
    const clean = await cli([join(M, 'values.yaml'), '--secrets', join(M, 'secret-stringdata.yaml'), '--secrets', join(M, 'secret-data-base64.yaml'), '--secrets', join(M, 'sealed-secret.yaml')]);
    expect(clean).toMatchObject({ code: 0, stdout: '' });
    const missing = await cli([join(M, 'values.yaml'), join(M, 'secret-stringdata.yaml'), '--format', 'json']);
    expect(missing.code).toBe(1);
    const results = JSON.parse(missing.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((r) => [r.filePath.split('/').pop(), r.messages.map((m) => m.ruleId)])).toEqual([
      ['values.yaml', ['secret-manifest', 'secret-manifest']],
      ['secret-stringdata.yaml', []],
    ]);
  });
  it('lints helm template output from stdin with --rendered, at the manifest lines', async () => {
    const text = readFileSync(join(M, 'rendered-houston.yaml'), 'utf8');
    const r = await cli(['-', '--rendered', '--stdin-filename', 'rendered.yaml', '--format', 'json'], { stdin: text });
    const [result] = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['103:code-flow-client-secret', '105:discovery-url-https', '146:secret-env-name']);
    const plain = await cli(['-', '--rendered'], { stdin: 'a: 1\n' });
    expect(plain).toMatchObject({ code: 2, stderr: expect.stringContaining('no *-houston-config ConfigMap') });
  });
});

describe('--set keys named like prototype properties', () => {
  it('are keys, as Helm reads them: `__proto__` never reaches a prototype', () => {
    const loaded = loadSetValues(['__proto__.polluted=1', 'a.__proto__.b=2']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(loaded.values, '__proto__')).toBe(true);
    expect(JSON.stringify(loaded.values)).toBe('{"__proto__":{"polluted":1},"a":{"__proto__":{"b":2}}}');
  });
});
