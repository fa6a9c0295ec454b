// Reports documentation placeholders (`<your-client-id>`, `YOUR_URI_HERE`, `...`, `$ID`, docs' fake ids) left in houston values.
import { defineRule } from '../src/rule.js';
import { isSecretEnvName, isSecretKey } from '../src/secret-keys.js';
import { walkStrings } from '../src/walk-values.js';
import { formatPath, getAt, isRecord } from '../src/values-path.js';
import type { ValuesPath } from '../src/types.js';

/** Fake ids and secrets the docs' Okta code-flow examples show as if real (0.27-0.35). */
const DOC_FAKES = ['ffhsdf78f734h2fsd', 'GYHWEYHTHR443fFEW', 'FSDFSLDFJELLGJLSDFGJL42353425'];

/** `<your-client-id>`, `<AWS REGION>`, `<client_id>`: a name in angle brackets (not `(?<group>`, `<a@b.c>`, `a < b`). */
const ANGLE = /<([A-Za-z][A-Za-z0-9 _.-]{0,79})>/g;
const YOUR = /\bYOUR_[A-Z0-9_]*[A-Z0-9]/g;
/** `houston.BASEDOMAIN`, `https://BASE_DOMAIN/…`: the docs' stand-in for the real base domain, as a host label. */
const BASE_LABEL = /(?:^|[./@])(BASE_?DOMAIN)(?=$|[./:?#])/g;
const DOLLAR_ID = /\$ID\b/g;
/** Example domains from the docs (`astro.mydomain.com`, `mybasedomain`) and RFC 2606 ones. */
const EXAMPLE_DOMAIN = /(?<![A-Za-z0-9-])((?:[A-Za-z0-9-]+\.)*(?:example\.(?:com|org|net)|mydomain\.com|mybasedomain))(?![A-Za-z0-9-])/gi;
/** Common HTML tags (`<b>`, `<br>`), which may appear in UI texts. */
const HTML_TAG = /^(?:a|b|i|u|p|br|hr|em|strong|code|pre|div|span|small|sub|sup|ul|ol|li|h[1-6])$/i;
/** Helm / Go template actions are not placeholders (they are rendered elsewhere). */
const TEMPLATE = /\{\{[\s\S]*?\}\}/g;
/** Text without any of these has no placeholder token (each pattern above needs one): most values are passed over. */
const MAYBE_PLACEHOLDER = new RegExp(['<', 'YOUR_', 'BASE_?DOMAIN', '\\$ID', '\\.\\.\\.', '…', ...DOC_FAKES].join('|'));
const MAYBE_EXAMPLE_DOMAIN = /example\.(?:com|org|net)|mydomain\.com|mybasedomain/i;

/** Keys whose values are regular expressions, where `<name>` is a named group, not a placeholder. */
function isRegexKey(key: string | number | undefined): boolean {
  return typeof key === 'string' && /(regex|regexp|pattern)$/i.test(key);
}

/** The documentation placeholder tokens in a string, in order of appearance (empty when there are none). */
export function placeholderTokens(value: string, opts: { regex?: boolean } = {}): string[] {
  if (!MAYBE_PLACEHOLDER.test(value)) return [];
  const text = value.replace(TEMPLATE, (m) => ' '.repeat(m.length));
  const found: { at: number; token: string }[] = [];
  const trimmed = text.trim();
  if (trimmed === '...' || trimmed === '…') return [trimmed];
  for (const m of text.matchAll(ANGLE)) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/\?$|\\k$|\?P$/.test(before)) continue; // regex named group or back-reference
    if (opts.regex && m[0] !== trimmed) continue; // in a regex only a value that is nothing but `<…>` counts
    if (HTML_TAG.test(m[1]!) || text.includes(`</${m[1]!}>`)) continue; // markup, e.g. a banner text
    found.push({ at: m.index, token: m[0] });
  }
  for (const m of text.matchAll(YOUR)) found.push({ at: m.index, token: m[0] });
  for (const m of text.matchAll(BASE_LABEL)) found.push({ at: m.index + m[0].length - m[1]!.length, token: m[1]! });
  for (const m of text.matchAll(DOLLAR_ID)) found.push({ at: m.index, token: m[0] });
  for (const fake of DOC_FAKES) {
    const at = text.indexOf(fake);
    if (at >= 0) found.push({ at, token: fake });
  }
  const tokens: string[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) if (!tokens.includes(f.token)) tokens.push(f.token);
  // `<BASE_DOMAIN>` is one placeholder, not two.
  return tokens.filter((t) => !/^BASE_?DOMAIN$/.test(t) || !tokens.some((o) => o !== t && o.includes(t)));
}

