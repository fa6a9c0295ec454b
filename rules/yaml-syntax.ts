// Core check: the file is not valid YAML (or is refused as Helm refuses it), so Helm cannot read it at all.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    description: 'The file is not valid YAML, or is refused as Helm refuses it (excessive aliasing, absurd nesting).',
    severity: 'error',
    core: true,
    messages: { syntax: '{{message}}' },
  },
});
