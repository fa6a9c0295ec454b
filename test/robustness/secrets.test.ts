// No secret from a linted file ever appears in houston-lint's output: every formatter, the CLI with every format and flag.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/apply-fixes.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/formatters/index.js';
import { lintText } from '../../src/linter.js';
import { rules } from '../../rules/index.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { LintResult } from '../../src/types.js';

/** Each fixture and the secrets in it. A secret is found by its own text, so each one is unique and unlikely elsewhere. */
const FIXTURES: Record<string, { text: string; secrets: string[] }> = {
  'inline.yaml': {
    text: `global:
  baseDomain: astro.corp.internal
astronomer:
  houston:
    config:
      publicSignups: yes
      email:
        enabled: true
        smtpUrl: smtps://user:S3cr3tP4ss@smtp.corp.internal:465
      auth:
        local:
          enabled: false
        okta:
          enabled: true
          clientId: 0oa-misplaced
          clientSecret: MISPLACED-CLIENT-SECRET-7y6t5r
        ldap:
          bindPassword: LDAP-BIND-PASSWORD-n3m2b1
        openidConnect:
          flow: code
          okta:
            enabled: true
            clientId: 0oa1b2c3d4
            clientSecret: INLINE-CLIENT-SECRET-q1w2e3
            clientSecrett: MISSPELLED-CLIENT-SECRET-z9x8c7
            client_secret: UNDERSCORE-CLIENT-SECRET-p0o9i8
            scimAuthCode: scim-user:SCIM-PASSWORD-a1s2d3
            discoveryUrl: https://corp.okta.com/oauth2/default/.well-known/openid-configuration
            authUrlParams:
              audience: 0oa1b2c3d4
              client_secret: AUTHURL-CLIENT-SECRET-v6b7n8
          microsft:
            enabled: "false"
            clientSecret: 98765432109876
            scimAuthCode: [LIST-SCIM-SECRET-m4n5b6]
          adfs:
            enabled: on
            clientId: adfs-client
            clientSecret: {value: MAP-CLIENT-SECRET-c5v6b7}
            discoveryUrl: http://adfs.corp.internal/adfs/.well-known/openid-configuration
    env:
      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET
        value: ENV-CLIENT-SECRET-l1k2j3
      - name: SCIM_AUTH_CODE_OKTA
        value: scim:ENV-SCIM-CODE-h4g5f6
      - name: DB_PASSWORD
        value: ENV-DB-PASSWORD-d7s8a9
      - name: GITHUB_TOKEN
        value: ENV-TOKEN-u1y2t3
      - name: AUTH__OPENID_CONECT__OKTA__CLIENT_SECRET
        value: ENV-MISSPELLED-NAME-SECRET-r4e5w6
      - name: EMAIL__SMTP_URL
        value: smtps://mailer:ENV-SMTP-PASS-q7w8e9@smtp.corp.internal
      - name: OKTA_CLIENT_SECRET
        value: 1234567890123456
      - name: auth__openid_connect__okta__client_secret
        value: LOWERCASE-ENV-SECRET-t5y6u7
      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET
        valueFrom:
          secretKeyRef: {name: okta, key: INLINE-KEY-SECRET-x2c3v4}
        value: BOTH-VALUE-AND-REF-SECRET-e2r3t4
`,
    secrets: [
      'S3cr3tP4ss', 'MISPLACED-CLIENT-SECRET-7y6t5r', 'LDAP-BIND-PASSWORD-n3m2b1', 'INLINE-CLIENT-SECRET-q1w2e3', 'MISSPELLED-CLIENT-SECRET-z9x8c7',
      'UNDERSCORE-CLIENT-SECRET-p0o9i8', 'SCIM-PASSWORD-a1s2d3', 'AUTHURL-CLIENT-SECRET-v6b7n8', '98765432109876', 'LIST-SCIM-SECRET-m4n5b6',
      'MAP-CLIENT-SECRET-c5v6b7', 'ENV-CLIENT-SECRET-l1k2j3', 'ENV-SCIM-CODE-h4g5f6', 'ENV-DB-PASSWORD-d7s8a9', 'ENV-TOKEN-u1y2t3',
      'ENV-MISSPELLED-NAME-SECRET-r4e5w6', 'ENV-SMTP-PASS-q7w8e9', '1234567890123456', 'LOWERCASE-ENV-SECRET-t5y6u7', 'BOTH-VALUE-AND-REF-SECRET-e2r3t4',
    ],
  },
  'houston-subchart.yaml': {
    // The astronomer subchart's own values (houston at the root), chart 1.x keys, placeholder-looking secrets, duplicates.
    text: `houston:
  config:
    auth:
      openidConnect:
        okta:
          enabled: true
          clientId: "<your-client-id>"
          clientSecret: "<REAL-SECRET-IN-BRACKETS-w3e4r5>"
          clientSecret: DUPLICATE-LAST-SECRET-s2a1q0
          scimAuthCode: YOUR_SCIM_CODE_HERE-j8k9l0
          discoveryUrl: https://example.okta.com/.well-known/openid-configuration
        google:
          enabled: true
          clientSecret: "..."
        github:
          enabled: true
          clientSecret: GITHUB-OAUTH-SECRET-f1g2h3
    email:
      smtpUrl: "smtp://apikey:SG.SENDGRID-KEY-y7u8i9@smtp.sendgrid.net:587"
  env:
    - {name: SCIM_AUTH_CODE_MICROSOFT, value: "MS-SCIM-BEARER-o1p2a3"}
    - {name: AUTH__OPENID_CONNECT__GOOGLE__CLIENT_SECRET, value: "yes"}
    - {name: SMTP_PASSWORD, value: "SMTP-PASSWORD-RAW-z4x5c6"}
`,
    secrets: ['REAL-SECRET-IN-BRACKETS-w3e4r5', 'DUPLICATE-LAST-SECRET-s2a1q0', 'YOUR_SCIM_CODE_HERE-j8k9l0', 'GITHUB-OAUTH-SECRET-f1g2h3', 'SENDGRID-KEY-y7u8i9', 'MS-SCIM-BEARER-o1p2a3', 'SMTP-PASSWORD-RAW-z4x5c6'],
  },
  'broken.yaml': {
    // A syntax error right after a secret: the parser's messages must not quote it either.
    text: `astronomer:
  houston:
    config:
      auth:
        openidConnect:
          okta:
            clientSecret: BEFORE-ERROR-SECRET-b8n9m0
            scimAuthCode: "UNTERMINATED-SECRET-k8j7h6
`,
    secrets: ['BEFORE-ERROR-SECRET-b8n9m0', 'UNTERMINATED-SECRET-k8j7h6'],
  },
};

