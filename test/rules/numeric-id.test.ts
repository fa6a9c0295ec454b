import { runRuleTests } from '../helpers/rule-tester.js';

const P = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n';

runRuleTests('numeric-id', {
  valid: [
    P + '            clientId: "0754123"\n',
    P + "            clientId: '31415926535897932384626'\n            displayName: Okta\n",
    'astronomer:\n  houston:\n    secret:\n      - envName: A\n        secretName: s1\n        secretKey: "1"\n',
    'nginx:\n  clientId: 0754\n', // outside the houston section
  ],
  invalid: [
    {
      code: P + '            clientId: 31415926535897932384626\n',
      errors: [{ messageId: 'lossy', line: 8, column: 23, endLine: 8, endColumn: 46, path: 'astronomer.houston.config.auth.openidConnect.okta.clientId', message: 'Helm passes 3.1415926535897934e+22' }],
      output: P + '            clientId: "31415926535897932384626"\n',
    },
    {
      code: P + '            clientId: 0754123\n            authUrlParams:\n              audience: 12345\n',
      errors: [
        { messageId: 'octal', line: 8, column: 23, path: 'astronomer.houston.config.auth.openidConnect.okta.clientId', message: 'Helm passes 251987' },
        { messageId: 'number', line: 10, column: 25, path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.audience' },
      ],
      output: P + '            clientId: "0754123"\n            authUrlParams:\n              audience: "12345"\n',
    },
    {
      name: 'secret and env fields print with Go %v',
      code: 'houston:\n  secret:\n    - envName: A\n      secretName: 12345678\n      secretKey: 1\n  env:\n    - name: 007\n      value: x\n',
      errors: [
        { messageId: 'number', line: 4, column: 19, path: 'houston.secret[0].secretName', message: 'Helm passes the number 1.2345678e+07' },
        { messageId: 'number', line: 5, column: 18, path: 'houston.secret[0].secretKey' },
        { messageId: 'octal', line: 7, column: 13, path: 'houston.env[0].name', message: 'Helm passes 7' },
      ],
      output: 'houston:\n  secret:\n    - envName: A\n      secretName: "12345678"\n      secretKey: "1"\n  env:\n    - name: "007"\n      value: x\n',
    },
  ],
});
