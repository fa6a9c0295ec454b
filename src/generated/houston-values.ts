/* eslint-disable */
// Generated from schema/houston-values.schema.json by scripts/generate-types.mjs — do not edit.
// Change the schema and run `npm run gen:types` instead.

/**
 * A feature switch written either as a flat boolean (Houston 0.x/1.x) or as {enabled: boolean} (Houston/chart 2.x). Which one your Houston reads depends on the version.
 */
export type BooleanOrEnabledFlag = boolean | EnabledFlag;
/**
 * A string, number, boolean or null.
 */
export type ScalarOrNull = string | number | boolean | null;

/**
 * Helm values file of the Astronomer platform (Astronomer Software / Astro Private Cloud). Only global.baseDomain/controlPlaneHA and the astronomer.houston section (config, secret, env) are described; every other key (nginx, prometheus, ...) is accepted unchecked.
 */
export interface HoustonValues {
  /**
   * Chart-wide settings shared by all subcharts. Only baseDomain and controlPlaneHA are described here.
   */
  global?: Global;
  /**
   * Values of the astronomer subchart (Houston, Astro UI, commander, registry, ...). Only astronomer.houston is validated. Note: astronomer.auth.* and astronomer.smtp.uri are obsolete (chart <= v0.7, removed 2019) and are ignored.
   */
  astronomer?: {
    /**
     * Houston (the platform API) settings. Auth and other Houston config go under astronomer.houston.config; Kubernetes-Secret-backed env vars under astronomer.houston.secret; extra env vars under astronomer.houston.env.
     */
    houston?: Houston;
    [k: string]: unknown;
  };
  /**
   * Houston settings when this file is a values file of the astronomer subchart itself (top level houston instead of astronomer.houston). In a platform values file use astronomer.houston.
   */
  houston?: Houston;
  [k: string]: unknown;
}
/**
 * Chart-wide (global) values. Only the keys Houston depends on are described; others are accepted unchecked.
 */
