/**
 * OpenAPI `apiKey` security schemes: a key sent in a header, a query parameter or a cookie.
 */
import type { AuthProvider, AuthTarget } from './auth-provider.js';
import { assertHeaderSafe, REDACTED, supplied } from './secret-value.js';

/** An API key, or a function returning one (called before every request that needs it). */
export type ApiKeyValue = string | (() => string | Promise<string>);

/** Where and under which name the key is sent, from the API definition. */
export interface ApiKeyAuthProviderOptions {
  /** The security scheme's name in the API definition, for messages. */
  readonly schemeName: string;
  readonly in: 'header' | 'query' | 'cookie';
  /** Header, query parameter or cookie name. */
  readonly name: string;
}

/**
 * Sets the key on each request. Cookie values keep RFC 6265 cookie-octets as they are (base64
 * keys stay intact) and percent-encode anything else; query values are percent-encoded.
 */
export class ApiKeyAuthProvider implements AuthProvider<void> {
  readonly #value: ApiKeyValue | undefined;
  readonly #options: ApiKeyAuthProviderOptions;

  /**
   * @param value - The key or a supplier; `undefined` leaves the scheme unconfigured.
   * @param options - Location and name from the API definition.
   */
  constructor(value: ApiKeyValue | undefined, options: ApiKeyAuthProviderOptions) {
    this.#value = value;
    this.#options = options;
  }

  /** The security scheme this provider serves. */
  get schemeName(): string {
    return this.#options.schemeName;
  }

  /** True when a key (or a supplier) was given. */
  isConfigured(): boolean {
    return this.#value !== undefined;
  }

  /** `AuthProvider.apply`: adds the key where the scheme says. */
  async apply(target: AuthTarget): Promise<void> {
    const given = this.#value;
    if (given === undefined) return;
    const { schemeName, name } = this.#options;
    const key = typeof given === 'string' ? given : await supplied(given, schemeName);
    assertHeaderSafe(key, schemeName);
    switch (this.#options.in) {
      case 'header':
        target.headers.set(name, key);
        return;
      case 'query': {
        // Appended as text so the other parameters keep their exact encoding.
        const pair = `${encodeURIComponent(name)}=${encodeURIComponent(key)}`;
        const search = target.url.search.slice(1);
        target.url.search = search === '' ? pair : `${search}&${pair}`;
        return;
      }
      case 'cookie': {
        const pair = `${name}=${cookieValue(key)}`;
        const existing = target.headers.get('cookie');
        target.headers.set('cookie', existing === null ? pair : `${existing}; ${pair}`);
        return;
      }
    }
  }

  /** Redacted JSON form: never the key. */
  toJSON(): Record<string, unknown> {
    return {
      schemeName: this.schemeName,
      in: this.#options.in,
      name: this.#options.name,
      value: this.#value === undefined ? undefined : REDACTED,
    };
  }

  /** `String(provider)`. */
  toString(): string {
    return `ApiKeyAuthProvider(${this.schemeName})`;
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ApiKeyAuthProvider ${JSON.stringify(this.toJSON())}`;
  }
}

/** RFC 6265 cookie-octets pass unchanged; anything else is percent-encoded. */
function cookieValue(value: string): string {
  return /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/.test(value)
    ? value
    : encodeURIComponent(value);
}
