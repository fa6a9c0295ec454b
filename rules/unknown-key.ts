// Core check: a key that a closed block of the schema does not have; Houston ignores it silently.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'unknown-key',
    description: 'A key that Houston does not know in a block whose keys are fixed (under `auth`, provider blocks, `secret`/`env` entries); usually a typo.',
    severity: 'error',
    core: true,
    hasSuggestions: true,
    messages: { unknown: '{{message}}' },
  },
});
