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
