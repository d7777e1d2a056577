/**
 * Token cache keys: which credentials a stored token belongs to, without revealing them.
 *
 * A key must tell two client secrets apart (else a client configured with a wrong secret would
 * silently use the token another client obtained), yet a store must never receive the secret or
 * anything it can be cheaply recovered from, and a persistent store (a `FileTokenStore`, Redis)
 * must see the same key in every process that has the same credentials. So a key has two parts
 * that every store sees, and one more that only an in-process store sees:
 *
 * - `cc-<16 hex>`: FNV-1a 64 of the canonical JSON `[tokenUrl, clientId, sorted scopes, sorted
 *   [name, value] params]` (no secret in it).
 * - `-<5 hex>`: a 20-bit fingerprint of the secret, the top 20 bits of FNV-1a 64 of
 *   `secret + "\n" + canonical`. 20 bits cannot identify a secret: every fingerprint value is
 *   shared by one in 2^20 of all candidate secrets, so a random secret (as authorization servers
 *   issue them, ≥ 128 bits) keeps more than 2^100 candidates, and even a human-chosen one from a
 *   dictionary of a billion words keeps about a thousand, each of which must be tried online
 *   against the token endpoint. The price: two different secrets of one client share a key, in a
 *   store shared across processes, with probability 2^-20 (one in 1,048,576).
 * - `-<16 hex>` for a `MemoryTokenStore` only (it lives and dies with the process): FNV-1a 64 of
 *   `processKey + "\n" + secret`, where `processKey` is random per process and never leaves it.
 *   This makes in-process separation exact, and such a key, printed or logged, tells nothing
 *   about the secret. It would break sharing across processes, hence only for in-memory stores.
 *   The same tagged key also names the single flight, so concurrent clients with different
 *   secrets never share one token request, whatever the store.
 *
 * FNV-1a is not a cryptographic hash and needs not be one here: the persisted fingerprint is safe
 * by its size, not by the hash; the process tag by its unknown key. A slow password hash would
 * need `crypto.subtle` (asynchronous, missing on Node 18) or a few kilobytes of code.
 */

/** What identifies "the same token". */
export interface TokenCacheKeyParts {
  readonly tokenUrl: string;
  readonly clientId: string | undefined;
  /** Only a 20-bit fingerprint of it reaches the key. */
  readonly clientSecret: string | undefined;
  readonly scopes: readonly string[];
  readonly params: Readonly<Record<string, string>>;
}

/** Random per process (Web Crypto where present; Node 18 has no global `crypto`). */
const PROCESS_KEY =
  globalThis.crypto?.getRandomValues?.(new Uint32Array(4)).join('.') ??
  `${Math.random()}.${Math.random()}`;

/**
 * The store key (`cc-<16 hex>-<5 hex>`) and the in-process key (the same plus `-<16 hex>`, for
 * `MemoryTokenStore`s and single flights); see the module comment. Sorting makes both
 * independent of option order.
 */
export function tokenCacheKeys(parts: TokenCacheKeyParts): { shared: string; local: string } {
  const canonical = JSON.stringify([
    parts.tokenUrl,
    parts.clientId ?? '',
    [...parts.scopes].sort(),
    Object.entries(parts.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
  const secret = parts.clientSecret ?? '';
  const shared = `cc-${fnv1a64(canonical)}-${fnv1a64(`${secret}\n${canonical}`).slice(0, 5)}`;
  return { shared, local: `${shared}-${fnv1a64(`${PROCESS_KEY}\n${secret}`)}` };
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a, 64-bit, over the UTF-8 bytes of `input`; 16 hex digits. */
export function fnv1a64(input: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
