import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n';

runRuleTests('base-domain', {
  valid: [
    'global:\n  baseDomain: astro.acme-corp.io\n',
    'global:\n  baseDomain: ASTRO.Acme-Corp.IO\n',
    'global:\n  tlsSecret: x\n',
    { name: 'placeholders are no-placeholder’s', code: 'global:\n  baseDomain: <your-basedomain>\n' },
    H + '      subdomain: houston\n',
    H + '      helm:\n        releaseName: x\n',
  ],
  invalid: [
    { code: 'global:\n  baseDomain:\n', errors: [{ messageId: 'empty', line: 2, column: 3, path: 'global.baseDomain' }] },
    { code: 'global:\n  baseDomain: ""\n', errors: [{ messageId: 'empty', line: 2, column: 3 }] },
    {
      code: 'global:\n  baseDomain: https://astro.acme-corp.io/\n',
      errors: [{ messageId: 'notDnsName', line: 2, column: 15, message: 'no scheme such as `https://`, no trailing `/`): the chart builds `houston.<baseDomain>`, `app.<baseDomain>` and `registry.<baseDomain>` from it, and Houston every redirect URI. Use `astro.acme-corp.io`' }],
    },
    { code: 'global:\n  baseDomain: astro.acme-corp.io:443\n', errors: [{ messageId: 'notDnsName', line: 2, column: 15, message: 'no port' }] },
    { code: 'global:\n  baseDomain: astro_acme.io\n', errors: [{ messageId: 'notDnsName', line: 2, column: 15, message: 'letters, digits, hyphens and dots only' }] },
    {
      code: H + '      subdomain: api\n',
      errors: [{ messageId: 'subdomain', line: 4, column: 18, path: 'astronomer.houston.config.subdomain', message: '`subdomain: api`' }],
    },
    {
      code: 'global:\n  baseDomain: astro.acme-corp.io\n' + H + '      helm:\n        baseDomain: astro.other.io\n',
      errors: [{ messageId: 'helmBaseDomain', line: 7, column: 21, message: 'disagree' }],
    },
  ],
});
