/**
 * The user-facing OAuth 2.0 client-credentials settings. Immutable; change with `cloneWith`.
 * The secret and tokens are kept in `#private` fields and redacted from every printed form.
 */
import { configuredUrl } from '../url.js';
import type { ClientCredentialsAuthManager } from './client-credentials-manager.js';
import { normalizeToken, redactToken, type OAuthToken } from './oauth-token.js';
import type { TokenStore } from './token-store.js';

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** Replaces the built-in token request; gets the previous token (if any) and the manager. */
export type OAuthTokenProvider = (
  lastToken: OAuthToken | undefined,
  authManager: ClientCredentialsAuthManager,
) => Promise<OAuthToken>;

/** Called with every newly obtained token (fetched or provided), e.g. to persist it. */
export type OAuthTokenUpdateCallback = (token: OAuthToken) => void | Promise<void>;

/**
 * Constructor options of `ClientCredentialsAuthCredentials`; all optional, and each accepts
 * `undefined` (e.g. `oAuthClientId: process.env.CLIENT_ID` under `exactOptionalPropertyTypes`).
 */
export interface ClientCredentialsAuthCredentialsOptions {
  /** OAuth 2 client ID. */
  readonly oAuthClientId?: string | undefined;
  /** OAuth 2 client secret. Never logged, printed or serialized by the SDK. */
  readonly oAuthClientSecret?: string | undefined;
  /** A previously obtained token (e.g. loaded from your database); used before any fetch. */
  readonly oAuthToken?: OAuthToken | undefined;
  /** Scopes to request; sent space-separated as `scope`. */
  readonly oAuthScopes?: readonly string[] | undefined;
  /** Seconds before `expiry` at which a token counts as expired. Default 60. */
  readonly oAuthClockSkew?: number | undefined;
  /**
   * Refresh-ahead window before the (skew-adjusted) expiry, during which calls still use the
   * current token while one background refresh runs. A value in (0, 1) is a fraction of the
   * token's lifetime (`expiresIn`); a value ≥ 1 is seconds; 0 disables. Negative counts as 0.
   * Default: 10 % of the lifetime, at most 300 s. Tokens without `expiresIn` get no window.
   */
  readonly oAuthRefreshAhead?: number | undefined;
  /**
   * Absolute token endpoint URL, overriding the one from the API definition. A URL with user info
   * (`https://id:secret@host/…`) is refused: credentials go in `oAuthClientId`/`oAuthClientSecret`.
   */
  readonly oAuthTokenUrl?: string | undefined;
  /** Replaces the built-in token request (single-flight and storage still apply). */
  readonly oAuthTokenProvider?: OAuthTokenProvider | undefined;
  /** Called with every new token. */
  readonly oAuthOnTokenUpdate?: OAuthTokenUpdateCallback | undefined;
  /** Where tokens are cached. Default: one in-memory store shared by the whole process. */
  readonly tokenStore?: TokenStore | undefined;
  /** Default `client_secret_basic`. */
  readonly tokenEndpointAuthMethod?: TokenEndpointAuthMethod | undefined;
  /** Extra form parameters for every token request, e.g. `{ audience: '…' }` or `resource`. */
  readonly tokenRequestParams?: Readonly<Record<string, string>> | undefined;
}

/** Default `oAuthClockSkew`, seconds. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/** OAuth 2.0 client-credentials settings for one security scheme. */
export class ClientCredentialsAuthCredentials {
  readonly #clientSecret: string | undefined;
  readonly #token: OAuthToken | undefined;
  readonly #options: ClientCredentialsAuthCredentialsOptions;

