// Reads `# expect: rule-id[, rule-id…]` comments from a fixture: the findings each line must produce.
export interface Expectation {
  line: number;
  ruleId: string;
}

const EXPECT = /#\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (m) for (const id of m[1]!.split(',')) out.push({ line: i + 1, ruleId: id.trim() });
  });
  return out.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
}
