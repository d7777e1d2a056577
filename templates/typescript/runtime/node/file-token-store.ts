/**
 * A `TokenStore` in one JSON file, shared safely by several processes on one machine. Node only
 * (exported from the SDK's `/node` entry, never from the main one).
 *
 * Design: the file is `{ "version": 1, "tokens": { "<cache key>": OAuthToken } }`.
 * - Reads take no lock: writers replace the file atomically (temp file in the same folder +
 *   `rename`), so a reader sees either the old or the new file, never a torn one.
 * - Writers serialize read-modify-write with a lock file (`<file>.lock`, created with `wx`, so
 *   exactly one process wins). A lock older than `staleLockMs` is considered abandoned by a
 *   crashed process and removed.
 * - Fleet-wide single flight (`tryLock`): one lock file per token key (`<file>.<key>.lock`, also
 *   created with `wx`) holding a random value and its expiry; past the expiry it is taken over, and
 *   a release deletes it only while it still holds our value.
 * - Files are created with mode 0600 (the folder, if created, 0700): they hold access tokens.
 * - An unreadable or corrupt file is treated as empty with one warning; the next write replaces
 *   it. The client secret is never given to a store, so it can never be in the file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OAuthToken } from '../auth/oauth-token.js';
import { normalizeToken } from '../auth/oauth-token.js';
import type { TokenStore, TokenStoreLock } from '../auth/token-store.js';

/** Tuning for `FileTokenStore`. */
export interface FileTokenStoreOptions {
  /** Longest wait for the write lock, ms. Default 5000. */
  readonly lockTimeoutMs?: number;
  /** Age after which a lock is deemed abandoned, ms. Default 10000. */
  readonly staleLockMs?: number;
  /** Where the corrupt-file warning goes. Default `console`. */
  readonly logger?: Pick<Console, 'warn'>;
}

interface TokenFile {
  version: 1;
  tokens: Record<string, OAuthToken>;
}

/** Persists tokens in a JSON file shared by processes; see the module comment for guarantees. */
export class FileTokenStore implements TokenStore {
  readonly #path: string;
  readonly #lockPath: string;
  readonly #lockTimeoutMs: number;
  readonly #staleLockMs: number;
  readonly #logger: Pick<Console, 'warn'>;
  #warned = false;

  /** @param filePath - The JSON file (created on first write, with its folder). */
  constructor(filePath: string, options: FileTokenStoreOptions = {}) {
    this.#path = filePath;
    this.#lockPath = `${filePath}.lock`;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 5000;
    this.#staleLockMs = options.staleLockMs ?? 10_000;
    this.#logger = options.logger ?? console;
  }

  /** The file this store uses. */
  get filePath(): string {
    return this.#path;
  }

  /** @inheritDoc */
  async get(key: string): Promise<OAuthToken | undefined> {
    const file = await this.#read();
    return normalizeToken(file.tokens[key]);
  }

  /** @inheritDoc */
  async set(key: string, token: OAuthToken): Promise<void> {
    await this.#update((tokens) => {
      tokens[key] = token;
    });
  }

  /** @inheritDoc */
  async delete(key: string): Promise<void> {
    await this.#update((tokens) => {
      delete tokens[key];
    });
  }

  /** @inheritDoc */
  async tryLock(key: string, ttlMs: number): Promise<TokenStoreLock | undefined> {
    await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
    // Keys are `cc-<hex>-<hex>`; anything else is made safe for a file name.
    const path = `${this.#path}.${key.replace(/[^\w.-]/g, '_')}.lock`;
    const value = randomUUID();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(path, `${value} ${Date.now() + ttlMs}`, { flag: 'wx', mode: 0o600 });
        return {
          release: async () => {
            if ((await readLock(path, 0))?.value === value)
              await unlink(path).catch(() => undefined);
          },
        };
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      // Held and not expired: another process is fetching. Gone (just released) or expired (its
      // holder was killed): remove it, unless another process just did and took it, and try once
      // more.
      const held = await readLock(path, ttlMs);
      if (held !== undefined && held.expiresAt > Date.now()) return undefined;
      if (held !== undefined && (await readLock(path, ttlMs))?.value === held.value) {
        await unlink(path).catch(() => undefined);
      }
    }
    return undefined;
  }

  /** Never print tokens when a store is logged. */
  toJSON(): Record<string, unknown> {
    return { type: 'FileTokenStore', filePath: this.#path };
  }

  async #update(change: (tokens: Record<string, OAuthToken>) => void): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
    await this.#withLock(async () => {
      const file = await this.#read();
      change(file.tokens);
      await this.#writeAtomically(`${JSON.stringify(file, null, 2)}\n`);
    });
  }

  /** Missing file → empty; unreadable or malformed → empty plus one warning (no contents quoted). */
  async #read(): Promise<TokenFile> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return emptyFile();
      this.#warnOnce(`cannot be read (${errorCode(error) ?? 'error'})`);
      return emptyFile();
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The parser's message quotes file contents (tokens), so only the fact is reported.
      this.#warnOnce('is not valid JSON');
      return emptyFile();
    }
    const tokens = (parsed as { tokens?: unknown } | null)?.tokens;
    if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) {
      this.#warnOnce('does not have the expected { "tokens": { … } } layout');
      return emptyFile();
    }
    this.#warned = false;
    return { version: 1, tokens: { ...(tokens as Record<string, OAuthToken>) } };
  }

  async #writeAtomically(contents: string): Promise<void> {
    const temp = join(dirname(this.#path), `.${basename(this.#path)}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.#path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async #withLock<T>(run: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.#lockTimeoutMs;
    for (;;) {
      try {
        const handle = await open(this.#lockPath, 'wx', 0o600);
        await handle.writeFile(String(process.pid));
        await handle.close();
        break;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      await this.#removeIfStale();
      if (Date.now() > deadline) {
        throw new Error(`FileTokenStore: timed out waiting for lock ${this.#lockPath}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
    try {
      return await run();
    } finally {
      await unlink(this.#lockPath).catch(() => undefined);
    }
  }

  async #removeIfStale(): Promise<void> {
    try {
      const info = await stat(this.#lockPath);
      if (Date.now() - info.mtimeMs > this.#staleLockMs) await unlink(this.#lockPath);
    } catch {
      // Gone already (released or removed by another process): just try to take it again.
    }
  }

  #warnOnce(problem: string): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#logger.warn(
      `FileTokenStore: token file ${this.#path} ${problem}; treating it as empty ` +
        '(it is rewritten on the next token update)',
    );
  }
}

/**
 * A `tryLock` file's holder value and expiry (ms), or `undefined` when there is none. A file not
 * written yet (or left empty by a crash) expires `ttlMs` after it was created.
 */
async function readLock(
  path: string,
  ttlMs: number,
): Promise<{ value: string; expiresAt: number } | undefined> {
  try {
    const [value = '', expiresAt] = (await readFile(path, 'utf8')).split(' ');
    if (expiresAt !== undefined) return { value, expiresAt: Number(expiresAt) };
    return { value, expiresAt: (await stat(path)).mtimeMs + ttlMs };
  } catch {
    return undefined;
  }
}

function emptyFile(): TokenFile {
  return { version: 1, tokens: {} };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