/** True when the whole value is a single placeholder (`<provider-discovery-url>`, `...`, `$ID`, `YOUR_URI_HERE`). */
export function isPlaceholderOnly(value: string): boolean {
  const tokens = placeholderTokens(value);
  return tokens.length === 1 && tokens[0] === value.trim();
}

/** True when the string contains any documentation placeholder. */
export function hasPlaceholder(value: string): boolean {
  return placeholderTokens(value).length > 0;
}

/** Example domains in a string (`example.com`, `astro.mydomain.com`, `mybasedomain`). */
export function exampleDomains(value: string): string[] {
  if (!MAYBE_EXAMPLE_DOMAIN.test(value)) return [];
  const text = value.replace(TEMPLATE, (m) => ' '.repeat(m.length));
  return [...new Set([...text.matchAll(EXAMPLE_DOMAIN)].map((m) => m[1]!))];
}

function quote(tokens: string[]): string {
  return tokens.map((t) => `\`${t}\``).join(', ');
}

export default defineRule({
  meta: {
    id: 'no-placeholder',
    description: 'A documentation placeholder (`<your-client-id>`, `YOUR_URI_HERE`, `...`, `$ID`, the docs’ fake ids, example domains) left in a houston value or `global.baseDomain`.',
    severity: 'error',
    messages: {
      placeholder:
        '`{{key}}` contains the documentation placeholder {{tokens}}. Helm passes the text on as is (to Houston’s config or the pods’ environment), so it is used literally and login, mail or startup fails; replace it with the real value.',
      secretPlaceholder:
        '`{{key}}` holds a documentation placeholder instead of a real credential; Houston would send the placeholder text to the identity provider or mail server. Replace it (preferably through `astronomer.houston.secret`).',
      exampleDomain:
        '`{{key}}` uses {{domains}}, probably the example domain from the docs. Houston builds its URLs and redirect URIs from the real domain, so an example domain breaks ingress and login; replace it with your domain.',
    },
  },
  check(context) {
    const h = context.houston;
    const checkDomains = context.options['exampleDomains'] !== false;
    const targets: { path: ValuesPath; value: string }[] = [];
    if (h.kind !== 'none') targets.push(...walkStrings(h.raw, h.path));
    if (typeof h.baseDomain === 'string') targets.push({ path: ['global', 'baseDomain'], value: h.baseDomain });

    for (const { path, value } of targets) {
      const key = path[path.length - 1];
      const tokens = placeholderTokens(value, { regex: isRegexKey(key) });
      const domains = tokens.length === 0 && checkDomains ? exampleDomains(value) : [];
      // Labels, secrecy and the location check only for the few values that are reported (maps can be huge).
      if ((tokens.length === 0 && domains.length === 0) || !context.has(path)) continue;
      const secret = isSecret(context.values, path, h.path);
      const label = labelOf(path);
      if (tokens.length > 0) {
        if (secret) context.report({ messageId: 'secretPlaceholder', data: { key: label }, path });
        else context.report({ messageId: 'placeholder', data: { key: label, tokens: quote(tokens) }, path });
      } else {
        // Never echo a credential: for secret-like keys name the key only.
        context.report({ messageId: 'exampleDomain', data: { key: label, domains: secret ? 'an example domain' : quote(domains) }, path, severity: 'warn' });
      }
    }
  },
});

/** A short name for where a value sits: from the last-but-one key on (`okta.clientId`, `secret[0].envName`). */
function labelOf(path: ValuesPath): string {
  const keys = path.flatMap((seg, i) => (typeof seg === 'string' ? [i] : []));
  const from = keys.length >= 2 ? keys[keys.length - 2]! : 0;
  return formatPath(path.slice(from));
}

/**
 * True for values that are credentials: a secret-like key (`clientSecret`, `scimAuthCode`, `smtpUrl`), and `value`
 * of an env entry with a secret-like name. The fields of `houston.secret` entries are names, not secrets.
 */
function isSecret(values: unknown, path: ValuesPath, houstonPath: ValuesPath): boolean {
  const key = path[path.length - 1];
  if (path.length === houstonPath.length + 3 && path[houstonPath.length] === 'secret' && houstonPath.every((s, i) => path[i] === s)) return false;
  if (isSecretKey(key)) return true;
  if (key === 'value' && typeof path[path.length - 2] === 'number') {
    const entry = getAt(values, path.slice(0, -1));
    if (isRecord(entry) && isSecretEnvName(entry['name'])) return true;
  }
  return false;
}
