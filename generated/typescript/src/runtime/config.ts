/**
 * Defaults shared by the HTTP client, the token client and the generated `Configuration`, kept in
 * one place so the README, the config class and the runtime can never disagree.
 */
import type { RetryOptions } from './operation.js';

/** Default per-attempt timeout for API and token requests, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Statuses worth retrying: the server says "later" or failed transiently. */
export const RETRYABLE_STATUS_CODES: readonly number[] = [408, 429, 500, 502, 503, 504];

/**
 * Default retry policy for API calls: 2 retries of idempotent methods, 500 ms doubling with full
 * jitter, no single wait longer than 30 s (also the cap for `Retry-After`).
 */
export const DEFAULT_RETRY: RetryOptions = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  statusCodes: RETRYABLE_STATUS_CODES,
  methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'] as const,
});

/**
 * Default retry policy for token requests. A client-credentials POST has no side effect worth
 * protecting, so it is retried (network errors, 429, 5xx) despite being a POST; waits are
 * shorter because every API call behind it is waiting too.
 */
export const DEFAULT_TOKEN_RETRY: RetryOptions = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  statusCodes: [429, 500, 502, 503, 504],
  methods: ['POST'] as const,
});

/**
 * Layers retry settings: `base` ← `configured` (client level) ← `override` (per call).
 * `false` at any level that is consulted disables retries (returns `maxRetries: 0`).
 */
export function resolveRetry(
  base: RetryOptions,
  configured?: Partial<RetryOptions> | false,
  override?: Partial<RetryOptions> | false,
): RetryOptions {
  if (override === false || (override === undefined && configured === false)) {
    return { ...base, maxRetries: 0 };
  }
  return { ...base, ...(configured || {}), ...(override ?? {}) };
}
