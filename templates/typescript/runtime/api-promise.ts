/**
 * What every generated operation returns: awaiting it gives the typed body, as a plain promise
 * would; `withResponse()` and `asResponse()` give the HTTP response too (as in Stainless SDKs).
 * Not a `Promise` subclass: a thenable over one promise of the whole result, so a call that nobody
 * awaits still reports an unhandled rejection, and `then` costs one extra reaction only.
 */

/** The typed body and the response it was read from (its body already read). */
export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
}

/** What `HttpClient` resolves for a call: `raw` is the body as received, for `asResponse`. */
export interface RawResult<T> extends WithResponse<T> {
  readonly raw: BodyInit | null;
}

/**
 * The result of a call: `await` it for the typed body, or call `withResponse()` / `asResponse()`
 * for the HTTP response as well.
 */
export class ApiPromise<T> implements Promise<T> {
  readonly #result: Promise<RawResult<T>>;
  #data: Promise<T> | undefined;

  /** @param result - The call, started already. */
  constructor(result: Promise<RawResult<T>>) {
    this.#result = result;
  }

  /** The typed body and the `Response` (status, headers, URL; its body has been read). */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result.then(({ data, response }) => ({ data, response }));
  }

  /**
   * The response as received, body unread: status, status text and headers of the server's, and
   * the body it sent (read under the call's timeout, so this one can be read again). Errors
   * (non-2xx) are thrown as by awaiting the call.
   */
  asResponse(): Promise<Response> {
    return this.#result.then(({ raw, response }) => new Response(raw, response));
  }

  then<A = T, B = never>(
    onData?: ((data: T) => A | PromiseLike<A>) | null,
    onError?: ((error: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return (this.#data ??= this.#result.then(dataOf)).then(onData, onError);
  }

  catch<B = never>(onError?: ((error: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onError);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }
}

/** A module function rather than an arrow in `then`: no closure per call. */
function dataOf<T>(result: RawResult<T>): T {
  return result.data;
}
