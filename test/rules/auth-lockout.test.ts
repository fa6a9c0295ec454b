import { runRuleTests } from '../helpers/rule-tester.js';

const OFF = '          google:\n            enabled: false\n        github:\n          enabled: false\n';

runRuleTests('auth-lockout', {
  valid: [
    { name: 'chart defaults: Google and GitHub on', code: 'astronomer:\n  houston:\n    config:\n      publicSignups: false\n' },
    `astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n            clientId: abc\n            discoveryUrl: https://example.okta.com\n${OFF}`,
    `astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n        openidConnect:\n${OFF}`,
    `astronomer:\n  houston:\n    config:\n      auth:\n        ldap:\n          enabled: true\n        openidConnect:\n${OFF}`,
    {
      name: 'a provider switched on through an env var',
      code: `astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__ENABLED\n        value: "true"\n    config:\n      auth:\n        openidConnect:\n${OFF}`,
    },
    { name: 'no houston section: not this rule', code: 'auth:\n  github:\n    enabled: false\n  openidConnect:\n    google:\n      enabled: false\n' },
  ],
  invalid: [
    {
      name: 'Google and GitHub switched off, nothing else on',
      code: `astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n${OFF}`,
      errors: [{ messageId: 'lockout', line: 4, column: 7, path: 'astronomer.houston.config.auth', message: 'nobody can log in' }],
    },
    {
      name: 'a provider at the wrong level does not count',
      code: `astronomer:\n  houston:\n    config:\n      auth:\n        okta:\n          enabled: true\n        openidConnect:\n${OFF}`,
      errors: [{ messageId: 'lockout', line: 4, column: 7, path: 'astronomer.houston.config.auth' }],
    },
    {
      name: 'github under openidConnect is not GitHub login',
      code: 'houston:\n  config:\n    auth:\n      github:\n        enabled: false\n      openidConnect:\n        google:\n          enabled: false\n        github:\n          enabled: true\n',
      errors: [{ messageId: 'lockout', line: 3, column: 5, path: 'houston.config.auth' }],
    },
  ],
});
