// Tells a values file from a stream of Secret manifests or of rendered chart manifests (`helm template` output).
import { parseManifests } from './parse-manifests.js';
import { SECRET_KINDS } from './types.js';

export type InputKind = 'values' | 'secrets' | 'rendered';

/** The ConfigMap the chart renders Houston's config into (`<release>-houston-config`). */
export const HOUSTON_CONFIG_MAP = /^(?:.+-)?houston-config$/;

const TOP_KIND_SECRET = /^kind:[ \t]*["']?(?:Secret|SealedSecret|ExternalSecret)["']?[ \t]*(?:#.*)?$/m;
const TOP_KIND_CONFIGMAP = /^kind:[ \t]*["']?ConfigMap["']?[ \t]*(?:#.*)?$/m;
const TOP_API_VERSION = /^apiVersion:[ \t]*\S/m;
const HOUSTON_CONFIG_NAME = /^[ \t]+name:[ \t]*["']?(?:\S+-)?houston-config["']?[ \t]*$/m;
const VALUES_ROOT = /^(?:astronomer|houston|global):/m;

/**
 * `rendered` when a document is a ConfigMap named `*-houston-config`; `secrets` when every document is a Kubernetes
 * object (`apiVersion` and `kind`) and at least one is a Secret, SealedSecret or ExternalSecret; else `values`.
 * A stream that does not parse (Secret manifests with Helm templates, the docs' drafts) is judged by its top-level
 * `kind:`/`apiVersion:` lines.
 */
export function detectInput(text: string): InputKind {
  if (!text.includes('kind:') || !/^[ \t-]*kind:/m.test(text)) return 'values'; // `includes` first: 10× faster
  const maybeRendered = text.includes('houston-config');
  if (!maybeRendered && !/kind:[ \t]*["']?(?:Secret|SealedSecret|ExternalSecret)\b/.test(text)) return 'values';
  const stream = parseManifests('<detect>', text);
  if (maybeRendered && stream.objects.some((o) => o.kind === 'ConfigMap' && o.name !== undefined && HOUSTON_CONFIG_MAP.test(o.name))) return 'rendered';
  if (stream.unreadableDocs === 0) {
    const objects = stream.objects;
    const allObjects = objects.length > 0 && objects.every((o) => o.kind !== undefined && o.apiVersion !== undefined);
    return allObjects && objects.some((o) => SECRET_KINDS.some((k) => k === o.kind)) ? 'secrets' : 'values';
  }
  if (VALUES_ROOT.test(text) || !TOP_API_VERSION.test(text)) return 'values';
  if (TOP_KIND_CONFIGMAP.test(text) && HOUSTON_CONFIG_NAME.test(text)) return 'rendered';
  return TOP_KIND_SECRET.test(text) ? 'secrets' : 'values';
}
