// Checks schema/houston-values.schema.json: strict ajv compile, descriptions everywhere, real configs, invalid cases.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const testDir = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_FILE = path.resolve(testDir, '../schema/houston-values.schema.json');
const CORPUS_DIR = path.resolve(testDir, '../../shared/corpus/real');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// ajv-formats is CommonJS with `export default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonObject;

function compileSchema(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'markdownDescription' });
  ajv.addKeyword({ keyword: 'defaultSnippets' });
  return ajv.compile(schema);
}

const validate = compileSchema();

function errorsOf(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{astronomer: {houston: {config}}}`: wraps Houston-level config as a values file. */
const withConfig = (config: Json): JsonObject => ({ astronomer: { houston: { config } } });
const withOidc = (openidConnect: Json): JsonObject => withConfig({ auth: { openidConnect } });

function readCorpus(prefix: string): Json {
  const file = readdirSync(CORPUS_DIR).find((name) => name.startsWith(`${prefix}-`) && name.endsWith('.yaml'));
  if (!file) throw new Error(`corpus file ${prefix}-* not found in ${CORPUS_DIR}`);
  return parse(readFileSync(path.join(CORPUS_DIR, file), 'utf8'), { version: '1.1' }) as Json;
}

describe('schema/houston-values.schema.json', () => {
  it('is draft-07 with the expected $id and definitions', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toBe('https://houston-lint.dev/schema/houston-values.schema.json');
    const definitions = schema['definitions'];
    expect(isObject(definitions)).toBe(true);
    for (const name of [
      'global',
      'houston',
      'houstonConfig',
      'enabledFlag',
      'booleanOrEnabledFlag',
      'auth',
      'local',
      'ldap',
      'openidConnect',
      'provider',
      'secretEntry',
      'envEntry',
    ]) {
      expect(Object.keys(definitions as JsonObject)).toContain(name);
    }
  });

  it('compiles with ajv 8 in strict mode', () => {
    expect(() => compileSchema()).not.toThrow();
  });

  it('gives every property a non-empty description', () => {
    const missing: string[] = [];
    const walk = (node: Json | undefined, where: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, `${where}/${i}`));
        return;
      }
      if (!isObject(node)) return;
      const properties = node['properties'];
      if (isObject(properties)) {
        for (const [name, sub] of Object.entries(properties)) {
          const description = isObject(sub) ? sub['description'] : undefined;
          if (typeof description !== 'string' || description.trim() === '') missing.push(`${where}/properties/${name}`);
          walk(sub, `${where}/properties/${name}`);
        }
      }
      for (const keyword of ['definitions', 'items', 'additionalProperties', 'anyOf', 'allOf', 'oneOf', 'not']) {
        const sub = node[keyword];
        if (keyword === 'definitions' && isObject(sub)) {
          for (const [name, def] of Object.entries(sub)) walk(def, `${where}/definitions/${name}`);
        } else {
          walk(sub, `${where}/${keyword}`);
        }
      }
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
  });

  it('uses no custom keywords other than markdownDescription and defaultSnippets', () => {
    const standard = new Set([
      '$schema', '$id', '$ref', '$comment', 'title', 'description', 'default', 'examples', 'type', 'enum', 'const',
      'properties', 'additionalProperties', 'required', 'items', 'definitions', 'anyOf', 'allOf', 'oneOf', 'not',
      'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems', 'uniqueItems',
      'markdownDescription', 'defaultSnippets',
    ]);
    const unknown: string[] = [];
    const walk = (node: Json | undefined, where: string): void => {
      if (!isObject(node)) return;
      for (const key of Object.keys(node)) if (!standard.has(key)) unknown.push(`${where}/${key}`);
      for (const keyword of ['properties', 'definitions']) {
        const map = node[keyword];
        if (isObject(map)) for (const [name, sub] of Object.entries(map)) walk(sub, `${where}/${keyword}/${name}`);
      }
      for (const keyword of ['items', 'additionalProperties', 'not']) walk(node[keyword], `${where}/${keyword}`);
      for (const keyword of ['anyOf', 'allOf', 'oneOf']) {
        const list = node[keyword];
        if (Array.isArray(list)) list.forEach((sub, i) => walk(sub, `${where}/${keyword}/${i}`));
      }
    };
    walk(schema, '#');
    expect(unknown).toEqual([]);
  });

  describe('real configs validate', () => {
    it.each([
      ['053', 'chart configs/local-dev.yaml (2.x)'],
      ['056', 'chart test LDAP override'],
      ['057', 'chart test houston env and secret'],
    ])('%s: %s', (prefix) => {
      expect(errorsOf(readCorpus(prefix))).toEqual([]);
    });

    it.each([
      ['052', 'chart production.yaml auth block'],
      ['060', 'Houston default.yaml 0.35'],
    ])('%s: %s (Houston-level config, wrapped)', (prefix) => {
      expect(errorsOf(withConfig(readCorpus(prefix)))).toEqual([]);
    });
  });

  describe('invalid cases report the expected keyword and path', () => {
    const expectError = (doc: Json, keyword: string, instancePath: string): void => {
      const errors = errorsOf(doc);
      expect(errors.map((e) => ({ keyword: e.keyword, instancePath: e.instancePath }))).toContainEqual({ keyword, instancePath });
    };

    it('enabled: "false" (string) is a type error', () => {
      expectError(withOidc({ okta: { enabled: 'false' } }), 'type', '/astronomer/houston/config/auth/openidConnect/okta/enabled');
    });

    it('discoveryURL (wrong case) under okta is an unknown key', () => {
      const doc = withOidc({ okta: { enabled: true, discoveryURL: 'https://example.okta.com' } });
      expectError(doc, 'additionalProperties', '/astronomer/houston/config/auth/openidConnect/okta');
      const error = errorsOf(doc).find((e) => e.keyword === 'additionalProperties');
      expect(error?.params).toEqual({ additionalProperty: 'discoveryURL' });
    });

    it('flow: impicit is not in the enum', () => {
      expectError(withOidc({ flow: 'impicit' }), 'enum', '/astronomer/houston/config/auth/openidConnect/flow');
    });

    it('a secret entry without secretName is missing a required key', () => {
      const doc = { astronomer: { houston: { secret: [{ envName: 'AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET' }] } } };
      expectError(doc, 'required', '/astronomer/houston/secret/0');
    });

    it('a secret entry without secretKey is fine (chart uses key "value")', () => {
      expect(errorsOf({ astronomer: { houston: { secret: [{ envName: 'X', secretName: 'y' }] } } })).toEqual([]);
    });

    it('secret as a mapping is a type error', () => {
      const doc = { astronomer: { houston: { secret: { envName: 'X', secretName: 'y' } } } };
      expectError(doc, 'type', '/astronomer/houston/secret');
    });

    it('auth.okta (missing openidConnect level) is an unknown key under auth', () => {
      const doc = withConfig({ auth: { okta: { enabled: true } } });
      expectError(doc, 'additionalProperties', '/astronomer/houston/config/auth');
    });

    it('auth.github is a known auth key', () => {
      expect(errorsOf(withConfig({ auth: { github: { enabled: false } } }))).toEqual([]);
    });

    it('a free-form provider (cognito) with valid keys is valid', () => {
      const doc = withOidc({
        cognito: {
          enabled: true,
          clientId: 'abc',
          discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/openid-configuration',
          authUrlParams: { response_type: 'token' },
        },
      });
      expect(errorsOf(doc)).toEqual([]);
    });

    it('a free-form provider with an unknown key is rejected', () => {
      expectError(withOidc({ cognito: { enabled: true, client_id: 'abc' } }), 'additionalProperties', '/astronomer/houston/config/auth/openidConnect/cognito');
    });

    it('publicSignups accepts both {enabled: false} (2.x) and false (1.x)', () => {
      expect(errorsOf(withConfig({ publicSignups: { enabled: false } }))).toEqual([]);
      expect(errorsOf(withConfig({ publicSignups: false }))).toEqual([]);
      expect(errorsOf(withConfig({ emailConfirmation: { enabled: true } }))).toEqual([]);
      expect(errorsOf(withConfig({ publicSignups: 'false' })).length).toBeGreaterThan(0);
    });

    it('unknown keys outside astronomer.houston (nginx) are not checked', () => {
      expect(errorsOf({ nginx: { whatever: { nested: [1, 2] } }, global: { baseDomain: 'example.com', other: 1 } })).toEqual([]);
    });

    it('unknown Houston config keys and houston chart keys are allowed', () => {
      const doc = { astronomer: { houston: { replicas: 2, worker: { replicas: 1 }, config: { serviceAccounts: { enabled: true } } } } };
      expect(errorsOf(doc)).toEqual([]);
    });

    it('null values written as ~ are accepted where real files use them', () => {
      const doc = withOidc({ google: { enabled: true, clientId: null }, custom: { enabled: false, discoveryUrl: null, authUrlParams: null } });
      expect(errorsOf({ ...doc, global: { baseDomain: null } })).toEqual([]);
    });

    it('env entries: valueFrom is allowed by the schema, unknown keys are not', () => {
      const ok = { astronomer: { houston: { env: [{ name: 'A', value: true }, { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] } } };
      expect(errorsOf(ok)).toEqual([]);
      const bad = { astronomer: { houston: { env: [{ name: 'A', secretName: 's' }] } } };
      expectError(bad, 'additionalProperties', '/astronomer/houston/env/0');
    });

    it('the houston subchart form (top-level houston) is validated too', () => {
      expectError({ houston: { config: { auth: { openidConnect: { flow: 'pkce' } } } } }, 'enum', '/houston/config/auth/openidConnect/flow');
    });
  });
});
