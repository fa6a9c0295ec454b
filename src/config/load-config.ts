// Finds, validates and resolves houston-lint configuration files (cosmiconfig), per linted file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { cosmiconfig as CosmiconfigFn } from 'cosmiconfig';
import type Picomatch from 'picomatch';
import validateConfigSchema from '../generated/config-validator.js';
import { ruleMap, rules } from '../../rules/index.js';
import { packageRoot } from '../package-root.js';
import { closestName } from '../suggest.js';
import type { RuleConfigValue, RulesConfig } from '../linter.js';

/** A configuration problem: exit 2 with the file, the key and a suggestion. */
export class ConfigError extends Error {}

export interface FileConfig {
  extends?: string | string[];
  rules?: RulesConfig;
  chartVersion?: string | number;
  ignorePatterns?: string[];
  overrides?: { files: string | string[]; rules?: RulesConfig; chartVersion?: string | number }[];
  environments?: Record<string, { valuesFiles: string[]; set?: string[]; chartVersion?: string | number; rules?: RulesConfig }>;
}

/** A named release from the configuration: its values files (absolute), `--set`s and settings. */
export interface Environment {
  valuesFiles: string[];
  set: string[];
  chartVersion?: string;
  rules: RulesConfig;
}

/** One config in an `extends` chain, with the directory its globs are relative to. */
interface Layer {
  name: string;
  dir: string;
  config: FileConfig;
}

export interface ResolvedConfig {
  /** The config file that applies, if any. */
  configFile?: string;
  /** Whether the file matches `ignorePatterns`. */
  ignored: boolean;
  /** Named releases (`environments`), later configs replacing earlier ones of the same name. */
  environments: Record<string, Environment>;
  rules: RulesConfig;
  chartVersion: string;
  ignorePatterns: { base: string; pattern: string }[];
}

export const SEARCH_PLACES = [
  'package.json',
  '.houston-lintrc',
  '.houston-lintrc.json',
  '.houston-lintrc.yaml',
  '.houston-lintrc.yml',
  '.houston-lintrc.js',
  '.houston-lintrc.cjs',
  '.houston-lintrc.mjs',
  'houston-lint.config.js',
  'houston-lint.config.cjs',
  'houston-lint.config.mjs',
  'houston-lint.config.ts',
];

/** Built-in presets. `strict` turns every warning into an error and reports unused disable directives. */
export const PRESETS: Record<string, FileConfig> = {
  'houston-lint:recommended': {},
  'houston-lint:strict': {
    rules: {
      ...Object.fromEntries(rules.filter((r) => r.meta.severity === 'warn' && !r.meta.optIn).map((r) => [r.meta.id, 'error' as const])),
      'unused-disable-directive': 'error',
    },
  },
};

interface ConfigValidator {
  validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  topKeys: string[];
}

let configValidator: ConfigValidator | undefined;

/** The config schema's precompiled validator (scripts/generate-validators.mjs) and its top-level keys. */
function validator(): ConfigValidator {
  if (!configValidator) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'config.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    configValidator = { validate: validateConfigSchema as ConfigValidator['validate'], topKeys: Object.keys(schema.properties) };
  }
  return configValidator;
}

const SEVERITY_WORDS = new Set(['off', 'warn', 'error', 0, 1, 2]);

