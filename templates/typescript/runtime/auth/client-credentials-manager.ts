/**
 * Token lifecycle for one OAuth 2.0 client-credentials security scheme: load from store, reuse
 * until expiry, single-flight fetching, stale-while-revalidate refresh-ahead, and one replay
 * after a 401. Secrets and tokens never reach messages or logs.
 */
import { DEFAULT_TIMEOUT_MS, DEFAULT_TOKEN_RETRY, resolveRetry } from '../config.js';
import { ConfigurationException, SdkException } from '../errors.js';
import type { RetryOptions } from '../operation.js';
import type { FetchLike } from '../transport.js';
import { redactUrl } from '../url.js';
import type { AuthProvider, AuthTarget } from './auth-provider.js';
import { tokenCacheKey } from './cache-key.js';
import type { ClientCredentialsAuthCredentials } from './client-credentials.js';
import { normalizeToken, type OAuthToken } from './oauth-token.js';
import { abortable, currentFlight, singleFlight, type ObtainedToken } from './single-flight.js';
import { requestClientCredentialsToken } from './token-request.js';
import { defaultTokenStore, type TokenStore } from './token-store.js';

/** Settings the generated client passes in (the user's settings are in the credentials). */
export interface ClientCredentialsAuthManagerOptions {
  /** The security scheme's name in the API definition, for messages (e.g. `BearerAuth`). */
  readonly schemeName: string;
  /** Absolute token endpoint URL (the credentials' `oAuthTokenUrl` overrides it). */
  readonly tokenUrl: string;
  /** `fetch` implementation; default: the global one at call time. */
  readonly fetch?: FetchLike | undefined;
  /** Per-attempt timeout for token requests in ms (0 or `Infinity`: none). Default `DEFAULT_TIMEOUT_MS`. */
  readonly timeout?: number | undefined;
  /** Token request retry overrides, or `false` for none. Default `DEFAULT_TOKEN_RETRY`. */
  readonly retry?: Partial<RetryOptions> | false | undefined;
  /** Allow sending client credentials over plain http to non-loopback hosts. Default false. */
  readonly allowInsecureHttp?: boolean | undefined;
  /** Current time in ms; injectable for tests. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /** Where background-refresh and store problems are reported. Default `console`. */
  readonly logger?: Pick<Console, 'warn'> | undefined;
}

/** What `apply` remembers about the token it put on a request. */
export interface AppliedToken {
  readonly accessToken: string;
  /** True when the token was issued by the server for this wait (a 401 then means "no access"). */
  readonly fetched: boolean;
}

/** Default refresh-ahead: this fraction of the lifetime… */
const DEFAULT_REFRESH_AHEAD_FRACTION = 0.1;
/** …but never more than this many seconds. */
const DEFAULT_REFRESH_AHEAD_MAX_SECONDS = 300;

/** Manages tokens for one client-credentials scheme; used by `HttpClient` as an `AuthProvider`. */
export class ClientCredentialsAuthManager implements AuthProvider<AppliedToken> {
  readonly #credentials: ClientCredentialsAuthCredentials | undefined;
  readonly #options: ClientCredentialsAuthManagerOptions;
  readonly #store: TokenStore;
  readonly #key: string;
  #current: OAuthToken | undefined;
  #loaded: Promise<void> | undefined;
  /** Set once `#loaded` has settled, so calls with a cached token skip awaiting it. */
  #ready = false;
  /** The access token a server last rejected with 401: never taken from the store again. */
  #rejected: string | undefined;

