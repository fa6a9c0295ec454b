// Property-based fuzzing (fast-check, fixed seed): random text and random houston values trees never break the linter.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/apply-fixes.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/formatters/index.js';
import { lintText } from '../../src/linter.js';
import { rules } from '../../rules/index.js';
import { positionProblems } from '../helpers/hostile.js';
import type { Formatter, FormatterContext } from '../../src/formatters/types.js';
import type { LintResult } from '../../src/types.js';

/** Fixed, so CI is reproducible; set HOUSTON_LINT_FUZZ_SEED to explore. fast-check prints seed and path on failure. */
const SEED = Number(process.env.HOUSTON_LINT_FUZZ_SEED ?? 0x484c);
const runs = (n: number) => ({ seed: SEED, numRuns: n, endOnFailure: true });

const context: FormatterContext = {
  cwd: '/',
  color: false,
  rulesMeta: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta])) as unknown as FormatterContext['rulesMeta'],
};
const formatters: [string, Formatter][] = await Promise.all(FORMATTER_NAMES.map(async (n) => [n, (await loadFormatter(n))!] as [string, Formatter]));

const lint = (text: string) => lintText(text, { filePath: '/repo/values.yaml' });

/** What must hold for any text: no throw, findings inside the file, every formatter works, JSON/SARIF parse, --fix is safe. */
function checkText(text: string, linted?: LintResult): void {
  let result: LintResult;
  try {
    result = linted ?? lint(text);
  } catch (err) {
    throw new Error(`lintText threw on ${JSON.stringify(text.slice(0, 300))}: ${(err as Error).stack}`);
  }
  const bad = positionProblems(text, result.messages);
  if (bad.length) throw new Error(`positions outside the file: ${bad.join('; ')}`);
  for (const [name, format] of formatters) {
    const out = format([result], context);
    if (name === 'json' || name === 'sarif') JSON.parse(out);
  }
  checkFix(text, result);
}

/** `fixText` output always parses (no yaml-syntax finding) when the input did, and fixing it again changes nothing. */
function checkFix(text: string, before: LintResult): void {
  const fixed = fixText(text, lint);
  if (fixed.output === undefined) return;
  const after = lint(fixed.output);
  const syntax = (r: LintResult) => r.messages.filter((m) => m.ruleId === 'yaml-syntax').length;
  if (syntax(after) > syntax(before)) throw new Error(`--fix produced invalid YAML:\n${fixed.output}`);
  const again = fixText(fixed.output, lint);
  if (again.output !== undefined) throw new Error(`--fix is not idempotent:\n--- fixed once ---\n${fixed.output}\n--- fixed twice ---\n${again.output}`);
}

const TOKENS = [
  'a', 'key', 'astronomer', 'houston', 'config', 'auth', 'openidConnect', 'okta', 'github', 'local', 'enabled',
  'clientId', 'clientSecret', 'discoveryUrl', 'discoveryURL', 'flow', 'secret', 'env', 'name', 'value', 'envName',
  ':', ': ', '- ', '? ', '\n', '\r\n', '\r', '  ', '    ', '\t', '#', ' # c', '[', ']', '{', '}', ',', '&a ', '*a',
  '!!str ', '!!binary ', '!tag ', '!<tag:x> ', '|', '>', '|-', '"', "'", '---', '...', '%YAML 1.1\n', '%TAG !e! tag:e,2000:\n',
  '<<: ', 'yes', 'no', 'on', '~', 'null', '0777', '0x1F', '1e3', '"false"', '{{ .Values.x }}', '\\', '\\u00', '\u2028',
  '\u0085', '\ufeff', '\u0000', '\u007f', 'é', '😀', '\ud800', 'https://x.okta.com/.well-known/openid-configuration',
];

/** Text built from YAML tokens, line by line with random indentation: close enough to YAML to reach the deep paths. */
const yamlish = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 })), { maxLength: 25 })
  .map((lines) => lines.map(([indent, toks]) => ' '.repeat(indent) + toks.join('')).join('\n'));

// Values trees shaped like the houston section, with the mistakes people make.
const word = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,9}$/);
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('', ' ', 'a: b', '#x', '- x', '"q"', "it's", '{{ .Values.x }}', 'line\nbreak', '\ttab'));
const boolish = fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '', 'True', 0, 1));
const scalar = fc.oneof(boolish, text, fc.integer(), fc.double(), fc.constant(null), fc.constantFrom('0777', '1e3', '<your-client-id>', 'changeme', '...', '~'));
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('https://dev-1.okta.com/.well-known/openid-configuration', 'http://adfs.example.com/adfs/.well-known/openid-configuration', 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration', 'https://houston.example.com/v1/oauth/redirect', 'smtps://user:pass@smtp.example.com:465', ''),
);
const providerName = fc.oneof(fc.constantFrom('okta', 'google', 'github', 'auth0', 'microsoft', 'adfs', 'cognito', 'keycloak', 'micrsoft', 'Okta', 'flow'), word);
const provider = fc.record(
  {
    enabled: boolish,
    clientId: fc.oneof(text, fc.integer(), fc.constant(null)),
    clientSecret: fc.oneof(text, fc.integer()),
    clientSecrett: text,
    discoveryUrl: url,
    discoveryURL: url,
    displayName: text,
    scimAuthCode: text,
    idpGroupsImportEnabled: boolish,
    authUrlParams: fc.dictionary(fc.oneof(word, fc.constantFrom('audience', 'response_type', 'prompt')), fc.oneof(scalar, fc.constantFrom('code', 'id_token token', 'token'))),
    claimsMapping: fc.dictionary(word, scalar, { maxKeys: 3 }),
    redirectUri: url,
  },
  { requiredKeys: [] },
);
const openidConnect = fc
  .tuple(fc.dictionary(providerName, fc.oneof({ weight: 5, arbitrary: provider }, { weight: 1, arbitrary: scalar }), { maxKeys: 4 }), fc.option(fc.constantFrom('code', 'implicit', 'impicit', 'Code')))
  .map(([providers, flow]) => (flow === null ? providers : { ...providers, flow }));
