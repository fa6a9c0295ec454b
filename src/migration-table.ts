// Chart 1.x / 0.37.x → 2.x moves of `astronomer.houston.config` keys, as data (Astronomer's migration scripts).
//
// Source: astronomer/astronomer `bin/helm_chart_values_migration_shared.py` (`HOUSTON_CONFIG_RULES`,
// `HOUSTON_CONFIG_MOVE_KEYS`, `HOUSTON_DEPLOYMENT_PATH_MIGRATIONS`, `HOUSTON_DEPLOYMENT_CHART_ONLY_DELETE_KEYS`)
// and the scripts' `--dry-run` reports on the chart's own fixtures (corpus/migration/*.changes.txt, chart
// commit 7498b11), which win where the two disagree (`hardDeleteDeployment` is deleted there).

/**
 * How the old key becomes the new one:
 * - `nest`: the value moves unchanged to `to` (a flat boolean becoming `<x>.enabled`);
 * - `invert`: as `nest`, with the boolean negated (`disableSSLVerify` → `sslVerification.enabled`);
 * - `move`: the value (often a whole block) moves unchanged to `to`;
 * - `nestOrMove`: a boolean nests as `<to>.enabled`, a map with `enabled` moves to `to`;
 * - `delete`: the key no longer exists in 2.x.
 */
export type MigrationKind = 'nest' | 'invert' | 'move' | 'nestOrMove' | 'delete';

export interface MigrationRow {
  /** Path of the map that holds the key, relative to `houston.config` (`[]`, `['auth','openidConnect']`, …). */
  section: readonly string[];
  /** The 1.x / 0.37.x key. */
  from: string;
  /** The 2.x path relative to `section`; empty for deletions. */
  to: readonly string[];
  kind: MigrationKind;
  /**
   * Houston 2.x itself reads only the new form (config flags of Houston PR #2417), and 1.x/0.37 only the
   * flat one: on a 1.x target the nested form is flagged. Deployment rows are also rewritten by Houston 2.x
   * at startup (`migrateDeploymentsConfig`), so they are not version errors in the other direction.
   */
  strict: boolean;
}

const cfg = (section: string[], from: string, to: string[], kind: MigrationKind = 'nest'): MigrationRow => ({ section, from, to, kind, strict: true });
const dep = (from: string, to: string | null, kind: MigrationKind): MigrationRow => ({
  section: ['deployments'],
  from,
  to: to ? to.split('.') : [],
  kind,
  strict: false,
});

