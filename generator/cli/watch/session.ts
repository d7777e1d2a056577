/**
 * The watch loop: build once, then rebuild whenever a watched path changes, until `signal`
 * aborts. A failing build is reported and the loop goes on; since generation writes nothing
 * unless every stage succeeds, the last good output stays in place.
 */
import type { ConfigFlags } from '../../config';
import type { CliIo } from '../io';
import { FileWatcher } from './file-watcher';
import { mergePaths, watchedPaths, type WatchedPaths } from './watched-paths';

export interface WatchOptions {
  /** One generation; throws on failure. */
  readonly build: () => Promise<void>;
  /** Reports a failed build (the CLI's usual error output). */
  readonly report: (error: unknown) => void;
  /** Decides what to watch (re-read after every build: the config may name a new spec). */
  readonly flags: ConfigFlags;
  readonly io: CliIo;
  /** Aborted on Ctrl-C: the loop ends and the promise resolves. */
  readonly signal: AbortSignal;
  /** Print the "watching…" line (off for `--quiet`). */
  readonly announce: boolean;
  readonly debounceMs?: number;
}

/** Runs until `signal` aborts; resolves then (never rejects for build failures). */
export async function watchLoop(options: WatchOptions): Promise<void> {
  const { io, signal } = options;
  let watched: WatchedPaths = { files: [], trees: [] };
  let running = false;
  let dirty = false;

  const round = async (): Promise<void> => {
    if (running) {
      dirty = true; // A change during a build: build again right after.
      return;
    }
    running = true;
    try {
      do {
        dirty = false;
        try {
          await options.build();
        } catch (error) {
          options.report(error);
        }
        watched = mergePaths(watched, await watchedPaths(options.flags, io.cwd));
        if (!signal.aborted) watcher.update(watched);
      } while (dirty && !signal.aborted);
      if (options.announce && !signal.aborted) {
        io.stderr(`watching ${watched.files.length} file(s)${watched.trees.length > 0 ? ' and the templates folder' : ''} for changes (Ctrl-C to stop)\n`);
      }
    } finally {
      running = false;
    }
  };

  const watcher = new FileWatcher(() => void round(), options.debounceMs);
  await round();
  if (signal.aborted) {
    watcher.close();
    return;
  }
  await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  watcher.close();
}
