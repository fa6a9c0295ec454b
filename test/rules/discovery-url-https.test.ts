import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n';
const okta = (url: string) => `${H}          okta:\n            enabled: true\n            discoveryUrl: ${url}\n`;

runRuleTests('discovery-url-https', {
  valid: [
    okta('https://acme.okta.com/.well-known/openid-configuration'),
    okta('https://acme.okta.com/oauth2/default/.well-known/openid-configuration'),
    okta('"https://acme.okta.com"'),
    okta('HTTPS://acme.okta.com'),
    okta('https://login.microsoftonline.com/<tenant-id>/v2.0/'),
    okta('https://acme.example.net/.well-known/oauth-authorization-server'),
    { name: 'placeholder only: no-placeholder reports it', code: okta('<provider-discovery-url>') },
    { name: 'lone ellipsis placeholder', code: okta('...') },
    { name: 'empty: a missing URL, not a scheme problem', code: okta('""') },
    { name: 'not a string: the schema reports it', code: okta('42') },
    { name: 'chart defaults only (google is on with its default https URL)', code: `${H}          google:\n            enabled: true\n` },
    { name: 'query string after the discovery document', code: okta('https://login.microsoftonline.com/abc/v2.0/.well-known/openid-configuration?appid=123') },
    'houston:\n  config:\n    auth:\n      openidConnect:\n        custom:\n          discoveryUrl: https://idp.acme.io\n',
  ],
  invalid: [
    {
      name: 'http, plain',
      code: okta('http://acme.okta.com/.well-known/openid-configuration'),
      errors: [
        {
          messageId: 'http',
          line: 8,
          column: 27,
          path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl',
          message: 'The `okta` discovery URL uses http://',
          suggestions: [{ desc: 'Use `https://`', output: okta('https://acme.okta.com/.well-known/openid-configuration') }],
        },
      ],
    },
    {
      name: 'http, double-quoted: the quotes stay',
      code: okta('"HTTP://acme.okta.com"'),
      errors: [{ messageId: 'http', line: 8, column: 27, suggestions: [{ output: okta('"https://acme.okta.com"') }] }],
    },
    {
      name: 'no scheme (the old baseDomain habit)',
      code: `${H}          microsoft:\n            enabled: true\n            discoveryUrl: login.microsoftonline.com/abc/v2.0/.well-known/openid-configuration\n`,
      errors: [
        {
          messageId: 'noScheme',
          line: 8,
          column: 27,
          path: 'astronomer.houston.config.auth.openidConnect.microsoft.discoveryUrl',
          suggestions: [
            {
              desc: 'Prefix the URL with `https://`',
              output: `${H}          microsoft:\n            enabled: true\n            discoveryUrl: https://login.microsoftonline.com/abc/v2.0/.well-known/openid-configuration\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'no scheme, single-quoted',
      code: okta("'acme.okta.com'"),
      errors: [{ messageId: 'noScheme', line: 8, column: 27, suggestions: [{ output: okta("'https://acme.okta.com'") }] }],
    },
    {
      name: 'no scheme in a block scalar: reported without a suggestion',
      code: okta('>-\n              acme.okta.com'),
      errors: [{ messageId: 'noScheme', line: 8, column: 27, suggestions: [] }],
    },
    {
      name: 'other scheme',
      code: okta('ftp://acme.okta.com'),
      errors: [{ messageId: 'otherScheme', line: 8, column: 27, path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl', message: 'uses ftp://' }],
    },
    {
      name: 'https, but the JWKS document instead of the discovery document',
      code: okta('https://acme.okta.com/oauth2/default/.well-known/jwks.json'),
      errors: [
        {
          messageId: 'notDiscoveryDocument',
          line: 8,
          column: 27,
          path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl',
          message: '`/.well-known/jwks.json`',
        },
      ],
    },
    {
      name: 'https, trailing slash after the discovery document',
      code: okta('https://acme.okta.com/.well-known/openid-configuration/'),
      errors: [{ messageId: 'notDiscoveryDocument', line: 8, column: 27 }],
    },
    {
      name: 'several providers, subchart file',
      code: 'houston:\n  config:\n    auth:\n      openidConnect:\n        cognito:\n          discoveryUrl: http://cognito-idp.eu-west-1.amazonaws.com/pool\n        adfs:\n          discoveryUrl: adfs.acme.io/adfs\n',
      errors: [
        { messageId: 'http', line: 6, column: 25, path: 'houston.config.auth.openidConnect.cognito.discoveryUrl' },
        { messageId: 'noScheme', line: 8, column: 25, path: 'houston.config.auth.openidConnect.adfs.discoveryUrl' },
      ],
    },
  ],
});
