import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n';
const ONLY_OKTA = '      auth:\n        github:\n          enabled: false\n        openidConnect:\n          google:\n            enabled: false\n          okta:\n            enabled: true\n';

runRuleTests('open-signups', {
  valid: [
    H + '      publicSignups:\n        enabled: false\n',
    H + '      publicSignups: false\n',
    { name: 'only an enterprise IdP can log in', code: H + '      publicSignups:\n        enabled: true\n' + ONLY_OKTA },
    { name: 'Google with the organisation’s own client id', code: H + '      publicSignups:\n        enabled: true\n      auth:\n        github:\n          enabled: false\n        openidConnect:\n          google:\n            clientId: 123.apps.googleusercontent.com\n' },
    { name: 'chart 1 flat false', code: H + '      publicSignups: false\n', chartVersion: '1' },
    { name: 'on chart 2 a flat value is not read (deprecated-key says so)', code: H + '      publicSignups: true\n' },
  ],
  invalid: [
    {
      name: 'docs "Enable public signups" (corpus 038), a 1.x file',
      code: H + '      publicSignups: true\n      emailConfirmation: false\n',
      chartVersion: '1',
      errors: [{ messageId: 'open', line: 4, column: 22, path: 'astronomer.houston.config.publicSignups', message: 'Google login (through Astronomer\'s Auth0) and GitHub login (through Astronomer\'s Auth0) are enabled: anyone who can reach the login page can create an account, and with email confirmation off' }],
    },
    {
      code: H + '      publicSignups:\n        enabled: true\n      auth:\n        local:\n          enabled: true\n' + ONLY_OKTA.replace('      auth:\n', ''),
      errors: [{ messageId: 'open', line: 5, column: 18, path: 'astronomer.houston.config.publicSignups.enabled', message: 'local username/password login is enabled' }],
    },
    {
      name: 'a 2.x map on chart 1 is truthy (corpus 054)',
      code: H + '      publicSignups:\n        enabled: false\n',
      chartVersion: '1',
      errors: [{ messageId: 'truthyMap', line: 4, column: 7 }],
    },
  ],
});
