/**
 * Every error the SDK throws. All of them extend `SdkException`, so one `instanceof` catches
 * everything the SDK raises; the caller's own `AbortSignal` reason is rethrown untouched.
 *
 * Messages never contain secrets or tokens: URLs are reduced to origin + path (see `redactUrl`),
 * and response bodies are kept on `body`; an `ApiException` message quotes only the server's
 * error text, bounded and with anything credential-like redacted (see `serverErrorText`).
 */

/** Base class of all SDK errors. `name` is the concrete class name, also for generated subclasses. */
export class SdkException extends Error {
  /** @param message - Human-readable, secret-free description. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // `new.target` is the most-derived class, so generated subclasses report their own name.
    this.name = new.target.name;
  }
}

/** What the runtime knows about a non-2xx HTTP response when it builds an `ApiException`. */
export interface ApiExceptionInit {
  readonly statusCode: number;
  /** Response headers, names lower-cased. */
  readonly headers: Record<string, string>;
  /** Parsed body: JSON when the content type is JSON, else text (`''` when empty). */
  readonly body: unknown;
}

/**
 * A non-2xx HTTP response. Generated code subclasses it once per error schema
 * (`class BadRequestException extends ApiException<BadRequest> {}`) to type `body`.
 */
export class ApiException<TBody = unknown> extends SdkException {
  /** HTTP status code. */
  readonly statusCode: number;
  /** Response headers, names lower-cased. */
  readonly headers: Record<string, string>;
  /** Parsed response body (JSON when the content type is JSON, else text). */
  readonly body: TBody;

  /**
   * @param message - Human-readable, secret-free description.
   * @param init - Status, headers and parsed body of the response.
   */
  constructor(message: string, init: ApiExceptionInit) {
    super(message);
    this.statusCode = init.statusCode;
    this.headers = init.headers;
    // The body's shape is the subclass's declared schema; the runtime cannot check it.
    this.body = init.body as TBody;
  }
}

/** Constructor shape of `ApiException` and its generated subclasses (used by `ErrorClassMap`). */
export type ApiExceptionClass = new (message: string, init: ApiExceptionInit) => ApiException;

/** RFC 6749 §5.2 error codes (plus any extension code a server may send). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  // `string & {}` keeps editor completion for the standard codes while allowing extensions.
  | (string & {});

/** Extra fields of an OAuth error response; derived from `body` when not given. */
export interface OAuthProviderExceptionInit extends ApiExceptionInit {
  readonly error?: OAuthErrorCode;
  readonly errorDescription?: string;
  readonly errorUri?: string;
}

/**
 * The token endpoint refused the request (RFC 6749 §5.2) or answered with something that is not a
 * usable token (HTML, no `access_token`, a non-Bearer `token_type`). In the latter cases `error`
 * is `'invalid_response'`, an SDK-chosen code, and `statusCode` is the HTTP status received.
 */
export class OAuthProviderException extends ApiException {
  /** RFC 6749 §5.2 `error` code, e.g. `invalid_client`, `invalid_scope`. */
  readonly error: OAuthErrorCode;
  /** RFC 6749 `error_description`, when the server sent one. */
  readonly errorDescription?: string;
  /** RFC 6749 `error_uri`, when the server sent one. */
  readonly errorUri?: string;

  /**
   * @param message - Human-readable, secret-free description.
   * @param init - Response data; the OAuth fields default to those found in a JSON `body`.
   */
  constructor(message: string, init: OAuthProviderExceptionInit) {
    super(message, init);
    const body = isRecord(init.body) ? init.body : {};
    this.error = init.error ?? stringOr(body['error'], 'invalid_response');
    const description = init.errorDescription ?? stringOr(body['error_description'], undefined);
    const uri = init.errorUri ?? stringOr(body['error_uri'], undefined);
    if (description !== undefined) this.errorDescription = description;
    if (uri !== undefined) this.errorUri = uri;
  }
}

/** The request never produced an HTTP response (DNS, refused connection, TLS, reset…). */
export class NetworkException extends SdkException {
  /** The request URL without query, fragment or user info. */
  readonly url: string;

  /**
   * @param message - Human-readable, secret-free description.
   * @param url - Redacted URL (see `redactUrl`).
   * @param cause - The underlying `fetch` error.
   */
  constructor(message: string, url: string, cause?: unknown) {
    super(message, { cause });
    this.url = url;
  }
}

/**
 * No response within the configured timeout. Retried like a network error for idempotent calls.
 * Also thrown when a wait of the token manager that is not an HTTP request (an
 * `oAuthTokenProvider` call) outlasts the client's timeout; `url` is then empty.
 */
export class TimeoutException extends NetworkException {
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param message - Human-readable, secret-free description.
   * @param url - Redacted URL (see `redactUrl`).
   * @param timeoutMs - The timeout that elapsed.
   */
  constructor(message: string, url: string, timeoutMs: number) {
    super(message, url);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The SDK refused to make a request because of its configuration: no credentials for any allowed
 * security scheme, credentials over plain `http://`, or credentials for a foreign origin.
 */
export class ConfigurationException extends SdkException {}

/** A hook (see `Hooks`) threw: the call fails with this error; `cause` is what the hook threw. */
export class HookException extends SdkException {
  /**
   * @param hook - `beforeRequest`, `afterResponse` or `onError`.
   * @param operationId - The call the hook ran for.
   * @param cause - What the hook threw.
   */
  constructor(
    readonly hook: string,
    operationId: string,
    cause: unknown,
  ) {
    super(`The ${hook} hook threw during ${operationId}`, { cause });
  }
}

/** A 2xx response whose body could not be read as the operation declares (e.g. invalid JSON). */
export class ResponseParseException extends SdkException {
  /** HTTP status code of the response. */
  readonly statusCode: number;

  /**
   * @param message - Human-readable, secret-free description.
   * @param statusCode - HTTP status of the response.
   * @param cause - The parse error.
   */
  constructor(message: string, statusCode: number, cause?: unknown) {
    super(message, { cause });
    this.statusCode = statusCode;
  }
}

/** One way a response breaks its schema: where (`$.data[0].status`) and which rule (`enum`). */
export interface Violation {
  readonly path: string;
  readonly rule: string;
}

/**
 * `validateResponses: 'strict'`: a 2xx response body does not match the operation's schema. The
 * message lists the violations by path and rule (never a value).
 */
export class ResponseValidationException extends ApiException {
  /** The path of the first violation. */
  readonly path: string;

  /**
   * @param message - Lists the violations.
   * @param violations - Every violation found (bounded).
   * @param init - Status, headers and parsed body of the response.
   * @param response - The response (its body already read).
   */
  constructor(
    message: string,
    readonly violations: readonly Violation[],
    init: ApiExceptionInit,
    readonly response: Response,
  ) {
    super(message, init);
    this.path = violations[0]?.path ?? '$';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr<T extends string | undefined>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}
