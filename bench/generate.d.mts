// Type declarations for bench/generate.mjs (so TypeScript tests can import it).

export interface CorpusFile {
  path: string;
  bytes: number;
  lines: number;
}

export interface CorpusManifest {
  version: number;
  seed: number;
  profile: 'full' | 'quick' | 'tiny';
  heavy: boolean;
  dir: string;
  files: {
    small40: CorpusFile;
    smallDir: { path: string; count: number };
    values58: CorpusFile;
    platform3000: CorpusFile;
    set: { path: string; count: number; bytes: number };
    big: CorpusFile;
    map: CorpusFile & { keys: number };
    aliasBomb: CorpusFile;
    deepNesting: CorpusFile;
    heavy?: CorpusFile;
  };
}

export declare const GENERATOR_VERSION: number;
export declare const DEFAULT_SEED: number;
export declare const DEFAULT_OUT: string;
export declare const PROFILES: Record<'full' | 'quick' | 'tiny', { setFiles: number; setBytes: number; bigBytes: number; mapKeys: number; heavyBytes: number }>;
/** Writes the corpus of `profile` into `<out>/corpus-<profile>` (reused when it already matches) and returns its manifest. */
export declare function generateCorpus(options?: { out?: string; profile?: 'full' | 'quick' | 'tiny'; seed?: number; heavy?: boolean; force?: boolean }): CorpusManifest;
