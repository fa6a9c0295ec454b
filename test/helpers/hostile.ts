// Deterministic hostile inputs (bytes + the outcome houston-lint must give), shared by the robustness tests and the benchmark.

/** How big the generated inputs are. Tests use TEST_SIZES (CI-fast); the benchmark passes bigger ones. */
export interface HostileSizes {
  /** Nesting depth of the flow (`[[[[`, `{a: {a: `) and compact block (`- - - -`) forms. */
  depth: number;
  /** Nesting depth of the block-indentation form: its text grows with depth², so it is smaller in tests. */
  blockDepth: number;
  /** Approximate size of the large file, in bytes. */
  largeBytes: number;
  /** Keys of the big map. */
  keys: number;
  /** Length of the extremely long line, in characters. */
  longLine: number;
  /** Aliases in the many-aliases file (each resolved once: a realistic pattern that must stay linear). */
  aliases: number;
  /** Repetitions of one key in one map (duplicate-key reporting must stay linear). */
  duplicates: number;
}

export const TEST_SIZES: HostileSizes = {
  depth: 10_000,
  blockDepth: 2_000,
  largeBytes: 2_000_000,
  keys: 50_000,
  longLine: 1 << 20,
  aliases: 5_000,
  duplicates: 10_000,
};

export const BENCH_SIZES: HostileSizes = {
  depth: 100_000,
  blockDepth: 10_000,
  largeBytes: 50_000_000,
  keys: 500_000,
  longLine: 16 << 20,
  aliases: 50_000,
  duplicates: 100_000,
};

/** What linting a case must produce. */
export interface HostileExpectation {
  /** Exit code of `houston-lint <file>` (never 2: hostile content is a finding, not a failure). */
  exitCode: 0 | 1;
  /** The exact rule ids of all findings, in position order, when they do not depend on rules still being written. */
  ruleIds?: string[];
  /** The file is refused: exactly one fatal `yaml-syntax` finding (or at most `maxFindings`) matching this. */
  refused?: { message: RegExp; line?: number; maxFindings?: number };
  /** Rule ids that must be among the findings. */
  includes?: string[];
  /** UTF-8 text whose findings (rule, line, column, path) this case must reproduce exactly. */
  sameAs?: string;
}

export interface HostileCase {
  id: string;
  /** What the case attacks. */
  description: string;
  bytes: Uint8Array;
  expect: HostileExpectation;
}

/** mulberry32: a small seeded PRNG, so every run generates the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** A houston section with one stable finding: `enabled: "false"` (a truthy string) → `schema` at 6:20. */
export const HOUSTON_WITH_FINDING = [
  'astronomer:',
  '  houston:',
  '    config:',
  '      auth:',
  '        github:',
  '          enabled: "false"',
  '        local:',
  '          enabled: true',
  '',
].join('\n');

/** A clean houston section (local login on). */
export const HOUSTON_CLEAN = 'astronomer:\n  houston:\n    config:\n      auth:\n        local:\n          enabled: true\n';

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]));
}

