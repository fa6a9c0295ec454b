// Opt-in (`--online`): reports what fetching a provider's OIDC discovery document and JWKS found; the fetching happens before linting (src/online/discovery.ts).
import { defineRule } from '../src/rule.js';
import { discoveryTargets, normalizeResponseType, requiredResponseType } from '../src/online/targets.js';
import { isRecord } from '../src/values-path.js';
import type { DiscoveryData } from '../src/online/targets.js';

export default defineRule<{ discovery?: DiscoveryData }>({
  meta: {
    id: 'discovery-online',
    description: 'With `--online`: an enabled provider whose OIDC discovery document or signing keys cannot be fetched, or do not fit the configuration.',
    severity: 'error',
    optIn: true,
    crossFile: true,
    messages: {
      unreachable:
        'The `{{provider}}` discovery document {{document}} could not be fetched{{via}}: {{error}}. Houston runs OIDC discovery for every enabled provider at login, so this provider cannot log anyone in (and in older Houston versions no provider can).',
      invalidDocument: 'The `{{provider}}` discovery document {{document}} is not a valid OpenID configuration: {{reason}}.',
      issuerMismatch:
        'The `{{provider}}` discovery document names the issuer `{{issuer}}`, but it was fetched for `{{expected}}`. OIDC requires them to be equal, and tokens carry the document’s issuer, so validation fails; use the issuer’s own discovery URL (for Okta, the org server and `/oauth2/default` are different issuers).',
      endpointNotHttps: 'The `{{provider}}` discovery document lists `{{endpoint}}` as {{value}}, which is not https://; identity providers must serve OAuth endpoints over TLS.',
      endpointMissing: 'The `{{provider}}` discovery document has no `{{endpoint}}`{{why}}.',
      responseTypeUnsupported:
        'Houston asks `{{provider}}` for response_type `{{responseType}}` ({{why}}), but its discovery document supports only {{supported}}. Enable that grant for the application at the identity provider, or change the flow.',
      jwksUnreachable: 'The `{{provider}}` signing keys at {{jwks}} could not be fetched: {{error}}. Houston cannot verify the tokens this provider issues.',
      jwksEmpty: 'The `{{provider}}` signing keys at {{jwks}} contain no keys, so Houston cannot verify the tokens this provider issues.',
    },
  },
  check(context) {
    const discovery = context.options.discovery;
    if (!isRecord(discovery)) return; // without --online there is nothing to report
    for (const { provider, url } of discoveryTargets(context.houston)) {
      const result = discovery[url];
      if (!result) continue;
      const path = [...provider.path, 'discoveryUrl'];
      const base = { provider: provider.name, document: result.documentUrl };
      if (result.error !== undefined) {
        context.report({ messageId: 'unreachable', data: { ...base, error: result.error, via: result.via ? ` (through the proxy ${result.via})` : '' }, path, target: 'value' });
        continue;
      }
      for (const problem of result.problems) {
        const data: Record<string, string> = { ...base, ...problem.data };
        if (problem.id === 'endpointMissing') data['why'] = '; OIDC discovery requires it';
        context.report({ messageId: problem.id, data, path, target: 'value' });
      }
      if (context.houston.flow === 'code' && result.endpoints && result.endpoints.token_endpoint === undefined) {
        context.report({ messageId: 'endpointMissing', data: { ...base, endpoint: 'token_endpoint', why: '; the code flow exchanges the code there' }, path, target: 'value' });
      }
      const wanted = requiredResponseType(provider, context.houston.flow);
      const supported = result.responseTypesSupported ?? [];
      if (!supported.some((t) => normalizeResponseType(t) === normalizeResponseType(wanted.type))) {
        context.report({
          messageId: 'responseTypeUnsupported',
          data: { provider: provider.name, responseType: wanted.type, why: wanted.why, supported: supported.length ? supported.map((t) => `\`${t}\``).join(', ') : 'none (no `response_types_supported`)' },
          path,
          target: 'value',
        });
      }
    }
  },
});
