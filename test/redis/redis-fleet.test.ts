/**
 * RedisTokenStore in a fleet: 16 real processes (8 on node-redis, 8 on ioredis) × 50 concurrent
 * API calls, one real Redis, the real authorization server (oidc-provider, which counts token
 * requests), an API that echoes the Authorization it got and, for revocation, one that
 * introspects every token. Then the faults: Redis killed mid-run, restarted, a stale lock of a
 * killed process; and a scan of everything in Redis.
 */
import { createClient } from 'redis';
import { startApiServer, startScriptedServer, type ApiServer } from '../support/api-server';
import { compileRuntime } from '../support/compile-runtime';
import { BASIC_CLIENT, startOAuthServer, type OAuthServer } from '../support/oauth';
import { startRedis, type RedisServer } from '../support/redis-server';
import { startFleet, type CallsResult, type FleetProcess } from './fleet';

const PROCESSES = 16;
const CALLS = 50;
const TTL = 12; // seconds: short-lived tokens, so expiry and refresh-ahead happen within the test (the first, cold round of 800 calls can take several seconds on a loaded 2-CPU machine)
const PREFIX = 'sdkgen:token:'; // the default: the fleet's children pass no keyPrefix

let redis: RedisServer;
let oauth: OAuthServer;
let api: ApiServer;
let echo: { url: string; stop(): Promise<void> };
let runtime: { dir: string; cleanup(): void };
let fleet: FleetProcess[] = [];
const inspector = () => createClient({ url: redis.url });

beforeAll(async () => {
  runtime = compileRuntime();
  [redis, oauth] = await Promise.all([startRedis(), startOAuthServer({ ttl: TTL })]);
  api = await startApiServer(oauth);
  // The token server's first answer is slow (cold start): get it out of the way of the timings.
  await fetch(oauth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'post-client', client_secret: 'post-secret-value' }),
  }).then((res) => res.text());
  echo = await startScriptedServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, auth: req.headers.authorization }));
  });
  fleet = await startFleet(PROCESSES, (i) => ({
    runtimeDir: runtime.dir,
    redisUrl: redis.url,
    client: i % 2 === 0 ? 'node-redis' : 'ioredis',
    tokenUrl: oauth.tokenUrl,
    apiUrl: echo.url,
    clientId: BASIC_CLIENT.id,
    clientSecret: BASIC_CLIENT.secret,
    // The token is used until it expires (no skew) and not refreshed ahead unless a test says so.
    credentials: { oAuthClockSkew: 0, oAuthRefreshAhead: 0 },
    // The fleet shares 2 CPUs with Redis, the token server and jest: a busy event loop can keep a
    // Redis reply waiting past the default 250 ms, which (rightly) means "fetch directly".
    storeOptions: { storeTimeout: 1000 },
  }));
}, 60_000);

afterAll(async () => {
  await Promise.all(fleet.map((p) => p.send({ op: 'exit' }).catch(() => p.kill())));
  await api?.stop();
  await echo?.stop();
  await oauth?.stop();
  await redis?.stop();
  runtime?.cleanup();
});

/** Every process makes `CALLS` concurrent calls at once. */
async function fleetCalls(): Promise<CallsResult[]> {
  return Promise.all(fleet.map((p) => p.calls(CALLS)));
}

function expectAllOk(results: CallsResult[]): void {
  for (const r of results) expect({ ok: r.ok, failed: r.failed }).toEqual({ ok: CALLS, failed: [] });
}

/** Token requests counted by the server, with the fleet's warnings when the count is off. */
async function expectTokenRequests(expected: number, results: CallsResult[]): Promise<void> {
  const counted = await tokenRequests();
  if (counted !== expected) {
    const warnings = results.flatMap((r) => r.warnings);
    throw new Error(`${counted} token requests, expected ${expected}; warnings: ${JSON.stringify(warnings)}`);
  }
}

/** The distinct tokens the fleet used. */
function tokensUsed(results: CallsResult[]): Set<string> {
  return new Set(results.flatMap((r) => r.tokens));
}