  /**
   * @param credentials - The user's credentials; `undefined` leaves the scheme unconfigured.
   * @param options - Scheme name, token URL and transport settings from the client config.
   */
  constructor(
    credentials: ClientCredentialsAuthCredentials | undefined,
    options: ClientCredentialsAuthManagerOptions,
  ) {
    this.#credentials = credentials;
    this.#options = options;
    this.#store = credentials?.tokenStore ?? defaultTokenStore;
    this.#key = tokenCacheKey({
      tokenUrl: this.tokenUrl,
      clientId: credentials?.oAuthClientId,
      scopes: credentials?.oAuthScopes ?? [],
      params: credentials?.tokenRequestParams ?? {},
    });
  }

  /** The security scheme this manager serves. */
  get schemeName(): string {
    return this.#options.schemeName;
  }

  /** The effective token endpoint. */
  get tokenUrl(): string {
    return this.#credentials?.oAuthTokenUrl ?? this.#options.tokenUrl;
  }

  /** The credentials this manager was created with. */
  get credentials(): ClientCredentialsAuthCredentials | undefined {
    return this.#credentials;
  }

  /** The token currently held in memory (may be expired), e.g. to persist it yourself. */
  get token(): OAuthToken | undefined {
    return this.#current;
  }

  /** The store key for this manager's tokens (no secret in it). */
  get cacheKey(): string {
    return this.#key;
  }

  /** True when a token can be used or obtained: id + secret, a token, or a token provider. */
  isConfigured(): boolean {
    const c = this.#credentials;
    if (c === undefined) return false;
    const canFetch = c.oAuthClientId !== undefined && c.oAuthClientSecret !== undefined;
    return canFetch || c.oAuthToken !== undefined || c.oAuthTokenProvider !== undefined;
  }

  /**
   * True when `token` can still be sent: it has an access token and `now < expiry − clockSkew`.
   * A token without `expiry` is valid until the server rejects it.
   */
  isValid(token: OAuthToken | undefined): token is OAuthToken {
    if (token === undefined || typeof token.accessToken !== 'string' || token.accessToken === '') {
      return false;
    }
    if (token.expiry === undefined) return true;
    return this.#nowSeconds() < token.expiry - this.#clockSkew();
  }

  /**
   * Always requests a new token from the token endpoint (or the `oAuthTokenProvider`), stores it,
   * and calls `oAuthOnTokenUpdate`. `additionalParams` are added to this request's form.
   */
  async fetchToken(
    additionalParams?: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<OAuthToken> {
    const token = await this.#requestNew(additionalParams ?? {}, signal);
    await this.#adopt(token);
    return token;
  }

  /**
   * A valid token: from memory, else from the store, else fetched (one request at a time, shared
   * by all concurrent callers). In the refresh-ahead window the current token is returned at once
   * and one background refresh starts.
   */
  async getToken(signal?: AbortSignal): Promise<OAuthToken> {
    return (await this.#acquire(signal)).token;
  }

  /** Drops the token from memory and from the store (e.g. after revoking it). */
  async clearToken(): Promise<void> {
    this.#current = undefined;
    await this.#storeCall('delete', () => this.#store.delete(this.#key));
  }

  /**
   * `AuthProvider.apply`: sets `Authorization: Bearer <token>`. The common case (a valid token in
   * memory) is answered at once, without a promise; otherwise once a token is at hand.
   */
  apply(target: AuthTarget): AppliedToken | Promise<AppliedToken> {
    const cached = this.#cached();
    if (cached !== undefined) return bearer(target, { token: cached, fetched: false });
    return this.#acquire(target.signal).then((obtained) => bearer(target, obtained));
  }

  /**
   * `AuthProvider.handleUnauthorized`: a 401 for a token that was not freshly issued drops it and
   * gets one new token; concurrent 401s for the same token share that one request.
   */
  async handleUnauthorized(receipt: AppliedToken, signal?: AbortSignal): Promise<boolean> {
    if (receipt.fetched) return false;
    const current = this.#current;
    if (
      current !== undefined &&
      current.accessToken !== receipt.accessToken &&
      this.isValid(current)
    ) {
      return true; // someone already replaced the rejected token: just replay with the new one
    }
    this.#rejected = receipt.accessToken;
    if (current?.accessToken === receipt.accessToken) this.#current = undefined;
    const flight = singleFlight(this.#store, this.#key, async () => {
      const stored = await this.#storeGet();
      if (stored?.accessToken === receipt.accessToken) {
        await this.#storeCall('delete', () => this.#store.delete(this.#key));
      }
      return this.#obtain(false);
    });
    const obtained = await abortable(flight, signal);
    this.#current = obtained.token;
    return true;
  }

  /** Redacted JSON form: never the secret or a token. */
  toJSON(): Record<string, unknown> {
    return {
      schemeName: this.schemeName,
      tokenUrl: redactUrl(this.tokenUrl),
      clientId: this.#credentials?.oAuthClientId,
      hasToken: this.#current !== undefined,
      tokenExpiry: this.#current?.expiry,
    };
  }

  /** `String(manager)`. */
  toString(): string {
    return `ClientCredentialsAuthManager(${this.schemeName})`;
  }

  /** Node's `util.inspect` hook (registered by symbol, so no `node:util` import is needed). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ClientCredentialsAuthManager ${JSON.stringify(this.toJSON())}`;
  }

  async #acquire(signal: AbortSignal | undefined): Promise<ObtainedToken> {
    await this.#ensureLoaded();
    const cached = this.#cached();
    if (cached !== undefined) return { token: cached, fetched: false };
    const flight = singleFlight(this.#store, this.#key, () => this.#obtain(false));
    const obtained = await abortable(flight, signal);
    this.#current = obtained.token;
    return obtained;
  }

  /**
   * The in-memory token when it can be sent (once loading has finished); in the refresh-ahead
   * window it is still returned, and one background refresh starts.
   */
  #cached(): OAuthToken | undefined {
    const current = this.#current;
    if (!this.#ready || !this.isValid(current)) return undefined;
    if (this.#inRefreshWindow(current)) this.#refreshInBackground();
    return current;
  }

  /** First use: a token given in the credentials wins (and is stored), else the store's. */
  #ensureLoaded(): Promise<void> {
    this.#loaded ??= (async () => {
      const given = this.#credentials?.oAuthToken;
      if (given !== undefined) {
        this.#current = given;
        if (this.isValid(given))
          await this.#storeCall('set', () => this.#store.set(this.#key, given));
        return;
      }
      this.#current = await this.#storeGet();
    })().finally(() => {
      this.#ready = true;
    });
    return this.#loaded;
  }

  /**
   * Runs inside the single flight: another client or process may already have stored a good
   * token, so the store is consulted before the token endpoint. In the background (refresh-ahead)
   * a stored token only counts if it is itself outside the window, i.e. newer.
   */
  async #obtain(background: boolean): Promise<ObtainedToken> {
    const stored = await this.#storeGet();
    if (
      stored !== undefined &&
      stored.accessToken !== this.#rejected &&
      this.isValid(stored) &&
      !(background && this.#inRefreshWindow(stored))
    ) {
      this.#current = stored;
      return { token: stored, fetched: false };
    }
    const token = await this.#requestNew({}, undefined);
    await this.#adopt(token);
    return { token, fetched: true };
  }

  /** Starts one background refresh unless any acquisition is already running. */
  #refreshInBackground(): void {
    if (currentFlight(this.#store, this.#key) !== undefined) return;
    singleFlight(this.#store, this.#key, () => this.#obtain(true)).then(
      (obtained) => {
        this.#current = obtained.token;
      },
      (error: unknown) => {
        // The current token is still valid; the next call in the window simply tries again.
        this.#warn(`background token refresh failed (${describeError(error)})`);
      },
    );
  }

  async #requestNew(
    additionalParams: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<OAuthToken> {
    const c = this.#credentials;
    const provider = c?.oAuthTokenProvider;
    if (provider !== undefined) {
      const provided = normalizeToken(await provider(this.#current, this));
      if (provided === undefined) {
        throw new ConfigurationException(
          `oAuthTokenProvider for ${this.schemeName} returned no usable token (accessToken missing)`,
        );
      }
      return provided;
    }
    if (c?.oAuthClientId === undefined || c.oAuthClientSecret === undefined) {
      throw new ConfigurationException(
        `Cannot obtain a token for ${this.schemeName}: oAuthClientId and oAuthClientSecret are ` +
          'required (or pass a valid oAuthToken / an oAuthTokenProvider)',
      );
    }
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(this.tokenUrl)) {
      // The API definition left the token endpoint to the deployment (`{nrfApiRoot}/oauth2/token`).
      throw new ConfigurationException(
        `Cannot obtain a token for ${this.schemeName}: its token URL '${this.tokenUrl.split(/[?#]/)[0]}' ` +
          'is not an absolute URL; set oAuthTokenUrl in the credentials',
      );
    }
    return requestClientCredentialsToken({
      tokenUrl: this.tokenUrl,
      clientId: c.oAuthClientId,
      clientSecret: c.oAuthClientSecret,
      authMethod: c.tokenEndpointAuthMethod,
      scopes: c.oAuthScopes ?? [],
      params: { ...c.tokenRequestParams, ...additionalParams },
      fetch: this.#options.fetch,
      timeoutMs: this.#options.timeout ?? DEFAULT_TIMEOUT_MS,
      retry: resolveRetry(DEFAULT_TOKEN_RETRY, this.#options.retry),
      allowInsecureHttp: this.#options.allowInsecureHttp ?? false,
      signal,
      now: () => this.#nowMs(),
    });
  }

  /** Makes `token` current, stores it and tells the user. */
  async #adopt(token: OAuthToken): Promise<void> {
    this.#current = token;
    await this.#storeCall('set', () => this.#store.set(this.#key, token));
    const onUpdate = this.#credentials?.oAuthOnTokenUpdate;
    if (onUpdate !== undefined) {
      try {
        await onUpdate(token);
      } catch (error) {
        // The token itself is fine; a failing persistence hook must not fail the API call.
        this.#warn(`oAuthOnTokenUpdate threw (${describeError(error)})`);
      }
    }
  }

  /**
   * Window length in seconds, see `oAuthRefreshAhead`. Capped at half the lifetime so a large
   * setting cannot make every call trigger a refresh.
   */
  #inRefreshWindow(token: OAuthToken): boolean {
    if (token.expiry === undefined || token.expiresIn === undefined) return false;
    const lifetime = token.expiresIn;
    const setting = this.#credentials?.oAuthRefreshAhead;
    let window: number;
    if (setting === undefined) {
      window = Math.min(
        lifetime * DEFAULT_REFRESH_AHEAD_FRACTION,
        DEFAULT_REFRESH_AHEAD_MAX_SECONDS,
      );
    } else if (!(setting > 0)) {
      window = 0;
    } else {
      window = Math.min(setting < 1 ? lifetime * setting : setting, lifetime / 2);
    }
    return window > 0 && this.#nowSeconds() >= token.expiry - this.#clockSkew() - window;
  }

  async #storeGet(): Promise<OAuthToken | undefined> {
    let raw: OAuthToken | undefined;
    await this.#storeCall('get', async () => {
      raw = await this.#store.get(this.#key);
    });
    return raw === undefined ? undefined : normalizeToken(raw);
  }

  /** Store failures degrade to "no cached token"; they never fail the API call. */
  async #storeCall(operation: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.#warn(`token store ${operation} failed (${describeError(error)})`);
    }
  }

  #warn(message: string): void {
    (this.#options.logger ?? console).warn(`[${this.schemeName}] ${message}`);
  }

  #clockSkew(): number {
    return this.#credentials?.oAuthClockSkew ?? 60;
  }

  #nowMs(): number {
    return (this.#options.clock ?? Date.now)();
  }

  #nowSeconds(): number {
    return this.#nowMs() / 1000;
  }
}

/**
 * Error class and message only. SDK messages are secret-free by construction; for foreign errors
 * (custom stores, providers) only the class name and an error code are trusted.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  if (error instanceof SdkException) return `${error.name}: ${error.message}`;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}

/** Puts the token on the request; what `apply` remembers for a possible 401. */
function bearer(target: AuthTarget, { token, fetched }: ObtainedToken): AppliedToken {
  target.headers.set('authorization', `Bearer ${token.accessToken}`);
  return { accessToken: token.accessToken, fetched };
}
