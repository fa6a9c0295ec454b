// Core check (opt-in): an inline disable directive that suppressed nothing, or names an unknown rule.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'unused-disable-directive',
    description: 'A `# houston-lint-disable…` comment that suppresses nothing, or names a rule that does not exist.',
    severity: 'error',
    core: true,
    optIn: true,
    messages: { unused: '{{message}}', unknownRule: '{{message}}' },
  },
});
