/**
 * The seam between `HttpClient` and authentication schemes: the client decides *which* schemes
 * apply (from the operation's `security`), providers decide *how* a request is authenticated.
 */

/** What a scheme may do with the request headers (a `Headers` object also fits). */
export interface AuthHeaders {
  get(name: string): string | null;
  set(name: string, value: string): void;
}

/** The outgoing request, as far as an auth scheme may change it. */
export interface AuthTarget {
  /** Final request URL; query-based schemes (API keys) may add parameters. */
  readonly url: URL;
  /** Request headers; header-based schemes set theirs here. */
  readonly headers: AuthHeaders;
  /** Scopes the operation requires for this scheme (informational for client credentials). */
  readonly scopes: readonly string[];
  /** The caller's signal: waiting for a token stops when it aborts. */
  readonly signal?: AbortSignal | undefined;
  /**
   * True on the one replay after this provider's `handleUnauthorized` returned true, so token
   * suppliers can be asked for a new token rather than a cached one.
   */
  readonly afterUnauthorized?: boolean | undefined;
}

/**
 * One security scheme's implementation. `TReceipt` is whatever `apply` needs to remember about
 * the credential it used, handed back to `handleUnauthorized` if the server answers 401.
 */
export interface AuthProvider<TReceipt = unknown> {
  /** Whether credentials for this scheme were configured (unconfigured schemes are skipped). */
  isConfigured(): boolean;
  /**
   * Adds credentials to the request; may fetch a token first. A provider that has what it needs
   * at hand may answer without a promise (the client awaits only when it gets one).
   */
  apply(target: AuthTarget): TReceipt | Promise<TReceipt>;
  /**
   * Called once when a request authenticated with `receipt` got 401. Returns true when the
   * credential was renewed and the request should be replayed (the client replays at most once).
   */
  handleUnauthorized?(receipt: TReceipt, signal?: AbortSignal): Promise<boolean>;
}
