/**
 * Executes generated `OperationRequest`s: URL and parameter serialization, body encoding, auth,
 * timeouts, retries, 401 replay, response reading and error mapping.
 */
import type { AuthProvider } from './auth/auth-provider.js';
import { encodeBody, isStreamBody } from './body.js';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, resolveRetry } from './config.js';
import {
  ApiException,
  ConfigurationException,
  NetworkException,
  ResponseParseException,
  type ApiExceptionClass,
} from './errors.js';
import type {
  ErrorClassMap,
  OperationRequest,
  RequestOptions,
  ResponseKind,
  RetryOptions,
} from './operation.js';
import { backoffDelay, sleep } from './retry.js';
import { expandPath, serializeParams } from './serialize.js';
import { operationBaseUrl, type ServerVariableValues } from './servers.js';
import { attempt, headersToRecord, type FetchLike } from './transport.js';
import { assertSecureTransport, joinUrl, redactUrl } from './url.js';

export { resolveUrl } from './url.js';

/** Client-wide settings; generated code fills them from the SDK's `Configuration`. */
export interface HttpClientOptions {
  /** Server URL every operation path is appended to (may include a path prefix). */
  readonly baseUrl: string;
  /** `fetch` implementation; default: the global one at call time. */
  readonly fetch?: FetchLike | undefined;
  /** Per-attempt timeout in ms (headers and body). Default `DEFAULT_TIMEOUT_MS`. */
  readonly timeout?: number | undefined;
  /** Retry overrides for API calls, or `false`. Default `DEFAULT_RETRY`. */
  readonly retry?: Partial<RetryOptions> | false | undefined;
  /** Allow credentials over plain http to non-loopback hosts. Default false. */
  readonly allowInsecureHttp?: boolean | undefined;
  /** Security scheme name (as in the spec) → its implementation. */
  readonly auth?: Readonly<Record<string, AuthProvider | undefined>> | undefined;
  /** Headers sent with every request (e.g. `user-agent`); per-call headers override them. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Values for the variables of operation-level servers (`OperationRequest.servers`). */
  readonly serverVariables?: ServerVariableValues | undefined;
}

/** A scheme chosen for a call, with the scopes the operation asks for. */
interface ChosenScheme {
  readonly name: string;
  readonly provider: AuthProvider;
  readonly scopes: readonly string[];
}

/** The outcome of one attempt, read completely under the attempt's timeout. */
type AttemptResult =
  | { readonly ok: true; readonly status: number; readonly value: unknown }
  | {
      readonly ok: false;
      readonly status: number;
      readonly statusText: string;
      readonly headers: Headers;
      readonly body: unknown;
    };

/** Sends operations described by generated code. One instance per client, shared by all APIs. */
export class HttpClient {
  readonly #options: HttpClientOptions;
  readonly #origin: string;

  /** @param options - Base URL, transport settings and auth providers. */
  constructor(options: HttpClientOptions) {
    this.#options = options;
    this.#origin = new URL(options.baseUrl).origin;
  }

