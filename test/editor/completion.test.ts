// The schema in a real editor: completion, hover and diagnostics from yaml-language-server over LSP stdio.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_MARKER, hoverText, positionOf, startYamlServer, withCursor } from '../helpers/lsp-client.js';
import { REPO } from '../helpers/paths.js';
import type { CompletionItem, LspDiagnostic, YamlServer } from '../helpers/lsp-client.js';

const SCHEMA_FILE = join(REPO, 'schema/houston-values.schema.json');
const SCHEMA_URI = pathToFileURL(SCHEMA_FILE).href;
/** Documents live beside the schema's directory so a relative modeline resolves; none of them exist on disk. */
const DOC_DIR = pathToFileURL(join(REPO, 'fixtures')).href;
const SNIPPET = 2; // InsertTextFormat.Snippet

let server: YamlServer;
let docs = 0;

beforeAll(async () => {
  server = await startYamlServer({
    yaml: {
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      validate: true,
      hover: true,
      completion: true,
      yamlVersion: '1.1',
      schemas: { [SCHEMA_URI]: ['*.yaml'] },
    },
  });
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

/** Opens `text` as a fresh document, runs `fn`, closes it. */
async function withDoc<T>(text: string, fn: (uri: string, diagnostics: LspDiagnostic[]) => Promise<T>, ext = 'yaml'): Promise<T> {
  const uri = `${DOC_DIR}/editor-test-${++docs}.${ext}`;
  const diagnostics = await server.open(uri, text);
  try {
    return await fn(uri, diagnostics);
  } finally {
    server.close(uri);
  }
}

/** Opens `text` without waiting for validation, runs `fn`, closes it. */
async function withQuietDoc<T>(text: string, fn: (uri: string) => Promise<T>): Promise<T> {
  const uri = `${DOC_DIR}/editor-test-${++docs}.yaml`;
  await server.openOnly(uri, text);
  try {
    return await fn(uri);
  } finally {
    server.close(uri);
  }
}

async function complete(marked: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(marked);
  return withQuietDoc(text, (uri) => server.completion(uri, position));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const insert = (item: CompletionItem | undefined) => item?.insertText ?? item?.textEdit?.newText ?? '';
const schemaDiagnostics = (d: LspDiagnostic[]) =>
  d.filter((x) => x.source?.startsWith('yaml-schema')).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

const OIDC = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n';

describe('completion', () => {
  it('under openidConnect: offers every known provider, the OIDC settings and full provider snippets', async () => {
    const items = await complete(`${OIDC}          §\n`);
    expect(labels(items)).toEqual(expect.arrayContaining(['google', 'microsoft', 'okta', 'auth0', 'adfs', 'custom']));
    expect(labels(items)).toEqual(
      expect.arrayContaining(['flow', 'clockTolerance', 'idpGroupsImport', 'idpGroupsRefresh', 'teamFilterRegex', 'manageSystemPermissionsViaIdpGroups']),
    );
    expect(labels(items)).not.toContain('github'); // auth.github, not an OIDC provider
    const okta = items.find((i) => i.label === 'Okta provider');
    expect(okta?.insertTextFormat).toBe(SNIPPET);
    expect(insert(okta)).toBe(
      'google:\n  enabled: false\nokta:\n  enabled: true\n  clientId: ${1:okta-client-id}\n' +
        '  discoveryUrl: https://${2:your-org.okta.com}/oauth2/default/.well-known/openid-configuration',
    );
    expect(insert(items.find((i) => i.label === 'Microsoft Entra ID provider'))).toContain('discoveryUrl: https://login.microsoftonline.com/${2:tenant-id}/v2.0/');
    expect(insert(items.find((i) => i.label === 'Generic OIDC provider (e.g. cognito)'))).toMatch(/^\$\{1:cognito\}:\n {2}enabled: true\n/);
    expect(insert(items.find((i) => i.label === 'okta'))).toBe('okta:\n  ');
  });

  it('a partly typed key still gets the whole list (the editor filters it)', async () => {
    expect(labels(await complete(`${OIDC}          mic§\n`))).toEqual(expect.arrayContaining(['microsoft', 'flow']));
  });

  it('after `flow: ` offers exactly `code` and `implicit`', async () => {
    const items = await complete(`${OIDC}          flow: §\n`);
    expect(labels(items).sort()).toEqual(['code', 'implicit']);
  });

  it('inside a provider block offers the provider keys', async () => {
    const items = await complete(`${OIDC}          okta:\n            §\n`);
    expect(labels(items)).toEqual(
      expect.arrayContaining(['enabled', 'clientId', 'clientSecret', 'discoveryUrl', 'displayName', 'authUrlParams', 'claimsMapping', 'scimAuthCode']),
    );
    expect(insert(items.find((i) => i.label === 'discoveryUrl'))).toBe('discoveryUrl: ${1:https://your-org.okta.com/oauth2/default/.well-known/openid-configuration}');
    // a free-form provider has the same keys
    expect(labels(await complete(`${OIDC}          cognito:\n            §\n`))).toEqual(expect.arrayContaining(['enabled', 'clientId', 'discoveryUrl']));
  });

  it('`enabled:` of a provider offers the booleans; authUrlParams offers labelled snippets', async () => {
    expect(labels(await complete(`${OIDC}          okta:\n            enabled: §\n`))).toEqual(expect.arrayContaining(['true', 'false']));
    const params = await complete(`${OIDC}          okta:\n            authUrlParams: §\n`);
    expect(labels(params)).toEqual(expect.arrayContaining(['audience', 'response_type: token (Cognito)']));
    expect(labels(params).join(' ')).not.toContain('[object Object]');
  });

  it('under auth: offers only local, github, ldap and openidConnect', async () => {
    const items = await complete('astronomer:\n  houston:\n    config:\n      auth:\n        §\n');
    expect(labels(items).sort()).toEqual(['github', 'ldap', 'local', 'openidConnect']);
  });

  it('under houston (umbrella and subchart file): config, secret and env', async () => {
    // yaml-language-server 1.25 threw while building `config:` when a string-typed key had `default: null`
    expect(labels(await complete('astronomer:\n  houston:\n    §\n')).sort()).toEqual(['config', 'env', 'secret']);
    expect(labels(await complete('houston:\n  §\n')).sort()).toEqual(['config', 'env', 'secret']);
  });

  it('`secret:` offers whole list entries, and an entry offers the secret snippet', async () => {
    const list = await complete('astronomer:\n  houston:\n    secret:\n      §\n');
    expect(insert(list.find((i) => i.label === 'OIDC client secret from a Kubernetes Secret'))).toBe(
      '\n  - envName: AUTH__OPENID_CONNECT__${1:OKTA}__CLIENT_SECRET\n    secretName: ${2:okta-secret}\n    secretKey: ${3:okta_client_secret}',
    );
    const entry = await complete('astronomer:\n  houston:\n    secret:\n      - §\n');
    const snippet = entry.find((i) => i.label === 'Secret-backed env var');
    expect(snippet?.insertTextFormat).toBe(SNIPPET);
    expect(insert(snippet)).toBe('envName: ${1:AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET}\n  secretName: ${2:okta-secret}\n  secretKey: ${3:okta_client_secret}');
    expect(labels(entry)).toEqual(expect.arrayContaining(['envName', 'secretName', 'secretKey']));
    expect(labels(await complete('astronomer:\n  houston:\n    env:\n      §\n'))).toContain('HTTPS proxy for Houston');
  });

  it('the server swallowed no completion errors', () => {
    expect(server.telemetry().filter((e) => /error/i.test(e.name ?? ''))).toEqual([]);
  });
});

describe('hover', () => {
  const text = `${OIDC}          flow: code\n          okta:\n            discoveryUrl: https://example.okta.com\n`;

  it('on `discoveryUrl` shows its description', async () => {
    const shown = await withQuietDoc(text, async (uri) => hoverText(await server.hover(uri, positionOf(text, 'discoveryUrl', 3))));
    expect(shown).toContain('OIDC discovery URL: the issuer');
    expect(shown).toContain('Must be https.');
  });

  it('on `flow` and on a provider key shows theirs', async () => {
    const flow = await withQuietDoc(text, async (uri) => hoverText(await server.hover(uri, positionOf(text, 'flow', 1))));
    expect(flow).toContain('OAuth flow for ALL OIDC providers');
    const okta = await withQuietDoc(text, async (uri) => hoverText(await server.hover(uri, positionOf(text, 'okta:', 1))));
    expect(okta).toContain('Okta. discoveryUrl:');
  });
});

describe('diagnostics (textDocument/publishDiagnostics)', () => {
  it('`enabled: "false"` is a type error and `flow: impicit` is not an allowed value', async () => {
    const text = `${OIDC}          flow: impicit\n          okta:\n            enabled: "false"\n`;
    const d = await withDoc(text, async (_uri, diagnostics) => schemaDiagnostics(diagnostics));
    expect(d.map((x) => ({ line: x.range.start.line, character: x.range.start.character, message: x.message }))).toEqual([
      { line: 5, character: 16, message: 'Value is not accepted. Valid values: "implicit", "code".' },
      { line: 7, character: 21, message: 'Incorrect type. Expected one of boolean, null.' },
    ]);
  });

  it('a misplaced provider (auth.okta) and a misspelt key are reported', async () => {
    const text = 'astronomer:\n  houston:\n    config:\n      auth:\n        okta:\n          enabled: true\n        openidConnect:\n          okta:\n            discoveryURL: https://x\n';
    const d = await withDoc(text, async (_uri, diagnostics) => schemaDiagnostics(diagnostics));
    expect(d.map((x) => [x.range.start.line, x.message])).toEqual([
      [4, 'Property okta is not allowed.'],
      [8, 'Property discoveryURL is not allowed.'],
    ]);
  });

  it('a correct block has none, and YAML 1.1 `yes` is a boolean (yamlVersion 1.1)', async () => {
    const text = `${OIDC}          flow: code\n          okta:\n            enabled: yes\n            clientId: abc\n            discoveryUrl: https://x\n`;
    expect(await withDoc(text, async (_uri, d) => d)).toEqual([]);
  });

  it('the modeline associates the schema with a file no setting maps', async () => {
    const text = `${OIDC}          okta:\n            enabled: "false"\n`;
    expect(await withDoc(text, async (_uri, d) => d, 'yml')).toEqual([]); // *.yml is not mapped
    const withModeline = `# yaml-language-server: $schema=../schema/houston-values.schema.json\n${text}`;
    const d = await withDoc(withModeline, async (_uri, diagnostics) => schemaDiagnostics(diagnostics), 'yml');
    expect(d.map((x) => [x.range.start.line, x.message])).toEqual([[7, 'Incorrect type. Expected one of boolean, null.']]);
  });
});

describe('no network', () => {
  it('nothing tried to open a socket', () => {
    expect(server.stderr()).not.toContain(NETWORK_MARKER);
  });

  it('the guard works: an http schema is refused and logged', async () => {
    const text = '# yaml-language-server: $schema=http://127.0.0.1:9/houston.json\nastronomer: {}\n';
    const d = await withDoc(text, async (_uri, diagnostics) => diagnostics);
    expect(server.stderr()).toContain(`${NETWORK_MARKER} 127.0.0.1:9`);
    expect(d.map((x) => x.message).join('\n')).toMatch(/Unable to load schema/);
  });
});
