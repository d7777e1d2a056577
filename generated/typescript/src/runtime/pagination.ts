/**
 * Auto-pagination of operations the API definition marks as paginated (`x-sdkgen-pagination`, or
 * Speakeasy's / Fern's extension). The call's promise is also an async iterable over the items of
 * every page: `for await (const item of client.x.list(params))` requests one page at a time, only
 * as the loop asks for more, and stops after the last page.
 */
import type { ApiPromise } from './api-promise.js';

/** How an operation pages, in terms of its parameter names (as generated) and its response body. */
export interface PageSpec {
  /**
   * `page`: `param` is a page number, +1 per page; `offset`: `param` is an item offset, + the
   * items received; `cursor`: `param` takes the value found at `next` in the last page.
   */
  readonly style: 'page' | 'offset' | 'cursor';
  readonly param: string;
  /** The page-size parameter, if any: a page shorter than it is the last. */
  readonly size?: string;
  /** Where the items are in the response body (property names; empty: the body itself). */
  readonly items: readonly string[];
  /** `cursor`: where the next cursor is in the response body. */
  readonly next?: readonly string[];
  /** `page`: the first page's number when the call gives none. Default 1. */
  readonly first?: number;
}

/** A call's result (awaiting it gives the first page) that also iterates over every page's items. */
export type PagePromise<T, Item> = ApiPromise<T> & AsyncIterable<Item>;

/**
 * Makes the first call at once and returns it, iterable.
 *
 * @param spec - How the operation pages.
 * @param params - The first call's parameters.
 * @param call - Makes one call (the generated method's request) with the given parameters.
 */
export function paginate<P extends object, T, Item>(
  spec: PageSpec,
  params: P,
  call: (params: P) => ApiPromise<T>,
): PagePromise<T, Item> {
  const first = call(params);
  return Object.assign(first, {
    [Symbol.asyncIterator]: () => pages<P, T, Item>(spec, params, call, first),
  });
}

async function* pages<P extends object, T, Item>(
  { style, param, size, items, next, first = 1 }: PageSpec,
  params: P,
  call: (params: P) => ApiPromise<T>,
  firstPage: PromiseLike<T>,
): AsyncGenerator<Item, void, undefined> {
  let body: unknown = await firstPage;
  for (let current = params as Record<string, unknown>; ; ) {
    const page = at(body, items);
    const list: readonly Item[] = Array.isArray(page) ? page : [];
    yield* list;
    const limit = size === undefined ? undefined : current[size];
    if (list.length === 0 || (typeof limit === 'number' && list.length < limit)) return;
    let value: unknown;
    if (style === 'cursor') {
      value = at(body, next ?? []);
      if (value === undefined || value === null || value === '') return;
    } else {
      const given = current[param];
      const start = typeof given === 'number' ? given : style === 'page' ? first : 0;
      value = start + (style === 'page' ? 1 : list.length);
    }
    current = { ...current, [param]: value };
    body = await call(current as P);
  }
}

/** The value at `path` in `body` (`undefined` when a step is missing). */
function at(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return value;
}
