// The one list of rules. Core checks (YAML, schema) first, then domain rules in alphabetical order.
import type { RuleModule } from '../src/rule.js';
import directiveReason from './directive-reason.js';
import duplicateKey from './duplicate-key.js';
import multiDocument from './multi-document.js';
import schema from './schema.js';
import staleBaselineEntry from './stale-baseline-entry.js';
import unknownKey from './unknown-key.js';
import unusedDisableDirective from './unused-disable-directive.js';
import yamlSyntax from './yaml-syntax.js';
import providerPlacement from './provider-placement.js';
import discoveryUrlHttps from './discovery-url-https.js';
import discoveryOnline from './discovery-online.js';
import flowResponseType from './flow-response-type.js';
import microsoftTenant from './microsoft-tenant.js';
import noPlaceholder from './no-placeholder.js';
import redirectUriTrailingSlash from './redirect-uri-trailing-slash.js';
import deprecatedKey from './deprecated-key.js';
import authLockout from './auth-lockout.js';
import defaultProvidersEnabled from './default-providers-enabled.js';
import providerIncomplete from './provider-incomplete.js';
import yamlAmbiguousBoolean from './yaml-ambiguous-boolean.js';
import numericId from './numeric-id.js';
import codeFlowClientSecret from './code-flow-client-secret.js';
import envConfigPath from './env-config-path.js';
import noInlineSecret from './no-inline-secret.js';
import secretEnvName from './secret-env-name.js';
import secretRef from './secret-ref.js';
import secretManifest from './secret-manifest.js';
import baseDomain from './base-domain.js';
import openSignups from './open-signups.js';

export const rules: readonly RuleModule<never>[] = [
  yamlSyntax,
  duplicateKey,
  multiDocument,
  schema,
  unknownKey,
  unusedDisableDirective,
  directiveReason,
  staleBaselineEntry,
  providerPlacement,
  discoveryUrlHttps,
  discoveryOnline,
  flowResponseType,
  microsoftTenant,
  noPlaceholder,
  redirectUriTrailingSlash,
  deprecatedKey,
  authLockout,
  defaultProvidersEnabled,
  providerIncomplete,
  yamlAmbiguousBoolean,
  numericId,
  codeFlowClientSecret,
  envConfigPath,
  noInlineSecret,
  secretEnvName,
  secretRef,
  secretManifest,
  baseDomain,
  openSignups,
] as RuleModule<never>[];

export const ruleMap: ReadonlyMap<string, RuleModule<never>> = new Map(rules.map((r) => [r.meta.id, r]));
