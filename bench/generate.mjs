// Deterministic benchmark corpus (seeded PRNG): realistic platform values files at several sizes, plus hostile inputs.
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generated content changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20260;
export const DEFAULT_OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const MIB = 1024 * 1024;

/**
 * Sizes per profile. `full` is the benchmark of the issue; `quick` scales the big cases down fifty-fold for a
 * smoke run; `tiny` is for tests and dry runs. The single small files (40, 58 and 3,000 lines) and the hostile cases do not scale.
 */
export const PROFILES = {
  full: { setFiles: 1000, setBytes: 10 * MIB, bigBytes: 10 * MIB, mapKeys: 50_000, heavyBytes: 50 * MIB },
  quick: { setFiles: 20, setBytes: 200 * 1024, bigBytes: 200 * 1024, mapKeys: 2_000, heavyBytes: 1 * MIB },
  tiny: { setFiles: 10, setBytes: 100 * 1024, bigBytes: 100 * 1024, mapKeys: 500, heavyBytes: 500 * 1024 },
};

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const WORDS = ['alpha', 'bravo', 'delta', 'orbit', 'comet', 'lunar', 'solar', 'nova', 'pulsar', 'quasar', 'vega', 'rigel', 'atlas', 'apollo', 'gemini', 'mercury', 'titan', 'europa'];
const COMPANIES = ['acme-corp', 'globex', 'initech', 'umbrella', 'hooli', 'stark-ind', 'wayne-ent', 'tyrell', 'cyberdyne', 'soylent'];
const CHARTS = ['nginx', 'prometheus', 'alertmanager', 'elasticsearch', 'fluentd', 'kibana', 'grafana', 'postgresql', 'pgbouncer', 'nats', 'stan', 'kube-state', 'prometheus-node-exporter', 'prometheus-blackbox-exporter', 'prometheus-postgres-exporter', 'external-es-proxy', 'vector', 'dagProcessor', 'astronomer-sdk', 'airflow-operator'];
const SUBCHARTS = ['commander', 'registry', 'astroUI', 'configSyncer', 'houstonBackendSecret', 'auth-sidecar'];

