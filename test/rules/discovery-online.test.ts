// discovery-online reads what the network step found (rule options); it does no I/O. The network step is tested in test/online/.
import { runRuleTests } from '../helpers/rule-tester.js';

const file = (url: string, flow = 'implicit', extra = '') => `global:
  baseDomain: astro.acme.test
astronomer:
  houston:
    config:
      auth:
        github:
          enabled: false
        openidConnect:
          flow: ${flow}
          google:
            enabled: false
          okta:
            enabled: true
            clientId: 0oa1b2c3d4
            discoveryUrl: ${url}
${flow === 'code' ? SECRET : ''}${extra}`;

const SECRET = `    secret:
      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET
        secretName: okta-oidc
        secretKey: client-secret
`;

const ok = {
  documentUrl: 'https://acme.okta.com/.well-known/openid-configuration',
  ok: true,
  issuer: 'https://acme.okta.com',
  responseTypesSupported: ['code', 'id_token token'],
  endpoints: { authorization_endpoint: 'https://acme.okta.com/authorize', token_endpoint: 'https://acme.okta.com/token', jwks_uri: 'https://acme.okta.com/keys' },
  problems: [],
};
const at = (url: string, result: object) => ({ discovery: { [url]: result } });
const URL = 'https://acme.okta.com';

runRuleTests('discovery-online', {
  valid: [
    { name: 'without --online (no results) nothing is reported', code: file(URL) },
    { name: 'a good document', code: file(URL, 'code'), options: at(URL, ok) },
    { name: 'results for another URL only', code: file('https://other.okta.com'), options: at(URL, { ...ok, error: 'connection refused' }) },
    {
      name: 'response types compared as sets',
      code: file(URL, 'implicit', '  '),
      options: at(URL, { ...ok, responseTypesSupported: ['id_token  token'] }),
    },
  ],
  invalid: [
    {
      name: 'unreachable, through a proxy',
      code: file(URL),
      options: at(URL, { documentUrl: `${URL}/.well-known/openid-configuration`, ok: false, error: 'connection refused', via: 'proxy:3128 from HTTPS_PROXY in the environment', problems: [] }),
      errors: [
        {
          messageId: 'unreachable',
          line: 16,
          column: 27,
          path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryUrl',
          message: 'could not be fetched (through the proxy proxy:3128 from HTTPS_PROXY in the environment): connection refused.',
        },
      ],
    },
    {
      name: 'problems found by the network step',
      code: file(URL, 'implicit', '\n'),
      options: at(URL, {
        ...ok,
        ok: false,
        problems: [
          { id: 'issuerMismatch', data: { issuer: 'https://acme.okta.com/oauth2/default', expected: URL } },
          { id: 'jwksEmpty', data: { jwks: 'https://acme.okta.com/keys' } },
        ],
      }),
      errors: [
        { messageId: 'issuerMismatch', line: 16, column: 27, message: 'names the issuer `https://acme.okta.com/oauth2/default`, but it was fetched for `https://acme.okta.com`' },
        { messageId: 'jwksEmpty', line: 16, column: 27 },
      ],
    },
    {
      name: 'the code flow needs `code` and a token endpoint',
      code: file(URL, 'code'),
      options: at(URL, { ...ok, responseTypesSupported: ['id_token token'], endpoints: { authorization_endpoint: 'https://acme.okta.com/authorize', jwks_uri: 'https://acme.okta.com/keys' } }),
      errors: [
        { messageId: 'responseTypeUnsupported', line: 16, column: 27, message: 'response_type `code` (the code flow), but its discovery document supports only `id_token token`' },
        { messageId: 'endpointMissing', line: 16, column: 27, message: 'no `token_endpoint`; the code flow exchanges the code there' },
      ],
    },
  ],
});
