import { runRuleTests } from '../helpers/rule-tester.js';

const G = 'global:\n  baseDomain: acme.io\n';
const param = (url: string, global = G) =>
  `${global}astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            authUrlParams:\n              redirect_uri: ${url}\n`;
const env = (value: string) => `astronomer:\n  houston:\n    env:\n      - name: OAUTH_REDIRECT_URI\n        value: ${value}\n`;

runRuleTests('redirect-uri-trailing-slash', {
  valid: [
    param('https://houston.acme.io/v1/oauth/redirect/'),
    param('"https://houston.acme.io/v1/oauth/callback/"'),
    param('https://HOUSTON.acme.io/v1/oauth/redirect/', 'global:\n  baseDomain: Acme.io.\n'),
    { name: 'no baseDomain: any host', code: param('https://login.acme.io/v1/oauth/redirect/', '') },
    { name: 'placeholder host is no-placeholder’s finding', code: param('https://houston.<BASE_DOMAIN>/v1/oauth/callback/') },
    { name: 'other Houston routes', code: env('https://houston.acme.io/v1/oauth/start?provider=okta') },
    { name: 'not the OAuth route', code: env('https://houston.acme.io/v1/oauth/redirecting') },
    { name: 'secret-like env values are never read', code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        value: https://x/v1/oauth/redirect\n' },
    { name: 'outside the houston section', code: `${G}nginx:\n  note: https://houston.acme.io/v1/oauth/redirect\n` },
  ],
  invalid: [
    {
      name: 'missing slash, plain',
      code: param('https://houston.acme.io/v1/oauth/redirect'),
      errors: [
        {
          messageId: 'missingSlash',
          line: 10,
          column: 29,
          path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.redirect_uri',
          message: 'The Houston redirect URL has no trailing `/`',
        },
      ],
      output: param('https://houston.acme.io/v1/oauth/redirect/'),
    },
    {
      name: 'missing slash in an env value, quotes kept',
      code: env('"https://houston.acme.io/v1/oauth/callback"'),
      errors: [{ messageId: 'missingSlash', line: 5, column: 16, path: 'astronomer.houston.env[0].value', message: 'callback URL' }],
      output: env('"https://houston.acme.io/v1/oauth/callback/"'),
    },
    {
      name: 'missing slash with a query after the path, single-quoted',
      code: env("'https://houston.acme.io/v1/oauth/redirect?x=1'"),
      errors: [{ messageId: 'missingSlash', line: 5, column: 16 }],
      output: env("'https://houston.acme.io/v1/oauth/redirect/?x=1'"),
    },
    {
      name: 'two URLs in one JSON string',
      code: env(`'{"a":"https://houston.acme.io/v1/oauth/redirect","b":"https://houston.acme.io/v1/oauth/callback"}'`),
      errors: [
        { messageId: 'missingSlash', line: 5, column: 16, message: 'callback' },
        { messageId: 'missingSlash', line: 5, column: 16, message: 'redirect' },
      ],
      output: env(`'{"a":"https://houston.acme.io/v1/oauth/redirect/","b":"https://houston.acme.io/v1/oauth/callback/"}'`),
    },
    {
      name: 'block scalar: reported, not fixed',
      code: env('>-\n          https://houston.acme.io/v1/oauth/redirect'),
      errors: [{ messageId: 'missingSlash', line: 5, column: 16 }],
      output: null,
    },
    {
      name: 'app host instead of houston',
      code: param('https://app.acme.io/v1/oauth/redirect/'),
      errors: [{ messageId: 'wrongHost', line: 10, column: 29, path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.redirect_uri', message: '`app.acme.io`' }],
    },
    {
      name: 'bare base domain',
      code: param('https://acme.io/v1/oauth/callback/'),
      errors: [{ messageId: 'wrongHost', line: 10, column: 29, message: 'served at `houston.acme.io`' }],
    },
    {
      name: 'http',
      code: param('http://houston.acme.io/v1/oauth/redirect/'),
      errors: [{ messageId: 'notHttps', line: 10, column: 29, path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.redirect_uri' }],
    },
    {
      name: 'the 0.29 docs’ port',
      code: param('https://houston.<BASE_DOMAIN>:8871/v1/oauth/callback/'),
      errors: [{ messageId: 'port', line: 10, column: 29, path: 'astronomer.houston.config.auth.openidConnect.okta.authUrlParams.redirect_uri', message: '`8871`' }],
    },
    {
      name: 'everything wrong at once: one finding per problem, the slash fixed',
      code: param('http://app.acme.io:8871/v1/oauth/redirect'),
      errors: [
        { messageId: 'missingSlash', line: 10, column: 29 },
        { messageId: 'port', line: 10, column: 29 },
        { messageId: 'wrongHost', line: 10, column: 29 },
        { messageId: 'notHttps', line: 10, column: 29 },
      ],
      output: param('http://app.acme.io:8871/v1/oauth/redirect/'),
    },
  ],
});
