// A finding before it has a position: what rules, the schema and the loader produce.
import type { SourcedFix } from './fixer.js';
import type { ValuesPath } from './types.js';

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  path?: ValuesPath;
  target: 'key' | 'value';
  /** Direct source range, for problems found in the text rather than at a values path. */
  range?: [number, number];
  /** The source of `range`. */
  source?: string;
  fix?: SourcedFix | null;
  suggestions?: { desc: string; messageId?: string; fix: SourcedFix }[];
  /** Caps the rule's severity at warning for this finding. */
  severity?: 'warn';
}
