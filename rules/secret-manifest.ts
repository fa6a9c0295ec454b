// Cross-checks `houston.secret` entries against the given Secret manifests (manifest-local checks: src/manifests/secret-index.ts).
import { isSecretIndex } from '../src/manifests/types.js';
import { defineRule } from '../src/rule.js';
import { closestName } from '../src/suggest.js';
import type { SecretIndex, SecretIndexEntry } from '../src/manifests/types.js';

export interface SecretManifestOptions {
  /** The index of the Secret manifests given on the command line; without it the rule reports nothing. */
  secrets?: SecretIndex;
}

const base = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** `a.yaml, b.yaml, c.yaml and 2 more`. */
function fileList(files: readonly string[]): string {
  const names = files.map(base);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** `` `a`, `b` `` (key names only, never values). */
function keyList(keys: readonly string[]): string {
  if (keys.length === 0) return 'no keys';
  const shown = keys.slice(0, 5).map((k) => `\`${k}\``);
  return keys.length > 5 ? `${shown.join(', ')} and ${keys.length - 5} more` : shown.join(', ');
}

function lookup(index: SecretIndex, name: string): SecretIndexEntry | undefined {
  return Object.prototype.hasOwnProperty.call(index.secrets, name) ? index.secrets[name] : undefined;
}

export default defineRule<SecretManifestOptions>({
  meta: {
    id: 'secret-manifest',
    description: 'A `houston.secret` entry whose Secret or key is missing from the given Secret manifests, or a Secret manifest that cannot work (bad base64, a trailing newline, a placeholder, Helm template syntax).',
    severity: 'error',
    crossFile: true,
    messages: {
      missingSecret:
        'No Secret named `{{name}}` in the given manifests ({{files}}){{unreadable}}: the Houston pods and the pre-upgrade migration job fail with CreateContainerConfigError until it exists in the platform namespace.{{hint}}',
      missingKey:
        'The {{kind}} `{{name}}` ({{where}}) has no key `{{key}}` (it has {{keys}}): the Houston pods fail with CreateContainerConfigError.{{hint}}',
      missingDefaultKey:
        'This entry has no `secretKey`, so the chart reads the key `value`, which the {{kind}} `{{name}}` ({{where}}) does not have (it has {{keys}}). {{add}}',
      badBase64:
        'The value of `{{key}}` in Secret `{{name}}` is not valid base64, which `data:` requires: Kubernetes rejects the manifest. Encode it with `printf %s "…" | base64`, or put the plain text under `stringData:`.',
      placeholderData:
        'The value of `{{key}}` in Secret `{{name}}` is a documentation placeholder, not base64: Kubernetes rejects the manifest. Put the real value under `stringData:` (plain text) or its base64 under `data:`.',
      placeholder:
        'The value of `{{key}}` in Secret `{{name}}` {{how}} a documentation placeholder (`<…>` or `YOUR_…`): Houston would use it as the credential. Put the real value in.',
      trailingNewline:
        'The value of `{{key}}` in Secret `{{name}}` {{how}}, and the newline is part of the secret: the identity provider rejects the credential. {{fix}}',
      notString:
        'The value of `{{key}}` under `{{field}}` is a {{type}}, not a string: Kubernetes rejects the Secret. Quote it.',
      invalidKey:
        '`{{key}}` is not a valid key of a Secret (letters, digits, `-`, `_` and `.` only): Kubernetes rejects the Secret.',
      noName: 'This {{kind}} has no `metadata.name`: Kubernetes rejects it, and no `houston.secret` entry can refer to it.',
      template:
        'Helm template syntax (`{{ … }}`) in a manifest for `kubectl apply`, which does not render templates: {{effect}}. Write literal names and the real value (base64 under `data:`, plain text under `stringData:`).',
      namespace:
        'This {{kind}} is in namespace `{{namespace}}`, the other Secret manifests in `{{other}}`: Houston reads its Secrets only from the platform release namespace, so check that `{{name}}` is created there.',
    },
  },
  check(context) {
    const index = context.options.secrets;
    if (!isSecretIndex(index)) return; // without manifests the rule cannot know which Secrets exist
    for (const s of context.houston.secrets) {
      const { secretName, secretKey } = s.entry as { secretName?: unknown; secretKey?: unknown };
      if (typeof secretName !== 'string' || secretName === '') continue; // schema / secret-ref report those
      const found = lookup(index, secretName);
      if (!found) {
        const near = closestName(secretName, Object.keys(index.secrets));
        context.report({
          messageId: 'missingSecret',
          data: {
            name: secretName,
            files: fileList(index.manifests),
            unreadable: index.unreadable.length ? `; ${fileList(index.unreadable)} could not be read` : '',
            hint: near ? ` Did you mean \`${near}\`?` : '',
          },
          path: [...s.path, 'secretName'],
        });
        continue;
      }
      if (found.keys === 'unknown') continue; // a SealedSecret template or an ExternalSecret `dataFrom`: exists, keys unknown
      const defaulted = secretKey === undefined || secretKey === null;
      const key = defaulted ? 'value' : secretKey;
      if (typeof key !== 'string' || found.keys.includes(key)) continue;
      const where = `${base(found.source)}:${found.line}`;
      const data = { kind: found.kind, name: secretName, where, keys: keyList(found.keys) };
      if (defaulted) {
        const add = found.keys.length === 1 ? `Add \`secretKey: ${found.keys[0]!}\`.` : 'Add `secretKey` naming one of its keys.';
        context.report({ messageId: 'missingDefaultKey', data: { ...data, add }, path: s.path });
      } else {
        const near = closestName(key, found.keys);
        context.report({ messageId: 'missingKey', data: { ...data, key, hint: near ? ` Did you mean \`${near}\`?` : '' }, path: [...s.path, 'secretKey'] });
      }
    }
  },
});