export const MIGRATION_ROWS: readonly MigrationRow[] = [
  // HOUSTON_CONFIG_RULES (Houston PR #2417): flat booleans → nested `.enabled`.
  cfg([], 'emailConfirmation', ['emailConfirmation', 'enabled']),
  cfg([], 'publicSignups', ['publicSignups', 'enabled']),
  cfg([], 'updateRuntimeCheckEnabled', ['updateRuntimeCheck', 'enabled']),
  cfg([], 'updateAirflowCheckEnabled', ['updateAirflowCheck', 'enabled']),
  cfg([], 'subdomainHttpsEnabled', ['subdomainHttps', 'enabled']),
  cfg([], 'useAutoCompleteForSensitiveFields', ['autoCompleteForSensitiveFields', 'enabled']),
  cfg([], 'shouldLogUsername', ['logUsername', 'enabled']),
  cfg([], 'disableSSLVerify', ['sslVerification', 'enabled'], 'invert'),
  cfg(['auth', 'openidConnect'], 'idpGroupsImportEnabled', ['idpGroupsImport', 'enabled']),
  cfg(['auth', 'openidConnect'], 'idpGroupsRefreshEnabled', ['idpGroupsRefresh', 'enabled']),
  cfg(['auth', 'openidConnect'], 'insecureIDPTokenLog', ['insecureIDPTokenLog', 'enabled']),
  cfg(['webserver'], 'graphqlPlaygroundEnabled', ['graphqlPlayground', 'enabled']),
  cfg(['nats'], 'tlsEnabled', ['tls', 'enabled']),
  cfg(['workers', 'dplink'], 'debugEnabled', ['debug', 'enabled']),
  cfg(['apollo'], 'auditMiddlewareEnabled', ['auditMiddleware', 'enabled']),
  cfg(['deployments', 'mockWebhook'], 'krbEnabled', ['krb', 'enabled']),
  cfg(['helm'], 'rbacEnabled', ['rbac', 'enabled']),
  // HOUSTON_CONFIG_MOVE_KEYS
  { ...cfg(['deployments', 'mockWebhook'], 'krbRealm', ['krb', 'realm'], 'move'), strict: false },

  // HOUSTON_DEPLOYMENT_PATH_MIGRATIONS (houston-api `DEPLOYMENTS_PATH_MIGRATIONS`), in the script's order.
  dep('performanceOptimizationModeEnabled', 'performanceOptimization.enabled', 'nest'),
  dep('upsertExtraIniAllowed', 'upsertDeployment.extraIniAllowed', 'move'),
  dep('logHelmValues', 'logHelmValues.enabled', 'nest'),
  dep('airflowV3', 'runtimeManagement.airflowV3', 'move'),
  dep('customImageShaEnabled', 'runtimeManagement.customImageSha.enabled', 'nest'),
  dep('enableListAllRuntimeVersions', 'runtimeManagement.listAllRuntimeVersions.enabled', 'nest'),
  dep('runtimeEnvOverideSemverCheck', 'runtimeManagement.runtimeEnvOverrideSemverCheck', 'move'),
  dep('astroRuntimeReleasesFile', 'runtimeManagement.astroRuntimeReleasesFile', 'move'),
  dep('airflowMinimumAstroRuntimeVersion', 'runtimeManagement.airflowMinimumAstroRuntimeVersion', 'move'),
  dep('loggingSidecar', 'logging.loggingSidecar', 'move'),
  dep('elasticsearch', 'logging.elasticsearch', 'move'),
  dep('configureDagDeployment', 'deployMechanisms.configureDagDeployment.enabled', 'nest'),
  dep('dagOnlyDeployment', 'deployMechanisms.dagOnlyDeployment.enabled', 'nest'),
  dep('nfsMountDagDeployment', 'deployMechanisms.nfsMountDagDeployment.enabled', 'nest'),
  dep('gitSyncDagDeployment', 'deployMechanisms.gitSyncDagDeployment.enabled', 'nest'),
  dep('gitSyncRelay', 'deployMechanisms.gitSyncRelay', 'move'),
  dep('triggererEnabled', 'airflowComponents.triggerer.enabled', 'nest'),
  dep('dagProcessorEnabled', 'airflowComponents.dagProcessor.enabled', 'nest'),
  dep('disableManageResourceQuotasAndLimitRanges', 'resourceManagement.resourceQuotas.enabled', 'invert'),
  dep('components', 'resourceManagement.components', 'move'),
  dep('executors', 'resourceManagement.executors', 'move'),
  dep('astroUnit', 'resourceManagement.astroUnit', 'move'),
  dep('maxExtraCapacity', 'resourceManagement.maxExtraCapacity', 'move'),
  dep('maxPodCapacity', 'resourceManagement.maxPodCapacity', 'move'),
  dep('sidecars', 'resourceManagement.sidecars', 'move'),
  dep('overProvisioningFactorMem', 'resourceManagement.overProvisioningFactorMem', 'move'),
  dep('overProvisioningFactorCPU', 'resourceManagement.overProvisioningFactorCPU', 'move'),
  dep('overProvisioningComponents', 'resourceManagement.overProvisioningComponents', 'move'),
  dep('manualReleaseNames', 'namespaceManagement.manualReleaseNames.enabled', 'nest'),
  dep('manualNamespaceNames', 'namespaceManagement.manualNamespaceNames.enabled', 'nest'),
  dep('namespaceFreeFormEntry', 'namespaceManagement.namespaceFreeFormEntry', 'nestOrMove'),
  dep('preDeploymentValidationHook', 'namespaceManagement.namespaceFreeFormEntry.preDeploymentValidationHook', 'move'),
  dep('preDeploymentValidationHookTimeout', 'namespaceManagement.namespaceFreeFormEntry.preDeploymentValidationHookTimeout', 'move'),
  dep('namespaceLabels', 'namespaceManagement.namespaceLabels', 'move'),
  dep('preCreatedNamespaces', 'namespaceManagement.preCreatedNamespaces', 'move'),
  dep('deployRollback', 'deploymentLifecycle.deployRollback', 'nestOrMove'),
  // The 7498b11 script deletes it (changes.txt: "Deprecated key removed"); later script versions move it to
  // deploymentLifecycle.hardDeleteDeployment.enabled. The reference run wins.
  dep('hardDeleteDeployment', null, 'delete'),
  dep('cleanupAirflowDb', 'deploymentLifecycle.cleanupAirflowDb', 'nestOrMove'),
  dep('database', 'databaseManagement.database', 'move'),
  dep('manualConnectionStrings', 'databaseManagement.manualConnectionStrings.enabled', 'nest'),
  dep('pgBouncerResourceCalculationStrategy', 'databaseManagement.pgBouncerResourceCalculationStrategy', 'move'),
  dep('exposeDockerWebhookEndpoint', 'deploymentImagesRegistry.exposeDockerWebhookEndpoint.enabled', 'nest'),
  dep('enableUpdateDeploymentImageEndpoint', 'deploymentImagesRegistry.updateDeploymentImageEndpoint.enabled', 'nest'),
  dep(
    'enableUpdateDeploymentImageEndpointDockerValidation',
    'deploymentImagesRegistry.updateDeploymentImageEndpointDockerValidation.enabled',
    'nest',
  ),
  dep('serviceAccountAnnotationKey', 'deploymentImagesRegistry.serviceAccountAnnotationKey', 'move'),
  dep('grafanaUIEnabled', 'metricsReporting.grafana.enabled', 'nest'),
  dep('pagination', 'metricsReporting.pagination', 'move'),
  dep('upsertDeploymentEnabled', null, 'delete'),
  dep('canUpsertDeploymentFromUI', 'upsertDeployment.allowFromUi.enabled', 'nest'),
  dep('enableSystemAdminCanCreateDeprecatedAirflows', null, 'delete'),
  dep('defaultDistribution', null, 'delete'),
  // HOUSTON_DEPLOYMENT_CHART_ONLY_DELETE_KEYS
  dep('astroUnitsEnabled', null, 'delete'),
  dep('resourceProvisioningStrategy', null, 'delete'),
  dep('maxPodAu', null, 'delete'),
];
