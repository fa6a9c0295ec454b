// Warns when an enterprise IdP is enabled while Google or GitHub login stays on through the chart's production.yaml.
import { defineRule } from '../src/rule.js';
import { getAt, isRecord } from '../src/values-path.js';

export default defineRule({
  meta: {
    id: 'default-providers-enabled',
    description: 'An enterprise login (OIDC provider other than Google, or LDAP) is enabled while Google or GitHub login is still on through the chart defaults.',
    severity: 'warn',
    messages: {
      stillOn:
        '{{enterprise}} enabled, but {{which}} still on: the chart\'s production.yaml turns Google and GitHub login on unless the values set `enabled: false`. Anyone with a {{accounts}} account reaches a login brokered by Astronomer\'s Auth0 tenant (redirect.astronomer.io), which also fails on air-gapped clusters. Set {{fix}} if only your identity provider should be used.',
    },
  },
  check(context) {
    const h = context.houston;
    const auth = h.auth as Record<string, unknown>;
    const enterprise = h.providers.filter((p) => p.enabled && p.name !== 'google' && p.name !== 'github').map((p) => `\`${p.name}\``);
    if (isRecord(auth['ldap']) && Boolean(auth['ldap']['enabled'])) enterprise.push('LDAP');
    if (enterprise.length === 0) return;

    const on: { name: string; account: string; path: string }[] = [];
    const google = h.providers.find((p) => p.name === 'google');
    // `google.enabled: true` written with the user's own clientId is a deliberate Google login, not a leftover default.
    const deliberateGoogle = google?.raw?.enabled === true && Boolean(google.effective.clientId);
    if (google?.enabled && !deliberateGoogle) on.push({ name: 'Google login', account: 'Google', path: 'auth.openidConnect.google.enabled: false' });
    if (isRecord(auth['github']) && Boolean(auth['github']['enabled'])) on.push({ name: 'GitHub login', account: 'GitHub', path: 'auth.github.enabled: false' });
    if (on.length === 0) return;

    const explicit = (p: readonly string[]) => getAt(h.config, p) === true;
    const label = (o: { name: string }, written: boolean) => `${o.name}${written ? ' (set to `true` here)' : ''}`;
    const which = on.map((o) => label(o, explicit(o.account === 'Google' ? ['auth', 'openidConnect', 'google', 'enabled'] : ['auth', 'github', 'enabled'])));
    context.report({
      messageId: 'stillOn',
      data: {
        enterprise: `${enterprise.join(', ')} ${enterprise.length > 1 ? 'are' : 'is'}`,
        which: `${which.join(' and ')} ${on.length > 1 ? 'are' : 'is'}`,
        accounts: on.map((o) => o.account).join(' or '),
        fix: on.map((o) => `\`${o.path}\``).join(' and '),
      },
      path: h.oidcPath,
      target: 'key',
    });
  },
});
