// --online through the CLI: the discovery check runs against a real provider on 127.0.0.1, and only when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { makeTestCa, removeCa, Servers, startIdp } from './servers.js';
import type { Idp, TestCa } from './servers.js';

const servers = new Servers();
let ca: TestCa;
let idp: Idp;
let wrongIssuer: Idp;

beforeAll(async () => {
  ca = makeTestCa();
  idp = await startIdp(servers, { tls: ca });
  wrongIssuer = await startIdp(servers, { tls: ca, issuer: () => 'https://someone-else.example.test' });
}, 30_000);

afterAll(async () => {
  await servers.closeAll();
  removeCa(ca);
});

const values = (url: string) =>
  `global:\n  baseDomain: astro.acme-corp.io\nastronomer:\n  houston:\n    config:\n      auth:\n        github:\n          enabled: false\n        openidConnect:\n          google:\n            enabled: false\n          okta:\n            enabled: true\n            clientId: houston\n            discoveryUrl: ${url}\n`;

describe('--online', () => {
  it('opens no connection without --online', async () => {
    const before = idp.requests.length;
    const r = await cli(['v.yaml'], { cwd: tempDir({ 'v.yaml': values(idp.origin) }) });
    expect(r.code).toBe(0);
    expect(idp.requests.length).toBe(before);
  });
  it('passes against a correct provider when its CA is trusted', async () => {
    const r = await cli(['v.yaml', '--online', '--ca-file', ca.caFile], { cwd: tempDir({ 'v.yaml': values(idp.origin) }) });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  }, 20_000);
  it('reports an untrusted certificate and a wrong issuer at the discoveryUrl', async () => {
    const untrusted = await cli(['v.yaml', '--online', '--format', 'json'], { cwd: tempDir({ 'v.yaml': values(idp.origin) }) });
    expect(untrusted.code).toBe(1);
    const [u] = JSON.parse(untrusted.stdout);
    expect(u.messages).toEqual([expect.objectContaining({ ruleId: 'discovery-online', line: 15, column: 27, message: expect.stringContaining('certificate not trusted (use --ca-file)') })]);
    const wrong = await cli(['v.yaml', '--online', '--ca-file', ca.caFile, '--format', 'json'], { cwd: tempDir({ 'v.yaml': values(wrongIssuer.origin) }) });
    expect(JSON.parse(wrong.stdout)[0].messages.map((m: { messageId: string }) => m.messageId)).toEqual(['issuerMismatch']);
  }, 20_000);
  it('rejects --ca-file and --timeout without --online, and a bad timeout', async () => {
    expect((await cli(['v.yaml', '--ca-file', ca.caFile], { cwd: tempDir({ 'v.yaml': 'a: 1\n' }) })).code).toBe(2);
    expect((await cli(['v.yaml', '--online', '--timeout', 'soon'], { cwd: tempDir({ 'v.yaml': 'a: 1\n' }) })).code).toBe(2);
  });
});
