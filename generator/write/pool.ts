/**
 * Bounded concurrency for the write stage. A large SDK is thousands of files; awaiting one file
 * operation at a time spends most of the stage waiting on the thread pool, and starting all of
 * them at once can run out of file descriptors. A few dozen in flight keeps the disk busy.
 */

/** How many file operations the write stage keeps in flight. */
export const FILE_CONCURRENCY = 32;

/**
 * Runs `task` for every item, at most `limit` at a time. After a failure no new task starts; the
 * ones in flight finish (so what they did can be undone) and the first failure is thrown.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
}
