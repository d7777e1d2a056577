/**
 * A memoized function of a string: large specs ask for the same few thousand texts (words of a
 * name, sort keys of a module) tens of thousands of times. Bounded so that a long-lived process
 * (watch mode) cannot grow it without limit: once `limit` results are held, they are dropped.
 */
export function boundedMemo<T>(compute: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}
