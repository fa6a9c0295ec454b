// Generates src/generated/houston-values.ts (TypeScript types) from schema/houston-values.schema.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the JSON Schema (the single source of truth). */
export const SCHEMA_PATH = path.join(repoRoot, 'schema', 'houston-values.schema.json');
/** Absolute path of the generated TypeScript file. */
export const OUTPUT_PATH = path.join(repoRoot, 'src', 'generated', 'houston-values.ts');

const BANNER = [
  '/* eslint-disable */',
  '// Generated from schema/houston-values.schema.json by scripts/generate-types.mjs — do not edit.',
  '// Change the schema and run `npm run gen:types` instead.',
].join('\n');

/** Editor-only keywords that mean nothing to the type generator. */
const EDITOR_ONLY_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'examples', 'default', '$comment'];

const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rewrites a copy of the schema so json-schema-to-typescript produces one named type per definition:
 *  - `{$ref, description, ...}` (a $ref with annotation siblings) becomes `{allOf: [{$ref}], description}`;
 *    json-schema-to-typescript would otherwise emit a numbered duplicate (Provider1, EnabledFlag2, ...)
 *    for every such property.
 *  - an object with both `properties` and a schema-valued `additionalProperties` (auth.openidConnect:
 *    settings + free-form providers) gets an index signature covering every property type, because a
 *    TypeScript index signature must be compatible with all declared (optional) properties.
 *  - editor-only keywords are dropped.
 * The published schema is not changed.
 */
function prepareForTypes(node) {
  if (Array.isArray(node)) return node.map(prepareForTypes);
  if (!isPlainObject(node)) return node;

  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (EDITOR_ONLY_KEYWORDS.includes(key)) continue;
    // `properties` and `definitions` map names to schemas: recurse into each value, keep every name.
    if ((key === 'properties' || key === 'definitions') && isPlainObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, prepareForTypes(sub)]));
    } else {
      out[key] = prepareForTypes(value);
    }
  }

  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const wrapped = { allOf: [{ $ref: out.$ref }] };
    if (typeof out.description === 'string') wrapped.description = out.description;
    return wrapped;
  }

  if (isPlainObject(out.properties) && isPlainObject(out.additionalProperties)) {
    const members = [out.additionalProperties, ...Object.values(out.properties)];
    const seen = new Set();
    const unique = members
      .map((member) => (Array.isArray(member.allOf) && member.allOf.length === 1 ? member.allOf[0] : member))
      .map(({ description: _description, ...rest }) => rest)
      .filter((member) => {
        const key = JSON.stringify(member);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    // `undefined` because the declared properties are optional (TS2411 otherwise).
    out.additionalProperties = { anyOf: [...unique, { tsType: 'undefined' }] };
  }
  return out;
}

/** Returns the generated TypeScript source for the current schema (does not write anything). */
export async function generateTypes() {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8'));
  return compile(prepareForTypes(schema), 'HoustonValues', {
    bannerComment: BANNER,
    cwd: path.dirname(SCHEMA_PATH),
    additionalProperties: true,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    unknownAny: true,
    strictIndexSignatures: false,
    enableConstEnums: true,
    format: true,
    style: {
      bracketSpacing: false,
      printWidth: 120,
      semi: true,
      singleQuote: false,
      tabWidth: 2,
      trailingComma: 'none',
      useTabs: false,
    },
  });
}

/** Regenerates OUTPUT_PATH from the schema. */
export async function writeTypes() {
  const source = await generateTypes();
  await mkdir(path.dirname(OUTPUT_PATH), { recursive: true });
  await writeFile(OUTPUT_PATH, source);
  return OUTPUT_PATH;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await writeTypes();
  console.log(`wrote ${path.relative(repoRoot, written)}`);
}
