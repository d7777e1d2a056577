/**
 * The client-credentials token request (RFC 6749 §4.4) and the parsing of its response (§5.1,
 * §5.2), with bounded retries on transient failures. What a token endpoint sends back is not
 * trusted: redirects are refused, the body is read up to `MAX_TOKEN_RESPONSE_BYTES`, a token a
 * header cannot carry is refused, and a lifetime that is not a number counts as none.
 */
import { NetworkException, OAuthProviderException } from '../errors.js';
import type { RetryOptions } from '../operation.js';
import { backoffDelay, sleep } from '../retry.js';
import { attempt, headersToRecord, type FetchLike } from '../transport.js';
import { assertSecureTransport, redactUrl } from '../url.js';
import type { TokenEndpointAuthMethod } from './client-credentials.js';
import { isSendableToken, normalizeToken, toNumber, type OAuthToken } from './oauth-token.js';

/** Everything one token request needs. */
export interface TokenRequest {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authMethod: TokenEndpointAuthMethod;
  readonly scopes: readonly string[];
  /** Extra form parameters (configured ones, then per-call ones). */
  readonly params: Readonly<Record<string, string>>;
  readonly fetch: FetchLike | undefined;
  readonly timeoutMs: number;
  /** Fully resolved policy; `statusCodes` and network errors trigger retries. */
  readonly retry: RetryOptions;
  readonly allowInsecureHttp: boolean;
  readonly signal?: AbortSignal | undefined;
  /** Current time in ms (injectable for tests). */
  readonly now: () => number;
}

/**
 * The most a token response may hold: 1 MiB (1,048,576 bytes of body, after content decoding).
 * Real ones are a few kilobytes; the bound keeps a broken or hostile server from filling memory
 * (or the token store) and from holding a request open with an endless body.
 */
export const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/** What one HTTP attempt produced, before deciding whether to retry. */
interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Requests a token and returns it with `expiry` computed from `expires_in`.
 *
 * @throws OAuthProviderException for OAuth errors and unusable responses.
 * @throws NetworkException / TimeoutException naming the token URL.
 * @throws ConfigurationException when the URL is plain http to a non-loopback host.
 */
export async function requestClientCredentialsToken(request: TokenRequest): Promise<OAuthToken> {
  const url = new URL(request.tokenUrl);
  assertSecureTransport(url, 'client credentials', request.allowInsecureHttp);
  const { body, headers } = buildTokenRequest(request);
  const policy = request.retry;
  for (let retry = 0; ; retry++) {
    let response: RawResponse;
    try {
      response = await attempt(
        {
          fetch: request.fetch,
          url,
          // Never follow a redirect: fetch would re-send the form (with client_secret_post, the
          // secret) to wherever the server points, even to plain http.
          init: { method: 'POST', headers, body, redirect: 'manual' },
          timeoutMs: request.timeoutMs,
          signal: request.signal,
          description: 'Token request',
        },
        readTokenResponse,
        url,
      );
    } catch (error) {
      if (error instanceof NetworkException && retry < policy.maxRetries) {
        await sleep(backoffDelay(retry, policy), request.signal);
        continue;
      }
      throw error;
    }
    if (policy.statusCodes.includes(response.status) && retry < policy.maxRetries) {
      const delay = backoffDelay(retry, policy, response.headers.get('retry-after'), request.now());
      await sleep(delay, request.signal);
      continue;
    }
    return parseTokenResponse(response, url, request.now());
  }
}

/** Form body and headers per the client authentication method. */
export function buildTokenRequest(request: TokenRequest): {
  body: URLSearchParams;
  headers: Headers;
} {
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (request.scopes.length > 0) body.set('scope', request.scopes.join(' '));
  for (const [key, value] of Object.entries(request.params)) body.set(key, value);
  const headers = new Headers({
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  });
  if (request.authMethod === 'client_secret_post') {
    body.set('client_id', request.clientId);
    body.set('client_secret', request.clientSecret);
  } else {
    headers.set('authorization', basicAuthorization(request.clientId, request.clientSecret));
  }
  return { body, headers };
}

/**
 * RFC 6749 §2.3.1: id and secret are each form-urlencoded, joined by `:`, then base64-encoded.
 * Form encoding leaves only ASCII (everything else is percent-encoded), so `btoa` cannot throw.
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`)}`;
}

/** `application/x-www-form-urlencoded` encoding of one value (space → `+`). */
export function formUrlEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * Reads one attempt's response. A redirect is never used: a 3xx, a browser's opaque redirect
 * (`type` `opaqueredirect`, status 0), or a response that a custom `fetch` obtained by following
 * one anyway (`redirected`, or a final `url` other than the token URL) is refused unread. The
 * body is read as a stream and cancelled as soon as it exceeds `MAX_TOKEN_RESPONSE_BYTES`.
 * Both refusals are `OAuthProviderException`s without headers or body (a redirect's `Location`
 * may carry anything), and are not retried.
 */