export interface Global {
  /**
   * Base DNS domain of the platform, as a bare DNS name (no scheme, no path, no port). The chart derives houston.<baseDomain> (Houston API, all OAuth redirect URIs: https://houston.<baseDomain>/v1/oauth/redirect/ and /v1/oauth/callback/), app.<baseDomain> (Astro UI), <baseDomain> (redirects to app.) and registry.<baseDomain>, and passes it to Houston as helm.baseDomain. Chart default is ~ (null) and the chart does not validate it: when empty no ingress is rendered and Houston builds URLs like https://houston.null.
   */
  baseDomain?: string | null;
  /**
   * Chart 2.1+ control-plane high availability. With enabled and globalBaseDomain set, the Houston ingress also serves houston.<globalBaseDomain> and Houston receives helm.globalBaseDomain. Which host Houston uses for redirect URIs in HA mode is not publicly documented.
   */
  controlPlaneHA?: {
    /**
     * Turns on control-plane HA mode (chart 2.1+). Default false.
     */
    enabled?: boolean;
    /**
     * Additional bare DNS name; adds houston.<globalBaseDomain> and app.<globalBaseDomain> hosts (chart 2.1+). Default unset.
     */
    globalBaseDomain?: string | null;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * astronomer.houston: Houston deployment settings. The chart has many more keys here (image, resources, replicas, worker, ...) which are accepted unchecked; config, secret and env are described.
 */
export interface Houston {
  /**
   * Houston configuration, passed verbatim to Houston's node-config as local-production.yaml and deep-merged over Houston's default.yaml and the chart's production.yaml (which forces local auth off and Google + GitHub login ON). Environment variables override every file. Misspelled or misplaced keys are silently ignored by Houston. Chart default: {nats: {ackWait: 600000}} (older charts: {}).
   */
  config?: HoustonConfig;
  /**
   * Env vars for every Houston pod read from Kubernetes Secrets (chart renders `name: <envName>, valueFrom.secretKeyRef: {name: <secretName>, key: <secretKey or "value">}`). Must be a LIST (a mapping breaks helm template) and must sit here, next to config: astronomer.houston.config.secret is just an ignored Houston key. The Secret must exist in the platform namespace BEFORE helm upgrade (the pre-upgrade DB-migration hook uses it), and rotating it needs a Houston restart. Ignored by chart v0.10-v0.13. Default [].
   */
  secret?: SecretEntry[] | null;
  /**
   * Extra plain env vars for every Houston pod (API, worker, cron jobs and Helm hook jobs). Only name and value are rendered (value always quoted: true becomes "true"; a map renders as Go syntax, so give JSON as a string). Houston only reads names listed in its custom-environment-variables mapping, ignores empty values, and env vars override config. Entries with chart-managed names (NODE_ENV, DATABASE__CONNECTION, JWT__*, NATS__*, ...) have no effect because the chart adds its own later. Use secret for credentials. Default [].
   */
  env?: EnvEntry[] | null;
  [k: string]: unknown;
}
/**
 * Houston configuration (node-config). Any Houston config key is accepted; the ones relevant to auth, signups and users are described. Reference: Houston's default.yaml for your release.
 */
export interface HoustonConfig {
  /**
   * Login methods: local (username/password), github, ldap (chart 2.1+) and OpenID Connect providers under openidConnect. Provider blocks (okta, microsoft, ...) must be under auth.openidConnect, never directly under auth. Effective chart defaults: local off, Google on, GitHub on.
   */
  auth?: Auth;
  /**
   * Allow anyone who can reach the UI to create an account (otherwise invite-only; the first user can always sign up). Default false. Houston 0.x/1.x read the flat boolean form (`publicSignups: true`); Houston/chart 2.x read the nested form (`publicSignups: {enabled: true}`). The 2.x migration scripts rewrite the flat form (if both exist the nested one wins). Using the nested object on a 1.x Houston gives a truthy object, i.e. the feature is effectively ON. With local, Google or GitHub login enabled this means open self-registration; allowedSystemLevelDomains only limits System roles.
   */
  publicSignups?: BooleanOrEnabledFlag;
  /**
   * Require new users to verify their email address. Default true. Houston 0.x/1.x read the flat boolean form (`emailConfirmation: true`); Houston/chart 2.x read the nested form (`emailConfirmation: {enabled: true}`). The 2.x migration scripts rewrite the flat form (if both exist the nested one wins). Using the nested object on a 1.x Houston gives a truthy object, i.e. the feature is effectively ON.
   */
  emailConfirmation?: BooleanOrEnabledFlag;
  /**
   * URL to send users to for signup when publicSignups is disabled (0.16+). Default ~ (none).
   */
  externalSignupUrl?: string | null;
  /**
   * Only users whose email is in one of these domains can be granted System-level roles (0.26.4+). Default [] (no restriction). It does not restrict who can sign up.
   */
  allowedSystemLevelDomains?: string[];
  /**
   * Individual user management (0.31+). enabled: false means users can only be added or given roles through Teams (IdP group import or local Teams). Default {enabled: true}.
   */
  userManagement?: EnabledFlag;
  /**
   * Host prefix Houston puts into every OAuth/redirect URL (https://<subdomain>.<helm.baseDomain>). Default "houston". Keep it "houston": the chart ingress is hard-coded to houston.<baseDomain>, so another value breaks login.
   */
  subdomain?: string;
  /**
   * Use https in Houston URLs (0.31+ default.yaml). Default true. Houston/chart 2.x renamed it to subdomainHttps.enabled.
   */
  subdomainHttpsEnabled?: boolean;
  /**
   * 2.x form of subdomainHttpsEnabled: use https in Houston URLs. Default {enabled: true}.
   */
  subdomainHttps?: EnabledFlag;
  /**
   * Houston session token (JWT) settings. The certificate paths are set by the chart; do not set them here.
   */
  jwt?: {
    /**
     * Absolute login lifetime in milliseconds; users are logged out after it regardless of the IdP token. Default 86400000 (24 h). With IdP group refresh the JWT expiry is min(access token expiry, authDuration).
     */
    authDuration?: number;
    /**
     * Additional ways to obtain a Houston JWT (0.34+). Default [jwtCreationViaIDPToken].
     */
    enabledSecondaryFlowsForAuthentication?: string[];
    /**
     * Test hook for issuing JWTs (0.30+). Must stay disabled in real installs. Default {enabled: false}.
     */
    testJWT?: {
      /**
       * Enables the test JWT hook. Default false; never enable it in production.
       */
      enabled?: boolean;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  /**
   * Settings Houston uses when rendering deployments. helm.baseDomain is filled in by the chart.
   */
  helm?: {
    /**
     * Platform base domain as Houston sees it. Never set it by hand: the chart writes it from global.baseDomain into production.yaml; set global.baseDomain instead.
     */
    baseDomain?: string | null;
    /**
     * Set by the chart from global.controlPlaneHA.globalBaseDomain (chart 2.1+ HA). Do not set it by hand.
     */
    globalBaseDomain?: string | null;
    [k: string]: unknown;
  };
  /**
   * Write user emails into login audit logs (0.31+). Default false. Houston/chart 2.x renamed it to logUsername.enabled.
   */
  shouldLogUsername?: boolean;
  /**
   * 2.x form of shouldLogUsername: write user emails into login audit logs. Default {enabled: false}.
   */
  logUsername?: EnabledFlag;
  /**
   * Disable TLS certificate verification for Houston outbound calls (0.30+). Default false. Houston/chart 2.x replaced it with sslVerification.enabled (inverted meaning).
   */
  disableSSLVerify?: boolean;
  /**
   * 2.x form of disableSSLVerify with inverted meaning: enabled: true verifies TLS certificates. Default {enabled: true}.
   */
  sslVerification?: EnabledFlag;
  /**
   * Outgoing email (invitations, confirmations).
   */
  email?: {
    /**
     * Send emails. When false invitations and confirmations are not mailed.
     */
    enabled?: boolean;
    /**
     * SMTP connection URL, e.g. smtps://user:password@smtp.example.com/?pool=true. It usually contains credentials: prefer a Kubernetes Secret injected with astronomer.houston.secret (envName EMAIL__SMTP_URL).
     */
    smtpUrl?: string | null;
    /**
     * From/reply-to address of platform emails.
     */
    reply?: string | null;
    [k: string]: unknown;
  };
  /**
   * NATS streaming client settings. The chart default config is {nats: {ackWait: 600000}}; servers and cluster id are set by the chart through env vars.
   */
  nats?: {
    /**
     * NATS message acknowledgement timeout in milliseconds. Chart default 600000.
     */
    ackWait?: number;
    [k: string]: unknown;
  };
  /**
   * Settings for Airflow Deployments managed by Houston (helm values for Airflow, runtime images, deploy mechanisms, ...). Not validated here: the keys differ a lot between releases.
   */
  deployments?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * astronomer.houston.config.auth. Only local, github, ldap and openidConnect exist here. OIDC providers (okta, microsoft, google, auth0, adfs, custom, cognito, ...) go under auth.openidConnect; auth.<provider> is silently ignored by Houston (a documented mistake in the 0.34/0.35 docs and the 0.32.5 release notes).
 */
export interface Auth {
  /**
   * Username/password login stored in Houston's database. Houston default.yaml: true (0.16-0.30), false (0.31+); the chart's production.yaml forces false, so the effective default is OFF.
   */
  local?: Local;
  /**
   * GitHub login, always brokered through Astronomer's hosted Auth0 tenant (needs internet egress; logins pass through Astronomer). It is NOT an OIDC provider and stays here, not under openidConnect. Houston default false, but the chart's production.yaml forces true: set enabled: false explicitly to turn it off.
   */
  github?: Github;
  /**
   * LDAP login (chart 2.1+ / master only; the chart production.yaml sets enabled: false). Key set known only from the chart test.
   */
  ldap?: Ldap;
  /**
   * OpenID Connect login: global OIDC settings (flow, clockTolerance, IdP group import, ...) plus one block per provider. Every key here that is not a known setting is a provider; each provider with a truthy enabled becomes a login button.
   */
  openidConnect?: OpenidConnect;
}
/**
 * Local (username/password) authentication.
 */
export interface Local {
  /**
   * Enable username/password login. Effective default false (chart production.yaml). Combined with publicSignups: true this allows open self-registration.
   */
  enabled?: boolean;
  /**
   * Local (non-IdP) Teams (0.35+). Default {enabled: false}.
   */
  teams?: EnabledFlag;
}
/**
 * A nested on/off switch of the form {enabled: true|false} (the Houston/chart 2.x style of feature flags).
 */
export interface EnabledFlag {
  /**
   * true or false. Must be a real YAML boolean: Houston tests truthiness, so the string "false" would turn the feature on.
   */
  enabled?: boolean;
}
/**
 * GitHub login through Astronomer's hosted Auth0 tenant.
 */
export interface Github {
  /**
   * Show "Log in with GitHub". Effective default TRUE (forced by the chart production.yaml); set false explicitly when using your own IdP or on air-gapped clusters. Must be a real boolean.
   */
  enabled?: boolean;
}
/**
 * LDAP authentication (chart 2.1+). Known keys are described; other keys are accepted because the full key set is not public.
 */
export interface Ldap {
  /**
   * Enable LDAP login. Chart default false (2.1+).
   */
  enabled?: boolean;
  /**
   * LDAP server host name.
   */
  host?: string;
  /**
   * TLS settings for the LDAP connection.
   */
  tls?: {
    /**
     * TLS mode, e.g. starttls. Other accepted values are not publicly documented.
     */
    mode?: string;
    /**
     * Reject LDAP server certificates that fail verification. Keep true outside of testing.
     */
    rejectUnauthorized?: boolean;
    [k: string]: unknown;
  };
  /**
   * Distinguished name used to bind (search account).
   */
  bindDn?: string;
  /**
   * Base DN under which users are searched.
   */
  searchBase?: string;
  /**
   * LDAP group handling: import groups as Teams and map them to System roles.
   */
  groups?: {
    /**
     * Read LDAP group membership.
     */
    enabled?: boolean;
    /**
     * Create/update Houston Teams from LDAP groups.
     */
    reconcileTeams?: boolean;
    /**
     * Grant System Admin/Editor/Viewer from LDAP group membership.
     */
    manageSystemPermissions?: {
      /**
       * Enable System role mapping from LDAP groups.
       */
      enabled?: boolean;
      /**
       * Group DNs whose members become System Admins.
       */
      systemAdmin?: string[];
      /**
       * Group DNs whose members become System Editors.
       */
      systemEditor?: string[];
      /**
       * Group DNs whose members become System Viewers.
       */
      systemViewer?: string[];
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * auth.openidConnect: global OIDC settings plus provider blocks. Known providers: auth0, google, okta, microsoft (Entra ID), adfs, custom; any other key (e.g. cognito) is a free-form generic OIDC provider with the same keys. A misspelled provider key (micorsoft) silently creates a new, unconfigured provider. GitHub is not here (it is auth.github).
 */
export interface OpenidConnect {
  /**
   * OAuth flow for ALL OIDC providers (0.27+). Default "implicit". "code" needs a client secret for every enabled provider (config clientSecret, or better AUTH__OPENID_CONNECT__<P>__CLIENT_SECRET via astronomer.houston.secret) and the redirect URI https://houston.<baseDomain>/v1/oauth/callback/ registered at the IdP. Note Houston's own default.yaml comment misspells "impicit"; the value is "implicit". A stale AUTH__OPENID_CONNECT__FLOW env var overrides this.
   */
  flow?: "implicit" | "code";
  /**
   * Allowed clock skew in seconds when validating IdP tokens. Default 0.
   */
  clockTolerance?: number;
  /**
   * Import IdP groups as Teams (0.28+; docs require the code flow and a groups claim, see claimsMapping). Default false. 1.x/0.x flat form; Houston/chart 2.x use idpGroupsImport.enabled.
   */
  idpGroupsImportEnabled?: boolean;
  /**
   * 2.x form of idpGroupsImportEnabled: import IdP groups as Teams. Default {enabled: false}.
   */
  idpGroupsImport?: EnabledFlag;
  /**
   * Re-import IdP groups and reissue the Houston JWT when the IdP token expires (0.29+). Default false (true in 0.30 only). 1.x/0.x flat form; Houston/chart 2.x use idpGroupsRefresh.enabled.
   */
  idpGroupsRefreshEnabled?: boolean;
  /**
   * 2.x form of idpGroupsRefreshEnabled. Default {enabled: false}.
   */
  idpGroupsRefresh?: EnabledFlag;
  /**
   * How often (in MINUTES) the IdP group reconciler runs (0.27+). Default 60.
   */
  idpGroupReconcilerInterval?: number;
  /**
   * Regular expression selecting which IdP groups become Teams (0.29+). Default "" (all groups).
   */
  teamFilterRegex?: string;
  /**
   * Grant System Admin/Editor/Viewer based on IdP group membership (0.32+). Requires IdP group import. Default {enabled: false, systemAdmin: [], systemEditor: [], systemViewer: []}.
   */
  manageSystemPermissionsViaIdpGroups?: ManageSystemPermissionsViaIdpGroups;
  /**
   * Log raw IdP tokens (debugging only; never in production) (0.34+). Default false. Houston 0.x/1.x read the flat boolean form (`insecureIDPTokenLog: true`); Houston/chart 2.x read the nested form (`insecureIDPTokenLog: {enabled: true}`). The 2.x migration scripts rewrite the flat form (if both exist the nested one wins). Using the nested object on a 1.x Houston gives a truthy object, i.e. the feature is effectively ON.
   */
  insecureIDPTokenLog?: BooleanOrEnabledFlag;
  /**
   * Undocumented Houston setting (default.yaml 0.30+: uri ~, providerName ~, method GET, claimsMapping {email: ~}). Not a login provider; leave it alone unless told otherwise by Astronomer support.
   */
  masqueraders?: {
    [k: string]: unknown;
  };
  /**
   * Auth0. With the default discoveryUrl (https://astronomerio.auth0.com) this is Astronomer's hosted tenant (used to broker Google without clientId, and GitHub). For your own tenant set discoveryUrl https://<tenant>.auth0.com, your clientId and keep authUrlParams.audience "astronomer-ee" (an Auth0 API of that name must exist). The chart production.yaml also sets a legacy baseDomain and Astronomer's clientId. Do not put the client secret in values: create a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__AUTH0__CLIENT_SECRET. Houston default.yaml (0.35): {"enabled":false,"clientId":null,"discoveryUrl":"https://astronomerio.auth0.com","authUrlParams":{"audience":"astronomer-ee"}}.
   */
  auth0?: Provider;
  /**
   * Google. Effective default ENABLED (forced by the chart production.yaml): set enabled: false explicitly when using another IdP. clientId ~ means login is brokered through Astronomer's hosted Auth0 tenant (needs internet egress). Do not put the client secret in values: create a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__GOOGLE__CLIENT_SECRET. Houston default.yaml (0.35): {"displayName":"Google","enabled":false,"clientId":null,"discoveryUrl":"https://accounts.google.com"}.
   */
  google?: Provider;
  /**
   * Okta. discoveryUrl: https://<okta-domain>/.well-known/openid-configuration works for login only; use https://<okta-domain>/oauth2/default/.well-known/openid-configuration for IdP group import. Code flow: set authUrlParams.audience. SCIM (0.31+): scimAuthCode username:password, better via env SCIM_AUTH_CODE_OKTA from a Secret. Do not put the client secret in values: create a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET. Houston default.yaml (0.35): {"enabled":false,"scimAuthCode":null,"clientId":null,"discoveryUrl":null}.
   */
  okta?: Provider;
  /**
   * Microsoft Entra ID (Azure AD). discoveryUrl: https://login.microsoftonline.com/<tenant-id>/v2.0/.well-known/openid-configuration; docs set authUrlParams.audience to the application (client) id. Register both /v1/oauth/redirect/ and /v1/oauth/callback/ redirect URIs. SCIM (0.31+): env SCIM_AUTH_CODE_MICROSOFT. Do not put the client secret in values: create a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__MICROSOFT__CLIENT_SECRET. Houston default.yaml (0.35): {"displayName":"Azure AD","scimAuthCode":null,"enabled":false,"claimsMapping":{"email":"preferred_username"},"clientId":null,"discoveryUrl":null,"useExternalProxy":true}.
   */
  microsoft?: Provider;
  /**
   * Microsoft ADFS (0.16+, no docs page). Keep fetchUserInfo false and claimsMapping {email: upn, name: upn} unless your ADFS differs; set clientId and discoveryUrl. Do not put the client secret in values: create a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__ADFS__CLIENT_SECRET. Houston default.yaml (0.35): {"displayName":"ADFS","enabled":false,"fetchUserInfo":false,"claimsMapping":{"email":"upn","name":"upn"},"clientId":null,"discoveryUrl":null}.
   */
  adfs?: Provider;
  /**
   * Generic provider with a configurable button label (0.27+): displayName (env AUTH__OPENID_CONNECT__CUSTOM__DISPLAY_NAME) is shown as "Log in with <displayName>". Set clientId and discoveryUrl. Do not put the client secret in values: create a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__CUSTOM__CLIENT_SECRET. Houston default.yaml (0.35): {"displayName":"Custom oAuth","enabled":false,"clientId":null,"discoveryUrl":null}.
   */
  custom?: Provider;
  [k: string]:
    | Provider
    | ("implicit" | "code")
    | number
    | boolean
    | EnabledFlag
    | string
    | ManageSystemPermissionsViaIdpGroups
    | BooleanOrEnabledFlag
    | {
        [k: string]: unknown;
      }
    | undefined;
}
/**
 * Grant System Admin/Editor/Viewer based on IdP group membership (0.32+). Requires IdP group import.
 */
export interface ManageSystemPermissionsViaIdpGroups {
  /**
   * Enable System role mapping from IdP groups. Default false.
   */
  enabled?: boolean;
  /**
   * IdP group names whose members become System Admins. Default [].
   */
  systemAdmin?: string[];
  /**
   * IdP group names whose members become System Editors. Default [].
   */
  systemEditor?: string[];
  /**
   * IdP group names whose members become System Viewers. Default [].
   */
  systemViewer?: string[];
}
/**
 * An OpenID Connect provider block under auth.openidConnect.<name>. Houston offers every provider whose enabled is truthy as a login button. Enabled providers (other than Google/GitHub brokering) need clientId and an https discoveryUrl.
 */
export interface Provider {
  /**
   * Show/enable this provider. Must be a real YAML boolean (true/false): Houston tests truthiness, so the STRING "false" ENABLES the provider. Default false (chart: google true).
   */
  enabled?: boolean | null;
  /**
   * OIDC client (application) id registered at the IdP. For google, ~ means "go through Astronomer's Auth0". Default ~.
   */
  clientId?: string | null;
  /**
   * OIDC client secret, used by the code flow (and Entra group look-ups). Do not commit it in values: put it in a Kubernetes Secret and reference it from astronomer.houston.secret with envName AUTH__OPENID_CONNECT__<P>__CLIENT_SECRET (P = upper-case provider key, e.g. AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET).
   */
  clientSecret?: string | null;
  /**
   * OIDC discovery URL: the issuer (https://<tenant>.auth0.com) or the full https://.../.well-known/openid-configuration URL. Must be https. In the 2019 code an unreachable discoveryUrl of any enabled provider broke login for all providers. Replaced baseDomain in 0.9.5.
   */
  discoveryUrl?: string | null;
  /**
   * Login button label. Default: google "Google", microsoft "Azure AD", adfs "ADFS", custom "Custom oAuth", otherwise the key with an upper-case first letter.
   */
  displayName?: string;
  /**
   * Extra parameters for the authorization request, merged over Houston's defaults {scope: "openid profile email", response_type: "token id_token", response_mode: "fragment"}. Common: audience (Auth0 "astronomer-ee", Entra = the client id, Okta code flow at minimum audience), response_type (Cognito needs "token"), scope, prompt. Available for any IdP since 0.28.6/0.29.4/0.30.0.
   */
  authUrlParams?: {
    [k: string]: ScalarOrNull;
  } | null;
  /**
   * Maps Houston fields (email, name, groups) to claim names in the IdP token. Defaults: microsoft {email: preferred_username}, adfs {email: upn, name: upn}. For IdP group import map your IdP group claim here (0.28.4+). Must be a map, not a scalar.
   */
  claimsMapping?: {
    [k: string]: string | null;
  };
  /**
   * Call the IdP userinfo endpoint after login. adfs default false ("for providers such as ADFS").
   */
  fetchUserInfo?: boolean;
  /**
   * SCIM provisioning credential (okta and microsoft, 0.31+): Okta username:password (Basic auth), Microsoft a random bearer token. Keep it out of values: use env SCIM_AUTH_CODE_OKTA / SCIM_AUTH_CODE_MICROSOFT from a Kubernetes Secret via astronomer.houston.secret (0.33+).
   */
  scimAuthCode?: string | null;
  /**
   * microsoft only (0.32.5+): false bypasses the HTTPS proxy when redirecting to Azure login (group import). Default true.
   */
  useExternalProxy?: boolean;
  /**
   * LEGACY: pre-0.9.5 name of the IdP host (e.g. astronomerio.auth0.com), replaced by discoveryUrl. Still in the chart production.yaml (auth0) and the 0.31+ Entra example (login.microsoftonline.com); its effect on current Houston is unverified. Never use it instead of discoveryUrl.
   */
  baseDomain?: string | null;
}
/**
 * One astronomer.houston.secret entry: env var envName in every Houston pod, read from key secretKey of Kubernetes Secret secretName.
 */
export interface SecretEntry {
  /**
   * Name of the env var injected into every Houston pod. It must be a name Houston maps: e.g. AUTH__OPENID_CONNECT__<P>__CLIENT_SECRET, SCIM_AUTH_CODE_OKTA, SCIM_AUTH_CODE_MICROSOFT, EMAIL__SMTP_URL. These are Houston env vars, not Airflow ones.
   */
  envName: string;
  /**
   * Kubernetes Secret in the platform release namespace. It must exist before helm upgrade (the pre-upgrade migration job uses it).
   */
  secretName: string;
  /**
   * Key inside the Secret. Optional: when omitted the chart uses the key "value", so the Secret must then contain a key literally named value.
   */
  secretKey?: string;
}
/**
 * One astronomer.houston.env entry. Only name and value are rendered by the chart.
 */
export interface EnvEntry {
  /**
   * Env var name. Houston only reads names in its mapping (e.g. GLOBAL_AGENT_HTTPS_PROXY, AUTH__OPENID_CONNECT__OKTA__CLIENT_ID). Chart-managed names (NODE_ENV, DATABASE__CONNECTION, JWT__*, NATS__*, HOUSTON__HOST, ...) cannot be overridden.
   */
  name: string;
  /**
   * Env var value. The chart renders it quoted (true becomes "true"); maps/lists render as Go syntax, so give JSON as a string. Empty values are ignored by Houston. Do not put secrets here: use astronomer.houston.secret.
   */
  value?: ScalarOrNull;
  /**
   * Accepted by the schema but SILENTLY DROPPED by the chart (only name and value are rendered, so the variable ends up empty and is ignored). Use astronomer.houston.secret for Secret-backed values.
   */
  valueFrom?: {
    [k: string]: unknown;
  };
}
