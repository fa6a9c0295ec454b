// Type declarations for scripts/generate-types.mjs (so TypeScript tests can import it).

/** Absolute path of the JSON Schema (the single source of truth). */
export declare const SCHEMA_PATH: string;
/** Absolute path of the generated TypeScript file. */
export declare const OUTPUT_PATH: string;
/** Returns the generated TypeScript source for the current schema (does not write anything). */
export declare function generateTypes(): Promise<string>;
/** Regenerates OUTPUT_PATH from the schema and returns its path. */
export declare function writeTypes(): Promise<string>;
