// Reports a config in which no login method is enabled after Houston's and the chart's defaults: nobody can log in.
import { defineRule } from '../src/rule.js';
import { isRecord } from '../src/values-path.js';

/** Env vars that switch a login method on (or replace all providers), which the values model cannot see. */
const ENABLING_ENV = /^AUTH__(LOCAL|GITHUB|LDAP|OPENID_CONNECT__[A-Z0-9_]+)__ENABLED$|^AUTH__OPENID_CONNECT_PROVIDERS$/;

function enabled(block: unknown): boolean {
  return isRecord(block) && Boolean(block['enabled']);
}

export default defineRule({
  meta: {
    id: 'auth-lockout',
    description: 'No login method (local, GitHub, LDAP or any OIDC provider) is enabled in the effective Houston config, so nobody can log in.',
    severity: 'error',
    messages: {
      lockout:
        'No login method is enabled: after Houston\'s and the chart\'s defaults, local login, GitHub, LDAP and every OIDC provider are off (blocks at the wrong level do not count), so nobody can log in to Astronomer. Set `enabled: true` on the provider you use under `{{oidc}}` (or leave Google/GitHub login on).',
    },
  },
  check(context) {
    const h = context.houston;
    if (h.kind === 'none') return;
    // A login method switched on through an env var or a Secret is invisible here: do not guess.
    if (h.env.some((e) => typeof e.entry.name === 'string' && ENABLING_ENV.test(e.entry.name) && !/^\s*false\s*$/i.test(String(e.entry.value)))) return;
    if (h.secrets.some((s) => typeof s.entry.envName === 'string' && ENABLING_ENV.test(s.entry.envName))) return;
    const auth = h.auth as Record<string, unknown>;
    if (enabled(auth['local']) || enabled(auth['github']) || enabled(auth['ldap'])) return;
    // `github` under `openidConnect` is misplaced (provider-placement), not a login method.
    if (h.providers.some((p) => p.enabled && p.name !== 'github')) return;
    context.report({ messageId: 'lockout', data: { oidc: 'auth.openidConnect' }, path: h.authPath, target: 'key' });
  },
});
