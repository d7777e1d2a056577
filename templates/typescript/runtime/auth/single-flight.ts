/**
 * Process-wide single-flight for token acquisition: at most one token request per (store, key)
 * at a time, shared by every manager that uses the same store and credentials.
 */
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

/** Waits for `promise` but gives up (without cancelling it) when `signal` aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
