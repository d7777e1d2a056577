/**
 * Bearer tokens the user provides: OpenAPI `http` `bearer` schemes, and `oauth2` (flows other
 * than client credentials) and `openIdConnect` schemes, whose tokens the application obtains
 * itself (a login flow, a secrets service) and hands to the SDK through a supplier.
 */
import type { AuthProvider, AuthTarget } from './auth-provider.js';
import { assertHeaderSafe, REDACTED, supplied } from './secret-value.js';

/** What a token supplier is told about the request it supplies a token for. */
export interface TokenSupplierContext {
  /** Scopes the operation requires for this scheme (empty when it names none). */
  readonly scopes: readonly string[];
  /**
   * True when the previous token was just rejected with 401: return a new one, not a cached one.
   * The request is replayed once with it.
   */
  readonly forceRefresh: boolean;
}

/**
 * Returns the access token to send. Called before every request that needs the scheme, so cache
 * tokens yourself (and renew them when `forceRefresh` is true).
 */
export type TokenSupplier = (context: TokenSupplierContext) => string | Promise<string>;

/** A static token, or a supplier called per request. */
export type BearerToken = string | TokenSupplier;

/** What `apply` remembers: whether a supplier produced the token (then a 401 can be retried). */
export interface AppliedBearer {
  readonly supplied: boolean;
}

/**
 * Sends `Authorization: Bearer <token>`. With a supplier, a 401 calls it once more with
 * `forceRefresh: true` and the request is replayed once; a static token is never replayed.
 */
export class BearerTokenAuthProvider implements AuthProvider<AppliedBearer> {
  readonly #token: BearerToken | undefined;
  readonly #schemeName: string;

  /**
   * @param token - The token or a supplier; `undefined` leaves the scheme unconfigured.
   * @param options - The scheme's name in the API definition, for messages.
   */
  constructor(token: BearerToken | undefined, options: { readonly schemeName: string }) {
    this.#token = token;
    this.#schemeName = options.schemeName;
  }

  /** The security scheme this provider serves. */
  get schemeName(): string {
    return this.#schemeName;
  }

  /** True when a token or a supplier was given. */
  isConfigured(): boolean {
    return this.#token !== undefined;
  }

  /** `AuthProvider.apply`: sets `Authorization: Bearer <token>`. */
  async apply(target: AuthTarget): Promise<AppliedBearer> {
    const given = this.#token;
    if (given === undefined) return { supplied: false };
    let token: string;
    if (typeof given === 'string') {
      token = given;
    } else {
      const context: TokenSupplierContext = {
        scopes: [...target.scopes],
        forceRefresh: target.afterUnauthorized === true,
      };
      token = await supplied(() => given(context), this.#schemeName);
    }
    assertHeaderSafe(token, this.#schemeName);
    target.headers.set('authorization', `Bearer ${token}`);
    return { supplied: typeof given !== 'string' };
  }

  /** `AuthProvider.handleUnauthorized`: replay (with `forceRefresh`) only for a supplier. */
  async handleUnauthorized(receipt: AppliedBearer): Promise<boolean> {
    return receipt.supplied;
  }

  /** Redacted JSON form: never the token. */
  toJSON(): Record<string, unknown> {
    const t = this.#token;
    return {
      schemeName: this.#schemeName,
      token: t === undefined ? undefined : typeof t === 'string' ? REDACTED : '[Function]',
    };
  }

  /** `String(provider)`. */
  toString(): string {
    return `BearerTokenAuthProvider(${this.#schemeName})`;
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `BearerTokenAuthProvider ${JSON.stringify(this.toJSON())}`;
  }
}