  /** @param options - Client ID/secret and/or a stored token, plus tuning options. */
  constructor(options: ClientCredentialsAuthCredentialsOptions = {}) {
    const { oAuthClientSecret, oAuthToken, ...rest } = options;
    this.#clientSecret = oAuthClientSecret;
    // Accept what users stored themselves (e.g. numbers that came back as strings).
    this.#token = oAuthToken === undefined ? undefined : normalizeToken(oAuthToken);
    if (oAuthToken !== undefined && this.#token === undefined) {
      throw new TypeError('oAuthToken needs an accessToken of visible ASCII');
    }
    if (rest.oAuthClockSkew !== undefined && !(rest.oAuthClockSkew >= 0)) {
      throw new RangeError('oAuthClockSkew must be a number of seconds ≥ 0');
    }
    if (rest.oAuthTokenUrl !== undefined) configuredUrl('oAuthTokenUrl', rest.oAuthTokenUrl);
    this.#options = Object.freeze({
      ...rest,
      oAuthScopes: rest.oAuthScopes && [...rest.oAuthScopes],
    });
  }

  /** OAuth 2 client ID. */
  get oAuthClientId(): string | undefined {
    return this.#options.oAuthClientId;
  }
  /** OAuth 2 client secret. */
  get oAuthClientSecret(): string | undefined {
    return this.#clientSecret;
  }
  /** The token given at construction (the live token is `authManager.token`). */
  get oAuthToken(): OAuthToken | undefined {
    return this.#token;
  }
  /** Scopes requested. */
  get oAuthScopes(): readonly string[] | undefined {
    return this.#options.oAuthScopes;
  }
  /** Clock skew in seconds (default 60). */
  get oAuthClockSkew(): number {
    return this.#options.oAuthClockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS;
  }
  /** Refresh-ahead setting as given (`undefined` = default; see the option's docs). */
  get oAuthRefreshAhead(): number | undefined {
    return this.#options.oAuthRefreshAhead;
  }
  /** Token endpoint override. */
  get oAuthTokenUrl(): string | undefined {
    return this.#options.oAuthTokenUrl;
  }
  /** Custom token provider. */
  get oAuthTokenProvider(): OAuthTokenProvider | undefined {
    return this.#options.oAuthTokenProvider;
  }
  /** Token update callback. */
  get oAuthOnTokenUpdate(): OAuthTokenUpdateCallback | undefined {
    return this.#options.oAuthOnTokenUpdate;
  }
  /** Token store (`undefined` = the process-wide memory store). */
  get tokenStore(): TokenStore | undefined {
    return this.#options.tokenStore;
  }
  /** Token endpoint client authentication (default `client_secret_basic`). */
  get tokenEndpointAuthMethod(): TokenEndpointAuthMethod {
    return this.#options.tokenEndpointAuthMethod ?? 'client_secret_basic';
  }
  /** Extra token request parameters. */
  get tokenRequestParams(): Readonly<Record<string, string>> | undefined {
    return this.#options.tokenRequestParams;
  }

  /** A copy with some options replaced, e.g. `creds.cloneWith({ oAuthToken: stored })`. */
  cloneWith(partial: ClientCredentialsAuthCredentialsOptions): ClientCredentialsAuthCredentials {
    const current: ClientCredentialsAuthCredentialsOptions = {
      ...this.#options,
      ...(this.#clientSecret === undefined ? {} : { oAuthClientSecret: this.#clientSecret }),
      ...(this.#token === undefined ? {} : { oAuthToken: this.#token }),
    };
    return new ClientCredentialsAuthCredentials({ ...current, ...partial });
  }

  /** JSON form with the secret and tokens redacted (so logging a config is safe). */
  toJSON(): Record<string, unknown> {
    const { oAuthTokenProvider, oAuthOnTokenUpdate, tokenStore, ...plain } = this.#options;
    return {
      ...plain,
      oAuthClientSecret: this.#clientSecret === undefined ? undefined : '[REDACTED]',
      oAuthToken: redactToken(this.#token),
      oAuthTokenProvider: oAuthTokenProvider && '[Function]',
      oAuthOnTokenUpdate: oAuthOnTokenUpdate && '[Function]',
      tokenStore: tokenStore && (tokenStore.constructor?.name ?? 'TokenStore'),
    };
  }

  /** `String(creds)`: identifies the client without secrets. */
  toString(): string {
    return `ClientCredentialsAuthCredentials(clientId=${this.oAuthClientId ?? '<none>'})`;
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ClientCredentialsAuthCredentials ${JSON.stringify(this.toJSON())}`;
  }
}
