// Reports a Microsoft Entra ID provider set up for several tenants, or whose `audience` is not its `clientId`.
import { defineRule } from '../src/rule.js';
import { isRecord } from '../src/values-path.js';
import { hasPlaceholder } from './no-placeholder.js';

/** Entra ID login hosts (public and sovereign clouds) followed by the tenant segment. */
const TENANT = /^https?:\/\/(?:login\.microsoftonline\.(?:com|us|de)|login\.microsoft\.com|login\.partner\.microsoftonline\.cn|login\.chinacloudapi\.cn)\/([^/?#]+)/i;
const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);

export default defineRule({
  meta: {
    id: 'microsoft-tenant',
    description: 'A `microsoft` provider whose discovery URL uses a multi-tenant endpoint (`common`, `organizations`, `consumers`) or whose `authUrlParams.audience` differs from its `clientId`.',
    severity: 'warn',
    messages: {
      multiTenant:
        'The Microsoft discovery URL uses the multi-tenant `{{tenant}}` endpoint. Its issuer is a `{tenantid}` template that never equals the `iss` of a real token, so token validation fails, and it would admit accounts from any tenant; use `https://login.microsoftonline.com/<your-tenant-id>/v2.0/.well-known/openid-configuration`.',
      audienceNotClientId:
        'The Microsoft `authUrlParams.audience` differs from `clientId`. Entra ID issues the token for the audience you ask for, and the docs set it to the application’s client id; a different value gives a token for another application. Set `audience` to the `clientId` value.',
    },
  },
  check(context) {
    const p = context.houston.providers.find((x) => x.name === 'microsoft');
    if (!p) return;
    const urlPath = [...p.path, 'discoveryUrl'];
    const url = p.raw?.discoveryUrl as unknown;
    if (context.has(urlPath) && typeof url === 'string') {
      const tenant = TENANT.exec(url.trim())?.[1]?.toLowerCase();
      if (tenant && MULTI_TENANT.has(tenant)) context.report({ messageId: 'multiTenant', data: { tenant }, path: urlPath });
    }

    const audiencePath = [...p.path, 'authUrlParams', 'audience'];
    const params = p.effective.authUrlParams as unknown;
    const audience = isRecord(params) ? params['audience'] : undefined;
    const clientId = p.effective.clientId as unknown;
    if (!context.has(audiencePath) || typeof audience !== 'string' || typeof clientId !== 'string') return;
    const a = audience.trim();
    const c = clientId.trim();
    if (a === '' || c === '' || hasPlaceholder(a) || hasPlaceholder(c)) return;
    // `api://<client id>` is the application's default Application ID URI: the same application.
    if (a.toLowerCase() === c.toLowerCase() || a.toLowerCase() === `api://${c.toLowerCase()}`) return;
    context.report({ messageId: 'audienceNotClientId', path: audiencePath });
  },
});
