import { runRuleTests } from '../helpers/rule-tester.js';

const OKTA = '          okta:\n            enabled: true\n            clientId: abc\n            discoveryUrl: https://example.okta.com\n';
const HEAD = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n';

runRuleTests('default-providers-enabled', {
  valid: [
    `${HEAD}${OKTA}          google:\n            enabled: false\n        github:\n          enabled: false\n`,
    { name: 'no enterprise provider: Google and GitHub are the intended logins', code: 'astronomer:\n  houston:\n    config:\n      publicSignups: false\n' },
    {
      name: 'Google deliberately on with its own clientId',
      code: `${HEAD}${OKTA}          google:\n            enabled: true\n            clientId: my-google-app\n        github:\n          enabled: false\n`,
    },
    { name: 'a misplaced provider is not enabled', code: 'astronomer:\n  houston:\n    config:\n      auth:\n        okta:\n          enabled: true\n' },
  ],
  invalid: [
    {
      name: 'Okta on, Google and GitHub left at the chart defaults',
      code: `${HEAD}${OKTA}`,
      errors: [{ messageId: 'stillOn', line: 5, column: 9, path: 'astronomer.houston.config.auth.openidConnect', message: '`okta` is enabled, but Google login and GitHub login are still on' }],
    },
    {
      name: 'only GitHub still on',
      code: `${HEAD}${OKTA}          google:\n            enabled: false\n`,
      errors: [{ messageId: 'stillOn', line: 5, column: 9, message: 'but GitHub login is still on' }],
    },
    {
      name: 'Google explicitly on without a clientId (brokered by Auth0)',
      code: `${HEAD}${OKTA}          google:\n            enabled: true\n        github:\n          enabled: false\n`,
      errors: [{ messageId: 'stillOn', line: 5, column: 9, message: 'Google login (set to `true` here) is still on' }],
    },
    {
      name: 'LDAP on; no openidConnect key, so the finding sits at auth',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        ldap:\n          enabled: true\n        github:\n          enabled: true\n',
      errors: [{ messageId: 'stillOn', line: 4, column: 7, path: 'astronomer.houston.config.auth.openidConnect', message: 'LDAP is enabled, but Google login and GitHub login (set to `true` here) are still on' }],
    },
  ],
});
