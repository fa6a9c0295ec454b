import { runRuleTests } from '../helpers/rule-tester.js';

const OIDC = 'astronomer.houston.config.auth.openidConnect';

runRuleTests('provider-placement', {
  valid: [
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n        github:\n          enabled: false\n',
    'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          flow: code\n    secret:\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-scim\n',
    'houston:\n  config:\n    auth:\n      openidConnect:\n        microsoft:\n          scimAuthCode: ~\n',
    'global:\n  baseDomain: example.org\n',
    { name: 'a root secret that is not a houston secret list', code: 'secret:\n  name: other-chart\n' },
    { name: 'root openidConnect is reported only in files without a houston section', code: 'openidConnect:\n  flow: code\nastronomer:\n  houston:\n    config: {}\n' },
  ],
  invalid: [
    {
      name: 'provider directly under auth (openidConnect level missing)',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        okta:\n          enabled: true\n          clientId: abc\n',
      errors: [{ messageId: 'misplaced', line: 5, column: 9, path: 'astronomer.houston.config.auth.okta', message: `Houston ignores unknown keys under \`auth\`. It belongs at \`${OIDC}.okta\`` }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n            clientId: abc\n',
    },
    {
      name: 'both forms present: no fix, the existing block wins',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        okta:\n          enabled: true\n        openidConnect:\n          okta:\n            enabled: false\n',
      errors: [{ messageId: 'misplacedExisting', line: 5, column: 9, path: 'astronomer.houston.config.auth.okta', message: `\`${OIDC}.okta\` also exists and is the block that takes effect; this one is ignored` }],
      output: null,
    },
    {
      name: 'settings at the config level move into the existing openidConnect, comments kept',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            enabled: false\n      # code flow for every provider\n      flow: code # needs clientSecret\n      publicSignups: false\n',
      errors: [{ messageId: 'misplaced', line: 9, column: 7, path: 'astronomer.houston.config.flow', message: 'Houston receives it as an unknown top-level config key and ignores it' }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            enabled: false\n          # code flow for every provider\n          flow: code # needs clientSecret\n      publicSignups: false\n',
    },
    {
      name: 'CRLF file: line endings stay CRLF, missing openidConnect is created',
      code: 'astronomer:\r\n  houston:\r\n    config:\r\n      auth:\r\n        local:\r\n          enabled: false\r\n        clockTolerance: 30\r\n',
      errors: [{ messageId: 'misplaced', line: 7, column: 9, path: 'astronomer.houston.config.auth.clockTolerance' }],
      output: 'astronomer:\r\n  houston:\r\n    config:\r\n      auth:\r\n        local:\r\n          enabled: false\r\n        openidConnect:\r\n          clockTolerance: 30\r\n',
    },
    {
      name: 'secret under config goes to the houston level; the emptied config is removed',
      code: 'astronomer:\n  houston:\n    config:\n      secret:\n        - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n          secretName: okta-secret\n          secretKey: okta_client_secret\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 7, path: 'astronomer.houston.config.secret', message: 'no environment variable is created. It belongs at `astronomer.houston.secret`' }],
      output: 'astronomer:\n  houston:\n    secret:\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: okta-secret\n        secretKey: okta_client_secret\n',
    },
    {
      name: 'CRLF, a comment above the block moves with it, other comments of the removed parent stay',
      code: 'astronomer:\r\n  houston:\r\n    config:\r\n      # the Okta client secret\r\n      secret:\r\n      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\r\n        secretName: okta-secret\r\n      # TODO SCIM\r\n    replicas: 2\r\n',
      errors: [{ messageId: 'misplaced', line: 5, column: 7, path: 'astronomer.houston.config.secret' }],
      output: 'astronomer:\r\n  houston:\r\n      # TODO SCIM\r\n    replicas: 2\r\n    # the Okta client secret\r\n    secret:\r\n    - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET\r\n      secretName: okta-secret\r\n',
    },
    {
      name: 'env under config next to other settings, with a comment inside the block',
      code: 'astronomer:\n  houston:\n    config:\n      env:\n        # proxy for IdP calls\n        - name: GLOBAL_AGENT_HTTPS_PROXY\n          value: http://proxy:3128\n      publicSignups: false\n    replicas: 2\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 7, path: 'astronomer.houston.config.env' }],
      output: 'astronomer:\n  houston:\n    config:\n      publicSignups: false\n    replicas: 2\n    env:\n      # proxy for IdP calls\n      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://proxy:3128\n',
    },
    {
      name: 'SCIM code outside its provider (config.okta.scimAuthCode)',
      code: 'astronomer:\n  houston:\n    config:\n      okta:\n        scimAuthCode: from-a-secret-please\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 7, path: 'astronomer.houston.config.okta', message: `It belongs at \`${OIDC}.okta\`` }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            scimAuthCode: from-a-secret-please\n',
    },
    {
      name: 'openidConnect at the config level (a sibling of auth)',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n      openidConnect:\n        flow: code\n',
      errors: [{ messageId: 'misplaced', line: 7, column: 7, path: 'astronomer.houston.config.openidConnect', message: 'It belongs at `astronomer.houston.config.auth.openidConnect`' }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n        openidConnect:\n          flow: code\n',
    },
    {
      name: 'auth directly under astronomer.houston',
      code: 'astronomer:\n  houston:\n    auth:\n      github:\n        enabled: false\n    config:\n      publicSignups: false\n',
      errors: [{ messageId: 'misplaced', line: 3, column: 5, path: 'astronomer.houston.auth', message: 'the chart passes only `config` to Houston' }],
      output: 'astronomer:\n  houston:\n    config:\n      publicSignups: false\n      auth:\n        github:\n          enabled: false\n',
    },
    {
      name: 'auth at the root of a file that has a houston section',
      code: 'auth:\n  github:\n    enabled: false\nastronomer:\n  houston:\n    config:\n      publicSignups: false\n',
      errors: [{ messageId: 'misplaced', line: 1, column: 1, path: 'auth', message: 'the chart reads Houston settings only from `astronomer.houston.config`' }],
      output: 'astronomer:\n  houston:\n    config:\n      publicSignups: false\n      auth:\n        github:\n          enabled: false\n',
    },
    {
      name: 'obsolete chart 0.7 astronomer.auth (the google block is then moved under openidConnect)',
      code: 'global:\n  baseDomain: example.org\nastronomer:\n  auth:\n    google:\n      enabled: true\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3, path: 'astronomer.auth', message: 'chart ≤ 0.7 schema' }],
      output: 'global:\n  baseDomain: example.org\nastronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            enabled: true\n',
    },
    {
      name: 'fragment without parents: a provider block at the root',
      code: '# okta example\nokta:\n  enabled: true\n  clientId: abc\n  discoveryUrl: https://example.okta.com\n',
      errors: [{ messageId: 'misplaced', line: 2, column: 1, path: 'okta', message: `this file has no \`astronomer.houston\` section, so the chart never passes it to Houston. It belongs at \`${OIDC}.okta\`` }],
      output: '# okta example\nastronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          okta:\n            enabled: true\n            clientId: abc\n            discoveryUrl: https://example.okta.com\n',
    },
    {
      name: 'fragment without parents: auth and a stray top-level key',
      code: 'auth:\n  openidConnect:\n    idpGroupsImportEnabled: true\npublicSignups: false',
      errors: [{ messageId: 'misplaced', line: 1, column: 1, path: 'auth' }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          idpGroupsImportEnabled: true\npublicSignups: false',
    },
    {
      name: 'fragment without parents: openidConnect at the root',
      code: 'openidConnect:\n  flow: code\n',
      errors: [{ messageId: 'misplaced', line: 1, column: 1, path: 'openidConnect', message: `It belongs at \`${OIDC}\`` }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          flow: code\n',
    },
    {
      name: 'fragment without parents: a houston secret list at the root',
      code: 'secret:\n- envName: EMAIL__SMTP_URL\n  secretName: smtp\n',
      errors: [{ messageId: 'misplaced', line: 1, column: 1, path: 'secret', message: 'It belongs at `astronomer.houston.secret`' }],
      output: 'astronomer:\n  houston:\n    secret:\n    - envName: EMAIL__SMTP_URL\n      secretName: smtp\n',
    },
    {
      name: 'github under openidConnect does not switch GitHub login off',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            enabled: false\n          github:\n            enabled: false\n',
      errors: [{ messageId: 'misplaced', line: 8, column: 11, path: `${OIDC}.github`, message: 'it does not switch GitHub login off. It belongs at `astronomer.houston.config.auth.github`' }],
      output: 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n            enabled: false\n        github:\n          enabled: false\n',
    },
    {
      name: 'github under openidConnect next to auth.github',
      code: 'astronomer:\n  houston:\n    config:\n      auth:\n        github:\n          enabled: false\n        openidConnect:\n          github:\n            enabled: false\n',
      errors: [{ messageId: 'misplacedExisting', line: 8, column: 11, path: `${OIDC}.github` }],
      output: null,
    },
    {
      name: 'subchart file (houston at the root)',
      code: 'houston:\n  config:\n    microsoft:\n      useExternalProxy: false\n',
      errors: [{ messageId: 'misplaced', line: 3, column: 5, path: 'houston.config.microsoft', message: 'It belongs at `houston.config.auth.openidConnect.microsoft`' }],
      output: 'houston:\n  config:\n    auth:\n      openidConnect:\n        microsoft:\n          useExternalProxy: false\n',
    },
    {
      name: 'four-space indentation is kept',
      code: 'astronomer:\n    houston:\n        config:\n            auth:\n                adfs:\n                    enabled: true\n',
      errors: [{ messageId: 'misplaced', line: 5, column: 17 }],
      output: 'astronomer:\n    houston:\n        config:\n            auth:\n                openidConnect:\n                    adfs:\n                        enabled: true\n',
    },
    {
      name: 'flow-style block: reported, not fixed',
      code: 'astronomer:\n  houston:\n    config:\n      auth: {okta: {enabled: true}}\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 14, path: 'astronomer.houston.config.auth.okta' }],
      output: null,
    },
    {
      name: 'several misplaced blocks are fixed one after the other',
      code: 'astronomer:\n  houston:\n    config:\n      openidConnect:\n\n      flow: code\n      auth:\n        local:\n          enabled: false\n',
      errors: [
        { messageId: 'misplaced', line: 4, column: 7, path: 'astronomer.houston.config.openidConnect' },
        { messageId: 'misplaced', line: 6, column: 7, path: 'astronomer.houston.config.flow' },
      ],
      output: 'astronomer:\n  houston:\n    config:\n\n      auth:\n        local:\n          enabled: false\n        openidConnect:\n          flow: code\n',
    },
  ],
});
