// The precompiled validators are current, and give exactly what ajv compiling the schema at run time gives.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateValidators, houstonAjv, OUTPUTS } from '../scripts/generate-validators.mjs';
import * as precompiled from '../src/generated/schema-validators.js';
import { CORPUS_REAL, FIXTURES, REPO } from './helpers/paths.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

const schema = JSON.parse(readFileSync(join(REPO, 'schema/houston-values.schema.json'), 'utf8')) as { $id: string };
const ajv = houstonAjv();
ajv.addSchema(schema);
const runtime = { houston: ajv.getSchema(`${schema.$id}#/definitions/houston`)!, global: ajv.getSchema(`${schema.$id}#/definitions/global`)! };
const built = precompiled as unknown as { houston: Validate; global: Validate };

function verdict(v: Validate, data: unknown) {
  const ok = v(data);
  return { ok, errors: (v.errors ?? []).map((e) => JSON.parse(JSON.stringify(e, (k, val) => (k === 'parentSchema' || k === 'schema' ? undefined : val)))) };
}

function sections(doc: unknown): unknown[] {
  const d = doc as { astronomer?: { houston?: unknown }; houston?: unknown; auth?: unknown } | null;
  return [d?.astronomer?.houston, d?.houston, d && typeof d === 'object' ? { config: d } : undefined].filter((x) => x !== undefined);
}

describe('precompiled validators', () => {
  it('are generated from the current schemas (run `npm run gen:types` after a schema change)', () => {
    const fresh = generateValidators();
    expect(readFileSync(OUTPUTS.houston, 'utf8')).toBe(fresh.houston);
    expect(readFileSync(OUTPUTS.config, 'utf8')).toBe(fresh.config);
  });

  const inputs: [string, unknown][] = [];
  for (const f of readdirSync(CORPUS_REAL).filter((x) => x.endsWith('.yaml'))) {
    try {
      sections(parse(readFileSync(join(CORPUS_REAL, f), 'utf8'), { version: '1.1' })).forEach((s, i) => inputs.push([`${f}#${i}`, s]));
    } catch {
      // not YAML: nothing to validate
    }
  }
  for (const f of globSync('**/*.yaml', { cwd: FIXTURES, absolute: true })) {
    try {
      sections(parse(readFileSync(f, 'utf8'), { version: '1.1' })).forEach((s, i) => inputs.push([`${f}#${i}`, s]));
    } catch {
      // a manifest stream or broken on purpose
    }
  }
  it('agree with run-time compilation on every fixture and corpus file', () => {
    expect(inputs.length).toBeGreaterThan(50);
    for (const [name, data] of inputs) expect(verdict(built.houston, data), name).toEqual(verdict(runtime.houston, data));
  });
  it('agree on random houston-shaped values', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), fc.integer(), fc.constant(null));
    const provider = fc.dictionary(fc.constantFrom('enabled', 'clientId', 'clientSecret', 'discoveryUrl', 'authUrlParams', 'claimsMapping', 'bogus'), fc.oneof(scalar, fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 2 })), { maxKeys: 4 });
    const oidc = fc.dictionary(fc.constantFrom('flow', 'okta', 'google', 'cognito', 'micrsoft', 'idpGroupsImport', 'clockTolerance'), fc.oneof(scalar, provider), { maxKeys: 4 });
    const houston = fc.record(
      {
        config: fc.record({ auth: fc.record({ local: fc.dictionary(fc.constantFrom('enabled', 'teams', 'x'), scalar), openidConnect: oidc }, { requiredKeys: [] }), publicSignups: fc.oneof(scalar, fc.record({ enabled: scalar })) }, { requiredKeys: [] }),
        secret: fc.oneof(fc.constant(null), fc.array(fc.dictionary(fc.constantFrom('envName', 'secretName', 'secretKey', 'name'), scalar), { maxLength: 3 })),
        env: fc.array(fc.dictionary(fc.constantFrom('name', 'value', 'valueFrom'), scalar), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(houston, (data) => {
        expect(verdict(built.houston, data)).toEqual(verdict(runtime.houston, data));
      }),
      { seed: 4242, numRuns: 300 },
    );
  });
});
