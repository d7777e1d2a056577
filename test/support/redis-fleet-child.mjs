/**
 * One process of a simulated fleet for the RedisTokenStore tests: the real runtime (transpiled by
 * test/support/compile-runtime.ts) with a RedisTokenStore on its own node-redis or ioredis client,
 * calling a protected API. argv[2] is JSON:
 *   { runtimeDir, redisUrl, client: 'node-redis' | 'ioredis', tokenUrl, apiUrl, clientId,
 *     clientSecret, credentials?: { oAuthClockSkew, oAuthRefreshAhead, … } }
 * Prints {"ready": true}, then answers each stdin line (a JSON command) with one JSON line:
 *   { op: 'calls', n, url? } -> n concurrent API calls (to `url` instead of apiUrl if given):
 *                          { ok, failed, tokens (distinct sha256 of the access tokens sent),
 *                          expiry, cacheKey, warnings (every warning logged so far) }
 *   { op: 'reset', credentials? } -> a new manager (no token in memory): { done }
 *   { op: 'clear' }     -> manager.clearToken() (memory and store): { done }
 *   { op: 'ping' }      -> waits (≤ 15 s) until this process's Redis client answers again: { ok }
 *   { op: 'exit' }
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const args = JSON.parse(process.argv[2]);
const load = (p) => import(pathToFileURL(join(args.runtimeDir, p)).href);
const { RedisTokenStore } = await load('redis/redis-token-store.js');
const { ClientCredentialsAuthCredentials } = await load('auth/client-credentials.js');
const { ClientCredentialsAuthManager } = await load('auth/client-credentials-manager.js');
const { HttpClient } = await load('http-client.js');

let client;
if (args.client === 'ioredis') {
  const { Redis } = await import('ioredis');
  client = new Redis(args.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
} else {
  const { createClient } = await import('redis');
  client = createClient({ url: args.redisUrl, socket: { reconnectStrategy: () => 100 } });
}
client.on('error', () => undefined); // a dead Redis is part of the test: the store handles it
if (args.client !== 'ioredis') await client.connect();

const store = new RedisTokenStore(client, args.storeOptions ?? {});
const warnings = [];
const logger = { warn: (message) => warnings.push(message) };
let manager;
let http;
const others = new Map();

function makeManager(credentials) {
  manager = new ClientCredentialsAuthManager(
    new ClientCredentialsAuthCredentials({
      oAuthClientId: args.clientId,
      oAuthClientSecret: args.clientSecret,
      tokenStore: store,
      ...args.credentials,
      ...credentials,
    }),
    { schemeName: 'BearerAuth', tokenUrl: args.tokenUrl, logger, retry: false },
  );
  http = new HttpClient({ baseUrl: args.apiUrl, auth: { BearerAuth: manager }, retry: false });
  others.clear();
}

/** An HTTP client for another API URL, on the same manager. */
function clientFor(url) {
  if (url === undefined) return http;
  if (!others.has(url)) others.set(url, new HttpClient({ baseUrl: url, auth: { BearerAuth: manager }, retry: false }));
  return others.get(url);
}
makeManager({});

const sha = (text) => createHash('sha256').update(text).digest('hex');

async function call(url) {
  const response = await clientFor(url).request({
    operationId: 'getThings',
    method: 'GET',
    path: '/things',
    params: [],
    security: [{ BearerAuth: [] }],
    responseKind: 'json',
    errors: {},
  });
  // The echo API answers with the Authorization header it got; the introspecting one does not
  // (then: the manager's current token).
  return typeof response?.auth === 'string' ? response.auth.slice('Bearer '.length) : manager.token?.accessToken;
}

async function handle(command) {
  switch (command.op) {
    case 'calls': {
      const results = await Promise.allSettled(Array.from({ length: command.n }, () => call(command.url)));
      const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason?.name ?? 'error');
      const tokens = new Set(results.filter((r) => r.status === 'fulfilled').map((r) => sha(r.value)));
      return {
        ok: results.length - failed.length,
        failed,
        tokens: [...tokens],
        expiry: manager.token?.expiry,
        cacheKey: manager.cacheKey,
        warnings,
      };
    }
    case 'reset':
      makeManager(command.credentials ?? {});
      return { done: true };
    case 'clear':
      await manager.clearToken();
      return { done: true };
    case 'ping': {
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await Promise.race([client.ping(), new Promise((_, no) => setTimeout(no, 300, new Error('slow')))]);
          return { ok: true };
        } catch {
          if (Date.now() > deadline) return { ok: false };
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
    case 'exit':
      await (args.client === 'ioredis' ? client.disconnect() : client.disconnect().catch(() => undefined));
      process.exit(0);
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const answer = await handle(JSON.parse(line));
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
