// Public signups with a self-service login: anyone who can log in can create an account.
import { defineRule } from '../src/rule.js';
import { getAt, isRecord } from '../src/values-path.js';

export default defineRule({
  meta: {
    id: 'open-signups',
    description: 'Public signups are on while a login anyone can use (local passwords, Google or GitHub through the chart defaults) is enabled: anyone can create an account.',
    severity: 'warn',
    messages: {
      open:
        'Public signups are on and {{logins}} enabled: anyone who can reach the login page can create an account{{confirm}}. `allowedSystemLevelDomains` only limits System roles. Turn public signups off (invite users, or let Teams from your IdP grant access){{disable}}.',
      truthyMap:
        '`publicSignups` is a map here, but chart 1.x / 0.37 Houston reads `publicSignups` as a boolean and any map is truthy, so public signups are ON even with `enabled: false`, and {{logins}} enabled. Write `publicSignups: false`.',
    },
  },
  check(context) {
    const h = context.houston;
    const raw = getAt(h.config, ['publicSignups']);
    if (raw === undefined || raw === null) return;
    // 1.x/0.37 Houston tests `publicSignups` for truthiness; 2.x reads only `publicSignups.enabled` (a flat
    // value is lost there, which deprecated-key reports).
    const v1 = context.settings.chartVersion.split('.')[0] !== '2';
    const truthyMap = v1 && isRecord(raw);
    const on = v1 ? Boolean(raw) : isRecord(raw) && raw['enabled'] === true;
    if (!on) return;

    const auth = h.auth as Record<string, unknown>;
    const logins: string[] = [];
    if (isRecord(auth['local']) && Boolean(auth['local']['enabled'])) logins.push('local username/password login');
    const google = h.providers.find((p) => p.name === 'google');
    if (google?.enabled && !google.effective.clientId) logins.push('Google login (through Astronomer\'s Auth0)');
    if (isRecord(auth['github']) && Boolean(auth['github']['enabled'])) logins.push('GitHub login (through Astronomer\'s Auth0)');
    if (logins.length === 0) return;

    const list = `${logins.join(' and ')} ${logins.length > 1 ? 'are' : 'is'}`;
    const confirmation = getAt(h.config, ['emailConfirmation']);
    const noConfirm = confirmation === false || (isRecord(confirmation) && confirmation['enabled'] === false);
    const path = [...h.configPath, 'publicSignups'];
    if (truthyMap) {
      context.report({ messageId: 'truthyMap', data: { logins: list }, path, target: 'key' });
      return;
    }
    context.report({
      messageId: 'open',
      data: {
        logins: list,
        confirm: noConfirm ? ', and with email confirmation off nobody even checks the address' : '',
        disable: logins.some((l) => l.startsWith('Google') || l.startsWith('GitHub')) ? ', and switch off the logins you do not use' : '',
      },
      path: isRecord(raw) ? [...path, 'enabled'] : path,
    });
  },
});
