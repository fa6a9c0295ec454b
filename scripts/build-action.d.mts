// Type declarations for scripts/build-action.mjs (so TypeScript tests can import it).

/** Absolute path of the committed bundle (action/index.js). */
export declare const OUTFILE: string;
/** The esbuild options the bundle is built with. */
export declare const BUILD_OPTIONS: Record<string, unknown>;
/** Builds the bundle in memory and returns its text. */
export declare function bundle(): Promise<string>;
/** Builds and writes OUTFILE; returns its size in bytes. */
export declare function writeBundle(): Promise<number>;
