/**
 * Backoff arithmetic and abortable sleeping, shared by API calls and token requests.
 */
import type { RetryOptions } from './operation.js';

/**
 * Delay before retry number `retry` (0-based): exponential backoff with full jitter
 * (`random(0, min(maxDelay, initial * 2^retry))`, which spreads a thundering herd best), unless
 * the server sent `Retry-After`, which wins but is still capped at `maxDelayMs`.
 */
export function backoffDelay(
  retry: number,
  policy: RetryOptions,
  retryAfter?: string | null,
  now: number = Date.now(),
  random: () => number = Math.random,
): number {
  const fromServer = parseRetryAfter(retryAfter, now);
  if (fromServer !== undefined) return Math.min(fromServer, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Dates in the
 * past give 0; garbage gives `undefined` so the caller falls back to backoff.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
