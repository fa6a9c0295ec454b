// Reports houston.secret/env entries that Kubernetes or Helm rejects, or that cannot work as written.
import { ENV_NAME_PATTERN, quoteLike } from '../src/houston-env.js';
import { defineRule } from '../src/rule.js';
import { isRecord } from '../src/values-path.js';
import type { ValuesPath } from '../src/types.js';

/** DNS-1123 subdomain: what Kubernetes accepts as a Secret name. */
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** What Kubernetes accepts as a key of a Secret's data. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

export default defineRule({
  meta: {
    id: 'secret-ref',
    description: 'A `houston.secret`/`houston.env` entry that Kubernetes rejects or that cannot work: invalid env name, Secret name or key, a repeated name, or `valueFrom` in `env`.',
    severity: 'error',
    hasSuggestions: true,
    messages: {
      invalidEnvName:
        '`{{field}}` `{{name}}` is not a valid env var name (letters, digits and `_`, not starting with a digit): Kubernetes rejects the Houston pods (clusters with relaxed env-name validation accept it, but Houston never reads such a name).{{hint}}',
      invalidSecretName:
        '`secretName` `{{name}}` is not a valid Kubernetes Secret name (lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit, at most 253 characters): no such Secret can exist, so the Houston pods and the pre-upgrade migration job fail with CreateContainerConfigError.',
      invalidSecretKey:
        '`secretKey` `{{name}}` is not a valid key of a Kubernetes Secret (letters, digits, `-`, `_` and `.`): no Secret can hold it, so the Houston pods fail with CreateContainerConfigError.',
      duplicate:
        '`{{name}}` is already set by `{{first}}`. Kubernetes keeps the last entry for a repeated env name, so one of them has no effect; keep a single entry.',
      valueFrom:
        'The chart renders only `name` and `value` of `houston.env` entries: `valueFrom` is dropped, so `{{name}}` is set to an empty string, which Houston ignores. Use `astronomer.houston.secret: [{envName: {{name}}, secretName: <secret>, secretKey: <key>}]` for a value from a Secret.',
      rename: 'Rename to `{{intended}}`.',
    },
  },
  check(context) {
    const { houston } = context;
    const seen = new Map<string, string>();
    const checkName = (name: unknown, path: ValuesPath, field: string, label: string) => {
      if (typeof name !== 'string') return;
      if (!ENV_NAME_PATTERN.test(name)) {
        // The docs' `<smtp-uri-secret>` placeholder: the SMTP URL is read from EMAIL__SMTP_URL.
        const intended = /smtp/i.test(name) ? 'EMAIL__SMTP_URL' : undefined;
        const fix = intended ? context.fixer.replaceValue(path, quoteLike(context, path, intended)) : null;
        context.report({
          messageId: 'invalidEnvName',
          data: { field, name, hint: intended ? ` Did you mean \`${intended}\`?` : '' },
          path,
          suggest: fix && intended ? [{ messageId: 'rename', data: { intended }, fix }] : [],
        });
      }
      const first = seen.get(name);
      if (first !== undefined) context.report({ messageId: 'duplicate', data: { name, first }, path });
      else seen.set(name, label);
    };

    // Render order: env entries, then secret entries.
    for (const e of houston.env) {
      const label = `env[${e.index}]`;
      checkName(e.entry.name, [...e.path, 'name'], 'name', label);
      if (isRecord(e.entry) && 'valueFrom' in e.entry && e.entry.valueFrom !== undefined) {
        context.report({ messageId: 'valueFrom', data: { name: typeof e.entry.name === 'string' ? e.entry.name : '<name>' }, path: [...e.path, 'valueFrom'], target: 'key' });
      }
    }
    for (const s of houston.secrets) {
      const label = `secret[${s.index}]`;
      checkName(s.entry.envName, [...s.path, 'envName'], 'envName', label);
      const secretName = s.entry.secretName;
      if (typeof secretName === 'string' && (secretName.length > 253 || !DNS_1123_SUBDOMAIN.test(secretName))) {
        context.report({ messageId: 'invalidSecretName', data: { name: secretName }, path: [...s.path, 'secretName'] });
      }
      const secretKey = s.entry.secretKey;
      if (typeof secretKey === 'string' && (secretKey.length > 253 || !SECRET_KEY.test(secretKey))) {
        context.report({ messageId: 'invalidSecretKey', data: { name: secretKey }, path: [...s.path, 'secretKey'] });
      }
    }
  },
});
