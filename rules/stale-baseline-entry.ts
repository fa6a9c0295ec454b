// Core check: a baseline entry that no longer matches a finding, so the baseline only ever shrinks.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'stale-baseline-entry',
    description: 'A baseline entry that no longer matches any finding (the problem was fixed); prune it so it cannot hide a new one.',
    severity: 'warn',
    core: true,
    crossFile: true,
    messages: { stale: '{{message}}' },
  },
});
