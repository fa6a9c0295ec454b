import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests('no-inline-secret', {
  valid: [
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n            clientSecret: ~\n            scimAuthCode: ""\n    secret:\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: okta-secret\n',
    'astronomer:\n  houston:\n    config:\n      email:\n        smtpUrl: smtp://relay.internal:25\n    env:\n      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://proxy:3128\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        value: ""\n',
  ],
  invalid: [
    {
      name: 'clientSecret in a provider block (docs Entra example)',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          microsoft:\n            enabled: true\n            clientSecret: <your-client-secret>\n',
      errors: [
        {
          messageId: 'inlineSecret',
          line: 8,
          column: 27,
          path: 'astronomer.houston.config.auth.openidConnect.microsoft.clientSecret',
          message: 'envName: AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET',
        },
      ],
    },
    {
      name: 'misplaced SCIM codes and a clientSecret in a free-form key',
      code: 'astronomer:\n  houston:\n    config:\n      okta:\n        scimAuthCode: user:pass\n      auth:\n        openidConnect:\n          myidp:\n            clientSecret: s3cr3t\n',
      errors: [
        { messageId: 'inlineSecret', line: 5, column: 23, path: 'astronomer.houston.config.okta.scimAuthCode', message: 'SCIM_AUTH_CODE_OKTA' },
        { messageId: 'inlineSecret', line: 9, column: 27, message: 'AUTH__OPENID_CONNECT__MYIDP__CLIENT_SECRET' },
      ],
    },
    {
      name: 'scimAuthCode for a provider without SCIM',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          adfs:\n            scimAuthCode: token\n',
      errors: [{ messageId: 'inlineSecretNoEnv', line: 7, column: 27 }],
    },
    {
      name: 'secret values in houston.env',
      code: 'astronomer:\n  houston:\n    env:\n      - name: SCIM_AUTH_CODE_MICROSOFT\n        value: abc123\n      - name: LDAP_BIND_PASSWORD\n        value: hunter2\n',
      errors: [
        { messageId: 'inlineEnvSecret', line: 5, column: 16, path: 'astronomer.houston.env[0].value', message: 'envName: SCIM_AUTH_CODE_MICROSOFT' },
        { messageId: 'inlineEnvSecret', line: 7, column: 16, path: 'astronomer.houston.env[1].value' },
      ],
    },
    {
      name: 'SMTP URL with credentials',
      code: 'astronomer:\n  houston:\n    config:\n      email:\n        enabled: true\n        smtpUrl: smtps://apikey:SG.xxxx@smtp.sendgrid.net:465\n',
      errors: [{ messageId: 'inlineSmtpUrl', line: 6, column: 18, path: 'astronomer.houston.config.email.smtpUrl' }],
    },
    {
      name: 'SMTP URL placeholder (docs install sample)',
      code: 'astronomer:\n  houston:\n    config:\n      email:\n        smtpUrl: YOUR_URI_HERE\n',
      errors: [{ messageId: 'smtpUrlPlaceholder', line: 5, column: 18, path: 'astronomer.houston.config.email.smtpUrl' }],
    },
  ],
});
