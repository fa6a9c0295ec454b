// One bounded HTTPS GET of a JSON document: timeout, size cap, private CAs, CONNECT tunnelling through an http:// proxy, one-line errors.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ProxyChoice } from './proxy.js';

export interface FetchOptions {
  /** Whole request budget (connect, tunnel, TLS, response), in milliseconds. */
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to Node's built-in roots. */
  ca?: string;
  proxy?: ProxyChoice;
  /** Largest body read (default 1 MiB). */
  maxBytes?: number;
}

export type FetchResult = { ok: true; json: Record<string, unknown> } | { ok: false; error: string };

const DEFAULT_MAX_BYTES = 1024 * 1024;

const TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/** A network failure as one line, never with response content. */
export function describeError(err: unknown, timeoutMs: number): string {
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = e?.code ?? '';
  if (code === 'ETIMEDOUT_HL') return `timed out after ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (DNS)';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset by the server';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code === 'ETIMEDOUT') return 'connection timed out';
  if (TRUST_CODES.has(code)) return 'certificate not trusted (use --ca-file)';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'certificate does not match the host name';
  if (code === 'CERT_HAS_EXPIRED') return 'certificate expired';
  if (code === 'CERT_NOT_YET_VALID') return 'certificate not yet valid';
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || /wrong version number|packet length too long/i.test(e?.message ?? '')) {
    return 'TLS handshake failed (is it an https:// server?)';
  }
  if (code) return `network error ${code}`;
  return 'network error';
}

class Failure extends Error {
  constructor(readonly line: string) {
    super(line);
  }
}

/** GETs `url` (https only) and parses the body as a JSON object. Never throws. */
export function fetchJson(url: string, options: FetchOptions): Promise<FetchResult> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.resolve({ ok: false, error: `not fetched: ${target.protocol}// is not https://` });
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || 443);
  const ca = options.ca ? [...rootCertificates, options.ca] : undefined;
  const servername = isIP(host) ? undefined : host;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cleanups: (() => void)[] = [];

  return new Promise<FetchResult>((resolve) => {
    let settled = false;
    const finish = (r: FetchResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const c of cleanups) c();
      resolve(r);
    };
    const fail = (err: unknown) => finish({ ok: false, error: err instanceof Failure ? err.line : describeError(err, options.timeoutMs) });
    const timer = setTimeout(() => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_HL' })), options.timeoutMs);

    const get = (socket?: Socket) => {
      const headers = { accept: 'application/json', 'user-agent': 'houston-lint (discovery check)' };
      const req: ClientRequest = httpsRequest({
        host,
        port,
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers: { ...headers, host: target.host },
        agent: false,
        ...(ca ? { ca } : {}),
        ...(servername ? { servername } : {}),
        ...(socket ? { createConnection: () => tlsConnect({ socket, ...(servername ? { servername } : {}), ...(ca ? { ca } : {}) }) } : {}),
      });
      cleanups.push(() => req.destroy());
      req.on('error', fail);
      req.on('response', (res) => readBody(res, maxBytes, finish, fail));
      req.end();
    };

    if (!options.proxy) {
      get();
      return;
    }
    const proxy = options.proxy.url;
    const authority = `${target.hostname}:${port}`;
    const headers: Record<string, string> = { host: authority };
    if (proxy.username) {
      const cred = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(cred).toString('base64')}`;
    }
    const connectReq = httpRequest({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.port || 80), method: 'CONNECT', path: authority, headers, agent: false });
    cleanups.push(() => connectReq.destroy());
    connectReq.on('error', (err) => fail(new Failure(`proxy ${options.proxy!.label}: ${describeError(err, options.timeoutMs)}`)));
    connectReq.on('connect', (res: IncomingMessage, socket: Socket) => {
      cleanups.push(() => socket.destroy());
      if (res.statusCode !== 200) {
        fail(new Failure(`proxy ${options.proxy!.label} refused the tunnel (HTTP ${res.statusCode ?? '?'})`));
        return;
      }
      get(socket);
    });
    connectReq.end();
  });
}

function readBody(res: IncomingMessage, maxBytes: number, finish: (r: FetchResult) => void, fail: (err: unknown) => void): void {
  const status = res.statusCode ?? 0;
  if (status !== 200) {
    res.resume();
    const redirect = status >= 300 && status < 400 && typeof res.headers.location === 'string' ? ` (a redirect; use the final URL)` : '';
    fail(new Failure(`HTTP ${status}${redirect}`));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      fail(new Failure(`response larger than ${maxBytes} bytes`));
      res.destroy();
      return;
    }
    chunks.push(chunk);
  });
  res.on('error', fail);
  res.on('end', () => {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      fail(new Failure('the response is not JSON'));
      return;
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(new Failure('the response is not a JSON object'));
    else finish({ ok: true, json: json as Record<string, unknown> });
  });
}
