// Which HTTPS proxy the discovery check goes through: this machine's environment first, then Houston's own (global-agent) variables from the values.
import type { HoustonModel } from '../houston-model.js';

export interface ProxyChoice {
  /** The proxy URL (may carry credentials: never print it, print `label`). */
  url: URL;
  /** `host:port` and where it came from, without credentials. */
  label: string;
}

/** A proxy setting that cannot be used (wrong scheme, not a URL): every request through it fails with this. */
export interface ProxyProblem {
  error: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Variables read from this machine's environment, in order: the first non-empty one wins. */
const PROCESS_PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'GLOBAL_AGENT_HTTPS_PROXY', 'GLOBAL_AGENT_HTTP_PROXY'];
const PROCESS_NO_PROXY_VARS = ['NO_PROXY', 'no_proxy', 'GLOBAL_AGENT_NO_PROXY'];
/** global-agent (what Houston uses): the HTTP proxy also carries https when no HTTPS proxy is set. */
const HOUSTON_PROXY_VARS = ['GLOBAL_AGENT_HTTPS_PROXY', 'GLOBAL_AGENT_HTTP_PROXY'];

/** `houston.env` entries with a literal value, last one of a name winning (as in a pod spec). */
function valuesEnv(model: HoustonModel): Map<string, { value: string; index: number }> {
  const out = new Map<string, { value: string; index: number }>();
  for (const e of model.env) {
    const { name, value } = e.entry as { name?: unknown; value?: unknown };
    if (typeof name !== 'string') continue;
    if (value === undefined || value === null || typeof value === 'object') out.delete(name);
    else out.set(name, { value: String(value), index: e.index });
  }
  // A `houston.secret` entry of the same name comes later in the pod spec and wins; its value is not readable here.
  for (const s of model.secrets) if (typeof s.entry.envName === 'string') out.delete(s.entry.envName);
  return out;
}

/** True when `host` (and `port`) is excluded by a NO_PROXY list: `*`, `example.com`, `.example.com`, `*.example.com`, `host:port`. */
export function noProxyMatches(list: string, host: string, port: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of list.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitHostPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = name.replace(/^\*?\./, '');
    if (domain !== '' && (h === domain || h.endsWith(`.${domain}`))) return true;
  }
  return false;
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address. */
function splitHostPort(entry: string): { name: string; entryPort?: string } {
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(entry);
  if (v6) return v6[2] !== undefined ? { name: v6[1]!, entryPort: v6[2] } : { name: v6[1]! };
  const m = /^([^:]*):(\d+)$/.exec(entry);
  return m ? { name: m[1]!, entryPort: m[2]! } : { name: entry };
}

function parseProxy(value: string, label: string): ProxyChoice | ProxyProblem {
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    return { error: `the proxy setting ${label} is not a URL` };
  }
  if (url.protocol !== 'http:') return { error: `the proxy ${url.host} (${label}) uses ${url.protocol}//; only http:// proxies (CONNECT) are supported` };
  const port = url.port || '80';
  return { url, label: `${url.hostname}:${port} from ${label}` };
}

/**
 * The proxy for an https request to `target`, or undefined for a direct connection. This machine's
 * `HTTPS_PROXY`/`https_proxy`/`GLOBAL_AGENT_HTTPS_PROXY` (with `NO_PROXY`/`no_proxy`/`GLOBAL_AGENT_NO_PROXY`) wins;
 * without one, the values' `houston.env` `GLOBAL_AGENT_HTTPS_PROXY`/`GLOBAL_AGENT_HTTP_PROXY` (with
 * `GLOBAL_AGENT_NO_PROXY`) are used, as Houston itself would.
 */
export function chooseProxy(target: URL, env: Env, model: HoustonModel): ProxyChoice | ProxyProblem | undefined {
  const port = target.port || '443';
  const fromProcess = PROCESS_PROXY_VARS.find((n) => (env[n] ?? '').trim() !== '');
  if (fromProcess) {
    const noProxy = PROCESS_NO_PROXY_VARS.map((n) => env[n] ?? '').join(',');
    if (noProxyMatches(noProxy, target.hostname, port)) return undefined;
    return parseProxy(env[fromProcess]!.trim(), `${fromProcess} in the environment`);
  }
  const houston = valuesEnv(model);
  const name = HOUSTON_PROXY_VARS.find((n) => (houston.get(n)?.value ?? '').trim() !== '');
  if (!name) return undefined;
  const entry = houston.get(name)!;
  if (noProxyMatches(houston.get('GLOBAL_AGENT_NO_PROXY')?.value ?? '', target.hostname, port)) return undefined;
  return parseProxy(entry.value.trim(), `houston.env[${entry.index}] ${name}`);
}
