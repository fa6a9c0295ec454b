// Public API: lint text, read the rules and the schema.
export { lintText, lintLoaded, RuleError } from './linter.js';
export type { LintOptions, RulesConfig, RuleConfigValue } from './linter.js';
export { loadValues } from './load-values.js';
export { defineRule } from './rule.js';
export type { RuleContext, RuleModule, RuleMeta, ReportDescriptor } from './rule.js';
export { rules } from '../rules/index.js';
export { SCHEMA_FILE, loadSchema } from './validate-schema.js';
export type * from './types.js';
