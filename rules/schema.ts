// Core check: a value of the wrong type or outside its allowed values, per schema/houston-values.schema.json.
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'schema',
    description: 'A houston value has the wrong type or a value Houston does not accept (for example `enabled: "false"`, which is truthy).',
    severity: 'error',
    core: true,
    messages: { schema: '{{message}}' },
  },
});