const context: FormatterContext = {
  cwd: '/',
  color: false,
  rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])) as unknown as FormatterContext['rulesMeta'],
};

/** The secrets found in `text`, each with what surrounds it (to name the finding that leaked it). */
function leaks(text: string, secrets: string[]): string[] {
  return secrets
    .filter((s) => text.includes(s))
    .map((s) => {
      const at = text.indexOf(s);
      return `${s} in: …${text.slice(Math.max(0, at - 400), at + s.length + 40)}…`;
    });
}

/**
 * `--fix-dry-run` prints the fixed file on purpose (like `cat`, for editors and pipes; JSON carries it as `output`,
 * as ESLint does): that text is the user's own file. Everything else must be free of secrets, so the file texts are
 * cut out before the search.
 */
function withoutFileTexts(out: string, texts: (string | undefined)[]): string {
  let rest = out;
  try {
    rest = JSON.stringify(JSON.parse(out), (key, value: unknown) => (key === 'output' ? '<file text>' : key === 'fix' && isEdit(value) ? { ...value, text: '<fix text>' } : value));
  } catch {
    // not JSON
  }
  for (const t of texts) if (t) rest = rest.split(t).join('<file text>');
  return rest;
}

/**
 * The replacement text of fixes and suggestions is cut out here too: a fix that moves a block (provider-placement)
 * carries the block's source; the engine keeps such fixes out of every output, asserted separately below.
 */
function isEdit(value: unknown): value is { range: unknown; text: string } {
  return value !== null && typeof value === 'object' && 'range' in value && typeof (value as { text?: unknown }).text === 'string';
}