  /** The server URL operations are sent to. */
  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /**
   * Performs `op` and returns its success body read per `op.responseKind` (`undefined` for
   * `none`, 204 and empty JSON bodies).
   *
   * @throws the class `op.errors` maps the status to (exact, then `4XX`/`5XX`, then `default`),
   *   else `ApiException`, for non-2xx responses.
   * @throws NetworkException, TimeoutException, ConfigurationException, ResponseParseException.
   * @throws `options.signal.reason` when the caller aborts.
   */
  async request<T>(op: OperationRequest, options: RequestOptions = {}): Promise<T> {
    const serialized = serializeParams(op.params);
    const base =
      op.servers === undefined
        ? this.#options.baseUrl
        : operationBaseUrl(op.servers, this.#options.baseUrl, this.#options.serverVariables);
    const url = joinUrl(base, expandPath(op.path, serialized.path));
    const query = [url.search.slice(1), ...serialized.query].filter((part) => part !== '');
    url.search = query.join('&');

    const headers = new Headers(this.#options.headers);
    for (const [name, value] of Object.entries(serialized.headers)) headers.set(name, value);
    if (serialized.cookies.length > 0) headers.set('cookie', serialized.cookies.join('; '));
    if (op.responseKind === 'json') headers.set('accept', 'application/json');
    const encoded = op.body === undefined ? undefined : encodeBody(op.body);
    if (encoded?.contentType !== undefined) headers.set('content-type', encoded.contentType);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);

    const schemes = this.#chooseSchemes(op);
    if (schemes.length > 0) {
      // An operation's own server (from the API definition) is its API origin.
      const origin = op.servers === undefined ? this.#origin : new URL(base).origin;
      this.#assertMayCarryCredentials(url, schemes, origin);
    }

    const policy = resolveRetry(DEFAULT_RETRY, this.#options.retry, options.retry);
    const replayable = !isStreamBody(encoded?.body);
    const retryable = replayable && policy.methods.includes(op.method);
    const timeoutMs = options.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT_MS;
    const description = `${op.method} ${op.operationId}`;
    let replayedAfter401 = false;
    let renewed: ReadonlySet<AuthProvider> = new Set();

    for (let retry = 0; ;) {
      const attemptHeaders = new Headers(headers);
      // Per attempt, so query-based credentials are added once (and re-read from suppliers).
      const attemptUrl = new URL(url);
      const receipts: [AuthProvider, unknown][] = [];
      for (const scheme of schemes) {
        const receipt = await scheme.provider.apply({
          url: attemptUrl,
          headers: attemptHeaders,
          scopes: scheme.scopes,
          signal: options.signal,
          afterUnauthorized: renewed.has(scheme.provider),
        });
        receipts.push([scheme.provider, receipt]);
      }
      renewed = new Set();
      const init: RequestInit & { duplex?: 'half' } = {
        method: op.method,
        headers: attemptHeaders,
      };
      if (encoded !== undefined) init.body = encoded.body;
      if (!replayable) init.duplex = 'half'; // required by fetch for stream bodies

      let result: AttemptResult;
      try {
        result = await attempt(
          {
            fetch: this.#options.fetch,
            url: attemptUrl,
            init,
            timeoutMs,
            signal: options.signal,
            description,
          },
          (response) => readResponse(response, op.responseKind, op.method),
        );
      } catch (error) {
        if (error instanceof NetworkException && retryable && retry < policy.maxRetries) {
          await sleep(backoffDelay(retry++, policy), options.signal);
          continue;
        }
        throw error;
      }
      if (result.ok) return result.value as T;

      if (result.status === 401 && !replayedAfter401 && replayable && receipts.length > 0) {
        replayedAfter401 = true;
        renewed = await renewAfterUnauthorized(receipts, options.signal);
        if (renewed.size > 0) continue;
      }
      if (retryable && policy.statusCodes.includes(result.status) && retry < policy.maxRetries) {
        await sleep(
          backoffDelay(retry++, policy, result.headers.get('retry-after')),
          options.signal,
        );
        continue;
      }
      const ErrorClass = pickErrorClass(op.errors, result.status);
      const statusText = result.statusText === '' ? '' : ` ${result.statusText}`;
      throw new ErrorClass(`${op.operationId} failed with HTTP ${result.status}${statusText}`, {
        statusCode: result.status,
        headers: headersToRecord(result.headers),
        body: result.body,
      });
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
      const names = Object.keys(requirement);
      if (names.length === 0) {
        anonymous = true;
        continue;
      }
      const providers = names.map((name) => this.#options.auth?.[name]);
      if (providers.every((p) => p !== undefined && p.isConfigured())) {
        return names.map((name, i) => ({
          name,
          provider: providers[i] as AuthProvider,
          scopes: requirement[name] ?? [],
        }));
      }
    }
    if (anonymous) return [];
    const wanted = op.security.map((r) => Object.keys(r).join(' + ')).join(' or ');
    throw new ConfigurationException(
      `Operation '${op.operationId}' requires credentials for ${wanted}, but none are configured`,
    );
  }

  /** Credentials go only to the configured API origin, and never over non-loopback plain http. */
  #assertMayCarryCredentials(url: URL, schemes: readonly ChosenScheme[], origin: string): void {
    const what = `credentials for ${schemes.map((s) => s.name).join(' + ')}`;
    if (url.origin !== origin) {
      throw new ConfigurationException(
        `Refusing to send ${what} to ${redactUrl(url)}: it is not the API origin ${origin}`,
      );
    }
    assertSecureTransport(url, what, this.#options.allowInsecureHttp ?? false);
  }
}

/**
 * Asks each provider to renew; returns those that did (when any did, the call is replayed once,
 * and they are told so through `AuthTarget.afterUnauthorized`).
 */
async function renewAfterUnauthorized(
  receipts: readonly [AuthProvider, unknown][],
  signal: AbortSignal | undefined,
): Promise<Set<AuthProvider>> {
  const renewed = new Set<AuthProvider>();
  for (const [provider, receipt] of receipts) {
    if (provider.handleUnauthorized !== undefined) {
      if (await provider.handleUnauthorized(receipt, signal)) renewed.add(provider);
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

async function readResponse(
  response: Response,
  kind: ResponseKind,
  method: string,
): Promise<AttemptResult> {
  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: await readErrorBody(response),
    };
  }
  return {
    ok: true,
    status: response.status,
    value: await readSuccessBody(response, kind, method),
  };
}

async function readSuccessBody(
  response: Response,
  kind: ResponseKind,
  method: string,
): Promise<unknown> {
  const empty = response.status === 204 || response.status === 205 || method === 'HEAD';
  if (kind === 'none' || empty) {
    await response.body?.cancel();
    return undefined;
  }
  switch (kind) {
    case 'json': {
      const text = await response.text();
      if (text.trim() === '') return undefined;
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
    case 'text':
      return response.text();
    case 'blob':
      return response.blob();
    case 'arrayBuffer':
      return response.arrayBuffer();
  }
}

/** JSON when the content type says so (and it parses), else the text. */
async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (/[/+]json\b/i.test(type) && text.trim() !== '') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
