// Core check: a key repeated in one map; Helm keeps only the last value, silently.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'duplicate-key',
    description: 'A key appears twice in the same map; Helm silently keeps only the last value.',
    severity: 'error',
    core: true,
    messages: { duplicate: '{{message}}' },
  },
});
