/**
 * Token lifecycle for one OAuth 2.0 client-credentials security scheme: load from store, reuse
 * until expiry, single-flight fetching, stale-while-revalidate refresh-ahead (backing off while the
 * token server fails), and one replay after a 401. Secrets and tokens never reach messages or logs.
 *
 * Every wait of a call ends: with the caller's `AbortSignal` (the call rejects with its reason;
 * shared work goes on for the others), and each store operation, `oAuthOnTokenUpdate` and
 * `oAuthTokenProvider` call after the client's `timeout` (default 60 s; 0 or `Infinity`: none).
 * A store or callback that times out is logged and skipped (a `get` then finds no token); a
 * provider that times out fails the call with a `TimeoutException`. Token requests have their
 * own per-attempt timeout.
 *
 * With a store that has `tryLock` (`RedisTokenStore`, `FileTokenStore`) the single flight spans
 * processes and machines: of all that find no valid token at once, one requests it (also for a
 * refresh-ahead and for the replacement of a token rejected with 401) and the others wait for it
 * in the store. A failing store costs one warning per outage; tokens are then fetched directly.
 */
import { DEFAULT_TIMEOUT_MS, DEFAULT_TOKEN_RETRY, resolveRetry } from '../config.js';
import { ConfigurationException, SdkException } from '../errors.js';
import type { RetryOptions } from '../operation.js';
import type { FetchLike } from '../transport.js';
import { configuredUrl, redactUrl } from '../url.js';
import type { AuthProvider, AuthTarget } from './auth-provider.js';
import { tokenCacheKeys } from './cache-key.js';
import type { ClientCredentialsAuthCredentials } from './client-credentials.js';
import { normalizeToken, type OAuthToken } from './oauth-token.js';
import { abortable, currentFlight, singleFlight, type ObtainedToken } from './single-flight.js';
import { requestClientCredentialsToken } from './token-request.js';
import {
  defaultTokenStore,
  MemoryTokenStore,
  type TokenStore,
  type TokenStoreLock,
} from './token-store.js';