describe('no secret appears in any output', () => {
  it('the fixtures really contain their secrets and produce findings about them', () => {
    for (const [name, f] of Object.entries(FIXTURES)) {
      for (const s of f.secrets) expect(f.text, `${name}: ${s}`).toContain(s);
      expect(lintText(f.text).messages.length, name).toBeGreaterThan(0);
    }
  });

  for (const [name, f] of Object.entries(FIXTURES)) {
    it(`${name}: every formatter, from lintText and from fixText results`, async () => {
      const lint = (t: string) => lintText(t, { filePath: `/repo/${name}` });
      const results: LintResult[] = [lint(f.text), fixText(f.text, lint)];
      for (const format of FORMATTER_NAMES) {
        const formatter = (await loadFormatter(format))!;
        for (const r of results) {
          const { output, ...shown } = r;
          expect(leaks(withoutFileTexts(formatter([shown], context), []), f.secrets), `${format}`).toEqual([]);
          if (output !== undefined) expect(leaks(withoutFileTexts(formatter([r], context), [output]), f.secrets), `${format} with output`).toEqual([]);
        }
      }
    });

    it(`${name}: the CLI, every format, with and without --fix-dry-run and --debug`, async () => {
      const dir = tempDir({ [name]: f.text });
      const lint = (t: string) => lintText(t, { filePath: join(dir, name) });
      const fixed = fixText(f.text, lint).output;
      for (const format of FORMATTER_NAMES) {
        for (const flags of [[], ['--fix-dry-run'], ['--debug'], ['--debug', '--fix-dry-run', '--quiet']]) {
          const r = await cli([name, '--format', format, '--no-config-lookup', ...flags], { cwd: dir });
          const label = `${format} ${flags.join(' ')}`;
          expect(r.code, `${label}: ${r.stderr}`).toBe(1);
          expect(leaks(withoutFileTexts(r.stdout, [fixed]), f.secrets), `${label} stdout`).toEqual([]);
          expect(leaks(r.stderr, f.secrets), `${label} stderr`).toEqual([]);
        }
        const stdin = await cli(['-', '--stdin-filename', name, '--format', format, '--no-config-lookup', '--fix-dry-run'], { cwd: dir, stdin: f.text });
        expect(leaks(withoutFileTexts(stdin.stdout, [fixed, f.text]), f.secrets), `${format} stdin dry-run`).toEqual([]);
        expect(leaks(withoutFileTexts(stdin.stderr, [fixed, f.text]), f.secrets), `${format} stdin dry-run stderr`).toEqual([]);
      }
    });

    it(`${name}: files written by --output-file, --write-baseline and --print-config`, async () => {
      const dir = tempDir({ [name]: f.text });
      const outputs = FORMATTER_NAMES.filter((n) => n !== 'stylish').flatMap((n) => ['--format', n, '--output-file', `${n}=out/${n}.txt`]);
      const r = await cli([name, '--format', 'stylish', ...outputs, '--no-config-lookup'], { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      for (const file of readdirSync(join(dir, 'out'))) expect(leaks(withoutFileTexts(readFileSync(join(dir, 'out', file), 'utf8'), []), f.secrets), file).toEqual([]);
      expect(leaks(r.stdout + r.stderr, f.secrets)).toEqual([]);
      const baseline = await cli([name, '--write-baseline', '--baseline', 'baseline.json', '--no-config-lookup'], { cwd: dir });
      expect(leaks(baseline.stdout + baseline.stderr + readFileSync(join(dir, 'baseline.json'), 'utf8'), f.secrets)).toEqual([]);
      const printed = await cli(['--print-config', name, '--no-config-lookup'], { cwd: dir });
      expect(leaks(printed.stdout + printed.stderr, f.secrets)).toEqual([]);
    });
  }

  // provider-placement's fix moves a misplaced block with its own source text; when that text holds a credential the
  // engine keeps the fix for --fix but out of every output (a non-enumerable property).
  it('fix texts in JSON output carry no secrets (provider-placement moves a block with its secrets)', async () => {
    const json = (await loadFormatter('json'))!;
    const found: string[] = [];
    for (const [name, f] of Object.entries(FIXTURES)) {
      const out = json([lintText(f.text, { filePath: `/repo/${name}` })], context);
      found.push(...leaks(withoutFileTexts(out, []), f.secrets), ...leaks(out, f.secrets));
    }
    expect(found).toEqual([]);
  });

  it('random secrets at secret keys and in secret env values never reach any formatter (property)', async () => {
    const formatters = await Promise.all(FORMATTER_NAMES.map(async (n) => [n, (await loadFormatter(n))!] as const));
    const secret = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9+/=_.-]{11,30}$/).map((s) => `Zq${s}`);
    const secretKey = fc.constantFrom('clientSecret', 'scimAuthCode', 'clientSecrett', 'client_secret', 'secret', 'password', 'token', 'smtpUrl');
    const envName = fc.constantFrom('AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET', 'SCIM_AUTH_CODE_OKTA', 'DB_PASSWORD', 'API_TOKEN', 'MY_CLIENT_SECRET', 'EMAIL__SMTP_URL');
    const place = fc.constantFrom('openidConnect.okta', 'openidConnect.microsoft', 'openidConnect.oktaa', 'okta', 'openidConnect.okta.authUrlParams', 'github', 'local');
    const arb = fc.record({
      entries: fc.array(fc.tuple(place, secretKey, secret, fc.constantFrom('plain', 'number', 'list', 'map', 'url')), { minLength: 1, maxLength: 4 }),
      env: fc.array(fc.tuple(envName, secret), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ entries, env }) => {
        const auth: Record<string, unknown> = {};
        const secrets: string[] = [];
        for (const [where, key, s, shape] of entries) {
          let node = auth;
          for (const seg of where.split('.')) node = (node[seg] ??= {}) as Record<string, unknown>;
          node['enabled'] = true;
          const digits = String(parseInt(s.replace(/\D/g, '').slice(0, 12) || '0', 10) + 1e11);
          node[key] = shape === 'plain' ? s : shape === 'number' ? Number(digits) : shape === 'list' ? [s] : shape === 'map' ? { value: s } : `smtps://user:${s}@smtp.example.com`;
          secrets.push(shape === 'number' ? digits : s);
        }
        for (const [, s] of env) secrets.push(s);
        const text = stringify({ astronomer: { houston: { config: { auth }, env: env.map(([name, value]) => ({ name, value })) } } });
        const result = lintText(text, { filePath: '/repo/values.yaml' });
        const { source: _source, ...shown } = result;
        for (const [n, format] of formatters) {
          const found = leaks(withoutFileTexts(format([shown], context), []), secrets);
          if (found.length) throw new Error(`${n} leaked ${found.join('; ')}`);
        }
      }),
      { seed: Number(process.env.HOUSTON_LINT_FUZZ_SEED ?? 0x484c), numRuns: 60 },
    );
  }, 60_000);
});
