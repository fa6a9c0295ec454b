import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          microsoft:\n            enabled: true\n';
const ms = (url: string, clientId = 'b1f2c3d4-0000-4000-8000-123456789abc', audience?: string) =>
  `${H}            clientId: ${clientId}\n            discoveryUrl: ${url}\n${audience === undefined ? '' : `            authUrlParams:\n              audience: ${audience}\n`}`;
const TENANT = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/.well-known/openid-configuration';

runRuleTests('microsoft-tenant', {
  valid: [
    ms(TENANT),
    ms(TENANT, 'b1f2c3d4-0000-4000-8000-123456789abc', 'b1f2c3d4-0000-4000-8000-123456789abc'),
    ms(TENANT, 'b1f2c3d4-0000-4000-8000-123456789abc', 'B1F2C3D4-0000-4000-8000-123456789ABC'),
    { name: 'the default Application ID URI', code: ms(TENANT, 'b1f2c3d4-0000-4000-8000-123456789abc', 'api://b1f2c3d4-0000-4000-8000-123456789abc') },
    { name: 'placeholders are no-placeholder’s findings', code: ms('https://login.microsoftonline.com/<tenant-id>/v2.0/', '<your-client-id>', '<cyour-client-id>') },
    ms('https://login.microsoftonline.com/acme.onmicrosoft.com/v2.0/'),
    { name: 'not the microsoft provider', code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          custom:\n            discoveryUrl: https://login.microsoftonline.com/common/v2.0/\n' },
    { name: 'audience without clientId', code: `${H}            authUrlParams:\n              audience: api://astronomer\n` },
  ],
  invalid: [
    {
      name: 'common endpoint',
      code: ms('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'),
      errors: [
        {
          messageId: 'multiTenant',
          line: 9,
          column: 27,
          path: 'astronomer.houston.config.auth.openidConnect.microsoft.discoveryUrl',
          message: 'multi-tenant `common` endpoint',
        },
      ],
    },
    {
      name: 'organizations, quoted, upper case',
      code: ms('"https://login.microsoftonline.com/Organizations/v2.0/"'),
      errors: [{ messageId: 'multiTenant', line: 9, column: 27, message: '`organizations`' }],
    },
    {
      name: 'consumers',
      code: ms('https://login.microsoftonline.com/consumers/v2.0'),
      errors: [{ messageId: 'multiTenant', line: 9, column: 27 }],
    },
    {
      name: 'audience is not the client id',
      code: ms(TENANT, 'b1f2c3d4-0000-4000-8000-123456789abc', 'api://astronomer-ee'),
      errors: [{ messageId: 'audienceNotClientId', line: 11, column: 25, path: 'astronomer.houston.config.auth.openidConnect.microsoft.authUrlParams.audience' }],
    },
    {
      name: 'both',
      code: ms('https://login.microsoftonline.com/common/v2.0/', 'b1f2c3d4-0000-4000-8000-123456789abc', 'astronomer-ee'),
      errors: [
        { messageId: 'multiTenant', line: 9, column: 27 },
        { messageId: 'audienceNotClientId', line: 11, column: 25 },
      ],
    },
  ],
});
