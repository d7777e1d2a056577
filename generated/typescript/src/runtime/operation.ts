/**
 * The contract between generated operation code and the runtime.
 *
 * Every generated operation method builds one `OperationRequest` (a plain, declarative description of
 * the HTTP exchange the spec defines) and hands it to `HttpClient.request`. Generated code never
 * builds URLs, serializes parameters, touches auth or parses responses itself: that logic lives
 * here in the runtime, where it is unit-tested once for every SDK.
 */
import type { EncodedBody } from './body.js';
import type { ApiExceptionClass } from './errors.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** Where a parameter goes, per OpenAPI `in`. */
export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

/** OpenAPI 3.x parameter `style` values. */
export type ParamStyle =
  'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple' | 'label' | 'matrix';

/** One parameter value with everything needed to serialize it exactly as the spec says. */
export interface ParamSpec {
  /** Wire name (as in the spec). */
  readonly name: string;
  readonly in: ParamLocation;
  /** `undefined` means "not given": the parameter is omitted. */
  readonly value: unknown;
  /** Defaults per OpenAPI: `form` for query/cookie, `simple` for path/header. */
  readonly style?: ParamStyle;
  /** Defaults per OpenAPI: true for `form`, false otherwise. */
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** Set when the parameter uses `content` instead of `schema`: the value is JSON-encoded. */
  readonly contentType?: string;
}

/** How the success response body is read. */
export type ResponseKind = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'none';

/**
 * Error classes by status: an exact code (`'404'`), a range (`'4XX'`), or `'default'`.
 * The runtime picks the most specific match; unmatched statuses raise `ApiException`.
 */
export type ErrorClassMap = Readonly<Record<string, ApiExceptionClass>>;

/** One alternative of an OpenAPI security requirement: scheme name → scopes. `{}` = anonymous. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

/** A complete, declarative description of one API call. */
export interface OperationRequest {
  /** The spec's operationId (or derived name); used in error messages only. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template relative to the server URL, e.g. `/v2/locations/{id}`. */
  readonly path: string;
  readonly params: readonly ParamSpec[];
  /** The encoded body (generated code calls `jsonBody`, `formBody` … for the media type). */
  readonly body?: EncodedBody | undefined;
  /** Alternatives (OR); each entry's schemes apply together (AND). Empty array: no auth. */
  readonly security: readonly SecurityRequirement[];
  readonly responseKind: ResponseKind;
  readonly errors: ErrorClassMap;
  /**
   * The operation's own server URL (path- or operation-level `servers`), already expanded by the
   * generated code with `operationBaseUrl`. Absent: the client's base URL.
   */
  readonly baseUrl?: string;
}

/** Values for server URL variables, by variable name (`undefined`: the variable's default). */
export type ServerVariableValues = Readonly<Record<string, string | undefined>>;

/**
 * Per-call options every generated operation accepts as its last argument. Optional properties
 * accept `undefined` too, so they compile under `exactOptionalPropertyTypes`.
 */
export interface RequestOptions {
  /** Aborts the call (including retries and any token request it waits for). */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds for this call, overriding the client's `timeout` (0 or `Infinity`: none). */
  readonly timeout?: number | undefined;
  /** Extra headers for this call; they override generated ones of the same name. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Retry policy for this call, or `false` to disable retries. */
  readonly retry?: Partial<RetryOptions> | false | undefined;
}

/** Retry policy for API calls (idempotent methods only) and token requests. */
export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff delay in ms; doubles each retry, with full jitter. */
  readonly initialDelayMs: number;
  /** Upper bound for any single delay (also caps `Retry-After`). */
  readonly maxDelayMs: number;
  /** Statuses that trigger a retry. */
  readonly statusCodes: readonly number[];
  /** Methods that may be retried (idempotent by default). */
  readonly methods: readonly HttpMethod[];
}
