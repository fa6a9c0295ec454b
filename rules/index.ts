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

export const rules: readonly RuleModule<never>[] = [
  yamlSyntax,
  duplicateKey,
  multiDocument,
  schema,
  unknownKey,
  unusedDisableDirective,
  directiveReason,
  staleBaselineEntry,
] as RuleModule<never>[];

export const ruleMap: ReadonlyMap<string, RuleModule<never>> = new Map(rules.map((r) => [r.meta.id, r]));
