// Types for scripts/generate-validators.mjs, so tests can import it.
import type { Ajv, Options } from 'ajv';
export const HOUSTON_AJV_OPTIONS: Options;
export const CONFIG_AJV_OPTIONS: Options;
export const OUTPUTS: { houston: string; config: string };
export function houstonAjv(extra?: Options): Ajv;
export function generateValidators(): { houston: string; config: string };
export function writeValidators(): void;
