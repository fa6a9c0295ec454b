// Loopback servers for the discovery tests: real oidc-provider IdPs over https (test CA) and http, a CONNECT proxy that counts tunnels, a silent server, a closed port.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';

export interface TestCa {
  dir: string;
  caFile: string;
  key: string;
  cert: string;
}

/** A throw-away CA and a server certificate for 127.0.0.1/localhost, made with the openssl CLI. */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'houston-lint-ca-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=houston-lint test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
  return { dir, caFile: join(dir, 'ca.pem'), key: readFileSync(join(dir, 'server.key'), 'utf8'), cert: readFileSync(join(dir, 'server.pem'), 'utf8') };
}

export function removeCa(ca: TestCa | undefined): void {
  if (ca) rmSync(ca.dir, { recursive: true, force: true });
}

/** Everything a test started, closed in afterAll. */
export class Servers {
  private readonly open: (Server | TcpServer)[] = [];
  private readonly sockets = new Set<Socket>();

  track<T extends Server | TcpServer>(server: T): T {
    this.open.push(server);
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    return server;
  }

  async closeAll(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.open.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    this.open.length = 0;
  }
}

export function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** oidc-provider's storage interface, in memory (discovery needs none of it; this keeps the provider quiet). */
class MemoryAdapter {
  private static store = new Map<string, unknown>();
  constructor(private readonly model: string) {}
  private key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: unknown) {
    MemoryAdapter.store.set(this.key(id), payload);
  }
  async find(id: string) {
    return MemoryAdapter.store.get(this.key(id)) as never;
  }
  async findByUserCode() {
    return undefined;
  }
  async findByUid() {
    return undefined;
  }
  async consume() {}
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId() {}
}

const jwks = (() => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: 'test-key', use: 'sig', alg: 'RS256' }] };
})();

export interface IdpOptions {
  /** Issuer the provider announces; default: the URL it is served at. */
  issuer?: (origin: string) => string;
  responseTypes?: string[];
  /** Serve over https with this CA's certificate; plain http otherwise. */
  tls?: TestCa;
}

export interface Idp {
  origin: string;
  port: number;
  requests: string[];
}

/** A real OpenID provider (npm oidc-provider) on 127.0.0.1. */
export async function startIdp(servers: Servers, options: IdpOptions = {}): Promise<Idp> {
  const requests: string[] = [];
  let handler: RequestListener = (_req, res) => res.end();
  const listener: RequestListener = (req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  };
  const server = servers.track(options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener));
  const port = await listen(server);
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const provider = new Provider(options.issuer ? options.issuer(origin) : origin, {
    adapter: MemoryAdapter as never,
    jwks: jwks as never,
    responseTypes: options.responseTypes ?? ['code', 'id_token token', 'id_token', 'code id_token'],
    clients: [{ client_id: 'houston', client_secret: 'test-only', redirect_uris: ['https://houston.example.test/v1/oauth/callback/'] }],
  });
  handler = provider.callback() as RequestListener;
  return { origin, port, requests };
}

/** A hand-written discovery document (for cases no real provider produces: http endpoints, an empty JWKS). */
export async function startStaticIdp(servers: Servers, tls: TestCa, document: (origin: string) => Record<string, unknown>, keys: unknown[]): Promise<Idp> {
  const requests: string[] = [];
  let origin = '';
  const server = servers.track(
    createHttpsServer({ key: tls.key, cert: tls.cert }, (req: IncomingMessage, res: ServerResponse) => {
      requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify(document(origin)));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys }));
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    }),
  );
  const port = await listen(server);
  origin = `https://127.0.0.1:${port}`;
  return { origin, port, requests };
}

export interface CountingServer {
  port: number;
  connections: () => number;
}

/** Accepts TCP connections, counts them and never answers (a hung IdP; also the "no socket opened" witness). */
export async function startSilentServer(servers: Servers): Promise<CountingServer> {
  let count = 0;
  const server = servers.track(createTcpServer(() => void count++));
  const port = await listen(server);
  return { port, connections: () => count };
}

/** A port nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Proxy {
  port: number;
  tunnels: string[];
}

/** An HTTP CONNECT proxy on 127.0.0.1 that records every tunnel's target; `refuse` answers 403 instead. */
export async function startProxy(servers: Servers, options: { refuse?: boolean } = {}): Promise<Proxy> {
  const tunnels: string[] = [];
  const server = servers.track(createHttpServer((_req, res) => res.writeHead(405).end()));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    if (options.refuse) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  const port = await listen(server);
  return { port, tunnels };
}
