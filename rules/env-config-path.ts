// Reports a houston.env/secret name that Houston does not map, that the chart overrides, or that is obsolete.
import { classifyEnvName, envNameEntries, quoteLike } from '../src/houston-env.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'env-config-path',
    description: 'A `houston.env`/`houston.secret` name that Houston does not read: not in its env mapping, set by the chart itself, or obsolete.',
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      unknownPath:
        '`{{name}}` maps to no Houston config path: Houston reads only the env names in its mapping and ignores this one silently.',
      unknownPathSuggest:
        '`{{name}}` maps to no Houston config path, so Houston ignores it silently. Did you mean `{{suggestion}}`?',
      chartManaged:
        '`{{name}}` is set by the chart itself, after the `env` and `secret` entries; in the pod spec the last entry wins, so this entry has no effect. Remove it.',
      obsolete: '`{{name}}` is an obsolete Houston env name that current Houston does not read. Use {{replacement}} instead.',
      rename: 'Rename to `{{suggestion}}`.',
    },
  },
  check(context) {
    const providers = context.houston.providers.map((p) => p.name);
    for (const { name, path } of envNameEntries(context)) {
      const info = classifyEnvName(name, { providers });
      if (info.kind === 'chart-managed') context.report({ messageId: 'chartManaged', data: { name }, path });
      else if (info.kind === 'obsolete') context.report({ messageId: 'obsolete', data: { name, replacement: info.replacement }, path });
      else if (info.kind === 'unknown' && info.certain) {
        if (info.suggestion) {
          const fix = context.fixer.replaceValue(path, quoteLike(context, path, info.suggestion));
          context.report({
            messageId: 'unknownPathSuggest',
            data: { name, suggestion: info.suggestion },
            path,
            suggest: fix ? [{ messageId: 'rename', data: { suggestion: info.suggestion }, fix }] : [],
          });
        } else context.report({ messageId: 'unknownPath', data: { name }, path });
      }
    }
  },
});
