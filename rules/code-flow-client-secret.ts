// Reports an enabled provider that needs a client secret for the code flow and gets it from nowhere.
import { clientSecretEnvName, envNameEntries, providerEnvSegments } from '../src/houston-env.js';
import { defineRule } from '../src/rule.js';

const nonEmpty = (v: unknown) => v !== null && v !== undefined && v !== '' && typeof v !== 'object';

export default defineRule({
  meta: {
    id: 'code-flow-client-secret',
    description: 'With `flow: code`, an enabled OIDC provider with a `clientId` but no client secret from config, `houston.secret` or `houston.env`.',
    severity: 'error',
    messages: {
      missing:
        '`flow: code` makes Houston exchange the login code at `{{provider}}`\'s token endpoint with the client secret, but `{{provider}}` has none: no `clientSecret`, and no `houston.secret` or `houston.env` entry named `{{envName}}`. Login with `{{provider}}` fails. Store the secret in a Kubernetes Secret and add `astronomer.houston.secret: [{envName: {{envName}}, secretName: <secret>, secretKey: <key>}]`.',
    },
  },
  check(context) {
    const { houston } = context;
    const entries = envNameEntries(context);
    // The whole provider tree set by one JSON env var: we cannot see what it contains.
    if (entries.some((e) => e.name === 'AUTH__OPENID_CONNECT_PROVIDERS')) return;
    // Env vars win over config files: a `houston.env` flow value decides (a Secret-backed one is unknown).
    let flow = houston.flow;
    for (const e of houston.env) if (e.entry.name === 'AUTH__OPENID_CONNECT__FLOW' && typeof e.entry.value === 'string' && e.entry.value !== '') flow = e.entry.value;
    if (entries.some((e) => e.list === 'secret' && e.name === 'AUTH__OPENID_CONNECT__FLOW')) return;
    if (flow !== 'code') return;
    for (const p of houston.providers) {
      if (!p.enabled || !nonEmpty(p.effective.clientId)) continue;
      if (nonEmpty(p.effective.clientSecret)) continue;
      const names = providerEnvSegments(p.name).map((seg) => `AUTH__OPENID_CONNECT__${seg}__CLIENT_SECRET`);
      const fromSecret = houston.secrets.some((s) => typeof s.entry.envName === 'string' && names.includes(s.entry.envName));
      const fromEnv = houston.env.some((e) => typeof e.entry.name === 'string' && names.includes(e.entry.name) && nonEmpty(e.entry.value));
      if (fromSecret || fromEnv) continue;
      context.report({ messageId: 'missing', data: { provider: p.name, envName: clientSecretEnvName(p.name) }, path: p.path, target: 'key' });
    }
  },
});
