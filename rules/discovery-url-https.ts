// Reports an OIDC provider `discoveryUrl` that is not `https://` (or points at a non-discovery `.well-known` document).
import { defineRule } from '../src/rule.js';
import { valueOffset } from '../src/scalar-offset.js';
import { isPlaceholderOnly } from './no-placeholder.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** Discovery documents openid-client accepts when the URL already names one. */
const DISCOVERY_DOC = /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)$/;

export default defineRule({
  meta: {
    id: 'discovery-url-https',
    description: 'An OIDC provider `discoveryUrl` that is not an `https://` URL, or that names a `.well-known` document other than the OpenID configuration.',
    severity: 'error',
    hasSuggestions: true,
    messages: {
      http: 'The `{{provider}}` discovery URL uses http://. Houston fetches the OpenID configuration and signing keys from it, and identity providers serve them (and issue tokens whose issuer is) on https://; use https://.',
      noScheme:
        'The `{{provider}}` discovery URL has no scheme. Houston passes it to OIDC discovery as a URL, which fails without `https://` (the old `baseDomain` took a bare host; `discoveryUrl` does not), so the provider cannot log anyone in.',
      otherScheme: 'The `{{provider}}` discovery URL uses {{scheme}}://. OIDC discovery only works over https://; use the provider’s https:// issuer URL.',
      notDiscoveryDocument:
        'The `{{provider}}` discovery URL points at `{{document}}`, which is not an OpenID discovery document. Use the issuer URL or its `/.well-known/openid-configuration`.',
      useHttps: 'Use `https://`.',
      prefixHttps: 'Prefix the URL with `https://`.',
    },
  },
  check(context) {
    for (const p of context.houston.providers) {
      const path = [...p.path, 'discoveryUrl'];
      if (!context.has(path)) continue;
      const raw = p.raw?.discoveryUrl as unknown;
      if (typeof raw !== 'string') continue; // a non-string is the schema's finding
      const url = raw.trim();
      if (url === '' || isPlaceholderOnly(url)) continue; // empty: a missing URL; placeholder: no-placeholder reports it
      const lead = raw.length - raw.trimStart().length;
      const scheme = SCHEME.exec(url)?.[1];
      if (scheme === undefined) {
        const at = valueOffset(context, path, raw, lead);
        const insert = url.startsWith('//') ? 'https:' : 'https://';
        const fix = at === undefined ? null : context.fixer.replaceRange(path, [at, at], insert);
        context.report({ messageId: 'noScheme', data: { provider: p.name }, path, ...(fix ? { suggest: [{ messageId: 'prefixHttps', fix }] } : {}) });
        continue;
      }
      const lower = scheme.toLowerCase();
      if (lower === 'http') {
        const at = valueOffset(context, path, raw, lead);
        const fix = at === undefined ? null : context.fixer.replaceRange(path, [at, at + scheme.length], 'https');
        context.report({ messageId: 'http', data: { provider: p.name }, path, ...(fix ? { suggest: [{ messageId: 'useHttps', fix }] } : {}) });
        continue;
      }
      if (lower !== 'https') {
        context.report({ messageId: 'otherScheme', data: { provider: p.name, scheme: lower }, path });
        continue;
      }
      const pathname = url.replace(SCHEME, '').replace(/[?#].*$/, '');
      const wk = pathname.indexOf('/.well-known/');
      if (wk >= 0 && !DISCOVERY_DOC.test(pathname)) {
        context.report({ messageId: 'notDiscoveryDocument', data: { provider: p.name, document: pathname.slice(wk) }, path });
      }
    }
  },
});
