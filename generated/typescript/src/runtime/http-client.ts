/**
 * Executes generated `OperationRequest`s: URL and parameter serialization, body encoding, auth,
 * timeouts, retries, 401 replay, response reading and error mapping.
 */
import { ApiPromise, type RawResult } from './api-promise.js';
import type { AuthProvider, AuthTarget } from './auth/auth-provider.js';
import { isStreamBody } from './body.js';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, resolveRetry } from './config.js';
import { serverErrorText } from './error-text.js';
import {
  ApiException,
  ConfigurationException,
  HookException,
  NetworkException,
  ResponseParseException,
  type ApiExceptionClass,
} from './errors.js';
import type { HookRequest, Hooks } from './hooks.js';
import type { Logger } from './logger.js';
import type {
  ErrorClassMap,
  OperationRequest,
  RequestOptions,
  RetryOptions,
  SecurityRequirement,
  ServerVariableValues,
} from './operation.js';
import { HeaderRecord } from './headers.js';
import { backoffDelay, sleep } from './retry.js';
import { expandPath, serializeParams, type ExtraStyles, type SerializedParams } from './serialize.js';
import { attempt, headersToRecord, type FetchLike } from './transport.js';
import { assertSecureTransport, configuredUrl, redactUrl } from './url.js';

export { resolveUrl } from './url.js';

/** Client-wide settings; generated code fills them from the SDK's `Configuration`. */
export interface HttpClientOptions {
  /** Server URL every operation path is appended to (may include a path prefix). */
  readonly baseUrl: string;
  /** `fetch` implementation; default: the global one at call time. */
  readonly fetch?: FetchLike | undefined;
  /** Per-attempt timeout in ms (headers and body); 0 or `Infinity`: none. Default `DEFAULT_TIMEOUT_MS`. */
  readonly timeout?: number | undefined;
  /** Retry overrides for API calls, or `false`. Default `DEFAULT_RETRY`. */
  readonly retry?: Partial<RetryOptions> | false | undefined;
  /** Allow credentials over plain http to non-loopback hosts. Default false. */
  readonly allowInsecureHttp?: boolean | undefined;
  /** Security scheme name (as in the spec) → its implementation. */
  readonly auth?: Readonly<Record<string, AuthProvider | undefined>> | undefined;
  /** Headers sent with every request (e.g. `user-agent`); per-call headers override them. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Values for the variables of operation-level servers (see `operationBaseUrl`). */
  readonly serverVariables?: ServerVariableValues | undefined;
  /** Functions called around every attempt (see `Hooks`). */
  readonly hooks?: Hooks | undefined;
  /** Where retries and responses are logged (already filtered by level; see `leveledLogger`). */
  readonly logger?: Logger | undefined;
  /**
   * Checks each 2xx body (`validateResponses`; absent: `off`): may log, or throw to fail the call.
   * The client passes one that loads the generated rules on first use.
   */
  readonly validate?: ((operationId: string, data: unknown, response: Response) => Promise<void>) | undefined;
  /** The parameter styles beyond `simple` and `form`, for SDKs whose API uses them. */
  readonly paramStyles?: ExtraStyles | undefined;
}

/** A scheme chosen for a call, with the scopes the operation asks for. */
interface ChosenScheme {
  readonly name: string;
  readonly provider: AuthProvider;
  readonly scopes: readonly string[];
}

/**
 * The outcome of one attempt, read completely under the attempt's timeout: on success the typed
 * body is `data` (and the result is what the call resolves to, as is); else `data` is the error
 * body (JSON when it parses, else text).
 */
type AttemptResult = RawResult<unknown>;

/** Sends operations described by generated code. One instance per client, shared by all APIs. */
export class HttpClient {
  readonly #options: HttpClientOptions;
  /** Client-wide headers, checked once. */
  readonly #headers: HeaderRecord;
  /** The client-level retry policy, resolved once (per-call overrides are resolved per call). */
  readonly #retry: RetryOptions;
  /** The base URL in normalized form (`URL.href`), so requests go out in canonical form. */
  readonly #base: string;
  /** The base URL once it has been found fit to carry credentials (see `#assertMayCarryCredentials`). */
  #trustedBase: string | undefined;

