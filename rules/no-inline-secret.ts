// Reports credentials written into the values file instead of a Kubernetes Secret.
import { clientSecretEnvName, isSecretEnvName, SCIM_ENV_NAMES } from '../src/houston-env.js';
import { KNOWN_PROVIDERS } from '../src/houston-defaults.js';
import { defineRule } from '../src/rule.js';
import { isRecord } from '../src/values-path.js';
import type { ValuesPath } from '../src/types.js';

const filled = (v: unknown) => v !== null && v !== undefined && v !== '' && typeof v !== 'object';

/** `scheme://user:password@host`: credentials in the URL's userinfo. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s]*:[^/?#@\s]*@/i;
/** A "put your URI here" placeholder: `YOUR_URI_HERE`, `<smtp-url>`. */
const PLACEHOLDER = /^(<[^>]*>|YOUR_[A-Z0-9_]*|\$\{?[A-Z_]+\}?)$/i;

export default defineRule({
  meta: {
    id: 'no-inline-secret',
    description: 'A credential (`clientSecret`, `scimAuthCode`, a secret `houston.env` value, an SMTP URL with a password) written into the values file.',
    severity: 'error',
    messages: {
      inlineSecret:
        '`{{key}}` is written in plain text in the values file{{rendered}}. Store it in a Kubernetes Secret and reference it with `astronomer.houston.secret: [{envName: {{envName}}, secretName: <secret>, secretKey: <key>}]`, then remove `{{key}}`.',
      inlineSecretNoEnv:
        '`{{key}}` is written in plain text in the values file{{rendered}}. Keep credentials in a Kubernetes Secret referenced from `astronomer.houston.secret`.',
      inlineEnvSecret:
        'The value of `{{name}}` is a credential written in plain text in `houston.env` (and in every Houston pod spec). Store it in a Kubernetes Secret and use `astronomer.houston.secret: [{envName: {{name}}, secretName: <secret>, secretKey: <key>}]` instead of this entry.',
      inlineSmtpUrl:
        '`email.smtpUrl` contains a user name and password in plain text. Store the URL in a Kubernetes Secret and reference it with `astronomer.houston.secret: [{envName: EMAIL__SMTP_URL, secretName: <secret>, secretKey: <key>}]`, then remove `smtpUrl`.',
      smtpUrlPlaceholder:
        '`email.smtpUrl` is the place for the SMTP URL with its credentials, in plain text in the values file. Store the URL in a Kubernetes Secret and reference it with `astronomer.houston.secret: [{envName: EMAIL__SMTP_URL, secretName: <secret>, secretKey: <key>}]` instead.',
    },
  },
  check(context) {
    const { houston } = context;
    const raw = houston.raw;
    if (!isRecord(raw)) return;
    const providers = new Set<string>([...KNOWN_PROVIDERS, ...houston.providers.map((p) => p.name)]);

    // clientSecret / scimAuthCode anywhere in the houston section (misplaced blocks included), except the env/secret lists.
    const visit = (node: unknown, path: ValuesPath, depth: number) => {
      if (depth > 20 || !isRecord(node)) return;
      for (const [key, value] of Object.entries(node)) {
        const here = [...path, key];
        if (depth === 0 && (key === 'env' || key === 'secret')) continue;
        if ((key === 'clientSecret' || key === 'scimAuthCode') && filled(value)) {
          const parent = path[path.length - 1];
          const provider = typeof parent === 'string' && providers.has(parent) ? parent : undefined;
          const envName = !provider ? undefined : key === 'clientSecret' ? clientSecretEnvName(provider) : SCIM_ENV_NAMES[provider];
          const underConfig = path.length > houston.path.length && path[houston.path.length] === 'config';
          const rendered = underConfig ? ' and in the `local-production.yaml` ConfigMap the chart renders from it' : '';
          if (envName) context.report({ messageId: 'inlineSecret', data: { key, envName, rendered }, path: here });
          else context.report({ messageId: 'inlineSecretNoEnv', data: { key, rendered }, path: here });
          continue;
        }
        visit(value, here, depth + 1);
      }
    };
    visit(raw, houston.path, 0);

    for (const e of houston.env) {
      if (isSecretEnvName(e.entry.name) && filled(e.entry.value)) {
        context.report({ messageId: 'inlineEnvSecret', data: { name: String(e.entry.name) }, path: [...e.path, 'value'] });
      }
    }

    const email = houston.config?.['email'];
    const smtpUrl = isRecord(email) ? email['smtpUrl'] : undefined;
    if (typeof smtpUrl === 'string') {
      const path = [...houston.configPath, 'email', 'smtpUrl'];
      if (URL_WITH_PASSWORD.test(smtpUrl.trim())) context.report({ messageId: 'inlineSmtpUrl', path });
      else if (PLACEHOLDER.test(smtpUrl.trim())) context.report({ messageId: 'smtpUrlPlaceholder', path });
    }
  },
});
