// Every fixture's findings are exactly the ones its `# expect:` comments announce.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { lintText, lintUnit } from '../src/linter.js';
import { detectInput } from '../src/manifests/detect.js';
import { loadRendered } from '../src/manifests/rendered.js';
import { loadSecretManifests } from '../src/manifests/secret-index.js';
import { readExpectations } from './helpers/expectations.js';
import { FIXTURES } from './helpers/paths.js';

const files = globSync('**/*.{yaml,yml}', { cwd: FIXTURES, absolute: true }).sort();

describe('fixtures carry their expected findings inline', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(relative(FIXTURES, file), () => {
      const text = readFileSync(file, 'utf8');
      const chartVersion = /#\s*chart-version:\s*(\d)/.exec(text)?.[1] ?? '2';
      // Manifests are read as the CLI reads them: Secret manifests indexed, rendered output through its ConfigMap.
      const kind = detectInput(text);
      const result =
        kind === 'secrets'
          ? loadSecretManifests([{ name: file, text }]).results[0]!
          : kind === 'rendered'
            ? lintUnit(loadRendered(file, text)!, { chartVersion })[0]!
            : lintText(text, { filePath: file, chartVersion });
      const got = result.messages
        .map((m) => ({ line: m.line, ruleId: m.ruleId }))
        .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
      expect(got).toEqual(readExpectations(text));
    });
  }
});