function hex(rng, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

/** Lines of a map block at `indent`, from [key, value] pairs; values that are arrays of lines are nested blocks. */
function block(indent, entries) {
  const pad = ' '.repeat(indent);
  const out = [];
  for (const [k, v] of entries) {
    if (Array.isArray(v)) {
      out.push(`${pad}${k}:`);
      out.push(...v);
    } else out.push(`${pad}${k}: ${v}`);
  }
  return out;
}

/** The astronomer.houston section (config.auth, secret, env) at `indent`; `mistake` puts one typical error in it. */
export function houstonSection(rng, indent, { domain, mistake = false, compact = false } = {}) {
  const i = (n) => indent + n;
  const company = domain.split('.')[1] ?? 'example';
  const provider = rng.pick(['okta', 'microsoft', 'adfs', 'auth0', 'custom']);
  const providerKey = provider === 'custom' ? rng.pick(['keycloak', 'cognito', 'pingfed']) : provider;
  const flow = rng.pick(['code', 'implicit']);
  const discovery =
    provider === 'okta' ? `https://${company}.okta.com/oauth2/default/.well-known/openid-configuration`
      : provider === 'microsoft' ? `https://login.microsoftonline.com/${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}/v2.0/.well-known/openid-configuration`
        : provider === 'auth0' ? `https://${company}.eu.auth0.com`
          : `https://sso.${domain}/realms/${rng.pick(WORDS)}/.well-known/openid-configuration`;
  const kind = mistake ? rng.int(0, 3) : -1;
  const providerEntries = [
    ['enabled', kind === 0 ? '"false"' : 'true'],
    ['clientId', provider === 'microsoft' ? `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}` : `"0oa${hex(rng, 17)}"`],
    [kind === 1 ? 'discoveryURL' : 'discoveryUrl', kind === 2 ? discovery.replace('https://', 'http://') : discovery],
  ];
  if (provider === 'microsoft') providerEntries.push(['claimsMapping', block(i(14), [['email', 'preferred_username']])]);
  if (provider === 'custom') providerEntries.push(['displayName', `"${rng.pick(WORDS)} SSO"`]);
  if (kind === 3) providerEntries.push(['clientSecret', `"${hex(rng, 32)}"`]);
  const envName = `AUTH__OPENID_CONNECT__${providerKey.toUpperCase()}__CLIENT_SECRET`;
  const secret = flow === 'code' ? [
    `${' '.repeat(i(2))}- envName: ${envName}`,
    `${' '.repeat(i(4))}secretName: ${providerKey}-oidc-client`,
    `${' '.repeat(i(4))}secretKey: client_secret`,
  ] : [];
  secret.push(
    `${' '.repeat(i(2))}- envName: EMAIL__SMTP_URL`,
    `${' '.repeat(i(4))}secretName: astronomer-smtp`,
    `${' '.repeat(i(4))}secretKey: connection`,
  );
  const env = [
    `${' '.repeat(i(2))}- name: GLOBAL_AGENT_HTTPS_PROXY`,
    `${' '.repeat(i(4))}value: http://proxy.${domain}:3128`,
    `${' '.repeat(i(2))}- name: GLOBAL_AGENT_NO_PROXY`,
    `${' '.repeat(i(4))}value: "localhost,127.0.0.1,.svc,.cluster.local,${domain}"`,
  ];
  if (compact) {
    return block(indent, [
      ['config', block(i(2), [
        ['publicSignups', block(i(4), [['enabled', 'false']])],
        ['auth', block(i(4), [
          ['github', block(i(6), [['enabled', 'false']])],
          ['openidConnect', block(i(6), [['flow', flow], ['google', block(i(8), [['enabled', 'false']])], [providerKey, block(i(8), providerEntries)]])],
        ])],
      ])],
      ['secret', secret.slice(0, 3)],
    ]);
  }
  return block(indent, [
    ['replicas', String(rng.int(2, 4))],
    ['config', block(i(2), [
      ['publicSignups', block(i(4), [['enabled', 'false']])],
      ['emailConfirmation', block(i(4), [['enabled', 'true']])],
      ['allowedSystemLevelDomains', [`${' '.repeat(i(4))}- ${domain}`]],
      ['auth', block(i(4), [
        ['local', block(i(6), [['enabled', 'false']])],
        ['github', block(i(6), [['enabled', 'false']])],
        ['openidConnect', block(i(6), [
          ['flow', flow],
          ['idpGroupsImport', block(i(8), [['enabled', String(rng.chance(0.5))]])],
          ['google', block(i(8), [['enabled', 'false']])],
          [providerKey, block(i(8), providerEntries)],
        ])],
      ])],
      ['deployments', block(i(4), [
        ['namespaceManagement', block(i(6), [['manualReleaseNames', block(i(8), [['enabled', String(rng.chance(0.5))]])]])],
        ['helm', block(i(6), [['airflow', block(i(8), [['defaultAirflowRepository', 'quay.io/astronomer/ap-airflow']])]])],
      ])],
    ])],
    ['secret', secret],
    ['env', env],
  ]);
}

const CONFIG_SNIPPETS = [
  ['global:', '  scrape_interval: 30s', '  evaluation_interval: 30s', 'rule_files:', '  - /etc/prometheus/alerts.d/*.rules'],
  ['[SERVICE]', '    Flush        5', '    Log_Level    info', '[INPUT]', '    Name   tail', '    Path   /var/log/containers/*.log'],
  ['server {', '  listen 8080;', '  location /healthz {', '    return 200;', '  }', '}'],
];

/** One chart's values (10 to 200 lines) at the root, named `name`. */
function chartSection(rng, name, domain) {
  const e = [];
  e.push(['enabled', String(rng.chance(0.8))]);
  e.push(['replicas', String(rng.int(1, 5))]);
  e.push(['image', block(4, [
    ['repository', `quay.io/astronomer/ap-${name.toLowerCase()}`],
    ['tag', `${rng.int(0, 9)}.${rng.int(0, 40)}.${rng.int(0, 20)}`],
    ['pullPolicy', rng.pick(['IfNotPresent', 'Always'])],
  ])]);
  const seen = new Set();
  const key = (k) => {
    let name = k;
    for (let n = 2; seen.has(name); n++) name = `${k}${n}`;
    seen.add(name);
    return name;
  };
  const parts = rng.int(2, 9);
  for (let p = 0; p < parts; p++) {
    switch (rng.int(0, 8)) {
      case 0:
        e.push([key('resources'), block(4, [
          ['requests', block(6, [['cpu', `"${rng.int(1, 40) * 50}m"`], ['memory', `"${rng.int(1, 16) * 256}Mi"`]])],
          ['limits', block(6, [['cpu', `"${rng.int(1, 8)}"`], ['memory', `"${rng.int(1, 32)}Gi"`]])],
        ])]);
        break;
      case 1:
        e.push([key('persistence'), block(4, [
          ['enabled', 'true'],
          ['size', `${rng.int(1, 50) * 10}Gi`],
          ['storageClassName', rng.pick(['~', 'gp3', 'premium-rwo', '"standard"'])],
          ['accessMode', 'ReadWriteOnce'],
        ])]);
        break;
      case 2: {
        const n = rng.int(2, 12);
        const lines = [];
        for (let k = 0; k < n; k++) lines.push(`    ${rng.pick(['app.kubernetes.io', 'team', 'cost-center', 'tier'])}/${rng.pick(WORDS)}-${k}: "${rng.pick(WORDS)}-${rng.int(1, 999)}"`);
        e.push([key('podAnnotations'), lines]);
        break;
      }
      case 3: {
        const n = rng.int(1, 8);
        const lines = [];
        for (let k = 0; k < n; k++) {
          lines.push(`    - name: ${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${rng.pick(WORDS).toUpperCase()}_${k}`);
          lines.push(`      value: "${rng.chance(0.3) ? rng.int(0, 100000) : rng.pick(WORDS)}"`);
        }
        e.push([key('extraEnv'), lines]);
        break;
      }
      case 4:
        e.push([`${key('config')}: |`, rng.pick(CONFIG_SNIPPETS).map((l) => `    ${l}`)]);
        break;
      case 5:
        e.push([key('ingress'), block(4, [
          ['enabled', 'true'],
          ['host', `${name.toLowerCase()}.${domain}`],
          ['annotations', block(6, [
            ['nginx.ingress.kubernetes.io/proxy-body-size', '"100m"'],
            ['nginx.ingress.kubernetes.io/ssl-redirect', '"true"'],
          ])],
          ['tls', [`      - secretName: ${name.toLowerCase()}-tls`, `        hosts: [${name.toLowerCase()}.${domain}]`]],
        ])]);
        break;
      case 6:
        e.push([key('nodeSelector'), '{}']);
        e.push([key('tolerations'), [
          `    - key: "dedicated"`,
          `      operator: "Equal"`,
          `      value: "${rng.pick(WORDS)}"`,
          `      effect: "NoSchedule"`,
        ]]);
        break;
      case 7:
        e.push([`# ${rng.pick(['Tuned for', 'See the runbook for', 'Raised after incident with'])} ${rng.pick(WORDS)} ${rng.int(100, 9999)}`, null]);
        e.push([key('retention'), `${rng.int(1, 90)}d`]);
        e.push([key('scrapeInterval'), `${rng.int(1, 6) * 10}s`]);
        break;
      default:
        e.push([key('service'), block(4, [
          ['type', rng.pick(['ClusterIP', 'LoadBalancer', 'NodePort'])],
          ['port', String(rng.int(1024, 65535))],
          ['annotations', '{}'],
          ['loadBalancerSourceRanges', [`      - 10.${rng.int(0, 255)}.0.0/16`, `      - 192.168.${rng.int(0, 255)}.0/24`]],
        ])]);
    }
  }
  const lines = [`${name}:`];
  for (const [k, v] of e) {
    if (v === null) lines.push(`  ${k}`);
    else if (k.endsWith(': |')) lines.push(`  ${k}`, ...v);
    else if (Array.isArray(v)) lines.push(`  ${k}:`, ...v);
    else lines.push(`  ${k}: ${v}`);
  }
  return lines;
}

function globalSection(rng, domain) {
  return [
    'global:',
    `  baseDomain: ${domain}`,
    '  tlsSecret: astronomer-tls',
    `  postgresqlEnabled: ${rng.chance(0.5)}`,
    '  rbacEnabled: true',
    '  networkPolicy:',
    '    enabled: true',
    '  privateRegistry:',
    `    enabled: ${rng.chance(0.3)}`,
    `    repository: registry.${domain}/astronomer`,
  ];
}

/**
 * A platform values file: a header comment, `global`, `astronomer` (houston plus a few subcharts) and chart
 * sections until `lines` (exactly, padded with comment lines) or `bytes` (at least) is reached.
 */
export function platformValues(rng, { lines: wantLines, bytes: wantBytes, mistake = false, compact = false, sectionPrefix = '' }) {
  const domain = `${rng.pick(WORDS)}.${rng.pick(COMPANIES)}.${rng.pick(['io', 'com', 'net', 'cloud'])}`;
  const out = [`# Astronomer platform values for ${domain} (generated by bench/generate.mjs)`, ...globalSection(rng, domain).slice(0, compact ? 3 : undefined)];
  out.push('astronomer:', '  houston:', ...houstonSection(rng, 4, { domain, mistake, compact }));
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  const full = () => (wantLines !== undefined ? out.length >= wantLines : size >= wantBytes);
  const used = new Set();
  let n = 0;
  const nextName = (list) => {
    for (const name of list) if (!used.has(name)) return name;
    return `${sectionPrefix}component${String(n).padStart(5, '0')}`;
  };
  // Subcharts of `astronomer` first (still under it), then top-level charts.
  for (const sub of SUBCHARTS.slice(0, rng.int(1, SUBCHARTS.length))) {
    const s = chartSection(rng, sub, domain).map((l) => `  ${l}`);
    if (wantLines !== undefined && out.length + s.length > wantLines) break;
    out.push(...s);
    size += s.reduce((k, l) => k + l.length + 1, 0);
  }
  while (!full()) {
    const name = nextName(CHARTS);
    used.add(name);
    n++;
    const s = chartSection(rng, name, domain);
    if (wantLines !== undefined && out.length + s.length > wantLines) break;
    out.push(...s);
    size += s.reduce((k, l) => k + l.length + 1, 0);
  }
  if (wantLines !== undefined) {
    for (const name of CHARTS) {
      if (out.length + 2 > wantLines) break;
      if (!used.has(name)) out.push(`${name}:`, `  replicas: ${rng.int(1, 3)}`);
    }
    while (out.length < wantLines) out.push(`# ${rng.pick(['TODO', 'NOTE', 'FIXME'])}: ${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.int(1, 999)}`);
  }
  return out.join('\n') + '\n';
}

/** The realistic 58-line values file with a houston auth section (Okta, code flow, secret from a Secret). */
export function valuesFile58(rng) {
  const company = rng.pick(COMPANIES);
  const domain = `astro.${company}.io`;
  const lines = [
    `# Astronomer platform values for the "${rng.pick(WORDS)}" cluster`,
    '# helm upgrade astronomer astronomer/astronomer -f values.yaml',
    'global:',
    `  baseDomain: ${domain}`,
    '  tlsSecret: astronomer-tls',
    '  postgresqlEnabled: false',
    '  networkPolicy:',
    '    enabled: true',
    '',
    'nginx:',
    `  loadBalancerIP: 10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    '',
    'astronomer:',
    '  houston:',
    '    replicas: 2',
    '    config:',
    '      publicSignups:',
    '        enabled: false',
    '      emailConfirmation:',
    '        enabled: true',
    '      email:',
    '        enabled: true',
    `        reply: noreply@${domain}`,
    '      auth:',
    '        local:',
    '          enabled: false',
    '        github:',
    '          enabled: false',
    '        openidConnect:',
    '          flow: code',
    '          idpGroupsImport:',
    '            enabled: true',
    '          google:',
    '            enabled: false',
    '          okta:',
    '            enabled: true',
    `            clientId: "0oa${hex(rng, 17)}"`,
    `            discoveryUrl: https://${company}.okta.com/oauth2/default/.well-known/openid-configuration`,
    '            authUrlParams:',
    '              audience: api://default',
    '    secret:',
    '      - envName: AUTH__OPENID_CONNECT__OKTA__CLIENT_SECRET',
    '        secretName: okta-client-secret',
    '        secretKey: client_secret',
    '      - envName: EMAIL__SMTP_URL',
    '        secretName: astronomer-smtp',
    '        secretKey: connection',
    '    env:',
    '      - name: GLOBAL_AGENT_HTTPS_PROXY',
    `        value: http://proxy.${company}.io:3128`,
    '      - name: GLOBAL_AGENT_NO_PROXY',
    `        value: "localhost,.svc,.cluster.local,${domain}"`,
    '  commander:',
    '    replicas: 2',
    '',
    'prometheus:',
    '  retention: 15d',
    '  persistence:',
  ];
  if (lines.length !== 58) throw new Error(`valuesFile58 has ${lines.length} lines, not 58`);
  return lines.join('\n') + '\n';
}

/** A flat map of `keys` entries under astronomer.houston.config.deployments.labels (plus a small houston section). */
export function mapFile(rng, keys) {
  const out = ['global:', '  baseDomain: astro.example.io', 'astronomer:', '  houston:', '    config:', '      auth:', '        local:', '          enabled: true', '      deployments:', '        labels:'];
  for (let k = 0; k < keys; k++) out.push(`          label-${String(k).padStart(6, '0')}: "${rng.pick(WORDS)}-${rng.int(0, 99999)}"`);
  return out.join('\n') + '\n';
}

/** Billion laughs: 9 levels of 10 aliases each (10^9 nodes if expanded). */
export function aliasBomb() {
  const out = ['astronomer:', '  houston:', '    config:', '      auth: {}', 'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let l = 1; l <= 9; l++) out.push(`lol${l}: &a${l} [${Array(10).fill(`*a${l - 1}`).join(', ')}]`);
  return out.join('\n') + '\n';
}

/** `depth` nested flow sequences under astronomer.houston.config (10,000 by default). */
export function deepNesting(depth = 10_000) {
  return `astronomer:\n  houston:\n    config:\n      deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

function writeSet(dir, rng, files, totalBytes) {
  mkdirSync(dir, { recursive: true });
  const mean = totalBytes / files;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const text = platformValues(rng, { bytes: Math.round(mean * (0.5 + rng.next())), mistake: rng.chance(0.1) });
    writeFileSync(path.join(dir, `values-${String(f).padStart(4, '0')}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/**
 * Writes the corpus of `profile` into `<out>/corpus-<profile>` and returns its manifest (also written as
 * manifest.json). An existing corpus with the same seed, profile, heavy flag and generator version is reused.
 */
export function generateCorpus({ out = DEFAULT_OUT, profile = 'full', seed = DEFAULT_SEED, heavy = false, force = false } = {}) {
  const sizes = PROFILES[profile];
  if (!sizes) throw new Error(`unknown profile ${profile} (full, quick, tiny)`);
  const dir = path.join(out, `corpus-${profile}`);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!force && existsSync(manifestFile)) {
    const old = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (old.version === GENERATOR_VERSION && old.seed === seed && (old.heavy || !heavy)) return old;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rng = createRng(seed);
  const files = {};
  const put = (key, name, text) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files[key] = { path: file, bytes: Buffer.byteLength(text), lines: text.split('\n').length - 1 };
  };
  mkdirSync(path.join(dir, 'small'), { recursive: true });
  for (let k = 0; k < 20; k++) {
    const text = platformValues(rng, { lines: 40, compact: true });
    writeFileSync(path.join(dir, 'small', `values-40-${String(k).padStart(2, '0')}.yaml`), text);
    if (k === 0) files.small40 = { path: path.join(dir, 'small', 'values-40-00.yaml'), bytes: Buffer.byteLength(text), lines: 40 };
  }
  files.smallDir = { path: path.join(dir, 'small'), count: 20 };
  put('values58', 'values-58.yaml', valuesFile58(rng));
  put('platform3000', 'platform-3000.yaml', platformValues(rng, { lines: 3000 }));
  const setDir = path.join(dir, 'set');
  files.set = { path: setDir, count: sizes.setFiles, bytes: writeSet(setDir, rng, sizes.setFiles, sizes.setBytes) };
  put('big', 'big.yaml', platformValues(rng, { bytes: sizes.bigBytes }));
  put('map', 'map.yaml', mapFile(rng, sizes.mapKeys));
  files.map.keys = sizes.mapKeys;
  put('aliasBomb', 'hostile/alias-bomb.yaml', aliasBomb());
  put('deepNesting', 'hostile/nesting-10000.yaml', deepNesting(10_000));
  if (heavy) put('heavy', 'hostile/heavy.yaml', platformValues(rng, { bytes: sizes.heavyBytes }));
  const manifest = { version: GENERATOR_VERSION, seed, profile, heavy, dir, files };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function parseArgs(argv) {
  const opts = { profile: 'full', heavy: false, force: true };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--heavy') opts.heavy = true;
    else if (a === '--quick') opts.profile = 'quick';
    else if (a === '--tiny') opts.profile = 'tiny';
    else if (a === '--profile') opts.profile = argv[++k];
    else if (a === '--out') opts.out = path.resolve(argv[++k]);
    else if (a === '--seed') opts.seed = Number(argv[++k]);
    else throw new Error(`unknown option ${a} (--quick, --tiny, --profile P, --heavy, --out DIR, --seed N)`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const m = generateCorpus(parseArgs(process.argv.slice(2)));
    const total = Object.values(m.files).reduce((n, f) => n + (f.bytes ?? 0), 0);
    process.stdout.write(`corpus ${m.profile} (seed ${m.seed}) in ${m.dir}: ${(total / MIB).toFixed(1)} MiB\n`);
  } catch (err) {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
