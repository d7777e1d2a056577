/**
 * One HTTP attempt with a timeout that covers both the response headers and reading the body,
 * composed with the caller's `AbortSignal`, and with `fetch` failures turned into SDK errors.
 */
import { ConfigurationException, NetworkException, TimeoutException } from './errors.js';
import { redactUrl } from './url.js';

/** The `fetch` signature the runtime needs (a subset of the global, so test doubles are easy). */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Inputs of one attempt. */
export interface AttemptRequest {
  /** Explicit implementation, else the global `fetch` at call time (so late polyfills work). */
  readonly fetch: FetchLike | undefined;
  /** The request URL (a string is passed to fetch as is). */
  readonly url: string | URL;
  /** This attempt's own init: `attempt` sets its `signal` (so callers make a fresh one each time). */
  readonly init: RequestInit;
  /** Milliseconds for headers and body together; 0 or `Infinity`: no timeout. */
  readonly timeoutMs: number;
  /** The caller's signal; its reason is rethrown untouched when it aborts. */
  readonly signal?: AbortSignal | undefined;
  /** What is being done, for messages, e.g. `Token request` or `GET operation 'list'`. */
  readonly description: string;
}

/** The longest delay `setTimeout` honours (2^31 − 1 ms); longer ones would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Sends one request and runs `read` on the response (with `context`, so callers need no closure)
 * under the same timeout. A timeout of 0 (or `Infinity`, or more than a timer can hold, about
 * 24.8 days) means none: then no timer and no signal of ours are made, which saves the cost of an
 * abort signal in `fetch` on every call.
 *
 * @throws TimeoutException when the timeout elapses first.
 * @throws NetworkException when no response arrives (refused, DNS, TLS…), naming the URL.
 * @throws ConfigurationException for a negative or non-numeric timeout.
 * @throws the caller's `signal.reason` when the caller aborts.
 */
export async function attempt<T, C = undefined>(
  request: AttemptRequest,
  read: (response: Response, context: C) => Promise<T>,
  context?: C,
): Promise<T> {
  const { url, init, signal, timeoutMs } = request;
  signal?.throwIfAborted();
  if (!(timeoutMs >= 0)) {
    throw new ConfigurationException(
      `timeout must be a number of milliseconds ≥ 0 (0 for none), not ${String(timeoutMs)}`,
    );
  }
  // This runs on every call: no closures or object copies beyond what a timeout needs.
  const controller = timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onCallerAbort: (() => void) | undefined;
  if (controller !== undefined) {
    timer = setTimeout(abortController, timeoutMs, controller);
    if (signal !== undefined) {
      onCallerAbort = () => controller.abort(signal.reason);
      signal.addEventListener('abort', onCallerAbort, { once: true });
    }
    init.signal = controller.signal;
  } else if (signal !== undefined) {
    init.signal = signal;
  }
  try {
    const response = await (request.fetch ?? globalThis.fetch)(url, init);
    return await read(response, context as C);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    // Our controller is aborted only by the timer or by the caller's signal (handled above).
    if (controller?.signal.aborted) {
      throw new TimeoutException(
        `${request.description} to ${redactUrl(url)} timed out after ${timeoutMs} ms`,
        redactUrl(url),
        timeoutMs,
      );
    }
    if (isFetchFailure(error)) {
      throw new NetworkException(
        `${request.description} to ${redactUrl(url)} failed: ${describeCause(error)}`,
        redactUrl(url),
        error,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    if (onCallerAbort !== undefined) signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The timer's callback: a module function, so arming a timeout allocates no closure. */
function abortController(controller: AbortController): void {
  controller.abort();
}

/**
 * `fetch` reports transport failures as `TypeError` (spec) and aborted body reads as `AbortError`.
 * Checked by name, not `instanceof`: a polyfilled or cross-realm `fetch` throws other realms' errors.
 */
function isFetchFailure(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TypeError' || name === 'AbortError';
}

/**
 * A short reason such as `ECONNREFUSED` (Node puts the system error code on `cause`). The raw
 * message is not used: fetch may quote header values, which can be credentials.
 */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error && error.name === 'AbortError' ? 'aborted' : 'network error';
}

/** Response headers as a plain record; `Headers` already lower-cases names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
