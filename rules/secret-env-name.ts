// Reports a houston.secret/env name meant as a client secret or SCIM code that Houston will not read.
import { classifyEnvName, clientSecretEnvName, envNameEntries, quoteLike, SCIM_ENV_NAMES } from '../src/houston-env.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'secret-env-name',
    description: 'A `houston.secret`/`houston.env` name meant as an OIDC client secret or SCIM credential that Houston does not read.',
    severity: 'error',
    hasSuggestions: true,
    messages: {
      misspelled:
        '`{{name}}` is not the name Houston reads for the {{what}} of `{{provider}}`: node-config matches env names exactly (`__` between levels, upper case), so this value never reaches Houston. Use `{{intended}}`.',
      unknownProvider:
        '`{{name}}` names a provider that is not configured under `auth.openidConnect`, so Houston never reads it.{{hint}}',
      scimProvider:
        'Houston reads SCIM credentials only from `SCIM_AUTH_CODE_OKTA` and `SCIM_AUTH_CODE_MICROSOFT`; `{{name}}` is ignored.{{hint}}',
      notEnabled:
        '`{{name}}` holds the {{what}} of `{{provider}}`, but `{{provider}}` is not enabled in this file\'s `auth.openidConnect`, so Houston never uses it.{{hint}}',
      rename: 'Rename to `{{intended}}`.',
    },
  },
  check(context) {
    const { houston } = context;
    const providers = houston.providers.map((p) => p.name);
    const enabled = houston.providers.filter((p) => p.enabled);
    // "Not enabled" only when this file describes the OIDC providers; a file with only `secret` is a fragment.
    const describesProviders = context.has(houston.oidcPath);
    for (const { name, path } of envNameEntries(context)) {
      const info = classifyEnvName(name, { providers });
      const suggest = (intended: string | undefined) =>
        intended
          ? (() => {
              const fix = context.fixer.replaceValue(path, quoteLike(context, path, intended));
              return fix ? [{ messageId: 'rename', data: { intended }, fix }] : [];
            })()
          : [];
      if (info.kind === 'near-miss') {
        const what = info.credential === 'clientSecret' ? 'client secret' : 'SCIM credential';
        const hint = info.intended ? ` Did you mean \`${info.intended}\`?` : '';
        if (info.reason === 'spelling' && info.intended) {
          context.report({ messageId: 'misspelled', data: { name, what, provider: info.provider ?? '', intended: info.intended }, path, suggest: suggest(info.intended) });
        } else if (info.reason === 'scim-provider') {
          context.report({ messageId: 'scimProvider', data: { name, hint }, path, suggest: suggest(info.intended) });
        } else {
          context.report({ messageId: 'unknownProvider', data: { name, hint }, path, suggest: suggest(info.intended) });
        }
        continue;
      }
      if (info.kind !== 'known' || !info.credential || !info.provider || !describesProviders) continue;
      const provider = houston.providers.find((p) => p.name === info.provider);
      if (provider?.enabled) continue;
      // The enabled providers that could use this credential instead.
      const candidates =
        info.credential === 'clientSecret'
          ? enabled.filter((p) => p.effective.clientId !== null && p.effective.clientId !== undefined && p.effective.clientId !== '').map((p) => clientSecretEnvName(p.name))
          : enabled.map((p) => SCIM_ENV_NAMES[p.name]).filter((n): n is string => n !== undefined);
      const intended = candidates.length === 1 ? candidates[0] : undefined;
      const what = info.credential === 'clientSecret' ? 'client secret' : 'SCIM credential';
      const hint = intended
        ? ` Did you mean \`${intended}\`?`
        : ` Enable it with \`auth.openidConnect.${info.provider}.enabled: true\`, or remove this entry.`;
      context.report({ messageId: 'notEnabled', data: { name, what, provider: info.provider, hint }, path, suggest: suggest(intended) });
    }
  },
});
