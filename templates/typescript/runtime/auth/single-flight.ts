/**
 * Process-wide single-flight for token acquisition: at most one token request per (store, key)
 * at a time, shared by every manager that uses the same store and credentials; and the bounded
 * waits of the callers on it.
 */
import { TimeoutException } from '../errors.js';
import type { OAuthToken } from './oauth-token.js';
import type { TokenStore } from './token-store.js';

/** A token plus whether it was just issued by the server (a 401 with it is then not replayed). */
export interface ObtainedToken {
  readonly token: OAuthToken;
  readonly fetched: boolean;
}

const flights = new WeakMap<TokenStore, Map<string, Promise<ObtainedToken>>>();

/** The acquisition currently running for `key` in `store`, if any. */
export function currentFlight(store: TokenStore, key: string): Promise<ObtainedToken> | undefined {
  return flights.get(store)?.get(key);
}

/**
 * Joins the running acquisition for `key`, or starts `start` as the new one. The entry is removed
 * when it settles, so a failure is not cached: the next caller starts a fresh attempt.
 */
export function singleFlight(
  store: TokenStore,
  key: string,
  start: () => Promise<ObtainedToken>,
): Promise<ObtainedToken> {
  const running = currentFlight(store, key);
  if (running !== undefined) return running;
  let byKey = flights.get(store);
  if (byKey === undefined) {
    byKey = new Map();
    flights.set(store, byKey);
  }
  const map = byKey;
  const flight = start().finally(() => {
    if (map.get(key) === flight) map.delete(key);
  });
  map.set(key, flight);
  return flight;
}

/**
 * Waits for `promise` (or a plain value: a user's callback may return one) but gives up, without
 * cancelling it (it may be shared, or beyond our reach, like a user's store), when `signal`
 * aborts, rejecting with its reason, or after `timeoutMs`, rejecting with a `TimeoutException`
 * naming `what`. A timeout of 0, `Infinity` or more than a timer can hold means none.
 */
export function abortable<T>(
  promise: T | PromiseLike<T>,
  signal: AbortSignal | undefined,
  timeoutMs = 0,
  what = '',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal?.throwIfAborted();
    // Whichever comes first settles the wait and removes the other two's hooks.
    const stop = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      stop();
      reject(signal?.reason);
    };
    const timer =
      timeoutMs > 0 && timeoutMs < 2 ** 31
        ? setTimeout(() => {
            stop();
            reject(
              new TimeoutException(`${what} did not finish within ${timeoutMs} ms`, '', timeoutMs),
            );
          }, timeoutMs)
        : undefined;
    signal?.addEventListener('abort', onAbort);
    Promise.resolve(promise).then(resolve, reject).finally(stop);
  });
}
