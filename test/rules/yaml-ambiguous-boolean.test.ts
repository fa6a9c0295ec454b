import { runRuleTests } from '../helpers/rule-tester.js';

const C = 'astronomer:\n  houston:\n    config:\n';

runRuleTests('yaml-ambiguous-boolean', {
  valid: [
    C + '      publicSignups: true\n      emailConfirmation: False\n',
    C + '      email:\n        reply: "no"\n        enabled: \'off\'\n',
    C + '      subdomain: yEs\n', // not a YAML 1.1 boolean: a string for every reader
    'nginx:\n  enabled: yes\n', // outside the houston section
    C + '      auth:\n        local:\n          yes: true\n', // keys are out of scope
  ],
  invalid: [
    {
      code: C + '      auth:\n        local:\n          enabled: yes\n        github:\n          enabled: Off\n',
      errors: [
        { messageId: 'ambiguous', line: 6, column: 20, endLine: 6, endColumn: 23, path: 'astronomer.houston.config.auth.local.enabled', suggestions: [{ output: C + '      auth:\n        local:\n          enabled: "yes"\n        github:\n          enabled: Off\n' }] },
        { messageId: 'ambiguous', line: 8, column: 20, path: 'astronomer.houston.config.auth.github.enabled', suggestions: [{ output: C + '      auth:\n        local:\n          enabled: yes\n        github:\n          enabled: "Off"\n' }] },
      ],
      output: C + '      auth:\n        local:\n          enabled: true\n        github:\n          enabled: false\n',
    },
    {
      name: 'where a string is expected Helm still passes the boolean',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: A\n        secretName: y\n',
      errors: [{ messageId: 'ambiguous', line: 5, column: 21, path: 'astronomer.houston.secret[0].secretName', message: 'Helm passes the boolean `true`' }],
      output: 'astronomer:\n  houston:\n    secret:\n      - envName: A\n        secretName: true\n',
    },
    {
      name: 'global.baseDomain, env list and a flow sequence',
      code: 'global:\n  baseDomain: n\nastronomer:\n  houston:\n    env:\n      - name: X\n        value: ON\n    config:\n      allowedSystemLevelDomains: [NO]\n',
      errors: [
        { messageId: 'ambiguous', line: 2, column: 15, path: 'global.baseDomain' },
        { messageId: 'ambiguous', line: 7, column: 16, path: 'astronomer.houston.env[0].value' },
        { messageId: 'ambiguous', line: 9, column: 35, path: 'astronomer.houston.config.allowedSystemLevelDomains[0]' },
      ],
      output: 'global:\n  baseDomain: false\nastronomer:\n  houston:\n    env:\n      - name: X\n        value: true\n    config:\n      allowedSystemLevelDomains: [false]\n',
    },
    {
      name: 'a secret-like env value is never repeated',
      code: 'houston:\n  env:\n    - name: SMTP_PASSWORD\n      value: no\n',
      errors: [{ messageId: 'ambiguous', line: 4, column: 14, message: /^Helm reads YAML 1\.1, so the unquoted value is/ }],
      output: 'houston:\n  env:\n    - name: SMTP_PASSWORD\n      value: false\n',
    },
  ],
});
