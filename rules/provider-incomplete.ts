// Reports an enabled OIDC provider that lacks `clientId` or `discoveryUrl` after Houston's and the chart's defaults.
import { KNOWN_PROVIDERS, OIDC_SETTINGS } from '../src/houston-defaults.js';
import { defineRule } from '../src/rule.js';
import { nameDistance } from '../src/suggest.js';

const NAMES: readonly string[] = [...KNOWN_PROVIDERS, ...OIDC_SETTINGS];

/** The env segments Houston may use for a provider key: upper-cased (docs) and SCREAMING_SNAKE (convention). */
function envSegments(name: string): string[] {
  return [name.toUpperCase(), name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()];
}

export default defineRule({
  meta: {
    id: 'provider-incomplete',
    description: 'An enabled OIDC provider without `clientId` or `discoveryUrl` after Houston\'s and the chart\'s defaults.',
    severity: 'error',
    messages: {
      incomplete:
        'Provider `{{name}}` is enabled but has no {{missing}}, and neither Houston nor the chart provides a default: {{effect}}. Set {{missing}} in this block (or through `astronomer.houston.secret`/`env`).',
    },
  },
  check(context) {
    const h = context.houston;
    const envNames = new Set<string>();
    for (const e of h.env) if (typeof e.entry.name === 'string' && e.entry.value !== undefined && e.entry.value !== null && e.entry.value !== '') envNames.add(e.entry.name);
    for (const s of h.secrets) if (typeof s.entry.envName === 'string') envNames.add(s.entry.envName);
    if (envNames.has('AUTH__OPENID_CONNECT_PROVIDERS')) return; // the whole provider tree comes from an env var
    const fromEnv = (name: string, field: string) => envSegments(name).some((seg) => envNames.has(`AUTH__OPENID_CONNECT__${seg}__${field}`));

    for (const p of h.providers) {
      if (!p.enabled || p.name === 'github') continue; // `github` here is misplaced: provider-placement
      // A free-form key that is a typo of a known name is reported by unknown-key; it is not a provider the user meant.
      if (!p.known && NAMES.some((n) => nameDistance(p.name, n) <= 2)) continue;
      const clientId = Boolean(p.effective.clientId) || fromEnv(p.name, 'CLIENT_ID');
      const discoveryUrl = Boolean(p.effective.discoveryUrl) || fromEnv(p.name, 'DISCOVERY_URL');
      // Google without a clientId is brokered through Astronomer's Auth0 tenant and needs nothing else.
      if (p.name === 'google' && !clientId) continue;
      const missing = [...(clientId ? [] : ['`clientId`']), ...(discoveryUrl ? [] : ['`discoveryUrl`'])];
      if (missing.length === 0) continue;
      const effect = discoveryUrl
        ? 'Houston cannot build the authorization request, so logging in with it fails'
        : 'Houston cannot run OIDC discovery for it, so logging in with it fails (in Houston\'s own code one provider that fails discovery can break the login page for every provider)';
      context.report({ messageId: 'incomplete', data: { name: p.name, missing: missing.join(' and '), effect }, path: p.path, target: 'key' });
    }
  },
});