async function tokenRequests(): Promise<number> {
  return (await oauth.stats()).tokenRequests;
}

async function untilExpired(results: CallsResult[]): Promise<void> {
  const expiry = Math.max(...results.map((r) => r.expiry ?? 0));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiry * 1000 - Date.now()) + 300));
}

async function withRedis<T>(use: (client: ReturnType<typeof inspector>) => Promise<T>): Promise<T> {
  const client = inspector();
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.quit();
  }
}

let first: CallsResult[];

test('no token anywhere: 16 processes × 50 concurrent calls → exactly 1 token request', async () => {
  await oauth.reset();
  first = await fleetCalls();
  expectAllOk(first);
  await expectTokenRequests(1, first);
  expect(tokensUsed(first).size).toBe(1);
  const key = `${PREFIX}${first[0]?.cacheKey}`;
  await withRedis(async (client) => {
    // Expires in Redis with the token (on a loaded machine this round can outlast the token).
    const ttl = await client.pTTL(key);
    const left = (first[0]?.expiry ?? 0) * 1000 - Date.now();
    if (left > 200) expect(Math.abs(ttl - left)).toBeLessThan(1500);
    else if (left < -200) expect(ttl).toBe(-2);
    expect(await client.exists(`${PREFIX}lock:${first[0]?.cacheKey}`)).toBe(0); // released
  });
}, 60_000);

test('the token expires → exactly 1 new token request fleet-wide', async () => {
  await untilExpired(first);
  await oauth.reset();
  const results = await fleetCalls();
  expectAllOk(results);
  await expectTokenRequests(1, results);
  const used = tokensUsed(results);
  expect(used.size).toBe(1);
  expect(used.has([...tokensUsed(first)][0] as string)).toBe(false);
  first = results;
}, 60_000);

