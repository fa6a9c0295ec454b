// The one list of rules. Core checks (YAML, schema) first, then domain rules in alphabetical order.
import type { RuleModule } from '../src/rule.js';
import authLockout from './auth-lockout.js';
import baseDomain from './base-domain.js';
import codeFlowClientSecret from './code-flow-client-secret.js';
import defaultProvidersEnabled from './default-providers-enabled.js';
import deprecatedKey from './deprecated-key.js';
import directiveReason from './directive-reason.js';
import discoveryOnline from './discovery-online.js';
import discoveryUrlHttps from './discovery-url-https.js';
import duplicateKey from './duplicate-key.js';
import envConfigPath from './env-config-path.js';
import flowResponseType from './flow-response-type.js';
import microsoftTenant from './microsoft-tenant.js';
import multiDocument from './multi-document.js';
import noInlineSecret from './no-inline-secret.js';
import noPlaceholder from './no-placeholder.js';
import numericId from './numeric-id.js';
import openSignups from './open-signups.js';
import providerIncomplete from './provider-incomplete.js';
import providerPlacement from './provider-placement.js';
import redirectUriTrailingSlash from './redirect-uri-trailing-slash.js';
import schema from './schema.js';
import secretEnvName from './secret-env-name.js';
import secretManifest from './secret-manifest.js';
import secretRef from './secret-ref.js';
import staleBaselineEntry from './stale-baseline-entry.js';
import unknownKey from './unknown-key.js';
import unusedDisableDirective from './unused-disable-directive.js';
import yamlAmbiguousBoolean from './yaml-ambiguous-boolean.js';
import yamlSyntax from './yaml-syntax.js';

export const rules: readonly RuleModule<never>[] = [
  yamlSyntax,
  duplicateKey,
  multiDocument,
  schema,
  unknownKey,
  unusedDisableDirective,
  directiveReason,
  staleBaselineEntry,
  authLockout,
  baseDomain,
  codeFlowClientSecret,
  defaultProvidersEnabled,
  deprecatedKey,
  discoveryOnline,
  discoveryUrlHttps,
  envConfigPath,
  flowResponseType,
  microsoftTenant,
  noInlineSecret,
  noPlaceholder,
  numericId,
  openSignups,
  providerIncomplete,
  providerPlacement,
  redirectUriTrailingSlash,
  secretEnvName,
  secretManifest,
  secretRef,
  yamlAmbiguousBoolean,
] as RuleModule<never>[];

export const ruleMap: ReadonlyMap<string, RuleModule<never>> = new Map(rules.map((r) => [r.meta.id, r]));
