// Core check: more than one YAML document; Helm 3 reads only the first.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'multi-document',
    description: 'The values file holds several YAML documents; Helm reads only the first.',
    severity: 'warn',
    core: true,
    messages: { multiple: '{{message}}' },
  },
});
