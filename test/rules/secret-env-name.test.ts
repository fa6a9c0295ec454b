import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests('secret-env-name', {
  valid: [
    // A fragment with only the secret list (docs 0.34+): the providers are configured elsewhere.
    'astronomer:\n  houston:\n    secret:\n      - envName: "AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET"\n        secretName: okta-secret\n        secretKey: okta_client_secret\n',
    'astronomer:\n  houston:\n    secret:\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-provisioning-secret\n',
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          flow: code\n          okta:\n            enabled: true\n            clientId: 0oa1b2c3\n    secret:\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: okta-secret\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-scim\n',
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          cognito:\n            enabled: true\n            clientId: abc\n    secret:\n      - envName: AUTH__OPENID_CONNECT__COGNITO__CLIENT_SECRET\n        secretName: cognito-secret\n',
    'astronomer:\n  houston:\n    env:\n      - name: MY_APP_FLAG\n        value: "1"\n      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://proxy:3128\n',
    // Google is enabled by the chart's production.yaml.
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            clientId: 123.apps.googleusercontent.com\n    secret:\n      - envName: AUTH__OPENID_CONNECT__GOOGLE__CLIENT_SECRET\n        secretName: google-secret\n',
  ],
  invalid: [
    {
      name: 'single underscore after AUTH',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: "AUTH_OPENID_CONNECT__OKTA__CLIENT_SECRET"\n        secretName: okta-secret\n',
      errors: [
        {
          messageId: 'misspelled',
          line: 4,
          column: 18,
          path: 'astronomer.houston.secret[0].envName',
          message: 'Use `AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET`',
          suggestions: [
            {
              desc: 'Rename to `AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET`.',
              output: 'astronomer:\n  houston:\n    secret:\n      - envName: "AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET"\n        secretName: okta-secret\n',
            },
          ],
        },
      ],
    },
    {
      name: 'single underscore before CLIENT_SECRET, in env',
      code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA_CLIENT_SECRET\n        value: ""\n',
      errors: [
        {
          messageId: 'misspelled',
          line: 4,
          column: 15,
          path: 'astronomer.houston.env[0].name',
          suggestions: [{ output: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        value: ""\n' }],
        },
      ],
    },
    {
      name: 'lower case SCIM name',
      code: "astronomer:\n  houston:\n    secret:\n      - envName: 'scim_auth_code_microsoft'\n        secretName: azure-scim\n",
      errors: [
        {
          messageId: 'misspelled',
          line: 4,
          column: 18,
          suggestions: [{ output: "astronomer:\n  houston:\n    secret:\n      - envName: 'SCIM_AUTH_CODE_MICROSOFT'\n        secretName: azure-scim\n" }],
        },
      ],
    },
    {
      name: 'SCIM for a provider without SCIM',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: SCIM_AUTH_CODE_GOOGLE\n        secretName: scim\n',
      errors: [{ messageId: 'scimProvider', line: 4, column: 18, path: 'astronomer.houston.secret[0].envName', suggestions: [] }],
    },
    {
      name: 'no such provider',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: AUTH__OPENID_CONNECT__AZURE__CLIENT_SECRET\n        secretName: azure\n',
      errors: [{ messageId: 'unknownProvider', line: 4, column: 18, path: 'astronomer.houston.secret[0].envName' }],
    },
    {
      name: 'provider misspelled',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: AUTH__OPENID_CONNECT__MICROSFT__CLIENT_SECRET\n        secretName: azure\n',
      errors: [
        {
          messageId: 'unknownProvider',
          line: 4,
          column: 18,
          message: 'Did you mean `AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET`?',
          suggestions: [{ output: 'astronomer:\n  houston:\n    secret:\n      - envName: AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET\n        secretName: azure\n' }],
        },
      ],
    },
    {
      name: 'secret for a provider that is not enabled, another one is',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          microsoft:\n            enabled: true\n            clientId: 1111-2222\n    secret:\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: idp-secret\n',
      errors: [
        {
          messageId: 'notEnabled',
          line: 10,
          column: 18,
          path: 'astronomer.houston.secret[0].envName',
          message: 'Did you mean `AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET`?',
          suggestions: [
            {
              output:
                'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          microsoft:\n            enabled: true\n            clientId: 1111-2222\n    secret:\n      - envName: AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET\n        secretName: idp-secret\n',
            },
          ],
        },
      ],
    },
    {
      name: 'SCIM code for a disabled provider',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: false\n    secret:\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-scim\n',
      errors: [{ messageId: 'notEnabled', line: 9, column: 18, message: 'auth.openidConnect.okta.enabled: true', suggestions: [] }],
    },
  ],
});
