/**
 * One process of scripts/bench/token-fleet.mjs. argv[2] is JSON:
 *   { mode: 'load', runtimeDir, tokenUrl, redisUrl, store: 'memory' | 'redis', startAt, durationMs }
 *     -> from `startAt`, 10 concurrent callers call getToken() back to back for `durationMs`;
 *        prints { calls }
 *   { mode: 'latency', runtimeDir, tokenUrl, apiUrl, redisUrl, calls }
 *     -> cached-token API calls with MemoryTokenStore and RedisTokenStore, interleaved batches;
 *        prints medians (µs) and the Redis commands issued during the Redis side's calls
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createClient } from 'redis';

const args = JSON.parse(process.argv[2]);
const load = (p) => import(pathToFileURL(join(args.runtimeDir, p)).href);
const { RedisTokenStore } = await load('redis/redis-token-store.js');
const { MemoryTokenStore } = await load('auth/token-store.js');
const { ClientCredentialsAuthCredentials } = await load('auth/client-credentials.js');
const { ClientCredentialsAuthManager } = await load('auth/client-credentials-manager.js');
const { HttpClient } = await load('http-client.js');

const redis = createClient({ url: args.redisUrl });
redis.on('error', () => undefined);
await redis.connect();

function manager(store) {
  return new ClientCredentialsAuthManager(
    new ClientCredentialsAuthCredentials({ oAuthClientId: 'bench-client', oAuthClientSecret: 'bench-secret', tokenStore: store, oAuthClockSkew: 0 }),
    { schemeName: 'BearerAuth', tokenUrl: args.tokenUrl, logger: { warn: () => undefined } },
  );
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (args.mode === 'load') {
  const m = manager(args.store === 'redis' ? new RedisTokenStore(redis) : new MemoryTokenStore());
  await new Promise((r) => setTimeout(r, Math.max(0, args.startAt - Date.now())));
  const until = Date.now() + args.durationMs;
  let calls = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < until) {
        await m.getToken();
        calls += 1;
        await new Promise((r) => setTimeout(r, 1));
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ calls })}\n`);
} else {
  const op = { operationId: 'get', method: 'GET', path: '/things', params: [], security: [{ BearerAuth: [] }], responseKind: 'json', errors: {} };
  const sides = {
    memory: manager(new MemoryTokenStore()),
    redis: manager(new RedisTokenStore(redis)),
  };
  const clients = Object.fromEntries(Object.entries(sides).map(([k, m]) => [k, new HttpClient({ baseUrl: args.apiUrl, auth: { BearerAuth: m }, retry: false })]));
  for (const k of Object.keys(sides)) for (let i = 0; i < 200; i++) await clients[k].request(op); // token + warm-up
  await redis.sendCommand(['CONFIG', 'RESETSTAT']);
  const call = { memory: [], redis: [] };
  const get = { memory: [], redis: [] };
  for (let batch = 0; batch < args.calls / 100; batch++) {
    for (const k of batch % 2 ? ['redis', 'memory'] : ['memory', 'redis']) {
      for (let i = 0; i < 100; i++) {
        let t = performance.now();
        await clients[k].request(op);
        call[k].push((performance.now() - t) * 1000);
        t = performance.now();
        await sides[k].getToken();
        get[k].push((performance.now() - t) * 1000);
      }
    }
  }
  const redisCommandsDuring = await storeCommands();
  process.stdout.write(
    `${JSON.stringify({
      memoryCallUs: median(call.memory),
      redisCallUs: median(call.redis),
      memoryGetUs: median(get.memory),
      redisGetUs: median(get.redis),
      redisCommands: redisCommandsDuring,
    })}\n`,
  );
}
await redis.quit();

/** GET/SET/DEL/EVAL commands Redis processed since the last RESETSTAT (INFO commandstats). */
async function storeCommands() {
  const info = await redis.sendCommand(['INFO', 'commandstats']);
  return [...info.matchAll(/cmdstat_(?:get|set|del|eval):calls=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
}
