// The Secret index: what Secret manifests define, as plain data that the `secret-manifest` rule receives as an option.

export type SecretManifestKind = 'Secret' | 'SealedSecret' | 'ExternalSecret';

/** The kinds whose manifests create a Secret. */
export const SECRET_KINDS: readonly SecretManifestKind[] = ['Secret', 'SealedSecret', 'ExternalSecret'];

export interface SecretIndexEntry {
  kind: SecretManifestKind;
  /** Keys the resulting Secret has; `'unknown'` when the manifest does not say (ExternalSecret `dataFrom`, templates). */
  keys: string[] | 'unknown';
  /** Manifest file and 1-based position of the object's `metadata.name` (or of the document). */
  source: string;
  line: number;
  column: number;
  namespace?: string;
}

export interface SecretIndex {
  /** Secret name → the manifest that creates it (the last one, as `kubectl apply` of all files leaves it). Null prototype. */
  secrets: Record<string, SecretIndexEntry>;
  /** Every manifest file read, in order. */
  manifests: string[];
  /** Manifest files with documents that could not be read (their Secrets are not in `secrets`). */
  unreadable: string[];
}

/** True for a value shaped like a SecretIndex (rule options come from configuration, so they are checked). */
export function isSecretIndex(value: unknown): value is SecretIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['secrets'] === 'object' && v['secrets'] !== null && Array.isArray(v['manifests']);
}
