// Which keys and env names hold credentials, so no output ever repeats their values.

const SECRET_KEY = /secret|password|passwd|passphrase|token|authcode|smtpurl|credential|private|apikey/i;

/** True for config keys whose values are credentials (`clientSecret`, `scimAuthCode`, `smtpUrl`, …). */
export function isSecretKey(key: string | number | undefined): boolean {
  return typeof key === 'string' && SECRET_KEY.test(key.replace(/[_-]/g, ''));
}

/** True for env var names whose values are credentials (`*CLIENT_SECRET`, `SCIM_AUTH_CODE_*`, `*PASSWORD*`, `*TOKEN*`, …). */
export function isSecretEnvName(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  return /SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|SCIM_AUTH_CODE|SMTP_URL|CREDENTIAL|PRIVATE_KEY|API_KEY/i.test(name);
}

/**
 * Every credential string in a values tree: scalars under a secret-like key (at any depth), and the values of
 * env entries whose name is secret-like. Used to keep fix texts that would carry them out of the output.
 */
export function secretStrings(values: unknown): Set<string> {
  const found = new Set<string>();
  const add = (v: unknown) => {
    if ((typeof v === 'string' || typeof v === 'number') && String(v).length >= 4) found.add(String(v));
  };
  const walk = (node: unknown, underSecret: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, underSecret);
      return;
    }
    if (node === null || typeof node !== 'object') {
      if (underSecret) add(node);
      return;
    }
    const rec = node as Record<string, unknown>;
    if (typeof rec['name'] === 'string' && isSecretEnvName(rec['name'])) add(rec['value']);
    for (const [k, v] of Object.entries(rec)) walk(v, underSecret || isSecretKey(k));
  };
  walk(values, false);
  return found;
}

/** Whether a text contains one of the secret strings. */
export function containsSecret(text: string, secrets: ReadonlySet<string>): boolean {
  for (const s of secrets) if (text.includes(s)) return true;
  return false;
}