const auth = fc.record(
  {
    local: fc.record({ enabled: boolish }, { requiredKeys: [] }),
    github: fc.record({ enabled: boolish }, { requiredKeys: [] }),
    google: fc.oneof(fc.record({ enabled: boolish, clientId: text }, { requiredKeys: [] }), scalar),
    openidConnect: fc.oneof({ weight: 5, arbitrary: openidConnect }, { weight: 1, arbitrary: scalar }),
    okta: provider, // misplaced: belongs under openidConnect
    ldap: fc.dictionary(word, scalar, { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);
const envName = fc.oneof(
  fc.constantFrom('AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET', 'AUTH__OPENID_CONECT__OKTA__CLIENT_SECRET', 'SCIM_AUTH_CODE_OKTA', 'EMAIL__SMTP_URL', 'DB_PASSWORD', 'API_TOKEN', 'OKTA_CLIENT_SECRET', 'AUTH__LOCAL__ENABLED', '1BAD', ''),
  fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,30}$/),
);
const secretEntries = fc.array(fc.record({ envName, secretName: fc.oneof(word, fc.integer(), fc.constant('Bad_Name')), secretKey: fc.oneof(word, text) }, { requiredKeys: [] }), { maxLength: 4 });
const envEntries = fc.array(
  fc.oneof(
    fc.record({ name: envName, value: scalar }, { requiredKeys: ['name'] }),
    fc.record({ name: envName, valueFrom: fc.record({ secretKeyRef: fc.record({ name: word, key: word }, { requiredKeys: [] }) }) }),
    scalar,
  ),
  { maxLength: 4 },
);
const config = fc.record(
  {
    auth: fc.oneof({ weight: 6, arbitrary: auth }, { weight: 1, arbitrary: scalar }),
    email: fc.record({ enabled: boolish, smtpUrl: url }, { requiredKeys: [] }),
    publicSignups: boolish,
    emailConfirmation: boolish,
    okta: provider, // misplaced one level higher still
    deployments: fc.dictionary(word, scalar, { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);
const houston = fc.record({ config, secret: fc.oneof(secretEntries, scalar), env: fc.oneof(envEntries, scalar) }, { requiredKeys: [] });
const valuesTree = fc
  .tuple(
    fc.boolean(),
    houston,
    fc.option(fc.record({ baseDomain: fc.oneof(fc.domain(), text) }, { requiredKeys: [] })),
    fc.dictionary(word, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  )
  .map(([umbrella, h, global, junk]) => ({ ...junk, ...(global ? { global } : {}), ...(umbrella ? { astronomer: { houston: h } } : { houston: h }) }));

const serializeOptions = fc.record({
  indent: fc.integer({ min: 2, max: 6 }),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  // Not narrower: yaml 2.9.1 stringify corrupts double-quoted strings folded at an indent near lineWidth ("…undefined\").
  lineWidth: fc.constantFrom(0, 200),
  version: fc.constantFrom('1.1', '1.2'),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

const serialized = fc.tuple(valuesTree, serializeOptions).map(([tree, o]) => {
  const yaml = stringify(tree, { indent: o.indent, collectionStyle: o.collectionStyle, defaultStringType: o.defaultStringType, lineWidth: o.lineWidth, version: o.version } as never);
  return (o.bom ? '\ufeff' : '') + (o.crlf ? yaml.replaceAll('\n', '\r\n') : yaml);
});

describe('fuzzing', () => {
  it('survives arbitrary strings (any code point, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkText(s)), runs(200));
  }, 60_000);

  it('survives strings built from YAML tokens', () => {
    fc.assert(fc.property(yamlish, (s) => checkText(s)), runs(200));
  }, 60_000);

  it('reads every serialized houston values tree without a syntax error, and --fix keeps it valid and is idempotent', () => {
    fc.assert(
      fc.property(serialized, (yaml) => {
        const result = lint(yaml);
        const syntax = result.messages.filter((m) => m.ruleId === 'yaml-syntax');
        if (syntax.length) throw new Error(`yaml-syntax on serialized values: ${syntax.map((m) => m.message).join(' | ')}\n${yaml}`);
        checkText(yaml, result);
      }),
      runs(80),
    );
  }, 120_000);

  it('prints the seed of a failing run (fast-check reports it, so a failure can be replayed)', () => {
    const failing = fc.check(fc.property(fc.integer(), (n) => n < 1000), runs(100));
    expect(failing.failed).toBe(true);
    expect(fc.defaultReportMessage(failing)).toContain(`seed: ${SEED}`);
  });
});
