// What Houston sees under the user's config: Houston's default.yaml and the chart's production.yaml.

/**
 * The parts of Houston's own `default.yaml` (Software 0.35, reference §3.3) that rules depend on:
 * the flow default and the providers' built-in discovery URLs and parameters.
 */
export const HOUSTON_DEFAULT_AUTH = {
  local: { enabled: false },
  github: { enabled: false },
  openidConnect: {
    flow: 'implicit',
    clockTolerance: 0,
    auth0: {
      enabled: false,
      clientId: null,
      discoveryUrl: 'https://astronomerio.auth0.com',
      authUrlParams: { audience: 'astronomer-ee' },
    },
    google: { displayName: 'Google', enabled: false, clientId: null, discoveryUrl: 'https://accounts.google.com' },
    okta: { enabled: false, scimAuthCode: null, clientId: null, discoveryUrl: null },
    custom: { displayName: 'Custom oAuth', enabled: false, clientId: null, discoveryUrl: null },
    microsoft: {
      displayName: 'Azure AD',
      scimAuthCode: null,
      enabled: false,
      claimsMapping: { email: 'preferred_username' },
      clientId: null,
      discoveryUrl: null,
      useExternalProxy: true,
    },
    adfs: {
      displayName: 'ADFS',
      enabled: false,
      fetchUserInfo: false,
      claimsMapping: { email: 'upn', name: 'upn' },
      clientId: null,
      discoveryUrl: null,
    },
  },
} as const;

/**
 * The auth block the chart writes into Houston's `production.yaml`, loaded under every user value
 * (chart `templates/houston/houston-configmap.yaml`, unchanged since 2019-07 except `ldap` in 2.1):
 * local login off, Google and GitHub on through Astronomer's Auth0 tenant.
 */
export const CHART_PRODUCTION_AUTH = {
  local: { enabled: false },
  openidConnect: {
    auth0: { enabled: false, clientId: 'rH2L4yKctlepniTyJW3MkuXuTreOHHn1', baseDomain: 'astronomerio.auth0.com' },
    google: { enabled: true, clientId: null },
  },
  ldap: { enabled: false },
  github: { enabled: true },
} as const;

/** Provider keys Houston's default.yaml knows; any other key under `openidConnect` is a free-form provider. */
export const KNOWN_PROVIDERS = ['google', 'microsoft', 'okta', 'auth0', 'adfs', 'custom'] as const;

/** Keys under `openidConnect` that are settings, not providers (1.x flat and 2.x nested forms). */
export const OIDC_SETTINGS = [
  'flow',
  'clockTolerance',
  'idpGroupsImportEnabled',
  'idpGroupsImport',
  'idpGroupsRefreshEnabled',
  'idpGroupsRefresh',
  'idpGroupReconcilerInterval',
  'teamFilterRegex',
  'manageSystemPermissionsViaIdpGroups',
  'insecureIDPTokenLog',
  'masqueraders',
] as const;
