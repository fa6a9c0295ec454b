import { runRuleTests } from '../helpers/rule-tester.js';

const C = 'astronomer:\n  houston:\n    config:\n';
const OIDC = C + '      auth:\n        openidConnect:\n';

runRuleTests('deprecated-key', {
  valid: [
    C + '      publicSignups:\n        enabled: true\n      emailConfirmation:\n        enabled: false\n',
    OIDC + '          idpGroupsImport:\n            enabled: true\n          flow: code\n',
    C + '      sslVerification:\n        enabled: true\n',
    C + '      deployments:\n        deployMechanisms:\n          configureDagDeployment:\n            enabled: true\n',
    { code: C + '      publicSignups: true\n      disableSSLVerify: false\n', chartVersion: '1' },
    { code: OIDC + '          idpGroupsImportEnabled: true\n', chartVersion: '0.37' },
    // deployments rows are rewritten by Houston 2.x itself: their nested form is not flagged on chart 1
    { code: C + '      deployments:\n        logHelmValues:\n          enabled: true\n', chartVersion: '1' },
    // outside the houston section (root-level auth is another rule's finding)
    'auth:\n  openidConnect:\n    idpGroupsImportEnabled: true\n',
  ],
  invalid: [
    {
      name: 'flat booleans nest, keeping the inline comment',
      code: C + '      publicSignups: true  # open\n      emailConfirmation: false\n',
      errors: [
        { messageId: 'renamed', line: 4, column: 7, endLine: 4, endColumn: 20, path: 'astronomer.houston.config.publicSignups' },
        { messageId: 'renamed', line: 5, column: 7, endLine: 5, endColumn: 24, path: 'astronomer.houston.config.emailConfirmation' },
      ],
      output: C + '      publicSignups:\n        enabled: true  # open\n      emailConfirmation:\n        enabled: false\n',
    },
    {
      name: 'disableSSLVerify inverts',
      code: C + '      disableSSLVerify: true\n',
      errors: [{ messageId: 'inverted', line: 4, column: 7, path: 'astronomer.houston.config.disableSSLVerify', message: '`disableSSLVerify: true` is `sslVerification.enabled: false`' }],
      output: C + '      sslVerification:\n        enabled: false\n',
    },
    {
      name: 'the new form wins: the old key is deleted',
      code: OIDC + '          idpGroupsImportEnabled: true\n          idpGroupsImport:\n            enabled: false\n          idpGroupsRefreshEnabled: true\n',
      errors: [
        { messageId: 'stale', line: 6, column: 11, path: 'astronomer.houston.config.auth.openidConnect.idpGroupsImportEnabled' },
        { messageId: 'renamed', line: 9, column: 11, path: 'astronomer.houston.config.auth.openidConnect.idpGroupsRefreshEnabled' },
      ],
      output: OIDC + '          idpGroupsImport:\n            enabled: false\n          idpGroupsRefresh:\n            enabled: true\n',
    },
    {
      name: 'deployment keys regroup under one new parent, comments between them kept',
      code: C + '      deployments:\n        configureDagDeployment: true\n        # keep me\n        gitSyncDagDeployment: false\n        maxPodAu: 100\n',
      errors: [
        { messageId: 'regrouped', line: 5, column: 9, path: 'astronomer.houston.config.deployments.configureDagDeployment' },
        { messageId: 'regrouped', line: 7, column: 9 },
        { messageId: 'removed', line: 8, column: 9, path: 'astronomer.houston.config.deployments.maxPodAu' },
      ],
      output:
        C +
        '      deployments:\n        deployMechanisms:\n          configureDagDeployment:\n            enabled: true\n          gitSyncDagDeployment:\n            enabled: false\n        # keep me\n',
    },
    {
      name: 'into an existing 2.x parent, and a block moved with its comments',
      code:
        C +
        '      deployments:\n        deployMechanisms:\n          dagOnlyDeployment:\n            enabled: true\n        nfsMountDagDeployment: true\n        components:\n          # sizes\n          scheduler: 1\n',
      errors: [
        { messageId: 'regrouped', line: 8, column: 9, path: 'astronomer.houston.config.deployments.nfsMountDagDeployment' },
        { messageId: 'regrouped', line: 9, column: 9, path: 'astronomer.houston.config.deployments.components' },
      ],
      output:
        C +
        '      deployments:\n        deployMechanisms:\n          dagOnlyDeployment:\n            enabled: true\n          nfsMountDagDeployment:\n            enabled: true\n        resourceManagement:\n          components:\n            # sizes\n            scheduler: 1\n',
    },
    {
      name: 'subchart file, 4-space indentation',
      code: 'houston:\n    config:\n        shouldLogUsername: false\n',
      errors: [{ messageId: 'renamed', line: 3, column: 9, path: 'houston.config.shouldLogUsername' }],
      output: 'houston:\n    config:\n        logUsername:\n            enabled: false\n',
    },
    {
      name: 'chart 1: nested forms go back to flat',
      chartVersion: '1',
      code: C + '      publicSignups:\n        enabled: false # invite only\n      sslVerification:\n        enabled: true\n',
      errors: [
        { messageId: 'nestedObject', line: 4, column: 7, path: 'astronomer.houston.config.publicSignups' },
        { messageId: 'nestedIgnored', line: 6, column: 7, path: 'astronomer.houston.config.sslVerification' },
      ],
      output: C + '      publicSignups: false # invite only\n      disableSSLVerify: false\n',
    },
    {
      name: 'chart 1: both forms, the flat one wins',
      chartVersion: '1',
      code: OIDC + '          idpGroupsImportEnabled: true\n          idpGroupsImport:\n            enabled: false\n',
      errors: [{ messageId: 'nestedIgnored', line: 7, column: 11, path: 'astronomer.houston.config.auth.openidConnect.idpGroupsImport' }],
      output: OIDC + '          idpGroupsImportEnabled: true\n',
    },
    {
      name: 'chart 1: a block with more than enabled is reported, not fixed',
      chartVersion: '1',
      code: C + '      emailConfirmation:\n        enabled: true\n        extra: 1\n',
      errors: [{ messageId: 'nestedObject', line: 4, column: 7 }],
      output: null,
    },
  ],
});
