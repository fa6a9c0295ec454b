// Reports a Houston OAuth redirect/callback URL without its trailing slash, on the wrong host, over http or with a port.
import { defineRule } from '../src/rule.js';
import { valueOffset } from '../src/scalar-offset.js';
import { isSecretEnvName, isSecretKey } from '../src/secret-keys.js';
import { getAt, isRecord } from '../src/values-path.js';
import { walkStrings } from '../src/walk-values.js';
import type { ValuesPath } from '../src/types.js';

/**
 * A Houston OAuth URL inside any string: optional scheme, authority (host, maybe a port), then
 * `/v1/oauth/redirect` or `/v1/oauth/callback`, then the character after it (a `/` or not).
 */
const OAUTH_URL = /(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^\s"'`/?#,;=&()[\]{}]*)\/v1\/oauth\/(redirect|callback)(?![A-Za-z0-9_-])(\/?)/g;

/** `global.baseDomain` as a bare lower-case host, when it is one. */
function bareDomain(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const d = value.trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(d) ? d : undefined;
}

export default defineRule({
  meta: {
    id: 'redirect-uri-trailing-slash',
    description: 'A Houston OAuth redirect or callback URL (`…/v1/oauth/redirect/`, `…/v1/oauth/callback/`) without its trailing slash, on a host other than `houston.<baseDomain>`, over http, or with a port.',
    severity: 'error',
    fixable: true,
    messages: {
      missingSlash:
        'The Houston {{kind}} URL has no trailing `/`. Identity providers compare redirect URIs exactly, and Houston’s URL ends in `/v1/oauth/{{kind}}/`, so login fails with a redirect_uri mismatch; add the `/`.',
      wrongHost:
        'The Houston {{kind}} URL is on `{{host}}`, but Houston is served at `houston.{{baseDomain}}` (only that host routes to Houston, and Houston sends that host in its redirect URIs); use `houston.{{baseDomain}}`.',
      notHttps:
        'The Houston {{kind}} URL uses {{scheme}}://. Houston sends `https://houston.<baseDomain>/…` as its redirect URI, so the identity provider rejects the mismatch; use https://.',
      port: 'The Houston {{kind}} URL has port `{{port}}`. Houston’s redirect URIs have no port (8871 is the container port, not exposed by the ingress), so the identity provider rejects the mismatch; remove the port.',
    },
  },
  check(context) {
    const h = context.houston;
    if (h.kind === 'none') return;
    const baseDomain = bareDomain(h.baseDomain);
    for (const { path, value } of walkStrings(h.raw, h.path)) {
      // The cheap text test first: maps can be huge, and few strings mention Houston's OAuth routes.
      if (!value.includes('/v1/oauth/') || !context.has(path) || isSecretValue(context.values, path)) continue;
      for (const m of value.matchAll(OAUTH_URL)) {
        const [, scheme, authority = '', kind = 'redirect', slash] = m;
        if (!slash) {
          const end = m.index + m[0].length;
          const at = valueOffset(context, path, value, end);
          context.report({ messageId: 'missingSlash', data: { kind }, path, fix: at === undefined ? null : context.fixer.replaceRange(path, [at, at], '/') });
        }
        if (scheme && scheme.toLowerCase() !== 'https') context.report({ messageId: 'notHttps', data: { kind, scheme: scheme.toLowerCase() }, path });
        const hostPort = /^(?:[^@]*@)?(.*?)(?::(\d+))?$/.exec(authority);
        const host = (hostPort?.[1] ?? '').toLowerCase().replace(/\.$/, '');
        const port = hostPort?.[2];
        if (port !== undefined) context.report({ messageId: 'port', data: { kind, port }, path });
        if (baseDomain && host !== '' && !/[<>{}$]/.test(host) && host !== `houston.${baseDomain}`) {
          context.report({ messageId: 'wrongHost', data: { kind, host, baseDomain }, path });
        }
      }
    }
  },
});

/** Values of secret-like keys and env entries are never inspected (their text must not reach a message). */
function isSecretValue(values: unknown, path: ValuesPath): boolean {
  const key = path[path.length - 1];
  if (isSecretKey(key) && key !== 'secretName' && key !== 'secretKey') return true;
  if (key === 'value' && typeof path[path.length - 2] === 'number') {
    const entry = getAt(values, path.slice(0, -1));
    return isRecord(entry) && isSecretEnvName(entry['name']);
  }
  return false;
}
