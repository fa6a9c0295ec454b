import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n';
const okta = (key: string, value: string) => `${H}            ${key}: ${value}\n`;
const cfg = (body: string) => `astronomer:\n  houston:\n    config:\n${body}`;
const NO_SECRET_ECHO = /^(?![\s\S]*(FSDFSLDFJELLGJLSDFGJL42353425|your-client-secret|YOUR_URI_HERE|s3cr3t))/;

runRuleTests('no-placeholder', {
  valid: [
    okta('clientId', '0oa1b2c3d4e5f6g7h8i9'),
    okta('discoveryUrl', 'https://acme.okta.com/.well-known/openid-configuration'),
    cfg('      auth:\n        openidConnect:\n          teamFilterRegex: "^(?<team>astro-.*)$"\n'),
    cfg('      auth:\n        openidConnect:\n          teamFilterRegex: "^<astro>-.*$"\n'),
    cfg('      email:\n        reply: "Astronomer <noreply@acme.io>"\n'),
    { name: 'markup is not a placeholder', code: cfg('      banner: "<b>Maintenance</b> tonight<br><custom>x</custom>"\n') },
    cfg('      externalSignupUrl: https://acme.io/signup?q=a<b&c>d\n'),
    { name: 'Helm template actions are not placeholders', code: cfg('      note: \'{{ "<okta-secret-value>" | b64enc }} {{ .Values.YOUR_X }}\'\n') },
    'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__BASE_DOMAIN\n        value: acme.okta.com\n',
    cfg('      note: $IDENTITY and BASEDOMAINS and my.example.company.io\n'),
    { name: 'outside the houston section', code: 'nginx:\n  host: <your-host>\nglobal:\n  tlsSecret: <tls>\n' },
    { name: 'empty base domain is not a placeholder', code: 'global:\n  baseDomain:\nastronomer:\n  houston: {}\n' },
    { name: 'example domains can be turned off', code: 'global:\n  baseDomain: astro.mydomain.com\n', options: { exampleDomains: false } },
  ],
  invalid: [
    {
      name: 'angle-bracket client id',
      code: okta('clientId', '"<okta-client-id>"'),
      errors: [
        {
          messageId: 'placeholder',
          line: 7,
          column: 23,
          path: 'astronomer.houston.config.auth.openidConnect.okta.clientId',
          message: '`okta.clientId` contains the documentation placeholder `<okta-client-id>`.',
        },
      ],
    },
    {
      name: 'placeholders with spaces, listed together',
      code: okta('discoveryUrl', 'https://cognito-idp.<AWS REGION>.amazonaws.com/<COGNITO POOL ID>/.well-known/openid-configuration'),
      errors: [{ messageId: 'placeholder', line: 7, column: 27, message: '`<AWS REGION>`, `<COGNITO POOL ID>`' }],
    },
    {
      name: 'docs fake secret: named, never echoed',
      code: okta('clientSecret', 'FSDFSLDFJELLGJLSDFGJL42353425'),
      errors: [{ messageId: 'secretPlaceholder', line: 7, column: 27, path: 'astronomer.houston.config.auth.openidConnect.okta.clientSecret', message: NO_SECRET_ECHO }],
    },
    {
      name: 'docs fake ids',
      code: `${H}            clientId: ffhsdf78f734h2fsd\n            authUrlParams:\n              audience: "GYHWEYHTHR443fFEW"\n`,
      errors: [
        { messageId: 'placeholder', line: 7, column: 23, message: '`ffhsdf78f734h2fsd`' },
        { messageId: 'placeholder', line: 9, column: 25, message: '`GYHWEYHTHR443fFEW`' },
      ],
    },
    {
      name: 'lone ellipsis and $ID',
      code: `${H}            clientId: $ID\n            discoveryUrl: ...\n`,
      errors: [
        { messageId: 'placeholder', line: 7, column: 23, message: '`$ID`' },
        { messageId: 'placeholder', line: 8, column: 27, message: '`...`' },
      ],
    },
    {
      name: 'YOUR_ in smtpUrl (a credential): not echoed',
      code: cfg('      email:\n        smtpUrl: YOUR_URI_HERE\n'),
      errors: [{ messageId: 'secretPlaceholder', line: 5, column: 18, path: 'astronomer.houston.config.email.smtpUrl', message: NO_SECRET_ECHO }],
    },
    {
      name: 'secret-like env value: not echoed; placeholder env name in a secret entry: quoted',
      code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        value: <your-client-secret>\n    secret:\n      - envName: "<smtp-uri-secret>"\n        secretName: astronomer-smtp\n',
      errors: [
        { messageId: 'secretPlaceholder', line: 5, column: 16, path: 'astronomer.houston.env[0].value', message: NO_SECRET_ECHO },
        { messageId: 'placeholder', line: 7, column: 18, path: 'astronomer.houston.secret[0].envName', message: '`secret[0].envName` contains the documentation placeholder `<smtp-uri-secret>`' },
      ],
    },
    {
      name: 'BASEDOMAIN as a host label',
      code: 'astronomer:\n  houston:\n    env:\n      - name: REDIRECT\n        value: https://houston.BASEDOMAIN/v1/oauth/redirect/\n',
      errors: [{ messageId: 'placeholder', line: 5, column: 16, message: '`BASEDOMAIN`' }],
    },
    {
      name: 'misplaced block inside the section',
      code: cfg('      microsoft:\n        scimAuthCode: <your-secret-token>\n'),
      errors: [{ messageId: 'secretPlaceholder', line: 5, column: 23, path: 'astronomer.houston.config.microsoft.scimAuthCode' }],
    },
    {
      name: 'base domain placeholder',
      code: 'global:\n  baseDomain: <your-basedomain>\nastronomer:\n  houston:\n    config: {}\n',
      errors: [{ messageId: 'placeholder', line: 2, column: 15, path: 'global.baseDomain', message: '`global.baseDomain` contains the documentation placeholder `<your-basedomain>`' }],
    },
    {
      name: 'example base domain',
      code: 'global:\n  baseDomain: astro.mydomain.com\nastronomer:\n  houston: {}\n',
      errors: [{ messageId: 'exampleDomain', line: 2, column: 15, path: 'global.baseDomain', message: '`astro.mydomain.com`', severity: 1 }],
    },
    {
      name: 'example domains in houston values',
      code: cfg('      email:\n        reply: noreply@example.com\n      auth:\n        ldap:\n          host: ldap.example.org\n      allowedSystemLevelDomains:\n        - mybasedomain\n'),
      errors: [
        { messageId: 'exampleDomain', line: 5, column: 16, message: '`example.com`' },
        { messageId: 'exampleDomain', line: 8, column: 17, message: '`ldap.example.org`' },
        { messageId: 'exampleDomain', line: 10, column: 11, path: 'astronomer.houston.config.allowedSystemLevelDomains[0]' },
      ],
    },
    {
      name: 'subchart file',
      code: 'houston:\n  config:\n    auth:\n      openidConnect:\n        adfs:\n          clientId: <adfs-client-id>\n',
      errors: [{ messageId: 'placeholder', line: 6, column: 21, path: 'houston.config.auth.openidConnect.adfs.clientId' }],
    },
  ],
});
