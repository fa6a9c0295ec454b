// Reports an `authUrlParams.response_type` that contradicts the effective OIDC flow (`code` vs `implicit`).
import { defineRule } from '../src/rule.js';
import { isRecord } from '../src/values-path.js';

const FLOW_ENV = 'AUTH__OPENID_CONNECT__FLOW';

export default defineRule({
  meta: {
    id: 'flow-response-type',
    description: 'An `authUrlParams.response_type` that contradicts the OIDC flow: a token type with `flow: code`, or `code` with the implicit flow.',
    severity: 'error',
    messages: {
      tokenInCodeFlow:
        '`response_type: {{responseType}}` asks `{{provider}}` for tokens in the redirect, but the flow is `code`{{flowSource}}: Houston waits for an authorization code at `/v1/oauth/callback/` and never gets one, so login fails. Remove `response_type` (the code flow requests `code`) or use the implicit flow.',
      codeInImplicitFlow:
        '`response_type: {{responseType}}` asks `{{provider}}` for an authorization code, but the flow is implicit{{flowSource}}: Houston’s redirect page expects tokens in the URL fragment and never exchanges a code, so login fails. Remove `response_type` (the implicit default is `token id_token`) or set `openidConnect.flow: code`.',
    },
  },
  check(context) {
    const h = context.houston;
    // An env var overrides the config file (node-config); a Secret-provided flow cannot be known.
    if (h.secrets.some((s) => s.entry.envName === FLOW_ENV)) return;
    const envFlow = [...h.env].reverse().find((e) => e.entry.name === FLOW_ENV && typeof e.entry.value === 'string' && e.entry.value !== '');
    const flow = envFlow ? envFlow.entry.value : h.flow;
    if (flow !== 'code' && flow !== 'implicit') return; // an invalid flow is another rule's finding
    const flowSource = envFlow ? ` (set by the \`${FLOW_ENV}\` env var)` : context.has([...h.oidcPath, 'flow']) ? '' : ' (the default)';

    for (const p of h.providers) {
      const path = [...p.path, 'authUrlParams', 'response_type'];
      if (!context.has(path)) continue;
      const params = p.effective.authUrlParams as unknown;
      const rt = isRecord(params) ? params['response_type'] : undefined;
      if (typeof rt !== 'string') continue;
      const parts = rt.toLowerCase().split(/[\s+,]+/).filter(Boolean);
      const hasToken = parts.some((t) => t === 'token' || t === 'id_token');
      const hasCode = parts.includes('code');
      const data = { responseType: rt, provider: p.name, flowSource };
      if (flow === 'code' && hasToken) context.report({ messageId: 'tokenInCodeFlow', data, path });
      else if (flow === 'implicit' && hasCode && !hasToken) context.report({ messageId: 'codeInImplicitFlow', data, path });
    }
  },
});