/** A URL with a scheme (`https:`); anything else is relative or a template. */
const ABSOLUTE_URL = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Settings the generated client passes in (the user's settings are in the credentials). */
export interface ClientCredentialsAuthManagerOptions {
  /** The security scheme's name in the API definition, for messages (e.g. `BearerAuth`). */
  readonly schemeName: string;
  /** Absolute token endpoint URL (the credentials' `oAuthTokenUrl` overrides it). */
  readonly tokenUrl: string;
  /** `fetch` implementation; default: the global one at call time. */
  readonly fetch?: FetchLike | undefined;
  /**
   * Per-attempt timeout for token requests in ms, and the longest wait for each token store
   * operation, `oAuthOnTokenUpdate` and `oAuthTokenProvider` call (0 or `Infinity`: none).
   * Default `DEFAULT_TIMEOUT_MS`.
   */
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

/** What `#bearer` sets and answers for `token`, made once per token (see `#bearer`). */
interface AppliedCachedToken {
  readonly token: OAuthToken;
  readonly authorization: string;
  readonly receipt: AppliedToken;
}

/** Default refresh-ahead: this fraction of the lifetime… */
const DEFAULT_REFRESH_AHEAD_FRACTION = 0.1;
/** …but never more than this many seconds. */
const DEFAULT_REFRESH_AHEAD_MAX_SECONDS = 300;

/** The longest a fleet-wide token lock is held (and a process waits for another's token), ms. */
const LOCK_MAX_MS = 30_000;
/** The first and the longest pause between looks at the store while another process fetches, ms. */
const LOCK_POLL_FIRST_MS = 25;
const LOCK_POLL_MAX_MS = 250;

/** The first and the longest wait between failed background refreshes, ms. */
const REFRESH_BACKOFF_FIRST_MS = 1000;
const REFRESH_BACKOFF_MAX_MS = 60_000;

/** Manages tokens for one client-credentials scheme; used by `HttpClient` as an `AuthProvider`. */
export class ClientCredentialsAuthManager implements AuthProvider<AppliedToken> {
  readonly #credentials: ClientCredentialsAuthCredentials | undefined;
  readonly #options: ClientCredentialsAuthManagerOptions;
  readonly #store: TokenStore;
  /** The store key (see cache-key.ts): also tells secrets apart, never holds one. */
  readonly #key: string;
  /** The single-flight key: the store key made exact for this process's secret. */
  readonly #flightKey: string;
  #current: OAuthToken | undefined;
  #applied: AppliedCachedToken | undefined;
  #loaded: Promise<void> | undefined;
  /** Set once `#loaded` has settled, so calls with a cached token skip awaiting it. */
  #ready = false;
  /** The access token a server last rejected with 401: never taken from the store again. */
  #rejected: string | undefined;
  /** Background refreshes that failed in a row, and the time (ms) before which none starts. */
  #refreshFailures = 0;
  #refreshNotBefore = 0;
  /** Set by a failed store operation, cleared by a working one: one warning per outage. */
  #storeDown = false;

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
    // A token URL the API definition leaves to the deployment (`{nrfApiRoot}/oauth2/token`) is
    // not a URL yet: a pre-obtained token or a provider still works, a token request asks for
    // oAuthTokenUrl. Any other is checked now.
    if (credentials?.oAuthTokenUrl !== undefined || ABSOLUTE_URL.test(this.tokenUrl)) {
      configuredUrl(`The token URL of ${options.schemeName}`, this.tokenUrl);
    }
    const store = credentials?.tokenStore ?? defaultTokenStore;
    const keys = tokenCacheKeys({
      tokenUrl: this.tokenUrl,
      clientId: credentials?.oAuthClientId,
      clientSecret: credentials?.oAuthClientSecret,
      scopes: credentials?.oAuthScopes ?? [],
      params: credentials?.tokenRequestParams ?? {},
    });
    this.#store = store;
    this.#key = store instanceof MemoryTokenStore ? keys.local : keys.shared;
    this.#flightKey = keys.local;
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

  /** The store key for this manager's tokens (no secret in it; see cache-key.ts). */
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
   * True when `token` can still be sent: it has an access token and `now < expiry − skew`, where
   * skew is `oAuthClockSkew` capped at half the token's lifetime (`expiresIn`), so a token that
   * lives shorter than the skew is still used. A token without `expiry` is valid until the server
   * rejects it.
   */
  isValid(token: OAuthToken | undefined): token is OAuthToken {
    if (token === undefined || typeof token.accessToken !== 'string' || token.accessToken === '') {
      return false;
    }
    if (token.expiry === undefined) return true;
    return this.#nowSeconds() < token.expiry - this.#skew(token);
  }

  /**
   * Always requests a new token, stores it, and calls `oAuthOnTokenUpdate`: from the token
   * endpoint when client id and secret are configured (also when called from an
   * `oAuthTokenProvider`, which may thus fetch through the manager it is given), else from the
   * provider. `additionalParams` are added to this request's form.
   */
  async fetchToken(
    additionalParams?: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<OAuthToken> {
    const c = this.#credentials;
    const canRequest = c?.oAuthClientId !== undefined && c.oAuthClientSecret !== undefined;
    const token = await this.#requestNew(additionalParams ?? {}, signal, !canRequest);
    await abortable(this.#adopt(token), signal);
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
    this.#applied = undefined;
    await this.#storeCall('delete', () => this.#store.delete(this.#key));
  }

  /**
   * `AuthProvider.apply`: sets `Authorization: Bearer <token>`. The common case (a valid token in
   * memory) is answered at once, without a promise; otherwise once a token is at hand.
   */
  apply(target: AuthTarget): AppliedToken | Promise<AppliedToken> {
    const cached = this.#cached();
    if (cached !== undefined) return this.#bearer(target, { token: cached, fetched: false });
    return this.#acquire(target.signal).then((obtained) => this.#bearer(target, obtained));
  }

  /**
   * Puts the token on the request; answers what `apply` remembers for a possible 401. A JWT is a
   * long string: its header text (which fetch flattens) and the receipt of a token not just
   * fetched are made once per token, not per call.
   */
  #bearer(target: AuthTarget, { token, fetched }: ObtainedToken): AppliedToken {
    let applied = this.#applied;
    if (applied?.token !== token) {
      const receipt = { accessToken: token.accessToken, fetched: false };
      this.#applied = applied = { token, authorization: `Bearer ${token.accessToken}`, receipt };
    }
    target.headers.set('authorization', applied.authorization);
    return fetched ? { accessToken: token.accessToken, fetched } : applied.receipt;
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
    this.#applied = undefined;
    const flight = singleFlight(this.#store, this.#flightKey, async () => {
      // With a fleet-wide lock the replacement overwrites the rejected token; deleting it here
      // could delete the replacement another process has just stored.
      const stored = this.#store.tryLock === undefined ? await this.#storeGet() : undefined;
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
    await abortable(this.#ensureLoaded(), signal);
    const cached = this.#cached();
    if (cached !== undefined) return { token: cached, fetched: false };
    const flight = singleFlight(this.#store, this.#flightKey, () => this.#obtain(false));
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
    const usable = (token: OAuthToken | undefined): token is OAuthToken =>
      token !== undefined &&
      token.accessToken !== this.#rejected &&
      this.isValid(token) &&
      !(background && this.#inRefreshWindow(token));
    let stored = await this.#storeGet();
    let lock: TokenStoreLock | false | undefined;
    if (!usable(stored) && this.#store.tryLock !== undefined) {
      // Fleet-wide single flight: one process fetches, the others wait for its token in the store,
      // taking the lock themselves if it is freed (or expires) without one; when the store fails
      // or the wait outlasts the lock's lifetime, they fetch directly.
      const timeout = this.#options.timeout ?? DEFAULT_TIMEOUT_MS;
      const ttl = timeout > 0 ? Math.min(timeout, LOCK_MAX_MS) : LOCK_MAX_MS;
      const until = this.#nowMs() + ttl;
      for (let pause = LOCK_POLL_FIRST_MS; ; pause = Math.min(pause * 2, LOCK_POLL_MAX_MS)) {
        lock = await this.#storeCall(
          'lock',
          async () => (await this.#store.tryLock?.(this.#key, ttl)) ?? false,
        );
        if (lock !== false || this.#nowMs() >= until) break;
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (usable((stored = await this.#storeGet()))) break;
      }
      if (lock) stored = await this.#storeGet(); // the holder before us may have just stored one
    }
    try {
      if (usable(stored)) {
        this.#current = stored;
        this.#refreshFailures = this.#refreshNotBefore = 0;
        return { token: stored, fetched: false };
      }
      const token = await this.#requestNew({}, undefined, true);
      await this.#adopt(token);
      return { token, fetched: true };
    } finally {
      if (lock) void this.#storeCall('unlock', () => (lock as TokenStoreLock).release());
    }
  }

  /**
   * Starts one background refresh unless any acquisition is already running or the last ones
   * failed too recently (see `refreshBackoffMs`); the current token is served meanwhile.
   */
  #refreshInBackground(): void {
    if (this.#nowMs() < this.#refreshNotBefore) return;
    if (currentFlight(this.#store, this.#flightKey) !== undefined) return;
    singleFlight(this.#store, this.#flightKey, () => this.#obtain(true)).then(
      (obtained) => {
        this.#current = obtained.token;
      },
      (error: unknown) => {
        // The current token is still valid: retry on the next call once, then back off.
        const wait = refreshBackoffMs(++this.#refreshFailures);
        this.#refreshNotBefore = this.#nowMs() + wait;
        this.#warn(`background token refresh failed (${describeError(error)}); next in ${wait} ms`);
      },
    );
  }

  /** A new token: from the `oAuthTokenProvider` when `useProvider` and there is one, else the endpoint. */
  async #requestNew(
    additionalParams: Record<string, string>,
    signal: AbortSignal | undefined,
    useProvider: boolean,
  ): Promise<OAuthToken> {
    const c = this.#credentials;
    const provider = useProvider ? c?.oAuthTokenProvider : undefined;
    if (provider !== undefined) {
      const asked = provider(this.#current, this);
      const provided = normalizeToken(await this.#bounded(asked, 'oAuthTokenProvider', signal));
      if (provided === undefined) {
        throw new ConfigurationException(
          `oAuthTokenProvider for ${this.schemeName} returned no usable token`,
        );
      }
      return provided;
    }
    if (c?.oAuthClientId === undefined || c.oAuthClientSecret === undefined) {
      throw new ConfigurationException(
        `Cannot obtain a token for ${this.schemeName}: set oAuthClientId and oAuthClientSecret, ` +
          'a valid oAuthToken or an oAuthTokenProvider',
      );
    }
    if (!ABSOLUTE_URL.test(this.tokenUrl)) {
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
    this.#refreshFailures = this.#refreshNotBefore = 0;
    await this.#storeCall('set', () => this.#store.set(this.#key, token));
    const onUpdate = this.#credentials?.oAuthOnTokenUpdate;
    if (onUpdate !== undefined) {
      try {
        await this.#bounded(onUpdate(token), 'oAuthOnTokenUpdate');
      } catch (error) {
        // The token itself is fine; a failing persistence hook must not fail the API call.
        this.#warn(`oAuthOnTokenUpdate failed (${describeError(error)})`);
      }
    }
  }

  /**
   * Window length in seconds, see `oAuthRefreshAhead`. Capped at half of what remains of the
   * lifetime after the skew, so a large setting (or a short token) cannot make every call
   * trigger a refresh: a token is always used for at least a quarter of its life first.
   */
  #inRefreshWindow(token: OAuthToken): boolean {
    if (token.expiry === undefined || token.expiresIn === undefined) return false;
    const lifetime = token.expiresIn;
    const skew = this.#skew(token);
    const setting = this.#credentials?.oAuthRefreshAhead;
    // A setting ≤ 0 (or NaN) gives no window: `window > 0` below is then false.
    const window = Math.min(
      setting === undefined
        ? Math.min(lifetime * DEFAULT_REFRESH_AHEAD_FRACTION, DEFAULT_REFRESH_AHEAD_MAX_SECONDS)
        : setting < 1
          ? lifetime * setting
          : setting,
      (lifetime - skew) / 2,
    );
    return window > 0 && this.#nowSeconds() >= token.expiry - skew - window;
  }

  async #storeGet(): Promise<OAuthToken | undefined> {
    return normalizeToken(await this.#storeCall('get', () => this.#store.get(this.#key)));
  }

  /**
   * Store failures (a throw, or no answer within the timeout) degrade to "no cached token";
   * they never fail the API call.
   */
  async #storeCall<T>(operation: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await this.#bounded(run(), `token store ${operation}`);
      this.#storeDown = false;
      return result;
    } catch (error) {
      // One warning per outage (until an operation works again), not one per call.
      if (!this.#storeDown) this.#warn(`token store ${operation} failed (${describeError(error)})`);
      this.#storeDown = true;
      return undefined;
    }
  }

  /** `work`, given up after the client's timeout or when `signal` aborts (see the module comment). */
  #bounded<T>(work: T | Promise<T>, what: string, signal?: AbortSignal): Promise<T> {
    return abortable(work, signal, this.#options.timeout ?? DEFAULT_TIMEOUT_MS, what);
  }

  #warn(message: string): void {
    (this.#options.logger ?? console).warn(`[${this.schemeName}] ${message}`);
  }

  /** `oAuthClockSkew`, capped at half the token's lifetime when that is known. */
  #skew(token: OAuthToken): number {
    const skew = this.#credentials?.oAuthClockSkew ?? 60;
    return token.expiresIn === undefined ? skew : Math.min(skew, token.expiresIn / 2);
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

/**
 * How long background refreshes pause after `failures` (≥ 1) failed in a row: not at all after
 * the first (a blip: the next call tries again), then d/2 to d ms, d = min(60 s, 1 s × 2^(failures
 * − 2)): "equal jitter", spread out but never close to 0. A new token resets the count.
 */
function refreshBackoffMs(failures: number): number {
  if (failures < 2) return 0;
  const d = Math.min(REFRESH_BACKOFF_MAX_MS, REFRESH_BACKOFF_FIRST_MS * 2 ** (failures - 2));
  return Math.floor(d / 2 + (Math.random() * d) / 2);
}
