// global.baseDomain and the Houston host: every OAuth URL Houston sends is https://houston.<baseDomain>/v1/….
import { defineRule } from '../src/rule.js';
import { getAt, isRecord } from '../src/values-path.js';

/** A bare DNS name: labels of letters, digits and hyphens, no scheme, path, port or spaces. */
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export default defineRule({
  meta: {
    id: 'base-domain',
    description: '`global.baseDomain` that is empty or not a bare DNS name, or Houston host settings (`subdomain`, `helm.baseDomain`) that break the URLs Houston sends to identity providers.',
    severity: 'error',
    messages: {
      empty:
        '`global.baseDomain` is empty: the chart renders no ingress and Houston builds its OAuth and SCIM URLs from nothing (`https://houston.null/…`). Set the platform\'s DNS name, e.g. `astro.example-corp.io`.',
      notDnsName:
        '`global.baseDomain` must be a bare DNS name ({{problem}}): the chart builds `houston.<baseDomain>`, `app.<baseDomain>` and `registry.<baseDomain>` from it, and Houston every redirect URI. Use {{suggestion}}.',
      subdomain:
        '`subdomain: {{value}}` makes Houston send redirect URIs on `{{value}}.<baseDomain>`, but the chart\'s ingress only routes `houston.<baseDomain>` to Houston: every OAuth login fails with a redirect mismatch or 404. Remove it (default `houston`).',
      helmBaseDomain:
        '`config.helm.baseDomain` is written by the chart from `global.baseDomain` into Houston\'s production.yaml; a value here overrides it in Houston only{{differs}}. Remove it and set `global.baseDomain`.',
    },
  },
  check(context) {
    const global = isRecord(context.values) ? context.values['global'] : undefined;
    if (isRecord(global) && Object.prototype.hasOwnProperty.call(global, 'baseDomain')) {
      const bd = global['baseDomain'];
      const path = ['global', 'baseDomain'];
      if (bd === null || bd === '') context.report({ messageId: 'empty', path, target: 'key' });
      else if (typeof bd === 'string' && !/[<>{}$]/.test(bd) && !DNS_NAME.test(bd)) {
        const problem = describe(bd);
        if (problem) context.report({ messageId: 'notDnsName', data: problem, path });
      }
    }
    const h = context.houston;
    const subdomain = getAt(h.config, ['subdomain']);
    if (subdomain !== undefined && subdomain !== null && subdomain !== 'houston') {
      context.report({ messageId: 'subdomain', data: { value: String(subdomain) }, path: [...h.configPath, 'subdomain'] });
    }
    const helm = getAt(h.config, ['helm']);
    if (isRecord(helm) && helm['baseDomain'] !== undefined && helm['baseDomain'] !== null) {
      const bd = isRecord(global) ? global['baseDomain'] : undefined;
      const differs = typeof bd === 'string' && bd !== helm['baseDomain'] ? ', so Houston\'s URLs and the ingress hosts disagree' : '';
      context.report({ messageId: 'helmBaseDomain', data: { differs }, path: [...h.configPath, 'helm', 'baseDomain'] });
    }
  },
});

/** What is wrong with a base domain and the bare name to use instead; undefined when nothing can be said. */
function describe(value: string): { problem: string; suggestion: string } | undefined {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:?#\s]*)(?::(\d*))?([^\s]*)$/i.exec(value.trim());
  const host = m?.[2]?.replace(/\.$/, '') ?? '';
  const problems: string[] = [];
  if (m?.[1]) problems.push(`no scheme such as \`${m[1]}://\``);
  if (m?.[3] !== undefined) problems.push('no port');
  if (m?.[4] && m[4] !== '/') problems.push('no path');
  else if (m?.[4] === '/') problems.push('no trailing `/`');
  if (/\s/.test(value)) problems.push('no spaces');
  if (value.endsWith('.') && !value.endsWith('..')) problems.push('no trailing dot');
  if (problems.length === 0) problems.push('letters, digits, hyphens and dots only');
  return { problem: problems.join(', '), suggestion: host && DNS_NAME.test(host) ? `\`${host.toLowerCase()}\`` : 'a name such as `astro.example-corp.io`' };
}
