import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n';
const rt = (provider: string, type: string, flow?: string) =>
  `${H}${flow ? `          flow: ${flow}\n` : ''}          ${provider}:\n            enabled: true\n            authUrlParams:\n              response_type: ${type}\n`;

runRuleTests('flow-response-type', {
  valid: [
    { name: 'Cognito’s documented token type under the implicit default', code: rt('cognito', 'token') },
    rt('okta', 'token id_token', 'implicit'),
    rt('okta', 'code id_token'),
    rt('okta', 'code', 'code'),
    rt('okta', '"code"', '"code"'),
    { name: 'no response_type', code: `${H}          flow: code\n          okta:\n            enabled: true\n` },
    { name: 'invalid flow is another rule’s finding', code: rt('okta', 'token', 'impicit') },
    { name: 'flow from a Secret: unknown', code: rt('okta', 'token', 'code') + '    secret:\n      - envName: AUTH__OPENID_CONNECT__FLOW\n        secretName: flow\n' },
    { name: 'env var overrides the config flow', code: rt('okta', 'token', 'code') + '    env:\n      - name: AUTH__OPENID_CONNECT__FLOW\n        value: implicit\n' },
  ],
  invalid: [
    {
      name: 'token with flow: code',
      code: rt('okta', 'token', 'code'),
      errors: [
        {
          messageId: 'tokenInCodeFlow',
          line: 10,
          column: 30,
          path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.response_type',
          message: '`response_type: token` asks `okta` for tokens in the redirect, but the flow is `code`:',
        },
      ],
    },
    {
      name: 'id_token with flow: code',
      code: rt('microsoft', '"code id_token"', '"code"'),
      errors: [{ messageId: 'tokenInCodeFlow', line: 10, column: 30 }],
    },
    {
      name: 'code under the implicit default',
      code: rt('okta', 'code'),
      errors: [
        {
          messageId: 'codeInImplicitFlow',
          line: 9,
          column: 30,
          path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.response_type',
          message: 'the flow is implicit (the default)',
        },
      ],
    },
    {
      name: 'code with an explicit implicit flow',
      code: rt('custom', 'code', 'implicit'),
      errors: [{ messageId: 'codeInImplicitFlow', line: 10, column: 30, message: 'the flow is implicit:' }],
    },
    {
      name: 'the env var sets the code flow',
      code: rt('okta', 'token') + '    env:\n      - name: AUTH__OPENID_CONNECT__FLOW\n        value: code\n',
      errors: [{ messageId: 'tokenInCodeFlow', line: 9, column: 30, message: 'set by the `AUTH__OPENID_CONNECT__FLOW` env var' }],
    },
    {
      name: 'one finding per provider',
      code: `${H}          flow: code\n          okta:\n            authUrlParams:\n              response_type: token\n          cognito:\n            authUrlParams:\n              response_type: id_token\n`,
      errors: [
        { messageId: 'tokenInCodeFlow', line: 9, column: 30, path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.response_type' },
        { messageId: 'tokenInCodeFlow', line: 12, column: 30, path: 'astronomer.houston.config.auth.openidConnect.cognito.authUrlParams.response_type' },
      ],
    },
  ],
});
