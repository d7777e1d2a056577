/**
 * Token cache keys: which credentials a stored token belongs to, without revealing them.
 */

/** What identifies "the same token": never the client secret. */
export interface TokenCacheKeyParts {
  readonly tokenUrl: string;
  readonly clientId: string | undefined;
  readonly scopes: readonly string[];
  readonly params: Readonly<Record<string, string>>;
}

/**
 * `cc-` + FNV-1a 64-bit (hex) of token URL, client id, sorted scopes and sorted extra params.
 * Sorting makes the key independent of option order. FNV-1a is not cryptographic; it is used only
 * to keep keys short and file-name safe. The input holds no secret, so nothing sensitive leaks.
 */
export function tokenCacheKey(parts: TokenCacheKeyParts): string {
  const canonical = JSON.stringify([
    parts.tokenUrl,
    parts.clientId ?? '',
    [...parts.scopes].sort(),
    Object.entries(parts.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
  return `cc-${fnv1a64(canonical)}`;
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
