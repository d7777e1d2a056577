/**
 * Where tokens live between calls, clients and (with a persistent store) processes.
 */
import type { OAuthToken } from './oauth-token.js';

/** A held fleet-wide lock on one token key (see `TokenStore.tryLock`). */
export interface TokenStoreLock {
  /** Gives the lock up, if it is still ours (it may have expired and been taken meanwhile). */
  release(): Promise<void>;
}

/**
 * Pluggable token persistence. Keys come from `tokenCacheKeys` (no secrets in them); values are
 * plain `OAuthToken` data. Implementations may be shared by many clients and must tolerate
 * concurrent calls. A throwing store never breaks API calls: the manager logs and carries on.
 */
export interface TokenStore {
  /** The token stored under `key`, or `undefined`. */
  get(key: string): Promise<OAuthToken | undefined>;
  /** Stores (replaces) the token under `key`. */
  set(key: string, token: OAuthToken): Promise<void>;
  /** Removes the token under `key` (no error if absent). */
  delete(key: string): Promise<void>;
  /**
   * Optional fleet-wide single flight: takes the lock on `key` for at most `ttlMs` (it expires by
   * itself after that, so a killed holder never blocks), or resolves `undefined` when another
   * process holds it. With it, when many processes find no valid token at once, one requests it
   * and the others wait for it to appear in the store.
   */
  tryLock?(key: string, ttlMs: number): Promise<TokenStoreLock | undefined>;
}

/** In-process store. Tokens are copied in and out so callers cannot mutate the cached one. */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, OAuthToken>();

  /** @inheritDoc */
  async get(key: string): Promise<OAuthToken | undefined> {
    const token = this.#tokens.get(key);
    return token === undefined ? undefined : { ...token };
  }

  /** @inheritDoc */
  async set(key: string, token: OAuthToken): Promise<void> {
    this.#tokens.set(key, { ...token });
  }

  /** @inheritDoc */
  async delete(key: string): Promise<void> {
    this.#tokens.delete(key);
  }

  /** Never print tokens when a store is logged. */
  toJSON(): Record<string, unknown> {
    return { type: 'MemoryTokenStore', size: this.#tokens.size };
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `MemoryTokenStore { size: ${this.#tokens.size} }`;
  }
}

/**
 * The store used when none is configured. One per process (module singleton), so every client
 * created with the same credentials reuses one token instead of fetching its own.
 */
export const defaultTokenStore: TokenStore = new MemoryTokenStore();
