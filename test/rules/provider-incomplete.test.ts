import { runRuleTests } from '../helpers/rule-tester.js';

const HEAD = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n';

runRuleTests('provider-incomplete', {
  valid: [
    `${HEAD}          okta:\n            enabled: true\n            clientId: abc\n            discoveryUrl: https://example.okta.com\n`,
    { name: 'Google without clientId goes through Auth0', code: `${HEAD}          google:\n            enabled: true\n` },
    { name: 'auth0 has Houston and chart defaults', code: `${HEAD}          auth0:\n            enabled: true\n` },
    { name: 'a disabled provider needs nothing', code: `${HEAD}          adfs:\n            enabled: false\n` },
    { name: 'a typo of a known provider is unknown-key, not incomplete', code: `${HEAD}          micrsoft:\n            enabled: true\n` },
    { name: 'github under openidConnect is provider-placement', code: `${HEAD}          github:\n            enabled: true\n` },
    {
      name: 'discoveryUrl given through an env var',
      code: `astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__DISCOVERY_URL\n        value: https://example.okta.com\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n            clientId: abc\n`,
    },
  ],
  invalid: [
    {
      name: 'enabled with neither',
      code: `${HEAD}          okta:\n            enabled: true\n`,
      errors: [{ messageId: 'incomplete', line: 6, column: 11, path: 'astronomer.houston.config.auth.openidConnect.okta', message: 'Provider `okta` is enabled but has no `clientId` and `discoveryUrl`' }],
    },
    {
      name: 'misspelled discoveryURL: the value is absent under its real name',
      code: `${HEAD}          cognito:\n            enabled: true\n            clientId: abc\n            discoveryURL: https://cognito-idp.eu-west-1.amazonaws.com/pool\n`,
      errors: [{ messageId: 'incomplete', line: 6, column: 11, message: 'has no `discoveryUrl`' }],
    },
    {
      name: 'Google with its own clientId but discoveryUrl cleared',
      code: `${HEAD}          google:\n            enabled: true\n            clientId: my-app\n            discoveryUrl: ~\n`,
      errors: [{ messageId: 'incomplete', line: 6, column: 11, path: 'astronomer.houston.config.auth.openidConnect.google' }],
    },
    {
      name: 'custom without clientId; string "false" counts as enabled',
      code: `${HEAD}          custom:\n            enabled: "false"\n            discoveryUrl: https://idp.example.org\n`,
      errors: [{ messageId: 'incomplete', line: 6, column: 11, message: 'has no `clientId`,' }],
    },
  ],
});
