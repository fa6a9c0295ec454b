// The network check is opt-in: linting (CLI or lintText) opens no socket, even with the rule switched on, until the network step runs.
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildHoustonModel } from '../../src/houston-model.js';
import { lintText } from '../../src/linter.js';
import { loadValues } from '../../src/load-values.js';
import { checkDiscovery } from '../../src/online/discovery.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { Servers, startSilentServer } from './servers.js';

const servers = new Servers();
afterAll(() => servers.closeAll());

const values = (port: number) =>
  [
    'astronomer:',
    '  houston:',
    '    config:',
    '      auth:',
    '        openidConnect:',
    '          okta:',
    '            enabled: true',
    '            clientId: houston',
    `            discoveryUrl: https://127.0.0.1:${port}`,
    '          google:',
    '            enabled: true',
    '            clientId: also-set',
    `            discoveryUrl: https://127.0.0.1:${port}/google`,
    '',
  ].join('\n');

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('without --online no socket is opened', { timeout: 20_000 }, () => {
  it('the CLI lints a file whose discoveryUrl points at a live local server without connecting to it', async () => {
    const server = await startSilentServer(servers);
    const dir = tempDir({ 'values.yaml': values(server.port) });
    const plain = await cli([join(dir, 'values.yaml')]);
    const ruleOn = await cli([join(dir, 'values.yaml'), '--rule', 'discovery-online:error']);
    await settle();
    expect(plain.code).toBeLessThan(2);
    expect(ruleOn.code).toBe(plain.code);
    expect(ruleOn.stdout).not.toContain('discovery-online');
    expect(server.connections()).toBe(0);
  });

  it('lintText never calls net.Socket.prototype.connect; the network step does (so the spy would see it)', async () => {
    const server = await startSilentServer(servers);
    const text = values(server.port);
    const spy = vi.spyOn(net.Socket.prototype, 'connect');
    try {
      const result = lintText(text, { rules: { 'discovery-online': 'error' } });
      expect(result.messages.filter((m) => m.ruleId === 'discovery-online')).toEqual([]);
      expect(spy).not.toHaveBeenCalled();
      await checkDiscovery(buildHoustonModel(loadValues('v.yaml', text).values), { env: {}, timeoutMs: 200 });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    await settle();
    expect(server.connections()).toBe(2);
  });
});