test('refresh ahead of expiry → exactly 1 background refresh fleet-wide', async () => {
  await untilExpired(first);
  await Promise.all(fleet.map((p) => p.send({ op: 'reset', credentials: { oAuthRefreshAhead: 0.5 } })));
  await oauth.reset();
  const fresh = await fleetCalls(); // a new token for the fleet (1 request)
  expectAllOk(fresh);
  await expectTokenRequests(1, fresh);
  const expiry = (fresh[0]?.expiry ?? 0) * 1000;
  // Into the second half of the lifetime: calls are served at once and start a refresh.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiry - (TTL * 1000) / 2 - Date.now()) + 300));
  const inWindow = await fleetCalls();
  expectAllOk(inWindow);
  const deadline = Date.now() + 4000;
  while ((await tokenRequests()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((resolve) => setTimeout(resolve, 500)); // any second refresh would show now
  await expectTokenRequests(2, inWindow);
  const after = await fleetCalls();
  expectAllOk(after);
  expect(tokensUsed(after).size).toBe(1);
  expect(tokensUsed(after)).not.toEqual(tokensUsed(fresh));
  // In the window, calls went out with the old token until the new one was in.
  for (const t of tokensUsed(inWindow)) expect([...tokensUsed(fresh), ...tokensUsed(after)]).toContain(t);
  await expectTokenRequests(2, after);
  await Promise.all(fleet.map((p) => p.send({ op: 'reset', credentials: { oAuthRefreshAhead: 0 } })));
  first = after;
}, 60_000);

test('the token is revoked → every process gets a 401, 1 new token request fleet-wide', async () => {
  first = await Promise.all(fleet.map((p) => p.send<CallsResult>({ op: 'calls', n: 1, url: api.url })));
  const key = `${PREFIX}${first[0]?.cacheKey}`;
  const stored = await withRedis((client) => client.get(key));
  const token = (JSON.parse(stored as string) as { accessToken: string }).accessToken;
  await oauth.revoke(token, BASIC_CLIENT);
  await oauth.reset();
  api.reset();
  const results = await Promise.all(fleet.map((p) => p.send<CallsResult>({ op: 'calls', n: CALLS, url: api.url })));
  expectAllOk(results);
  expect(api.unauthorizedCount()).toBeGreaterThanOrEqual(PROCESSES); // every process saw the 401
  await expectTokenRequests(1, results);
  expect(tokensUsed(results).size).toBe(1);
  expect(tokensUsed(results)).not.toEqual(tokensUsed(first));
}, 60_000);

test('nothing secret in Redis: every key and value scanned', async () => {
  const secret = BASIC_CLIENT.secret;
  const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
  forms.push(Buffer.from(`${BASIC_CLIENT.id}:${forms[2]}`).toString('base64'));
  const entries = await withRedis(async (client) => {
    const out: [string, string][] = [];
    for await (const keys of client.scanIterator({ MATCH: '*', COUNT: 100 })) {
      for (const key of [keys].flat()) out.push([key, (await client.get(key)) ?? '']);
    }
    return out;
  });
  expect(entries.length).toBeGreaterThan(0);
  for (const [key, value] of entries) {
    expect(key).toMatch(/^sdkgen:token:(lock:)?cc-[0-9a-f]{16}-[0-9a-f]{5}$/);
    for (const form of forms) {
      expect(key).not.toContain(form);
      expect(value).not.toContain(form);
    }
    const parsed = JSON.parse(value) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(expect.arrayContaining(['accessToken', 'tokenType']));
    expect(Object.keys(parsed).every((k) => ['accessToken', 'tokenType', 'expiresIn', 'expiry', 'scope'].includes(k))).toBe(true);
  }
});

test('Redis killed mid-run: every call succeeds, one warning per process; restarted: used again', async () => {
  await Promise.all(fleet.map((p) => p.send({ op: 'reset' })));
  const before = (await fleetCalls()).map((r) => r.warnings.length);
  await Promise.all(fleet.map((p) => p.send({ op: 'clear' })));
  await oauth.reset();
  let restarted = false;
  try {
    const running = fleetCalls();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the calls are under way
    await redis.kill();
    const during = await running;
    expectAllOk(during);
    // Later acquisitions in the same outage: still working, no further warnings.
    await Promise.all(fleet.map((p) => p.send({ op: 'clear' })));
    const still = await fleetCalls();
    expectAllOk(still);
    still.forEach((r, i) => {
      const outage = r.warnings.slice(before[i]);
      for (const w of outage) expect(w).not.toContain(BASIC_CLIENT.secret);
      // Each process had to acquire a token while Redis was down: exactly one warning.
      expect(outage).toEqual([expect.stringContaining('token store')]);
    });
    await redis.restart();
    restarted = true;
  } finally {
    if (!restarted) await redis.restart();
  }
  const pings = await Promise.all(fleet.map((p) => p.send<{ ok: boolean }>({ op: 'ping' })));
  expect(pings.every((p) => p.ok)).toBe(true);
  await Promise.all(fleet.map((p) => p.send({ op: 'clear' })));
  await oauth.reset();
  const again = await fleetCalls();
  expectAllOk(again);
  await expectTokenRequests(1, again); // fleet-wide single flight again
  expect(await withRedis((client) => client.exists(`${PREFIX}${again[0]?.cacheKey}`))).toBe(1);
}, 90_000);

test('a stale lock left by a killed process expires and does not block beyond its ttl', async () => {
  await Promise.all(fleet.map((p) => p.send({ op: 'clear' })));
  const cacheKey = first[0]?.cacheKey as string;
  await withRedis((client) => client.set(`${PREFIX}lock:${cacheKey}`, 'long-gone-holder', { PX: 1500 }));
  await oauth.reset();
  const started = Date.now();
  const results = await fleetCalls();
  const took = Date.now() - started;
  expectAllOk(results);
  await expectTokenRequests(1, results);
  expect(took).toBeGreaterThanOrEqual(1200); // waited for the lock…
  expect(took).toBeLessThan(1500 + 3000); // …but not much past its ttl
}, 60_000);
