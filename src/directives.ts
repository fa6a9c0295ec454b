// Inline suppressions: `# houston-lint-disable-next-line`, `-disable-line`, and `-disable`/`-enable` blocks.
import { Parser } from 'yaml';
import type { LineIndex } from './line-index.js';
import type { Diagnostic } from './types.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named by the directive; empty means every rule. */
  ruleIds: string[];
  /** Text after ` -- `, if any. */
  reason: string;
  /** 1-based line and column of the comment, and its source range. */
  line: number;
  column: number;
  range: [number, number];
}

const DIRECTIVE = /^#\s*houston-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)\s*(.*)$/;

/** Finds directive comments. Only real YAML comments count (not `#` inside strings or block scalars). */
export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('houston-lint-')) return [];
  const out: Directive[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const tok = node as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.source === 'string' && typeof tok.offset === 'number') {
      const d = toDirective(tok.source, tok.offset, lines);
      if (d) out.push(d);
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

function toDirective(source: string, offset: number, lines: LineIndex): Directive | undefined {
  const m = DIRECTIVE.exec(source.trimEnd());
  if (!m) return undefined;
  const [body = '', reason = ''] = (m[2] ?? '').split(/\s+--\s*|^--\s*/, 2);
  const ruleIds = body
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const pos = lines.position(offset);
  return { kind: m[1] as DirectiveKind, ruleIds, reason: reason.trim(), line: pos.line, column: pos.column, range: [offset, offset + source.length] };
}

export interface DirectiveOutcome {
  messages: Diagnostic[];
  suppressed: Diagnostic[];
  /** Directives (or rule ids within them) that suppressed nothing. */
  unused: { directive: Directive; ruleId?: string }[];
}

/** Splits findings into reported and suppressed, and finds directives that suppressed nothing. */
export function applyDirectives(messages: Diagnostic[], directives: Directive[], unsuppressible: ReadonlySet<string>): DirectiveOutcome {
  const used = new Map<Directive, Set<string>>();
  const markUsed = (d: Directive, ruleId: string) => {
    const set = used.get(d) ?? new Set<string>();
    set.add(ruleId);
    used.set(d, set);
  };
  const matches = (d: Directive, ruleId: string) => d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);
  const out: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const m of messages) {
    if (unsuppressible.has(m.ruleId)) {
      out.push(m);
      continue;
    }
    const hit = findSuppressor(m, directives, matches);
    if (hit) {
      markUsed(hit, m.ruleId);
      suppressed.push({ ...m, suppressions: [{ kind: 'directive', justification: hit.reason }] });
    } else out.push(m);
  }
  const unused: DirectiveOutcome['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const hits = used.get(d);
    if (!hits && d.ruleIds.length === 0) unused.push({ directive: d });
    else for (const id of d.ruleIds) if (!hits?.has(id)) unused.push({ directive: d, ruleId: id });
  }
  return { messages: out, suppressed, unused };
}

function findSuppressor(m: Diagnostic, directives: Directive[], matches: (d: Directive, id: string) => boolean): Directive | undefined {
  // Line directives first: they are the most specific.
  for (const d of directives) {
    if (d.kind === 'disable-line' && d.line === m.line && matches(d, m.ruleId)) return d;
    if (d.kind === 'disable-next-line' && d.line + 1 === m.line && matches(d, m.ruleId)) return d;
  }
  // Blocks: the last disable/enable before the finding decides, per rule.
  let state: Directive | undefined;
  for (const d of directives) {
    if (d.line > m.line || (d.line === m.line && d.column > m.column)) break;
    if (d.kind === 'disable' && matches(d, m.ruleId)) state = d;
    else if (d.kind === 'enable' && state && (d.ruleIds.length === 0 || d.ruleIds.includes(m.ruleId))) state = undefined;
  }
  return state;
}
