/**
 * What the runtime benchmark calls: the same GET /v2/locations/{id} (Shell EV `evLocationsById`,
 * header RequestId, Bearer token, JSON response read) made these ways:
 *
 *   bare     plain global fetch, token in hand, res.json()
 *   bare+timeout  the same with an AbortController signal and a 60 s timer (what a timeout costs)
 *   sdk      the generated Shell EV SDK (CLI → temp folder → esbuild bundle → import)
 *   runtime  the SDK runtime's HttpClient + ClientCredentialsAuthManager used directly with the
 *            OperationRequest the generated method would build (fallback while the generator
 *            cannot produce the SDK; reported as such)
 *
 * Each factory returns { label, call(): Promise<unknown>, describe }. `fresh` subjects get their
 * own token store, so no token is cached yet.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const LOCATION_ID = '1234567';
export const REQUEST_ID = '123e4567-e89b-12d3-a456-426614174000';
export const CLIENT_ID = 'bench-client';
export const CLIENT_SECRET = 'bench-secret';

/**
 * Plain global fetch with the token in hand, `res.json()`. With `timeoutMs`, also what any client
 * with a per-request timeout must add: an AbortController whose signal goes to fetch, and a timer
 * (the SDK's default is 60 s) — it shows what the timeout alone costs on this Node version.
 */
