/**
 * Watches a set of files and folder trees with `fs.watch`, calling back (debounced) on change.
 *
 * Files are watched through their parent folder, filtered by name, because editors often save by
 * writing a new file and renaming it over the old one: a watch on the old file itself would go
 * silent after the first save.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { WatchedPaths } from './watched-paths';

/** Default quiet period before a burst of changes triggers one regeneration. */
export const DEBOUNCE_MS = 150;

export class FileWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private names = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;

  /** `onChange` runs once per burst of changes, `debounceMs` after the last one. */
  constructor(
    private readonly onChange: () => void,
    private readonly debounceMs: number = DEBOUNCE_MS,
  ) {}

  /** Replaces the watched set; folders no longer needed stop being watched. */
  update(paths: WatchedPaths): void {
    const names = new Map<string, Set<string>>();
    for (const file of paths.files) {
      const dir = dirname(file);
      names.set(dir, (names.get(dir) ?? new Set()).add(basename(file)));
    }
    this.names = names;
    const wanted = new Set([...names.keys()].map((d) => `dir:${d}`).concat(paths.trees.map((t) => `tree:${t}`)));
    for (const [key, watcher] of this.watchers) {
      if (!wanted.has(key)) {
        watcher.close();
        this.watchers.delete(key);
      }
    }
    for (const key of wanted) {
      if (this.watchers.has(key)) continue;
      const [kind, path] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const watcher = this.open(path, kind === 'tree');
      if (watcher) this.watchers.set(key, watcher);
    }
  }

  /** Stops watching and cancels a pending callback. */
  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private open(path: string, recursive: boolean): FSWatcher | undefined {
    try {
      const watcher = watch(path, { recursive, persistent: true }, (_event, name) => {
        // A folder watched for some files: ignore its other entries (e.g. the output folder).
        if (!recursive && name !== null && !this.names.get(path)?.has(basename(String(name)))) return;
        this.schedule();
      });
      // A watched folder that disappears is not fatal: the next update re-opens what exists.
      watcher.on('error', () => undefined);
      return watcher;
    } catch {
      return undefined; // Missing folder (e.g. a config file's folder that does not exist yet).
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onChange, this.debounceMs);
  }
}