async function readTokenResponse(response: Response, url: URL): Promise<RawResponse> {
  const { status, headers, url: finalUrl } = response;
  const reader = response.body?.getReader();
  const chunks: BlobPart[] = [];
  let refused =
    response.type === 'opaqueredirect' ||
    (status >= 300 && status < 400) ||
    response.redirected ||
    (finalUrl !== '' && finalUrl !== url.href.split('#')[0])
      ? 'a redirect (never followed)'
      : '';
  for (let size = 0; reader && !refused;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_TOKEN_RESPONSE_BYTES) refused = 'a body of more than 1 MiB';
  }
  if (refused) {
    reader?.cancel().catch(() => undefined);
    throw new OAuthProviderException(
      `Token endpoint ${redactUrl(url)} answered HTTP ${status} with ${refused}; refused`,
      { statusCode: status, headers: {}, body: undefined },
    );
  }
  return { status, headers, text: await new Blob(chunks).text() };
}

/** Turns the raw response into a token or an `OAuthProviderException`; never a TypeError. */
function parseTokenResponse(response: RawResponse, url: URL, nowMs: number): OAuthToken {
  const where = redactUrl(url);
  const contentType = response.headers.get('content-type') ?? '';
  const json = parseJsonObject(response.text);
  const init = { statusCode: response.status, headers: headersToRecord(response.headers) };

  if (response.status < 200 || response.status >= 300) {
    if (json !== undefined && typeof json['error'] === 'string') {
      const description =
        typeof json['error_description'] === 'string' ? `: ${json['error_description']}` : '';
      throw new OAuthProviderException(
        `Token request to ${where} was rejected (HTTP ${response.status}): ${json['error']}${description}`,
        { ...init, body: json },
      );
    }
    throw new OAuthProviderException(
      `Token request to ${where} failed with HTTP ${response.status} and a non-OAuth response ` +
        `(${describeContentType(contentType)})`,
      { ...init, body: json ?? response.text },
    );
  }

  // A 2xx body may hold a token in some non-JSON form: never keep it on the exception.
  if (json === undefined) {
    throw new OAuthProviderException(
      `Token endpoint ${where} returned HTTP ${response.status} and not a JSON object ` +
        `(${describeContentType(contentType)}); check the token URL`,
      { ...init, body: undefined },
    );
  }
  const safeBody = { ...json, access_token: '[REDACTED]', refresh_token: '[REDACTED]' };
  const accessToken = json['access_token'];
  // A token a header cannot carry is refused here, once, rather than stored, shared, and failing
  // every call with a TypeError.
  if (!isSendableToken(accessToken)) {
    throw new OAuthProviderException(
      `Token endpoint ${where} returned JSON without an access_token of visible ASCII`,
      { ...init, body: safeBody },
    );
  }
  // RFC 6749 requires token_type; a missing one is tolerated as Bearer, anything else is not.
  const tokenType = json['token_type'] ?? 'Bearer';
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    throw new OAuthProviderException(
      `Token endpoint ${where} returned token_type '${String(tokenType)}'; only Bearer is supported`,
      { ...init, body: safeBody },
    );
  }
  return buildToken(json, accessToken, nowMs);
}

/**
 * `expires_in` counts only as a number ≥ 0 (or a decimal string of one, see `toNumber`); `null`,
 * `""`, `true` and other non-numbers mean "no expiry given", as a missing one does, instead of
 * being coerced to a 0 s or 1 s lifetime that would make every call fetch a new token.
 */
function buildToken(json: Record<string, unknown>, accessToken: string, nowMs: number): OAuthToken {
  const expiresIn = toNumber(json['expires_in']) ?? -1;
  const token = normalizeToken({
    accessToken,
    ...(expiresIn >= 0 ? { expiresIn, expiry: Math.floor(nowMs / 1000) + expiresIn } : {}),
    scope: json['scope'],
    refreshToken: json['refresh_token'],
  });
  // Never undefined: the access token has been checked (`isSendableToken`) by the caller.
  return token!;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function describeContentType(contentType: string): string {
  return contentType === '' ? 'no content type' : `content type ${contentType.split(';')[0]}`;
}
