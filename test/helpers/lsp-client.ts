// A small LSP client over stdio that drives the real yaml-language-server from tests, with no network allowed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node.js';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { REPO } from './paths.js';

export const SERVER_BIN = join(REPO, 'node_modules/yaml-language-server/bin/yaml-language-server');

/** Printed on stderr by the server process whenever anything in it tries to open a socket (which then fails). */
export const NETWORK_MARKER = 'HOUSTON_LINT_TEST_NETWORK_ATTEMPT';

/** Preloaded into the server: every outgoing TCP/TLS connection (http, https, fetch) is refused and logged. */
const NO_NETWORK = `
import net from 'node:net';
net.Socket.prototype.connect = function (...args) {
  const o = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = typeof o === 'object' && o !== null ? (o.path ?? (o.host ?? '') + ':' + (o.port ?? '')) : String(o);
  process.stderr.write('${NETWORK_MARKER} ' + target + '\\n');
  throw new Error('network access is disabled in houston-lint tests');
};
`;

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface LspDiagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
}
export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | { kind: string; value: string };
  insertText?: string;
  insertTextFormat?: number;
  textEdit?: { newText: string; range?: Range };
}
export interface Hover {
  contents: { kind: string; value: string } | string | (string | { language: string; value: string })[];
  range?: Range;
}

/** The LSP `yaml` settings section (also served to `workspace/configuration`). */
export type YamlSettings = Record<string, unknown>;

export interface YamlServer {
  /** Sends `workspace/didChangeConfiguration` and serves these settings to the server's configuration pulls. */
  configure(yaml: YamlSettings): Promise<void>;
  /** Opens a document and resolves with its first published diagnostics. Close it with `close`. */
  open(uri: string, text: string): Promise<LspDiagnostic[]>;
  /** Opens a document without waiting for its diagnostics (for completion and hover). */
  openOnly(uri: string, text: string): Promise<void>;
  close(uri: string): void;
  completion(uri: string, position: Position): Promise<CompletionItem[]>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  /** Everything the server wrote to stderr (and `window/logMessage`) so far. */
  stderr(): string;
  /** `telemetry/event`s so far: the server reports errors it swallows (e.g. `yaml.completion.error`) only here. */
  telemetry(): { name?: string; properties?: unknown }[];
  /** `shutdown` then `exit`; kills the process if it does not end in time. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Initial `yaml` settings, served before any document is opened. */
  yaml: YamlSettings;
  /** Milliseconds to wait for any single response (default 10 s). */
  timeoutMs?: number;
  rootUri?: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, stderr: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`yaml-language-server: no answer to ${what} within ${ms} ms. stderr:\n${stderr().slice(-2000)}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Spawns `yaml-language-server --stdio`, runs `initialize`/`initialized` and applies the initial settings. */
export async function startYamlServer(options: StartOptions): Promise<YamlServer> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(NO_NETWORK)}`, SERVER_BIN, '--stdio'],
    { cwd: REPO, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => void (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  const getStderr = () => stderr;
  /** A request's answer, or a clear error when it takes too long or the server dies. */
  const timed = <T>(p: Promise<T>, what: string) =>
    withTimeout(
      Promise.race([p, exited.then(() => Promise.reject(new Error(`yaml-language-server exited while waiting for ${what}. stderr:\n${stderr.slice(-2000)}`)))]),
      timeoutMs,
      what,
      getStderr,
    );

  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let settings: YamlSettings = options.yaml;
  /** Resolved when the server next pulls the `yaml` section (it does so after every didChangeConfiguration). */
  let onPull: (() => void) | undefined;
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    const answer = params.items.map((item) => (item.section === 'yaml' ? settings : item.section === 'editor' ? { tabSize: 2, detectIndentation: false } : null));
    if (params.items.some((item) => item.section === 'yaml')) setImmediate(() => onPull?.());
    return answer;
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  const waiters = new Map<string, (d: LspDiagnostic[]) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
    const waiter = waiters.get(p.uri);
    if (waiter) {
      waiters.delete(p.uri);
      waiter(p.diagnostics);
    }
  });
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => void (stderr += `[log ${p.type}] ${p.message}\n`));
  const events: { name?: string; properties?: unknown }[] = [];
  connection.onNotification('telemetry/event', (p: { name?: string; properties?: unknown }) => void events.push(p));
  connection.onError(([err]) => void (stderr += `\n[connection error] ${err.message}`));
  connection.listen();

  const initialize = async () => {
    await timed(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: options.rootUri ?? null,
        workspaceFolders: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            completion: {
              completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true },
              contextSupport: true,
            },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: { relatedInformation: false },
          },
        },
        initializationOptions: {},
      }),
      'initialize',
    );
    await connection.sendNotification('initialized', {});
  };

  const server: YamlServer = {
    async configure(yaml) {
      settings = yaml;
      const pulled = new Promise<void>((resolve) => (onPull = resolve));
      await connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
      await timed(pulled, 'the configuration pull after didChangeConfiguration');
      onPull = undefined;
    },
    async open(uri, text) {
      const diagnostics = new Promise<LspDiagnostic[]>((resolve) => waiters.set(uri, resolve));
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return timed(diagnostics, `diagnostics for ${uri}`);
    },
    async openOnly(uri, text) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    },
    close(uri) {
      waiters.delete(uri);
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async completion(uri, position) {
      const r = await timed(
        connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position }),
        `completion at ${uri}:${position.line}:${position.character}`,
      );
      return Array.isArray(r) ? r : (r?.items ?? []);
    },
    hover(uri, position) {
      return timed(connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }), `hover at ${uri}:${position.line}:${position.character}`);
    },
    stderr: getStderr,
    telemetry: () => [...events],
    async stop() {
      if (alive) {
        try {
          await withTimeout(connection.sendRequest('shutdown'), 3000, 'shutdown', getStderr);
          await connection.sendNotification('exit');
          await withTimeout(exited, 3000, 'exit', getStderr);
        } catch {
          // fall through to kill
        }
      }
      connection.dispose();
      if (alive) child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await initialize();
    await server.configure(options.yaml);
  } catch (err) {
    connection.dispose();
    child.kill('SIGKILL');
    throw err;
  }
  return server;
}

/** The plain text of a hover. */
export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

/** Splits a document written with one `§` cursor marker into its text and the cursor's 0-based position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('§');
  if (at < 0 || marked.indexOf('§', at + 1) >= 0) throw new Error('withCursor: the text needs exactly one § marker');
  const before = marked.slice(0, at).split('\n');
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/** Zero-based position of `needle` (its first character, plus `offset`) on the first line that contains it. */
export function positionOf(text: string, needle: string, offset = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`positionOf: ${JSON.stringify(needle)} not found`);
  return { line, character: lines[line]!.indexOf(needle) + offset };
}