/** Validates one config object; throws ConfigError naming the file and key. */
export function checkConfig(config: unknown, name: string): FileConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`${name}: the configuration must be a map`);
  const { validate, topKeys } = validator();
  // Rule ids are checked here, against the live rule list, so messages can suggest the closest id.
  const checkRules = (rulesConfig: unknown, where: string) => {
    if (rulesConfig === null || typeof rulesConfig !== 'object' || Array.isArray(rulesConfig)) return;
    for (const [id, value] of Object.entries(rulesConfig)) {
      if (!ruleMap.has(id)) {
        const near = closestName(id, ruleMap.keys());
        throw new ConfigError(`${name}: unknown rule "${id}" in ${where}${near ? ` (did you mean "${near}"?)` : ''}`);
      }
      const sev = Array.isArray(value) ? value[0] : value;
      if (!SEVERITY_WORDS.has(sev as string)) {
        throw new ConfigError(`${name}: invalid severity ${JSON.stringify(sev)} for rule "${id}" in ${where}: use "off", "warn" or "error"`);
      }
    }
  };
  const c = config as Record<string, unknown>;
  checkRules(c['rules'], 'rules');
  if (Array.isArray(c['overrides'])) c['overrides'].forEach((o, i) => checkRules((o as Record<string, unknown> | null)?.['rules'], `overrides[${i}].rules`));
  const envs = c['environments'];
  if (envs && typeof envs === 'object') for (const [name, e] of Object.entries(envs)) checkRules((e as Record<string, unknown> | null)?.['rules'], `environments.${name}.rules`);
  if (!validate(config)) {
    const e = validate.errors![0]!;
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const near = closestName(key, e.instancePath === '' ? topKeys : ['files', 'rules', 'chartVersion']);
      throw new ConfigError(`${name}: unknown key "${key}"${e.instancePath ? ` in ${e.instancePath.slice(1).replaceAll('/', '.')}` : ''}${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    const where = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : 'the configuration';
    throw new ConfigError(`${name}: ${where} ${e.message ?? 'is invalid'}`);
  }
  return config as FileConfig;
}

export interface ResolverOptions {
  /** `--config FILE`: use this file for every input instead of searching. */
  configFile?: string;
  /** `--no-config-lookup`: no search at all. */
  lookup: boolean;
  cwd: string;
}

/** Resolves the configuration for each linted file, caching per config file. */
export class ConfigResolver {
  private explorerPromise: Promise<Explorer> | undefined;
  /** Directories already known to hold no configuration, up to the root (most runs have none at all). */
  private readonly noConfig = new Set<string>();

  /** cosmiconfig is loaded only when a configuration file exists: a run without one never pays for it. */
  private explorer(): Promise<Explorer> {
    this.explorerPromise ??= import('cosmiconfig').then((m) => {
      // cosmiconfig is CommonJS: bundled, its exports sit on `default`.
      const cosmiconfig = m.cosmiconfig ?? (m as unknown as { default: typeof m }).default.cosmiconfig;
      return cosmiconfig('houston-lint', { searchPlaces: SEARCH_PLACES, mergeSearchPlaces: false, searchStrategy: 'global', stopDir: resolve('/') });
    });
    return this.explorerPromise;
  }

  /** Whether some directory from `dir` up holds a file cosmiconfig would read (a cheap pre-check). */
  private mayHaveConfig(dir: string): boolean {
    const visited: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      if (this.noConfig.has(d)) break;
      visited.push(d);
      if (SEARCH_PLACES.some((place) => candidate(join(d, place), place))) return true;
      if (dirname(d) === d) break;
    }
    for (const d of visited) this.noConfig.add(d);
    return false;
  }
  private readonly layersByFile = new Map<string, Promise<Layer[]>>();

  constructor(private readonly options: ResolverOptions) {}

  /** The resolved configuration for a file (a path, or a name for stdin resolved from cwd). */
  async forFile(filePath: string): Promise<ResolvedConfig> {
    const abs = resolve(this.options.cwd, filePath);
    const found = await this.findConfig(abs);
    const layers = found ? await this.layers(found) : [];
    // Environments are named by users: no prototype, so `__proto__` is a name and `--env toString` finds nothing.
    const environments = Object.create(null) as ResolvedConfig['environments'];
    const resolved: ResolvedConfig = { ignored: false, rules: {}, chartVersion: '2', ignorePatterns: [], environments };
    // picomatch is loaded only when some configuration has globs.
    const needsGlobs = layers.some((l) => l.config.overrides?.length || l.config.ignorePatterns?.length);
    const matches = needsGlobs ? globMatcher(await loadPicomatch()) : () => false;
    if (found) resolved.configFile = found;
    for (const layer of layers) {
      Object.assign(resolved.rules, layer.config.rules);
      if (layer.config.chartVersion !== undefined) resolved.chartVersion = String(layer.config.chartVersion);
      for (const pattern of layer.config.ignorePatterns ?? []) resolved.ignorePatterns.push({ base: layer.dir, pattern });
      for (const [name, env] of Object.entries(layer.config.environments ?? {})) {
        resolved.environments[name] = {
          valuesFiles: env.valuesFiles.map((f) => resolve(layer.dir, f)),
          set: env.set ?? [],
          ...(env.chartVersion !== undefined ? { chartVersion: String(env.chartVersion) } : {}),
          rules: env.rules ?? {},
        };
      }
      for (const o of layer.config.overrides ?? []) {
        if (!matches(abs, layer.dir, o.files)) continue;
        Object.assign(resolved.rules, o.rules);
        if (o.chartVersion !== undefined) resolved.chartVersion = String(o.chartVersion);
      }
    }
    resolved.ignored = resolved.ignorePatterns.some((p) => matches(abs, p.base, p.pattern));
    return resolved;
  }

  private async findConfig(abs: string): Promise<string | undefined> {
    if (this.options.configFile) return resolve(this.options.cwd, this.options.configFile);
    if (!this.options.lookup) return undefined;
    if (!this.mayHaveConfig(dirname(abs))) return undefined;
    try {
      const result = await (await this.explorer()).search(dirname(abs));
      return result && !result.isEmpty ? result.filepath : result?.filepath;
    } catch (err) {
      const file = (err as { filepath?: string }).filepath;
      throw new ConfigError(`${file ?? `configuration near ${relative(this.options.cwd, abs) || abs}`}: ${errorMessage(err)}`);
    }
  }

  private layers(file: string): Promise<Layer[]> {
    let pending = this.layersByFile.get(file);
    if (!pending) {
      pending = this.loadLayers(file, []);
      this.layersByFile.set(file, pending);
    }
    return pending;
  }

  private async loadLayers(file: string, chain: string[]): Promise<Layer[]> {
    if (chain.includes(file)) throw new ConfigError(`${file}: circular "extends" (${[...chain, file].join(' → ')})`);
    let loaded;
    try {
      loaded = await (await this.explorer()).load(file);
    } catch (err) {
      throw new ConfigError(`${file}: ${errorMessage(err)}`);
    }
    const config = checkConfig(esmDefault(loaded?.config ?? {}), file);
    const dir = dirname(file);
    const layers: Layer[] = [];
    const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
    for (const parent of parents) {
      const preset = PRESETS[parent];
      if (preset) layers.push({ name: parent, dir, config: preset });
      else if (parent.startsWith('houston-lint:')) {
        const near = closestName(parent, Object.keys(PRESETS));
        throw new ConfigError(`${file}: unknown preset "${parent}" in extends${near ? ` (did you mean "${near}"?)` : ''}`);
      } else layers.push(...(await this.loadLayers(resolve(dir, parent), [...chain, file])));
    }
    layers.push({ name: file, dir, config });
    return layers;
  }
}

/**
 * An ES module config can arrive as its namespace (`{ __esModule, default }`) when cosmiconfig falls back to
 * require() for it (as in the bundled command); the configuration is its default export.
 */
function esmDefault(config: unknown): unknown {
  if (config !== null && typeof config === 'object' && 'default' in config && ('__esModule' in config || Object.prototype.toString.call(config) === '[object Module]')) {
    return (config as { default: unknown }).default;
  }
  return config;
}

type Explorer = ReturnType<typeof CosmiconfigFn>;

/** A search place that exists (package.json only when it has a `houston-lint` key). */
function candidate(file: string, place: string): boolean {
  if (!existsSync(file)) return false;
  if (place !== 'package.json') return true;
  try {
    return Object.prototype.hasOwnProperty.call(JSON.parse(readFileSync(file, 'utf8')) as object, 'houston-lint');
  } catch {
    return true; // let cosmiconfig report the broken file
  }
}

function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.replace(/^Error: /, '');
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** picomatch is CommonJS: depending on the loader its function is the module or its `default`. */
async function loadPicomatch(): Promise<typeof Picomatch> {
  const m = (await import('picomatch')) as unknown as typeof Picomatch | { default: typeof Picomatch };
  return typeof m === 'function' ? m : m.default;
}

type Matcher = (abs: string, base: string, globs: string | string[]) => boolean;

/** Matches a file against globs relative to a config file's directory. */
function globMatcher(picomatch: typeof Picomatch): Matcher {
  return (abs, base, globs) => {
    const rel = toPosix(relative(base, abs));
    return !rel.startsWith('../') && picomatch(globs, { dot: true })(rel);
  };
}

/** Combines a file's configuration with command-line flags (flags win). */
export function withFlags(config: ResolvedConfig, flags: { rules: RulesConfig; chartVersion?: string }): ResolvedConfig {
  return { ...config, rules: { ...config.rules, ...flags.rules }, chartVersion: flags.chartVersion ?? config.chartVersion };
}

export type { RuleConfigValue };
