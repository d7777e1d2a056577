/**
 * RedisTokenStore against a real redis-server, through a node-redis and an ioredis client: token
 * values and expiry, the lock (NX, ttl, compare-and-delete release), timeouts of a paused Redis,
 * redacted printing, and the hot path of a manager (a cached token never reaches Redis).
 */
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { ClientCredentialsAuthCredentials } from '../../templates/typescript/runtime/auth/client-credentials';
import { ClientCredentialsAuthManager } from '../../templates/typescript/runtime/auth/client-credentials-manager';
import type { OAuthToken } from '../../templates/typescript/runtime/auth/oauth-token';
import { TimeoutException } from '../../templates/typescript/runtime/errors';
import { RedisTokenStore, type RedisClientLike } from '../../templates/typescript/runtime/redis/redis-token-store';
import { BASIC_CLIENT, startOAuthServer, type OAuthServer } from '../support/oauth';
import { startRedis, type RedisServer } from '../support/redis-server';

let redis: RedisServer;
let oauth: OAuthServer;
let nodeRedis: ReturnType<typeof createClient>;
let ioRedis: Redis;
/** The test's own view of Redis (node-redis). */
let admin: ReturnType<typeof createClient>;

beforeAll(async () => {
  [redis, oauth] = await Promise.all([startRedis(), startOAuthServer({ ttl: 3600 })]);
  nodeRedis = createClient({ url: redis.url });
  admin = createClient({ url: redis.url });
  ioRedis = new Redis(redis.url);
  for (const c of [nodeRedis, admin, ioRedis]) c.on('error', () => undefined);
  await Promise.all([nodeRedis.connect(), admin.connect()]);
}, 30_000);

afterAll(async () => {
  await Promise.all([nodeRedis?.quit(), admin?.quit(), ioRedis?.quit()]);
  await oauth?.stop();
  await redis?.stop();
});

const token = (expiresIn?: number): OAuthToken => ({
  accessToken: `access-${Math.random().toString(36).slice(2)}`,
  tokenType: 'Bearer',
  ...(expiresIn === undefined ? {} : { expiresIn, expiry: Math.floor(Date.now() / 1000) + expiresIn }),
});

const clients: [string, () => RedisClientLike][] = [
  ['node-redis', () => nodeRedis],
  ['ioredis', () => ioRedis],
];

describe.each(clients)('with %s', (name, client) => {
  const prefix = `test:${name}:`;
  const store = (): RedisTokenStore => new RedisTokenStore(client(), { keyPrefix: prefix });

  test('set, get and delete a token under <prefix><key>; it expires in Redis with the token', async () => {
    const t = token(120);
    await store().set('k1', t);
    expect(await store().get('k1')).toEqual(t);
    expect(JSON.parse((await admin.get(`${prefix}k1`)) as string)).toEqual(t);
    const ttl = await admin.pTTL(`${prefix}k1`);
    expect(ttl).toBeGreaterThan(115_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    await store().delete('k1');
    expect(await store().get('k1')).toBeUndefined();
    expect(await admin.exists(`${prefix}k1`)).toBe(0);
    await store().delete('k1'); // absent: no error
  });

  test('a token without expiry is kept without a TTL; an expired one is not stored', async () => {
    await store().set('forever', token());
    expect(await admin.pTTL(`${prefix}forever`)).toBe(-1);
    await store().set('old', token(60));
    await store().set('old', { ...token(60), expiry: Math.floor(Date.now() / 1000) - 5 });
    expect(await admin.exists(`${prefix}old`)).toBe(0);
  });

  test('a value that is not a token (foreign, corrupt) reads as no token', async () => {
    await admin.set(`${prefix}bad`, '{"accessToken": "has spaces in it"}');
    await admin.set(`${prefix}junk`, 'not json');
    expect(await store().get('bad')).toBeUndefined();
    expect(await store().get('junk')).toBeUndefined();
  });

  test('tryLock: one holder at a time, expiring after its ttl, released only by its holder', async () => {
    const lockKey = `${prefix}lock:k2`;
    const first = await store().tryLock('k2', 5000);
    expect(first).toBeDefined();
    expect(await store().tryLock('k2', 5000)).toBeUndefined();
    const ttl = await admin.pTTL(lockKey);
    expect(ttl).toBeGreaterThan(4000);
    expect(ttl).toBeLessThanOrEqual(5000);
    await first?.release();
    expect(await admin.exists(lockKey)).toBe(0);

    const short = await store().tryLock('k2', 200);
    expect(short).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = await store().tryLock('k2', 5000); // the first holder's lock expired
    expect(next).toBeDefined();
    await short?.release(); // too late: must not free the new holder's lock
    expect(await admin.exists(lockKey)).toBe(1);
    expect(await store().tryLock('k2', 5000)).toBeUndefined();
    await next?.release();
    expect(await admin.exists(lockKey)).toBe(0);
  });

  test('a paused Redis: each operation gives up after storeTimeout with a TimeoutException', async () => {
    const slow = new RedisTokenStore(client(), { keyPrefix: prefix, storeTimeout: 100 });
    await admin.sendCommand(['CLIENT', 'PAUSE', '600', 'ALL']);
    const started = Date.now();
    const error = await slow.get('k3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutException);
    expect((error as Error).message).toBe('Redis GET did not finish within 100 ms');
    await expect(slow.tryLock('k3', 1000)).rejects.toBeInstanceOf(TimeoutException);
    expect(Date.now() - started).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 700)); // unpaused: the queued SET NX ran
    // The lock taken after the store gave up on it was freed at once: nobody is blocked.
    expect(await admin.exists(`${prefix}lock:k3`)).toBe(0);
    expect(await slow.get('k3')).toBeUndefined();
  });

  test('printing the store shows its prefix, never the client', () => {
    const s = new RedisTokenStore(client(), { keyPrefix: prefix });
    expect(JSON.stringify(s)).toBe(`{"type":"RedisTokenStore","keyPrefix":"${prefix}"}`);
    expect(inspect(s)).toBe(`RedisTokenStore { keyPrefix: "${prefix}" }`);
  });

  test('a manager on the store: one token request, then cached calls never reach Redis', async () => {
    await oauth.reset();
    const make = () =>
      new ClientCredentialsAuthManager(
        new ClientCredentialsAuthCredentials({
          oAuthClientId: BASIC_CLIENT.id,
          oAuthClientSecret: BASIC_CLIENT.secret,
          tokenStore: store(),
        }),
        { schemeName: 'BearerAuth', tokenUrl: oauth.tokenUrl },
      );
    const manager = make();
    const t = await manager.getToken();
    expect((await oauth.stats()).tokenRequests).toBe(1);
    expect(await admin.get(`${prefix}${manager.cacheKey}`)).toBe(JSON.stringify(t));
    await admin.sendCommand(['CONFIG', 'RESETSTAT']);
    for (let i = 0; i < 200; i++) manager.apply({ url: new URL('https://api.example.com'), headers: new Headers(), scopes: [] });
    await Promise.all(Array.from({ length: 200 }, () => manager.getToken()));
    const stats = (await admin.sendCommand(['INFO', 'commandstats'])) as string;
    expect(stats).not.toMatch(/cmdstat_(get|set|eval|del):/);
    // A second manager (another process, in effect) reads the stored token: no token request.
    expect((await make().getToken()).accessToken).toBe(t.accessToken);
    expect((await oauth.stats()).tokenRequests).toBe(1);
    await admin.del(`${prefix}${manager.cacheKey}`);
  });
});
