// Type declarations for bench/tools.mjs (so TypeScript tests can import it).

export declare const SCHEMA: string;
/** Writes the Spectral ruleset (bench/.spectral.yaml with the schema inlined) into `outDir`; returns its path. */
export declare function writeSpectralRuleset(outDir: string): string;
