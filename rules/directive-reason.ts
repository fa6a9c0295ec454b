// Core check (opt-in): an inline disable directive without a `-- reason`.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'directive-reason',
    description: 'A `# houston-lint-disable…` comment without a `-- reason` explaining why the finding is acceptable.',
    severity: 'error',
    core: true,
    optIn: true,
    messages: { missingReason: '{{message}}' },
  },
});