  /** @param options - Base URL, transport settings and auth providers. */
  constructor(options: HttpClientOptions) {
    // A bad base URL (or one with user info) fails here, not on first use.
    this.#base = configuredUrl('The server URL', options.baseUrl).href;
    this.#options = options;
    this.#headers = new HeaderRecord();
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      this.#headers.set(name, value);
    }
    this.#retry = resolveRetry(DEFAULT_RETRY, options.retry);
  }

  /** The server URL operations are sent to. */
  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** Values for the variables of operation-level servers (see `operationBaseUrl`). */
  get serverVariables(): ServerVariableValues | undefined {
    return this.#options.serverVariables;
  }

  /**
   * Performs `op`; the result resolves to its success body read per `op.responseKind`
   * (`undefined` for `none`, 204 and empty JSON bodies), and gives the response too through
   * `withResponse()` / `asResponse()`.
   *
   * @throws the class `op.errors` maps the status to (exact, then `4XX`/`5XX`, then `default`),
   *   else `ApiException`, for non-2xx responses.
   * @throws NetworkException, TimeoutException, ConfigurationException, ResponseParseException,
   *   HookException.
   * @throws `options.signal.reason` when the caller aborts.
   */
  request<T>(op: OperationRequest, options: RequestOptions = {}): ApiPromise<T> {
    return new ApiPromise(this.#send<T>(op, options));
  }

  async #send<T>(op: OperationRequest, options: RequestOptions): Promise<RawResult<T>> {
    // This runs on every call: it builds plain strings and records and leaves URL and Headers
    // parsing to fetch, so a call with a cached token costs little more than a bare fetch.
    const serialized = serializeParams(op.params, this.#options.paramStyles);
    const base = op.baseUrl === undefined ? this.#base : new URL(op.baseUrl).href;
    const href = buildUrl(base, expandPath(op.path, serialized.path), serialized.query);

    const encoded = op.body; // encoded by the generated method (see `jsonBody` and others)
    // The first attempt's headers, made here so that a bad header value fails before auth is
    // looked at (as it always has); later attempts make theirs afresh.
    const firstHeaders = requestHeaders(this.#headers, serialized, op, options);
    const schemes = this.#chooseSchemes(op);
    if (schemes.length > 0) this.#assertMayCarryCredentials(base, href, schemes);

    const policy =
      options.retry === undefined
        ? this.#retry
        : resolveRetry(DEFAULT_RETRY, this.#options.retry, options.retry);
    const replayable = !isStreamBody(encoded?.body);
    const retryable = replayable && policy.methods.includes(op.method);
    const timeoutMs = options.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT_MS;
    const { hooks, logger } = this.#options;
    const what = `${op.method} ${op.operationId}`;
    let replayedAfter401 = false;
    let renewed: ReadonlySet<AuthProvider> | undefined;
    let request: HookRequest | undefined;

    for (let retry = 0, attemptNo = 1; ; attemptNo++) {
      // Per attempt, so credentials are added once (and re-read from suppliers) each time; one
      // record, made afresh, is what fetch copies fastest (see headers.ts).
      const attemptHeaders =
        attemptNo === 1 ? firstHeaders : requestHeaders(this.#headers, serialized, op, options);
      if (hooks !== undefined) {
        request = { operationId: op.operationId, attempt: attemptNo, method: op.method, url: href, headers: attemptHeaders.record };
        await runHook(hooks, 'beforeRequest', request, undefined);
      }
      const target = new AttemptTarget(href, attemptHeaders, options.signal);
      // What each scheme's provider answered, by index in `schemes` (for `handleUnauthorized`).
      const receipts: unknown[] = new Array(schemes.length);
      try {
        for (let i = 0; i < schemes.length; i++) {
          const scheme = schemes[i]!;
          target.scopes = scheme.scopes;
          target.afterUnauthorized = renewed?.has(scheme.provider) === true;
          const receipt = scheme.provider.apply(target);
          // Our providers answer a cached credential without a promise (see `AuthProvider.apply`).
          receipts[i] = receipt instanceof Promise ? await receipt : receipt;
        }
        renewed = undefined;
        const init: RequestInit & { duplex?: 'half' } = {
          method: op.method,
          headers: attemptHeaders.record,
        };
        if (encoded !== undefined) init.body = encoded.body;
        if (!replayable) init.duplex = 'half'; // required by fetch for stream bodies

        let result: AttemptResult;
        try {
          result = await attempt(
            {
              fetch: this.#options.fetch,
              url: target.href,
              init,
              timeoutMs,
              signal: options.signal,
              description: what,
            },
            readResponse,
            op,
          );
        } catch (error) {
          if (error instanceof NetworkException && retryable && retry < policy.maxRetries) {
            const delay = backoffDelay(retry++, policy);
            logger?.info(`${what}: ${error.name}, retry ${retry} in ${delay} ms`);
            await sleep(delay, options.signal);
            continue;
          }
          throw error;
        }
        const { response } = result;
        const status = response.status;
        logger?.debug(`${what}: HTTP ${status} (attempt ${attemptNo})`);
        if (request !== undefined) await runHook(hooks!, 'afterResponse', request, response);
        if (response.ok) {
          // No `await` without a validator: a tick saved on every call.
          const { validate } = this.#options;
          if (validate !== undefined) await validate(op.operationId, result.data, response);
          return result as RawResult<T>;
        }

        if (status === 401 && !replayedAfter401 && replayable && schemes.length > 0) {
          replayedAfter401 = true;
          renewed = await renewAfterUnauthorized(schemes, receipts, options.signal);
          if (renewed.size > 0) continue;
        }
        if (retryable && policy.statusCodes.includes(status) && retry < policy.maxRetries) {
          const delay = backoffDelay(retry++, policy, response.headers.get('retry-after'));
          logger?.info(`${what}: HTTP ${status}, retry ${retry} in ${delay} ms`);
          await sleep(delay, options.signal);
          continue;
        }
        const ErrorClass = pickErrorClass(op.errors, status);
        const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
        const text = serverErrorText(result.data);
        throw new ErrorClass(
          `${op.operationId} failed with HTTP ${status}${statusText}${text === undefined ? '' : `: ${text}`}`,
          { statusCode: status, headers: headersToRecord(response.headers), body: result.data },
        );
      } catch (error) {
        if (request !== undefined && !(error instanceof HookException)) {
          await runHook(hooks!, 'onError', request, error);
        }
        throw error;
      }
    }
  }

  /**
   * The first security alternative whose schemes are all configured; else anonymous when an
   * alternative is `{}` (wherever it is listed: optional auth still sends configured credentials).
   * No alternative satisfiable → a message naming the schemes that could be configured.
   */
  #chooseSchemes(op: OperationRequest): ChosenScheme[] {
    if (op.security.length === 0) return [];
    let anonymous = false;
    for (const requirement of op.security) {
      // Its schemes, counted while all are configured; -1 once one is not.
      let configured = 0;
      for (const name in requirement) {
        const provider = this.#options.auth?.[name];
        if (provider === undefined || !provider.isConfigured()) {
          configured = -1;
          break;
        }
        configured++;
      }
      if (configured === 0) anonymous = true;
      else if (configured > 0) return this.#schemesOf(requirement, configured);
    }
    if (anonymous) return [];
    const wanted = op.security.map((r) => Object.keys(r).join(' + ')).join(' or ');
    throw new ConfigurationException(
      `Operation '${op.operationId}' requires credentials for ${wanted}, but none are configured`,
    );
  }

  /** The schemes of a requirement found configured, in an array of its exact size (per call). */
  #schemesOf(requirement: SecurityRequirement, size: number): ChosenScheme[] {
    const chosen = new Array<ChosenScheme>(size);
    let i = 0;
    for (const name in requirement) {
      chosen[i++] = { name, provider: this.#options.auth![name]!, scopes: requirement[name] ?? [] };
    }
    return chosen;
  }

  /**
   * Credentials never travel over non-loopback plain http. The request URL is the server URL
   * with a path appended, so its origin is the server's: the check depends on `base` alone and
   * is done once for the client's base URL.
   */
  #assertMayCarryCredentials(base: string, href: string, schemes: readonly ChosenScheme[]): void {
    if (base === this.#trustedBase) return;
    const what = `credentials for ${schemes.map((s) => s.name).join(' + ')}`;
    assertSecureTransport(new URL(href), what, this.#options.allowInsecureHttp ?? false);
    if (base === this.#base) this.#trustedBase = base;
  }
}

/** What auth providers see of one attempt; the URL is parsed only if a provider asks for it. */
class AttemptTarget implements AuthTarget {
  readonly #href: string;
  #url: URL | undefined;
  scopes: readonly string[] = [];
  afterUnauthorized = false;

  constructor(
    href: string,
    readonly headers: HeaderRecord,
    readonly signal: AbortSignal | undefined,
  ) {
    this.#href = href;
  }

  /** The URL to edit (query-based schemes); parsed on first use. */
  get url(): URL {
    return (this.#url ??= new URL(this.#href));
  }

  /** The URL to send, with any provider's edits. */
  get href(): string {
    return this.#url?.href ?? this.#href;
  }
}

/**
 * The request URL: `base` (keeping its path prefix, as OpenAPI requires) + the expanded `path`
 * + the encoded query pairs. Plain concatenation when nothing can interfere; `URL` otherwise
 * (a base that has its own query, a `?`/`#` left raw by `allowReserved`).
 */
export function buildUrl(base: string, path: string, query: readonly string[]): string {
  const search = query.join('&');
  const joined =
    (base.endsWith('/') ? base.slice(0, -1) : base) + (path.startsWith('/') ? path : `/${path}`);
  if (/[?#]/.test(base) || /[?#]/.test(path) || search.includes('#')) {
    const url = new URL(joined);
    url.search = [url.search.slice(1), search].filter((part) => part !== '').join('&');
    return url.href;
  }
  return search === '' ? joined : `${joined}?${search}`;
}

/**
 * One attempt's headers; later layers win: client, parameters, accept/content-type, per call.
 * The per-call headers (`RequestOptions.headers`, read-only) are read again for each attempt.
 */
function requestHeaders(
  client: HeaderRecord,
  serialized: SerializedParams,
  op: OperationRequest,
  options: RequestOptions,
): HeaderRecord {
  const headers = client.copy();
  for (const name in serialized.headers) headers.set(name, serialized.headers[name]!);
  if (serialized.cookies.length > 0) headers.set('cookie', serialized.cookies.join('; '));
  if (op.responseKind === 'json') headers.set('accept', 'application/json');
  if (op.body?.contentType !== undefined) headers.set('content-type', op.body.contentType);
  if (options.headers !== undefined) {
    for (const name in options.headers) headers.set(name, options.headers[name]!);
  }
  return headers;
}

/**
 * Asks each provider to renew; returns those that did (when any did, the call is replayed once,
 * and they are told so through `AuthTarget.afterUnauthorized`).
 */
async function renewAfterUnauthorized(
  schemes: readonly ChosenScheme[],
  receipts: readonly unknown[],
  signal: AbortSignal | undefined,
): Promise<Set<AuthProvider>> {
  const renewed = new Set<AuthProvider>();
  for (let i = 0; i < schemes.length; i++) {
    const { provider } = schemes[i]!;
    if (provider.handleUnauthorized !== undefined) {
      if (await provider.handleUnauthorized(receipts[i], signal)) renewed.add(provider);
    }
  }
  return renewed;
}

/** Exact status, then its class (`4XX`, case-insensitive), then `default`, then `ApiException`. */
export function pickErrorClass(errors: ErrorClassMap, status: number): ApiExceptionClass {
  const range = `${Math.floor(status / 100)}XX`;
  return (
    errors[String(status)] ??
    errors[range] ??
    errors[range.toLowerCase()] ??
    errors['default'] ??
    ApiException
  );
}

/**
 * Reads the whole response: the success body per `kind`, or the error body. Promise chains, not
 * an `async` function: every call goes through here, and this way allocates less.
 */
function readResponse(response: Response, op: OperationRequest): Promise<AttemptResult> {
  const { responseKind: kind } = op;
  const status = response.status;
  if (!response.ok) {
    return response.text().then((raw) => ({ data: parseErrorBody(raw, response), response, raw }));
  }
  if (kind === 'none' || status === 204 || status === 205 || op.method === 'HEAD') {
    const done = { data: undefined, response, raw: null };
    // `== null`: a hand-made `FetchLike` response may have no `body` at all.
    return response.body == null ? Promise.resolve(done) : response.body.cancel().then(() => done);
  }
  if (kind === 'json') {
    return response.text().then((raw) => ({
      data: isBlank(raw) ? undefined : parseJson(raw, response),
      response,
      raw,
    }));
  }
  const read =
    kind === 'text' ? response.text() : kind === 'blob' ? response.blob() : response.arrayBuffer();
  return read.then((data) => ({ data, response, raw: data }));
}

/** `JSON.parse`, failing as `ResponseParseException` (message with the redacted URL). */
function parseJson(text: string, response: Response): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ResponseParseException(
      `Response from ${redactUrl(response.url || 'about:blank')} is not valid JSON`,
      response.status,
      error,
    );
  }
}

/** True for an empty or whitespace-only body; looks past the first character only when needed. */
function isBlank(text: string): boolean {
  return text === '' || (text.charCodeAt(0) <= 32 && text.trim() === '');
}

/** JSON when the content type says so (and it parses), else the text. */
function parseErrorBody(text: string, response: Response): unknown {
  const type = response.headers.get('content-type') ?? '';
  if (/[/+]json\b/i.test(type) && !isBlank(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Runs one hook; what it throws becomes a `HookException`, so a hook's fault is told apart from
 * the API's (and never retried).
 */
async function runHook(
  hooks: Hooks,
  name: keyof Hooks,
  request: HookRequest,
  extra: unknown,
): Promise<void> {
  const hook = hooks[name];
  if (hook === undefined) return;
  try {
    await hook(request, extra as never);
  } catch (error) {
    throw new HookException(name, request.operationId, error);
  }
}
