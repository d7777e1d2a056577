/**
 * A `TokenStore` in Redis, shared by every process on every machine that uses the same Redis: one
 * token for the whole fleet, and one token request for it (`tryLock`). Exported from the SDK's
 * `/redis` entry, never from the main one.
 *
 * It takes the application's own connected client, node-redis ≥ 4 (`createClient()`) or ioredis
 * (`new Redis()`), matched by shape, so the SDK keeps zero runtime dependencies.
 * - Tokens: `<prefix><cache key>` → the token as JSON (never the client secret, which a store is
 *   never given), expiring in Redis with the token (`PX` = ms until its expiry).
 * - Locks: `<prefix>lock:<cache key>` → a random value, `SET NX PX <ttl>`, so a killed holder
 *   blocks nobody past the ttl; released by compare-and-delete (Lua), so a lock that expired and
 *   was taken by another process is not released by its former holder.
 * - Every operation gives up after `storeTimeout` ms (default 250): a down, slow or unreachable
 *   Redis then costs each token acquisition a bounded delay, and the manager fetches directly.
 *   The hot path (a valid token in memory) never reaches Redis.
 */
import { randomUUID } from 'node:crypto';
import { normalizeToken, type OAuthToken } from '../auth/oauth-token.js';
import { abortable } from '../auth/single-flight.js';
import type { TokenStore, TokenStoreLock } from '../auth/token-store.js';

/** The node-redis (≥ 4) client methods the store uses. */
export interface NodeRedisClientLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { NX?: true; PX?: number }): Promise<unknown>;
  del(key: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** The ioredis client methods the store uses (`call` tells it from a node-redis client). */
export interface IoRedisClientLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, px: 'PX', milliseconds: number, nx: 'NX'): Promise<unknown>;
  set(key: string, value: string, px: 'PX', milliseconds: number): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  del(key: string): Promise<unknown>;
  eval(script: string, numberOfKeys: number, ...args: string[]): Promise<unknown>;
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A connected node-redis or ioredis client. */
export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

/** Options of `RedisTokenStore`. */
export interface RedisTokenStoreOptions {
  /** Prefix of every key the store writes. Default `sdkgen:token:`, as in every generated SDK, TypeScript or Python. */
  readonly keyPrefix?: string;
  /** Longest wait for one Redis operation, ms (0 or `Infinity`: none). Default 250. */
  readonly storeTimeout?: number;
}

/** Deletes the lock only while it holds our value (KEYS[1] = lock key, ARGV[1] = our value). */
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Shares tokens (and token requests) through Redis; see the module comment. */
export class RedisTokenStore implements TokenStore {
  readonly #client: RedisClientLike;
  readonly #prefix: string;
  readonly #timeout: number;

  /**
   * @param client - The application's connected node-redis or ioredis client (listen to its
   *   `error` events: node-redis throws them otherwise).
   * @param options - Key prefix and per-operation timeout.
   */
  constructor(client: RedisClientLike, options: RedisTokenStoreOptions = {}) {
    this.#client = client;
    this.#prefix = options.keyPrefix ?? 'sdkgen:token:';
    this.#timeout = options.storeTimeout ?? 250;
  }

  /** @inheritDoc */
  async get(key: string): Promise<OAuthToken | undefined> {
    const text = await this.#run('GET', this.#client.get(this.#prefix + key));
    if (typeof text !== 'string') return undefined;
    try {
      return normalizeToken(JSON.parse(text) as unknown);
    } catch {
      return undefined; // not ours (or not JSON): the next token replaces it
    }
  }

  /** @inheritDoc */
  async set(key: string, token: OAuthToken): Promise<void> {
    // Expires with the token; one without an expiry stays until it is replaced or deleted.
    const ttl =
      token.expiry === undefined ? undefined : Math.floor(token.expiry * 1000 - Date.now());
    if (ttl !== undefined && ttl <= 0) return this.delete(key); // expired: nothing to share
    await this.#run('SET', this.#set(this.#prefix + key, JSON.stringify(token), ttl, false));
  }

  /** @inheritDoc */
  async delete(key: string): Promise<void> {
    await this.#run('DEL', this.#client.del(this.#prefix + key));
  }

  /** @inheritDoc */
  async tryLock(key: string, ttlMs: number): Promise<TokenStoreLock | undefined> {
    const name = `${this.#prefix}lock:${key}`;
    const value = randomUUID();
    const release = async (): Promise<void> => {
      const client = this.#client;
      const released = isIoRedis(client)
        ? client.eval(RELEASE_SCRIPT, 1, name, value)
        : client.eval(RELEASE_SCRIPT, { keys: [name], arguments: [value] });
      await this.#run('EVAL', released);
    };
    const reply = this.#set(name, value, Math.ceil(ttlMs), true);
    let taken: unknown;
    try {
      taken = await this.#run('SET NX', reply);
    } catch (error) {
      // Given up on, the command may still run later (a client's offline queue replays it when
      // Redis is back): a lock taken then is freed at once instead of blocking the fleet.
      reply
        .then(async (late) => {
          if (late !== null) await release();
        })
        .catch(() => undefined);
      throw error;
    }
    return taken === null || taken === undefined ? undefined : { release };
  }

  /** Never print the client (its options may hold a password) when a store is logged. */
  toJSON(): Record<string, unknown> {
    return { type: 'RedisTokenStore', keyPrefix: this.#prefix };
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `RedisTokenStore { keyPrefix: ${JSON.stringify(this.#prefix)} }`;
  }

  /** `SET name value [PX ttl] [NX]` (NX only with a ttl) in the client's own dialect. */
  #set(name: string, value: string, ttl: number | undefined, nx: boolean): Promise<unknown> {
    const client = this.#client;
    if (!isIoRedis(client)) {
      return client.set(
        name,
        value,
        ttl === undefined ? {} : nx ? { NX: true, PX: ttl } : { PX: ttl },
      );
    }
    if (ttl === undefined) return client.set(name, value);
    return nx ? client.set(name, value, 'PX', ttl, 'NX') : client.set(name, value, 'PX', ttl);
  }

  /** `reply`, or a `TimeoutException` naming `command` after `storeTimeout`. */
  #run(command: string, reply: Promise<unknown>): Promise<unknown> {
    return abortable(reply, undefined, this.#timeout, `Redis ${command}`);
  }
}

function isIoRedis(client: RedisClientLike): client is IoRedisClientLike {
  return typeof (client as { call?: unknown }).call === 'function';
}
