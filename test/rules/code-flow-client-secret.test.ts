import { runRuleTests } from '../helpers/rule-tester.js';

const okta = (extra: string) =>
  `astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          flow: code\n          google:\n            enabled: false\n          okta:\n            enabled: true\n            clientId: 0oa1b2c3\n            discoveryUrl: https://org.okta.com/oauth2/default/.well-known/openid-configuration\n${extra}`;

runRuleTests('code-flow-client-secret', {
  valid: [
    okta('    secret:\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: okta-secret\n'),
    okta('    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        value: from-env\n'),
    okta('            clientSecret: inline-but-present\n'),
    // Implicit flow (the default) needs no secret.
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n            clientId: 0oa1b2c3\n',
    // Google through Astronomer's Auth0 (no clientId) needs none.
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          flow: code\n',
    // The flow overridden back to implicit by an env var (env wins over config).
    okta('    env:\n      - name: AUTH__OPENID_CONNECT__FLOW\n        value: implicit\n'),
  ],
  invalid: [
    {
      name: 'no secret anywhere',
      code: okta(''),
      errors: [
        {
          messageId: 'missing',
          line: 9,
          column: 11,
          path: 'astronomer.houston.config.auth.openidConnect.okta',
          message: '`AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET`',
        },
      ],
    },
    {
      name: 'secret under the wrong provider name and an env entry with valueFrom',
      code: okta(
        '    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        valueFrom:\n          secretKeyRef: {name: okta-secret, key: value}\n    secret:\n      - envName: AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET\n        secretName: okta-secret\n',
      ),
      errors: [{ messageId: 'missing', line: 9, column: 11 }],
    },
    {
      name: 'flow set by env var, provider block only partly in the file',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            clientId: 123.apps.googleusercontent.com\n    env:\n      - name: AUTH__OPENID_CONNECT__FLOW\n        value: code\n',
      errors: [{ messageId: 'missing', line: 6, column: 11, path: 'astronomer.houston.config.auth.openidConnect.google' }],
    },
  ],
});
