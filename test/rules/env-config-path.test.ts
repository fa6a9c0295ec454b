import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests('env-config-path', {
  valid: [
    'astronomer:\n  houston:\n    env:\n      - name: GLOBAL_AGENT_HTTPS_PROXY\n        value: http://my-proxy:3129\n      - name: GLOBAL_AGENT_NO_PROXY\n        value: "*.svc,*.cluster.local"\n      - name: NODE_EXTRA_CA_CERTS\n        value: /etc/ssl/proxy-ca.pem\n',
    'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__FLOW\n        value: code\n      - name: AUTH__OPENID_CONNECT__OKTA__AUTH_URL_PARAMS__AUDIENCE\n        value: api://default\n      - name: PUBLIC_SIGNUPS__ENABLED\n        value: "false"\n',
    // Names outside the convention, or in sections Houston may have that we cannot see: not reported.
    'astronomer:\n  houston:\n    env:\n      - name: MY_APP_FLAG\n        value: "1"\n      - name: ORBIT__PORT\n        value: "5000"\n      - name: DEPLOYMENTS__HELM__AIRFLOW__DEFAULT_USER\n        value: admin\n',
    'astronomer:\n  houston:\n    secret:\n      - envName: EMAIL__SMTP_URL\n        secretName: astronomer-smtp\n        secretKey: connection\n      - envName: SCIM_AUTH_CODE_OKTA\n        secretName: okta-scim\n      - envName: WEBERVER__SUBCRIPTIONS\n        secretName: x\n',
    // Client-secret near misses belong to secret-env-name.
    'astronomer:\n  houston:\n    secret:\n      - envName: AUTH_OPENID_CONNECT__OKTA__CLIENT_SECRET\n        secretName: okta-secret\n',
  ],
  invalid: [
    {
      name: 'CLIENTID without underscore',
      code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENTID\n        value: 0oa1b2c3\n',
      errors: [
        {
          messageId: 'unknownPathSuggest',
          line: 4,
          column: 15,
          path: 'astronomer.houston.env[0].name',
          message: 'Did you mean `AUTH__OPENID_CONNECT__OKTA__CLIENT_ID`?',
          suggestions: [{ desc: 'Rename to `AUTH__OPENID_CONNECT__OKTA__CLIENT_ID`.', output: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__OPENID_CONNECT__OKTA__CLIENT_ID\n        value: 0oa1b2c3\n' }],
        },
      ],
    },
    {
      name: 'no such key under auth',
      code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__SAML__ENABLED\n        value: "true"\n',
      errors: [{ messageId: 'unknownPath', line: 4, column: 15, path: 'astronomer.houston.env[0].name' }],
    },
    {
      name: 'SMTP URL typo in a secret entry',
      code: 'astronomer:\n  houston:\n    secret:\n      - envName: "EMAIL__SMTP_URI"\n        secretName: astronomer-smtp\n',
      errors: [{ messageId: 'unknownPathSuggest', line: 4, column: 18, suggestions: [{ output: 'astronomer:\n  houston:\n    secret:\n      - envName: "EMAIL__SMTP_URL"\n        secretName: astronomer-smtp\n' }] }],
    },
    {
      name: 'chart-managed names',
      code: 'astronomer:\n  houston:\n    env:\n      - name: NODE_ENV\n        value: development\n      - name: JWT__REGISTRY__ISSUER\n        value: me\n    secret:\n      - envName: DATABASE__CONNECTION\n        secretName: my-db\n',
      errors: [
        { messageId: 'chartManaged', line: 4, column: 15, path: 'astronomer.houston.env[0].name' },
        { messageId: 'chartManaged', line: 6, column: 15, path: 'astronomer.houston.env[1].name' },
        { messageId: 'chartManaged', line: 9, column: 18, path: 'astronomer.houston.secret[0].envName' },
      ],
    },
    {
      name: 'obsolete names',
      code: 'astronomer:\n  houston:\n    env:\n      - name: AUTH__AUTH0__BASE_DOMAIN\n        value: org.auth0.com\n      - name: AUTH_STRATEGY\n        value: auth0_oauth\n    secret:\n      - envName: SMTP_URI\n        secretName: smtp\n',
      errors: [
        { messageId: 'obsolete', line: 4, column: 15, path: 'astronomer.houston.env[0].name', message: '`AUTH__OPENID_CONNECT__AUTH0__DISCOVERY_URL`' },
        { messageId: 'obsolete', line: 6, column: 15, message: '`AUTH__LOCAL__ENABLED`' },
        { messageId: 'obsolete', line: 9, column: 18, message: 'Use `EMAIL__SMTP_URL` instead.' },
      ],
    },
  ],
});
