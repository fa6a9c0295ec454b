import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests('secret-ref', {
  valid: [
    // secretKey is optional (chart default `value`).
    'astronomer:\n  houston:\n    env:\n      - name: MY_CUSTOM_VAR\n        value: custom-value\n    secret:\n      - envName: MY_SECRET_VAR\n        secretName: my-secret\n        secretKey: my-key\n      - envName: ANOTHER_SECRET\n        secretName: other-secret\n',
    'astronomer:\n  houston:\n    secret:\n      - envName: "EMAIL__SMTP_URL"\n        secretName: "astronomer.smtp-v2"\n        secretKey: "smtp.url_v1"\n',
  ],
  invalid: [
    {
      name: 'placeholder as envName (docs install sample)',
      code: 'astronomer:\n  houston:\n    secret:\n    - envName: "<smtp-uri-secret>"\n      secretName: "astronomer-smtp"\n      secretKey: "connection"\n',
      errors: [
        {
          messageId: 'invalidEnvName',
          line: 4,
          column: 16,
          path: 'astronomer.houston.secret[0].envName',
          message: 'Did you mean `EMAIL__SMTP_URL`?',
          suggestions: [{ output: 'astronomer:\n  houston:\n    secret:\n    - envName: "EMAIL__SMTP_URL"\n      secretName: "astronomer-smtp"\n      secretKey: "connection"\n' }],
        },
      ],
    },
    {
      name: 'invalid Secret name and key',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: EMAIL__SMTP_URL\n        secretName: "<secret-name>"\n        secretKey: "<connection>"\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: Okta_Secret\n        secretKey: "okta key"\n',
      errors: [
        { messageId: 'invalidSecretName', line: 5, column: 21, path: 'astronomer.houston.secret[0].secretName' },
        { messageId: 'invalidSecretKey', line: 6, column: 20, path: 'astronomer.houston.secret[0].secretKey' },
        { messageId: 'invalidSecretName', line: 8, column: 21 },
        { messageId: 'invalidSecretKey', line: 9, column: 20 },
      ],
    },
    {
      name: 'invalid env name in env and a name repeated across env and secret',
      code: 'astronomer:\n  houston:\n    env:\n      - name: 1ST_VAR\n        value: x\n      - name: EMAIL__SMTP_URL\n        value: ""\n    secret:\n      - envName: EMAIL__SMTP_URL\n        secretName: astronomer-smtp\n',
      errors: [
        { messageId: 'invalidEnvName', line: 4, column: 15, path: 'astronomer.houston.env[0].name', suggestions: [] },
        { messageId: 'duplicate', line: 9, column: 18, path: 'astronomer.houston.secret[0].envName', message: '`env[1]`' },
      ],
    },
    {
      name: 'valueFrom in env',
      code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        valueFrom:\n          secretKeyRef:\n            name: okta-secret\n            key: value\n',
      errors: [{ messageId: 'valueFrom', line: 5, column: 9, path: 'astronomer.houston.env[0].valueFrom' }],
    },
  ],
});