function billionLaughs(levels = 10, width = 10): string {
  const name = (i: number) => `l${i}`;
  const lines = [`${name(0)}: &${name(0)} [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`${name(i)}: &${name(i)} [${Array(width).fill(`*${name(i - 1)}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

function mergeBomb(levels = 12): string {
  const lines = ['m0: &m0 {a: 1, b: 2, c: 3, d: 4}'];
  for (let i = 1; i < levels; i++) lines.push(`m${i}: &m${i} {<<: [*m${i - 1}], x${i}: [*m${i - 1}, *m${i - 1}, *m${i - 1}, *m${i - 1}]}`);
  return lines.join('\n') + '\n';
}

function blockNesting(depth: number): string {
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(i)}k:\n`);
  return parts.join('');
}

/** Out-of-scope bulk (other charts' values) of about `bytes` bytes, deterministic. */
function bulk(bytes: number, rand: () => number): string {
  const parts: string[] = ['nginx:\n  services:\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const word = Math.floor(rand() * 1e9).toString(36);
    const chunk = `    svc${i}:\n      image: registry.example.com/${word}:1.${i % 97}\n      replicas: ${i % 7}\n      labels: {team: "${word}", tier: backend}\n      args: ["--port=${8000 + (i % 1000)}", "--name=${word}"]\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function binary(bytes: number, rand: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // a PNG signature first
  for (let i = 8; i < bytes; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

/** Every hostile case, in a fixed order. Same sizes, same bytes: nothing depends on time or randomness. */
export function hostileCases(sizes: HostileSizes = TEST_SIZES): HostileCase[] {
  const rand = prng(0x5eed);
  const lf = HOUSTON_WITH_FINDING;
  const cases: HostileCase[] = [];
  const add = (id: string, description: string, content: string | Uint8Array, expect: HostileExpectation) =>
    cases.push({ id, description, bytes: typeof content === 'string' ? utf8(content) : content, expect });
  const refused = (message: RegExp, line?: number, maxFindings?: number): HostileExpectation => ({
    exitCode: 1,
    refused: { message, ...(line !== undefined ? { line } : {}), ...(maxFindings !== undefined ? { maxFindings } : {}) },
  });

  // Resource exhaustion.
  add('alias-bomb', 'billion laughs: 10 levels of 10 aliases (10^10 nodes if expanded)', billionLaughs(), refused(/Alias expansion exceeds the limit/, 5));
  add('merge-bomb', 'merge keys and aliases doubling at every level', mergeBomb(), refused(/Alias expansion exceeds the limit/));
  add('alias-self', 'an alias inside its own anchor', 'a: &a [1, *a]\n', refused(/refers to itself/, 1));
  {
    const lines = ['base: &base {cpu: 1, memory: 2Gi}'];
    for (let i = 0; i < sizes.aliases * 4; i++) lines.push(`k${i}: v${i}`);
    for (let i = 0; i < sizes.aliases; i++) lines.push(`use${i}: *base`);
    add('many-aliases', `${sizes.aliases} aliases in a ${sizes.aliases * 5}-line file (alias resolution must be linear)`, lines.join('\n') + '\n', { exitCode: 0, ruleIds: [] });
  }
  add('nesting-flow-seq', `${sizes.depth} nested flow sequences`, `a: ${'['.repeat(sizes.depth)}${']'.repeat(sizes.depth)}\n`, refused(/nested too deeply|Nesting deeper than/, 1));
  add('nesting-flow-seq-unclosed', `${sizes.depth} unclosed flow sequences`, `${'['.repeat(sizes.depth)}\n`, refused(/./, undefined, 20));
  add('nesting-flow-map', `${sizes.depth} nested flow maps`, `${'{a: '.repeat(sizes.depth)}1${'}'.repeat(sizes.depth)}\n`, refused(/nested too deeply|Nesting deeper than/, 1));
  add('nesting-block-seq', `${sizes.depth} nested compact block sequences (- - - …)`, `${'- '.repeat(sizes.depth)}x\n`, refused(/nested too deeply|Nesting deeper than/, 1));
  add('nesting-block-map', `${sizes.blockDepth} levels of block-map indentation`, blockNesting(sizes.blockDepth), refused(/nested too deeply|Nesting deeper than/));
  add('nesting-deep-ok', '100 levels of nesting: deep but fine', `a: ${'['.repeat(100)}${']'.repeat(100)}\n`, { exitCode: 0, ruleIds: [] });
  add('large-file', `about ${sizes.largeBytes} bytes of other charts' values around a houston section`, lf + bulk(sizes.largeBytes, rand), { exitCode: 1, sameAs: lf, includes: ['schema'] });
  {
    const keys: string[] = [];
    for (let i = 0; i < sizes.keys; i++) keys.push(`key${i}: value${i}`);
    add('map-50k-keys', `a ${sizes.keys}-key map beside a houston section`, `${lf}podLabels:\n${keys.map((k) => `  ${k}`).join('\n')}\n`, { exitCode: 1, sameAs: lf, includes: ['schema'] });
  }
  {
    const dup = Array.from({ length: sizes.duplicates }, (_, i) => `      dup: ${i}`).join('\n');
    add('duplicate-keys', `one key repeated ${sizes.duplicates} times in the houston config`, `astronomer:\n  houston:\n    config:\n${dup}\n`, { exitCode: 1, includes: ['duplicate-key'] });
  }
  add('long-line', `a ${sizes.longLine}-character line`, `${lf}nginx:\n  annotation: ${'x'.repeat(sizes.longLine)}\n`, { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('long-key', 'an implicit key longer than 1024 characters (go-yaml refuses it)', `${'k'.repeat(2000)}: 1\n`, refused(/1024/, 1));

  // Not text.
  add('binary', 'random bytes after a PNG signature', binary(64 * 1024, rand), refused(/not UTF-8 text: byte 0x89 at line 1, column 1/, 1));
  add('invalid-utf8', 'a houston section with a byte that is not UTF-8 on line 5', Buffer.concat([Buffer.from(lf.split('\n').slice(0, 4).join('\n') + '\n        github: \xff\n', 'latin1')]), refused(/not UTF-8 text: byte 0xFF at line 5, column 17/, 5));
  add('truncated-utf8', 'a multi-byte character cut short at the end of the file', Buffer.concat([Buffer.from(lf, 'utf8'), Buffer.from([0xe2, 0x82])]), refused(/not UTF-8 text: byte 0xE2 at line 9, column 1/, 9));
  add('nul-bytes', 'NUL bytes in the middle of a value on line 3', lf.replace('    config:', '    config:\0\0\0'), refused(/NUL byte at line 3, column 12/, 3));
  add('control-char', 'a BEL control character in a value', lf.replace('"false"', '"fal\u0007se"'), refused(/control character U\+0007 at line 6/, 6));
  add('utf16le-no-bom', 'UTF-16 LE text without a byte-order mark', new Uint8Array(Buffer.from(lf, 'utf16le')), refused(/NUL byte.*UTF-16 without a byte-order mark/, 1));

  // Encodings and line endings that are fine: same findings as the plain UTF-8 LF text.
  add('utf8-bom', 'UTF-8 with a byte-order mark', `\ufeff${lf}`, { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('utf16le-bom', 'UTF-16 LE with a byte-order mark', utf16(lf, 'le'), { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('utf16be-bom', 'UTF-16 BE with a byte-order mark', utf16(lf, 'be'), { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('crlf', 'CRLF line endings', lf.replaceAll('\n', '\r\n'), { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('cr-only', 'classic Mac line endings (lone CR), which go-yaml reads as line breaks', lf.replaceAll('\n', '\r'), { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('mixed-eol', 'LF, CRLF and lone CR mixed', lf.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('').slice(0, -1), { exitCode: 1, sameAs: lf, includes: ['schema'] });
  add('tabs-indent', 'tabs used for indentation', lf.replace('    config:', '\t\tconfig:'), refused(/Tabs are not allowed as indentation|tab/i, undefined, 20));
  add('unicode-separators', 'NEL, LS and PS characters inside a quoted value', lf.replace('"false"', '"fa\u0085l\u2028s\u2029e"'), { exitCode: 1, includes: ['schema'] });

  // Shapes of the document.
  add('empty', 'an empty file', '', { exitCode: 0, ruleIds: [] });
  add('only-comments', 'only comments and blank lines', '# values\n\n# nothing here\n', { exitCode: 0, ruleIds: [] });
  add('only-whitespace', 'only spaces and newlines', '   \n\n  \n', { exitCode: 0, ruleIds: [] });
  add('root-scalar', 'a scalar at the root (Helm: cannot unmarshal string into Values)', 'hello\n', refused(/top level of a values file must be a map/, 1));
  add('root-list', 'a list at the root', '- astronomer\n- houston\n', refused(/top level of a values file must be a map/, 1));
  add('root-null', 'a null document', '~\n', { exitCode: 0, ruleIds: [] });
  add('multi-document', 'two documents (Helm reads the first)', `${lf}---\nastronomer: {houston: {config: {auth: {github: {enabled: "false"}}}}}\n`, { exitCode: 1, sameAs: `${lf}---\nastronomer: {houston: {config: {auth: {github: {enabled: "false"}}}}}\n`, includes: ['multi-document', 'schema'] });
  add('multi-document-broken', 'a second document that is not valid YAML', `${HOUSTON_CLEAN}---\nkey: [unclosed\n`, { exitCode: 1, includes: ['multi-document', 'yaml-syntax'] });
  add('helm-template-value', 'Helm template syntax as a value', HOUSTON_CLEAN.replace('enabled: true', 'enabled: {{ .Values.localAuth }}'), refused(/invalid map key.*Helm template syntax/, 6));
  add('helm-template-block', 'Helm template control lines in a values file', `{{- if .Values.auth }}\n${HOUSTON_CLEAN}{{- end }}\n`, refused(/Helm template syntax/, 1, 20));
  add('proto-keys', '__proto__ and constructor keys (no prototype pollution)', 'astronomer:\n  houston:\n    config:\n      __proto__: {polluted: true}\n      constructor: {prototype: {polluted: true}}\n      auth:\n        local:\n          enabled: true\n', { exitCode: 0 });
  add('custom-tags', 'language tags that unsafe loaders execute', 'a: !!js/function "function () { return 1 }"\nb: !!python/object/apply:os.system ["true"]\nc: !<tag:yaml.org,2002:js/undefined> x\nd: !!js/regexp /x/\n', { exitCode: 0, ruleIds: [] });
  add('directive-only', 'a %YAML directive without a document', '%YAML 1.1\n', refused(/not followed by a document/, 1));
  return cases;
}

/** Position and fix-range violations of findings against the text they were found in (empty when all are inside). */
export function positionProblems(
  text: string,
  messages: readonly { line: number; column: number; endLine?: number; endColumn?: number; fix?: { range: [number, number] }; ruleId: string }[],
): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  const within = (line: number, column: number) => Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
  for (const m of messages) {
    const where = `${m.ruleId}@${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
    if (!within(m.line, m.column)) out.push(`${where}: start outside the file (${lines.length} lines)`);
    if (m.endLine !== undefined && m.endColumn !== undefined) {
      if (!within(m.endLine, m.endColumn)) out.push(`${where}: end outside the file`);
      if (m.endLine < m.line || (m.endLine === m.line && m.endColumn < m.column)) out.push(`${where}: end before start`);
    }
    if (m.fix) {
      const [a, b] = m.fix.range;
      if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= text.length)) out.push(`${where}: fix range [${a}, ${b}] outside the text (${text.length})`);
    }
  }
  return out;
}
