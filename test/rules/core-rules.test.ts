// The engine's own checks, tested through the same tables as every rule.
import { runRuleTests } from '../helpers/rule-tester.js';

const H = 'astronomer:\n  houston:\n    config:\n      auth:\n';

runRuleTests('yaml-syntax', {
  valid: [H + '        local:\n          enabled: true\n', '', '# only a comment\n'],
  invalid: [
    { code: 'astronomer:\n  houston: [\n', errors: [{ messageId: 'problem', line: 3, column: 1 }] },
    { code: 'a: "unterminated\n', errors: [{ messageId: 'problem', line: 2, column: 1 }] },
    { code: 'a:\n\t- tab\n', errors: [{ messageId: 'problem', line: 2, column: 1 }] },
  ],
});

runRuleTests('duplicate-key', {
  valid: [H + '        local:\n          enabled: true\n', 'nginx:\n  a: 1\n  a: 2\n', 'x: &a {k: 1}\ny:\n  <<: *a\n  k: 2\n'],
  invalid: [
    {
      code: H + '        local:\n          enabled: true\n        local:\n          enabled: false\n',
      errors: [{ messageId: 'problem', line: 7, column: 9, endLine: 7, endColumn: 14, path: 'astronomer.houston.config.auth.local' }],
    },
    { code: 'astronomer:\n  houston: {}\nastronomer:\n  houston: {}\n', errors: [{ messageId: 'problem', line: 3, column: 1, path: 'astronomer' }] },
    { code: 'global:\n  baseDomain: a.io\n  baseDomain: b.io\n', errors: [{ messageId: 'problem', line: 3, column: 3, path: 'global.baseDomain' }] },
  ],
});

runRuleTests('multi-document', {
  valid: ['---\na: 1\n', 'a: 1\n---\n', 'a: 1\n...\n'],
  invalid: [{ code: 'a: 1\n---\nb: 2\n', errors: [{ messageId: 'problem', line: 2, column: 1 }] }],
});

runRuleTests('schema', {
  valid: [
    H + '        openidConnect:\n          flow: code\n          google:\n            enabled: false\n',
    'astronomer:\n  houston:\n    config:\n      publicSignups: false\n      emailConfirmation:\n        enabled: true\n',
    'nginx:\n  enabled: "false"\n',
    'houston:\n  secret:\n    - envName: A\n      secretName: b\n',
  ],
  invalid: [
    {
      name: 'a string where Houston tests truthiness',
      code: H + '        openidConnect:\n          google:\n            enabled: "false"\n',
      errors: [{ messageId: 'stringBoolean', line: 7, column: 22, path: 'astronomer.houston.config.auth.openidConnect.google.enabled', message: 'switches it ON' }],
    },
    {
      code: H + '        openidConnect:\n          flow: impicit\n',
      errors: [{ messageId: 'enum', line: 6, column: 17, message: 'use one of `implicit`, `code`' }],
    },
    {
      name: 'secret entry missing secretName, at the entry',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: A\n',
      errors: [{ messageId: 'required', line: 4, column: 9, path: 'astronomer.houston.secret[0]', message: '`secretName`' }],
    },
    {
      name: 'secret as a map',
      code: 'astronomer:\n  houston:\n    secret:\n      envName: A\n',
      errors: [{ messageId: 'type', line: 4, column: 7, path: 'astronomer.houston.secret', message: 'must be a list or empty (null) but is a map' }],
    },
    {
      name: 'nested flag of the wrong type reports the inner value only',
      code: 'astronomer:\n  houston:\n    config:\n      publicSignups:\n        enabled: "no"\n',
      errors: [{ messageId: 'stringBoolean', line: 5, column: 18, path: 'astronomer.houston.config.publicSignups.enabled' }],
    },
    {
      name: 'subchart file',
      code: 'houston:\n  config:\n    auth:\n      local:\n        enabled: 1\n',
      errors: [{ messageId: 'type', line: 5, column: 18, path: 'houston.config.auth.local.enabled' }],
    },
  ],
});

runRuleTests('unknown-key', {
  valid: [
    H + '        openidConnect:\n          cognito:\n            enabled: true\n',
    H + '        ldap:\n          bindPasswordSecret: x\n',
    'astronomer:\n  houston:\n    config:\n      someFutureKey: 1\n',
  ],
  invalid: [
    {
      code: H + '        openidConnect:\n          okta:\n            discoveryURL: https://a.okta.com\n',
      errors: [
        {
          messageId: 'unknownKeySuggest',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 25,
          path: 'astronomer.houston.config.auth.openidConnect.okta.discoveryURL',
          suggestions: [{ desc: 'Rename to `discoveryUrl`', output: H + '        openidConnect:\n          okta:\n            discoveryUrl: https://a.okta.com\n' }],
        },
      ],
    },
    {
      code: H + '        openIdConnect:\n          okta:\n            enabled: "yes"\n',
      errors: [{ messageId: 'unknownKeySuggest', line: 5, column: 9, message: 'Did you mean `openidConnect`?' }],
    },
    {
      name: 'a typo of a known provider is not a free-form provider, and is not validated further',
      code: H + '        openidConnect:\n          micrsoft:\n            enabled: "true"\n',
      errors: [{ messageId: 'unknownProvider', line: 6, column: 11, message: 'Did you mean `microsoft`?' }],
    },
    {
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: A\n        secretName: b\n        name: c\n',
      errors: [{ messageId: 'unknownKey', line: 6, column: 9, path: 'astronomer.houston.secret[0].name' }],
    },
  ],
});

const G = 'astronomer:\n  houston:\n    config:\n      auth:\n        openidConnect:\n          google:\n';

runRuleTests('unused-disable-directive', {
  valid: [
    G + '            # houston-lint-disable-next-line schema -- rolled out later\n            enabled: "false"\n',
    G + '            enabled: "false" # houston-lint-disable-line schema -- rolled out later\n',
    G + '            # houston-lint-disable -- generated block\n            enabled: "false"\n            # houston-lint-enable\n',
  ],
  invalid: [
    {
      code: G + '            # houston-lint-disable-next-line schema\n            enabled: false\n',
      errors: [{ messageId: 'unused', line: 7, column: 13, message: 'no `schema` problem' }],
    },
    {
      code: G + '            enabled: "false" # houston-lint-disable-line schema, no-such-rule\n',
      errors: [{ messageId: 'unknownRule', line: 7, column: 30, message: '`no-such-rule`' }],
    },
  ],
});

runRuleTests('directive-reason', {
  valid: [G + '            # houston-lint-disable-next-line schema -- rolled out later\n            enabled: "false"\n'],
  invalid: [
    {
      code: G + '            # houston-lint-disable-next-line schema\n            enabled: "false"\n',
      errors: [{ messageId: 'missingReason', line: 7, column: 13 }],
    },
  ],
});
