/**
 * OpenAPI `http` security schemes with `scheme: basic` (RFC 7617).
 */
import { ConfigurationException } from '../errors.js';
import type { AuthProvider, AuthTarget } from './auth-provider.js';
import { REDACTED } from './secret-value.js';

/** User name and password for HTTP Basic authentication. */
export interface BasicAuthCredentials {
  readonly username: string;
  readonly password: string;
}

/** Sends `Authorization: Basic base64(utf8(username:password))` (RFC 7617 with `charset=UTF-8`). */
export class BasicAuthProvider implements AuthProvider<void> {
  readonly #credentials: BasicAuthCredentials | undefined;
  readonly #schemeName: string;

  /**
   * @param credentials - User name and password; `undefined` leaves the scheme unconfigured.
   * @param options - The scheme's name in the API definition, for messages.
   */
  constructor(
    credentials: BasicAuthCredentials | undefined,
    options: { readonly schemeName: string },
  ) {
    this.#credentials = credentials;
    this.#schemeName = options.schemeName;
  }

  /** The security scheme this provider serves. */
  get schemeName(): string {
    return this.#schemeName;
  }

  /** True when credentials were given. */
  isConfigured(): boolean {
    return this.#credentials !== undefined;
  }

  /** `AuthProvider.apply`: sets the `Authorization` header. */
  async apply(target: AuthTarget): Promise<void> {
    const c = this.#credentials;
    if (c === undefined) return;
    if (c.username.includes(':')) {
      // RFC 7617 §2: the user-id cannot contain a colon; the server would split it wrongly.
      throw new ConfigurationException(`The user name for ${this.#schemeName} contains ':'`);
    }
    target.headers.set('authorization', `Basic ${base64Utf8(`${c.username}:${c.password}`)}`);
  }

  /** Redacted JSON form: the user name, never the password. */
  toJSON(): Record<string, unknown> {
    const c = this.#credentials;
    return {
      schemeName: this.#schemeName,
      username: c?.username,
      password: c === undefined ? undefined : REDACTED,
    };
  }

  /** `String(provider)`. */
  toString(): string {
    return `BasicAuthProvider(${this.#schemeName})`;
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `BasicAuthProvider ${JSON.stringify(this.toJSON())}`;
  }
}

/** Base64 of the UTF-8 bytes of `text`, with `btoa` (available in browsers, Node ≥ 16, workers). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
