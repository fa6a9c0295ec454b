// The rule contract: `defineRule({ meta, check })`, the context a rule receives and what it may report.
import type { Fixer } from './fixer.js';
import type { HoustonModel } from './houston-model.js';
import type { Fix, ValuesPath } from './types.js';

/** Where rule documentation lives; every rule's URL is derived from its id, never hand-written. */
export const DOCS_BASE_URL = 'https://github.com/houston-lint/houston-lint/blob/main/docs/rules/';

export interface RuleMetaInput {
  id: string;
  /** One sentence: what the rule reports. */
  description: string;
  severity: 'error' | 'warn';
  /** Message templates keyed by message id; `{{name}}` is replaced from `data`. */
  messages: Record<string, string>;
  /** True when the rule's findings carry fixes that `--fix` applies. */
  fixable?: boolean;
  /** True when the rule offers suggestions (fixes applied only by choice). */
  hasSuggestions?: boolean;
  /** Core checks (YAML, schema, directives) are produced by the engine; their module has no `check`. */
  core?: boolean;
  /** Off unless configured (a flag, a config file or `strict`); `severity` is then the suggested level. */
  optIn?: boolean;
  /** Needs more than one file to show (a baseline, a Secret manifest): docs examples are prose, tested elsewhere. */
  crossFile?: boolean;
}

export interface RuleMeta extends RuleMetaInput {
  docs: { url: string };
}

export interface SuggestionDescriptor {
  messageId?: string;
  desc?: string;
  data?: Record<string, string | number>;
  fix: Fix;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Values path the finding is about. */
  path: ValuesPath;
  /** Point at the key (unknown, misplaced, deprecated, duplicate; a missing requirement at the block key) or the value. */
  target?: 'key' | 'value';
  fix?: Fix | null;
  suggest?: SuggestionDescriptor[];
  /**
   * Report this finding as a warning even when the rule is an error (never the reverse): for the softer
   * cases of a rule, such as an `example.com` domain under `no-placeholder`.
   */
  severity?: 'warn';
}

export interface RuleSettings {
  /** Target chart major version: `2` (default) or `1` (1.x and 0.37.x). */
  chartVersion: string;
}

export interface RuleContext<Options = Record<string, unknown>> {
  /** The whole first document as Helm reads it. */
  values: unknown;
  /** The houston section, raw and effective, with helpers. */
  houston: HoustonModel;
  settings: RuleSettings;
  options: Options;
  /** Builds fixes as `{ range, text }` data on the source; rules never see the text themselves. */
  fixer: Fixer;
  /** Whether the user's file contains this path (chart defaults do not count). */
  has(path: ValuesPath): boolean;
  /**
   * How a scalar was written: its source text and quoting. Lets rules tell `yes` from `true` or
   * `0754` from `492` without touching the parser. Undefined for collections and absent paths.
   */
  scalar(path: ValuesPath): ScalarSource | undefined;
  report(descriptor: ReportDescriptor): void;
}

export interface ScalarSource {
  /** The scalar exactly as written, quotes included. */
  text: string;
  style: 'plain' | 'double' | 'single' | 'block';
}

export interface RuleModule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check?: (context: RuleContext<Options>) => void;
}

/** Defines a rule; injects the docs URL from the id. */
export function defineRule<Options = Record<string, unknown>>(rule: {
  meta: RuleMetaInput;
  check?: (context: RuleContext<Options>) => void;
}): RuleModule<Options> {
  const def: RuleModule<Options> = { meta: { ...rule.meta, docs: { url: `${DOCS_BASE_URL}${rule.meta.id}.md` } } };
  if (rule.check) def.check = rule.check;
  return def;
}

/** Fills `{{name}}` placeholders. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => (data && key in data ? String(data[key]) : m));
}