export function bareSubject({ baseUrl, token, timeoutMs }) {
  const url = `${baseUrl}/v2/locations/${encodeURIComponent(LOCATION_ID)}`;
  // A fresh headers object per call, as inline code would have it.
  const headers = () => ({ RequestId: REQUEST_ID, authorization: `Bearer ${token}`, accept: 'application/json' });
  const read = (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  };
  if (timeoutMs === undefined) {
    return { label: 'bare fetch', call: async () => read(await fetch(url, { headers: headers() })) };
  }
  return {
    label: 'bare fetch + timeout signal',
    async call() {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        return await read(await fetch(url, { headers: headers(), signal: controller.signal }));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** esbuild, a dev dependency of the project (the bench's peers folder is not needed for it). */
export function loadEsbuild() {
  return createRequire(import.meta.url)('esbuild');
}

async function bundleAndImport({ entry, outFile, resolveDir }) {
  const esbuild = loadEsbuild();
  const opts = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: outFile,
    logLevel: 'silent',
    // The sources import siblings as './x.js'; map them to the .ts files.
    plugins: [
      {
        name: 'js-to-ts',
        setup(build) {
          build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (a) => {
            const ts = join(a.resolveDir, a.path.slice(0, -3) + '.ts');
            return existsSync(ts) ? { path: ts } : undefined;
          });
        },
      },
    ],
  };
  if (typeof entry === 'string') await esbuild.build({ ...opts, entryPoints: [entry] });
  else await esbuild.build({ ...opts, stdin: { contents: entry.contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' } });
  return import(pathToFileURL(outFile).href + `?t=${Date.now()}`);
}

// ---------------------------------------------------------------------------------------------
// runtime (direct)
// ---------------------------------------------------------------------------------------------
export async function loadRuntime({ root, work }) {
  const rt = join(root, 'templates', 'typescript', 'runtime');
  const contents = [
    `export { HttpClient } from './http-client.ts';`,
    `export { ClientCredentialsAuthManager } from './auth/client-credentials-manager.ts';`,
    `export { ClientCredentialsAuthCredentials } from './auth/client-credentials.ts';`,
    `export { MemoryTokenStore } from './auth/token-store.ts';`,
  ].join('\n');
  return bundleAndImport({ entry: { contents }, resolveDir: rt, outFile: join(work, 'runtime.bundle.mjs') });
}

export function runtimeSubject(mod, { baseUrl, tokenUrl }) {
  const credentials = new mod.ClientCredentialsAuthCredentials({
    oAuthClientId: CLIENT_ID,
    oAuthClientSecret: CLIENT_SECRET,
    tokenStore: new mod.MemoryTokenStore(),
  });
  const manager = new mod.ClientCredentialsAuthManager(credentials, { schemeName: 'BearerAuth', tokenUrl });
  const client = new mod.HttpClient({ baseUrl, auth: { BearerAuth: manager } });
  const op = {
    operationId: 'evLocationsById',
    method: 'GET',
    path: '/v2/locations/{id}',
    params: [
      { name: 'RequestId', in: 'header', value: REQUEST_ID },
      { name: 'id', in: 'path', value: LOCATION_ID },
      { name: 'providerId', in: 'query', value: undefined },
      { name: 'since', in: 'query', value: undefined },
    ],
    security: [{ BearerAuth: [] }],
    responseKind: 'json',
    errors: {},
  };
  return { label: 'runtime HttpClient (direct)', call: () => client.request(op) };
}

// ---------------------------------------------------------------------------------------------
// sdk (generated)
// ---------------------------------------------------------------------------------------------
/** Bundles the generated SDK in `sdkDir` and imports it. */
export async function loadGeneratedSdk({ sdkDir, work }) {
  const candidates = ['src/index.ts', 'index.ts', 'src/client.ts'];
  const entry = candidates.map((c) => join(sdkDir, c)).find(existsSync);
  if (!entry) throw new Error(`no entry point in generated SDK (looked for ${candidates.join(', ')}; found ${readdirSync(sdkDir).join(', ')})`);
  return bundleAndImport({ entry, outFile: join(work, 'sdk.bundle.mjs') });
}

/**
 * Builds a client of the generated SDK and finds `evLocationsById` on it. The generated API's
 * exact shape is the generator's business; this adapter tries the documented shape first and
 * says precisely what it found when nothing fits.
 */
export function sdkSubject(mod, { baseUrl, tokenUrl, clientName, fresh = true, config = {} }) {
  const Client = mod[clientName] ?? Object.values(mod).find((v) => typeof v === 'function' && /Client$/.test(v.name ?? ''));
  if (typeof Client !== 'function') throw new Error(`generated SDK exports no ${clientName} (exports: ${Object.keys(mod).join(', ')})`);
  const store = fresh && mod.MemoryTokenStore ? new mod.MemoryTokenStore() : undefined;
  // The token URL is left to the SDK (the spec's relative `/v2/oauth/token`, resolved against the
  // base URL); the loopback server answers it.
  const credOptions = { oAuthClientId: CLIENT_ID, oAuthClientSecret: CLIENT_SECRET, ...(store ? { tokenStore: store } : {}) };
  const creds = typeof mod.ClientCredentialsAuthCredentials === 'function' ? new mod.ClientCredentialsAuthCredentials(credOptions) : credOptions;
  const configs = [
    { baseUrl, clientCredentialsAuthCredentials: creds },
    { baseUrl, bearerAuthCredentials: creds },
    { baseUrl, auth: { BearerAuth: creds } },
    { environment: baseUrl, clientCredentialsAuthCredentials: creds },
  ].map((c) => ({ ...c, ...config }));
  const errors = [];
  for (const cfg of configs) {
    try {
      const client = new Client(cfg);
      const found = findMethod(client, 'evLocationsById');
      if (!found) {
        errors.push(`no evLocationsById on the client (own keys: ${Object.keys(client).join(', ')})`);
        continue;
      }
      const { owner, fn } = found;
      // Generated operations take one params object (then per-call options).
      const params = { requestId: REQUEST_ID, id: LOCATION_ID };
      const call = () => fn.call(owner, params);
      return { label: `generated SDK (${Client.name}.${found.path})`, call, config: Object.keys(cfg) };
    } catch (e) {
      errors.push(`${JSON.stringify(Object.keys(cfg))}: ${e.message}`);
    }
  }
  throw new Error(`could not construct ${Client.name}: ${errors.join(' | ')}`);
}

function findMethod(client, name, depth = 0, path = '') {
  if (!client || depth > 2) return null;
  const fn = client[name];
  if (typeof fn === 'function') return { owner: client, fn, path: path ? `${path}.${name}` : name };
  const keys = new Set(Object.keys(client));
  let proto = Object.getPrototypeOf(client);
  while (proto && proto !== Object.prototype) {
    for (const k of Object.getOwnPropertyNames(proto)) if (k !== 'constructor') keys.add(k);
    proto = Object.getPrototypeOf(proto);
  }
  for (const k of keys) {
    let v;
    try {
      v = client[k];
    } catch {
      continue;
    }
    if (v && typeof v === 'object') {
      const hit = findMethod(v, name, depth + 1, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

export function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
