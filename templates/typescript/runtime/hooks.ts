/**
 * Hooks: user functions called around every attempt of every call, for tracing, metrics and
 * rate-limit handling. A hook that throws fails that call (and only it) with a `HookException`.
 */

/** One attempt of a call, as hooks see it. */
export interface HookRequest {
  /** The spec's operationId. */
  readonly operationId: string;
  /** 1 for the first attempt, 2 for the first retry (or the replay after a 401), … */
  readonly attempt: number;
  readonly method: string;
  /** The request URL (with its query). */
  readonly url: string;
  /**
   * The request headers (names lower-cased); `beforeRequest` may add or change some. Credentials
   * are added after it runs, so no hook ever sees them.
   */
  readonly headers: Record<string, string>;
}

/** The `hooks` option: each is optional, may be async, and sees one attempt of one call. */
export interface Hooks {
  /** Before each attempt is sent. */
  readonly beforeRequest?: ((request: HookRequest) => void | Promise<void>) | undefined;
  /** After each response (any status, retried or not), before the SDK acts on it; its body is read. */
  readonly afterResponse?: ((request: HookRequest, response: Response) => void | Promise<void>) | undefined;
  /** When the call fails for good (after any retries), with the error it will throw. */
  readonly onError?: ((request: HookRequest, error: unknown) => void | Promise<void>) | undefined;
}
