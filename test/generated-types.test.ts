// Fails when src/generated/houston-values.ts is stale relative to schema/houston-values.schema.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT_PATH, generateTypes } from '../scripts/generate-types.mjs';

describe('generated types', () => {
  it('src/generated/houston-values.ts matches the schema', async () => {
    const committed = readFileSync(OUTPUT_PATH, 'utf8');
    const fresh = await generateTypes();
    expect(
      committed === fresh,
      'src/generated/houston-values.ts is out of date with schema/houston-values.schema.json: run `npm run gen:types`',
    ).toBe(true);
  });

  it('declares the named interfaces other code imports', async () => {
    const source = await generateTypes();
    for (const name of ['HoustonValues', 'Global', 'Houston', 'HoustonConfig', 'Auth', 'OpenidConnect', 'Provider', 'SecretEntry', 'EnvEntry']) {
      expect(source, `missing export ${name}`).toMatch(new RegExp(`^export (interface|type) ${name}\\b`, 'm'));
    }
    expect(source).not.toMatch(/^export (interface|type) \w+\d+\b/m);
  });
});
