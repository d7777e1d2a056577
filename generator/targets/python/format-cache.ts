/**
 * ruff's output for sources it formatted before, so regenerating after a spec change formats only
 * the files whose generated text changed (black and ruff keep such a cache for the same reason).
 * On GitHub's API formatting is most of the Python target's time, and a spec change touches a
 * handful of its 7,000 modules.
 *
 * - Keys are SHA-256 digests of the unformatted text; formatting is a pure function of that text
 *   and of the formatter, so the formatter's version and settings name the cache file and a new
 *   ruff or new settings start from empty.
 * - One file per output folder (its absolute path is part of the name), holding exactly the
 *   entries of its last run: bounded by the size of that output, and two projects never evict
 *   each other. One read and one atomic write per run: the file system here is slow with many
 *   small files.
 * - It lives in the user's cache folder (`SDKGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkgen` or
 *   `~/.cache/sdkgen`; `SDKGEN_CACHE_DIR=off` disables it), created private (0700) and never in a
 *   shared temp folder: whatever it holds is written into the SDK. A missing, unreadable or
 *   corrupt cache is an empty one; a cache that cannot be written is skipped. Either way the
 *   output is the same, only slower.
 * - At most `MAX_FILES` outputs are remembered, the least recently used forgotten first.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Bumped when the file's layout changes. */
const LAYOUT = 1;

/** Cache files kept (the most recently used): outputs generated into fresh temp folders add one each. */
const MAX_FILES = 16;

interface CacheFile {
  readonly layout: number;
  /** Digest of a source → its formatted text (`""` when formatting left it as it was). */
  readonly entries: Record<string, string>;
}

/** The cache folder, or `undefined` when caching is off or there is no private place for it. */
export function formatCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.SDKGEN_CACHE_DIR;
  if (configured !== undefined && configured !== '') return configured === 'off' ? undefined : resolve(configured);
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'sdkgen');
  const home = env.HOME ?? safeHomedir();
  return home ? join(home, '.cache', 'sdkgen') : undefined;
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** The formatted-source cache of one output folder and one formatter. */
export class FormatCache {
  readonly #file: string | undefined;
  readonly #dir: string | undefined;
  #previous = new Map<string, string>();
  readonly #used = new Map<string, string>();

  private constructor(dir: string | undefined, file: string | undefined) {
    this.#dir = dir;
    this.#file = file;
  }

  /**
   * Opens the cache of `outputDir` for a formatter named by `formatterId` (its name, version and
   * settings). Never throws.
   */
  static async open(formatterId: string, outputDir: string, dir = formatCacheDir()): Promise<FormatCache> {
    if (dir === undefined) return new FormatCache(undefined, undefined);
    const name = digest(`${formatterId}\n${resolve(outputDir)}`).slice(0, 24);
    const file = join(dir, `format-${name}.json`);
    const cache = new FormatCache(dir, file);
    cache.#previous = await readEntries(file);
    return cache;
  }

  /**
   * `code`'s cache key, and its formatted text if an earlier run formatted the same text (then
   * kept for the next run too).
   */
  lookup(code: string): { readonly key: string; readonly formatted: string | undefined } {
    if (this.#file === undefined) return { key: '', formatted: undefined }; // off: nothing to digest for
    const key = digest(code);
    const hit = this.#previous.get(key);
    if (hit === undefined) return { key, formatted: undefined };
    this.#used.set(key, hit);
    return { key, formatted: hit === '' ? code : hit };
  }

  /** Records what `code` (cache key `key`, from `lookup`) formats to. */
  remember(key: string, code: string, formatted: string): void {
    if (this.#file === undefined) return;
    this.#used.set(key, formatted === code ? '' : formatted);
  }

  /** Keeps this run's entries (only those) for the next run. Never throws. */
  async save(): Promise<void> {
    if (this.#file === undefined || this.#dir === undefined) return;
    if (sameEntries(this.#previous, this.#used)) {
      // Nothing new to write; marked as used so pruning keeps it.
      await utimes(this.#file, new Date(), new Date()).catch(() => undefined);
      return;
    }
    const body: CacheFile = { layout: LAYOUT, entries: Object.fromEntries(this.#used) };
    const temp = `${this.#file}.${process.pid}.tmp`;
    try {
      await mkdir(this.#dir, { recursive: true, mode: 0o700 });
      await writeFile(temp, JSON.stringify(body), { mode: 0o600 });
      await rename(temp, this.#file);
      await prune(this.#dir);
    } catch {
      // A read-only home or a full disk: the next run formats everything again, nothing worse.
    }
  }
}

/** Removes all but the `MAX_FILES` most recently used cache files of `dir`. */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.startsWith('format-') && name.endsWith('.json'));
  if (names.length <= MAX_FILES) return;
  const aged = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  aged.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(aged.slice(MAX_FILES).map(({ name }) => unlink(join(dir, name)).catch(() => undefined)));
}

async function readEntries(file: string): Promise<Map<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.layout !== LAYOUT || typeof parsed.entries !== 'object' || parsed.entries === null) return new Map();
    return new Map(Object.entries(parsed.entries).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const key of b.keys()) if (!a.has(key)) return false;
  return true;
}
