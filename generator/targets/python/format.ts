/**
 * Formats generated Python with ruff's own formatter (the `@astral-sh/ruff-wasm-nodejs` build of
 * the version the tests check with), so every file is exactly what `ruff format` writes. The
 * WebAssembly module is loaded on first use: TypeScript-only runs never pay for it.
 *
 * On a large API (GitHub's: 7,000 model modules) ruff would be half the Python target's render
 * time, so it does as little as it can:
 * - every module and docs page the view prints (models, errors, controllers, the configuration,
 *   settings and client modules, the quickstart, the README and docs pages' Python blocks) is
 *   printed in ruff's style (`styled`, laid out by `./view/py-layout`), and kept as printed when
 *   no code line is over the limit (`fitsRuffLines`): on GitHub's API all but 85 of its 8,517
 *   modules and code blocks; on Shell EV's, all of them, so ruff is not even loaded;
 * - the rest is formatted as it is rendered, by worker threads once it passes a threshold
 *   (`./format-pool`), in this thread below it (Shell EV), where starting workers costs more;
 * - what an earlier run of the same output formatted is taken from `./format-cache`: a
 *   regeneration after a spec change formats only the modules whose text changed.
 */
import { InternalError } from '../../errors';
import type { GeneratedFile } from '../../render';
import { FormatCache } from './format-cache';
import { RuffPool, type PoolJob } from './format-pool';
import { NARROW_CHARS, OTHER_BLANKS, withLongLineExemption } from './line-length';
import { RUFF_SETTINGS } from './ruff-settings';
import type { FormatSession } from '../types';

export { RUFF_SETTINGS };

/** What the formatting depends on besides the text: ruff's version and settings. */
function formatterId(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('@astral-sh/ruff-wasm-nodejs/package.json') as { version: string };
  return `ruff ${version} ${JSON.stringify(RUFF_SETTINGS)}`;
}

/**
 * Below this much Python to format, this thread formats it at the end faster than workers start;
 * above it, workers format it while this thread renders the styled modules (GitHub's API: about
 * 0.3 MB left to ruff).
 */
const WORKER_THRESHOLD_BYTES = 128 * 1024;

interface RuffWorkspace {
  format(code: string): string;
}

let workspace: RuffWorkspace | undefined;

function formatter(): RuffWorkspace {
  if (workspace === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ruff = require('@astral-sh/ruff-wasm-nodejs') as typeof import('@astral-sh/ruff-wasm-nodejs');
    workspace = new ruff.Workspace(RUFF_SETTINGS, ruff.PositionEncoding.Utf16);
  }
  return workspace;
}

/** Generated code that does not parse is an sdkgen bug, never the user's. */
function notPython(path: string, cause: unknown): InternalError {
  return new InternalError(`generated ${path} is not valid Python: ${String(cause)}`, { cause });
}

function formatHere(job: { readonly path: string; readonly code: string }): string {
  try {
    return formatter().format(job.code);
  } catch (error) {
    throw notPython(job.path, error);
  }
}

/** A fenced ```python block of a Markdown file. */
const PYTHON_FENCE = /^```python\n([\s\S]*?)^```$/gm;

/**
 * Whether ruff leaves a module the view printed in its style (`styled`) as it is: ruff would only
 * break code lines over the limit, so a module none of whose code lines is over it, measured as
 * ruff measures (only characters one column wide), with no tab, carriage return or trailing blank
 * and exactly one newline at the end, is left alone. Lines of a `"""` string (the view's docstrings
 * and field documentation, which hold unbreakable URLs and JSON pointers) may be longer: ruff does
 * not break strings; so may an import of a module whose name alone is too long. Checked construct
 * by construct against ruff (`styled-modules.test.ts`); the edge-spec snapshots run
 * `ruff format --check` over whole packages.
 */
export function fitsRuffLines(text: string): boolean {
  if (!text.endsWith('\n') || text.endsWith('\n\n')) return false;
  const limit = RUFF_SETTINGS['line-length'];
  let inString = false;
  // The next `"""`: each opens or closes a string (the view escapes any in prose).
  let quote = text.indexOf('"""');
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if (text.charCodeAt(end - 1) === 32) return false;
    if (end - start > limit && !inString && !UNBREAKABLE_LINE.test(text.slice(start, end))) return false;
    // A `"""` after a `'` on a code line may sit in a single-quoted string: left to ruff.
    if (!inString && quote >= 0 && quote < end && text.slice(start, quote).includes("'")) return false;
    for (; quote >= 0 && quote < end; quote = text.indexOf('"""', quote + 3)) inString = !inString;
    start = end + 1;
  }
  // Left to ruff: a space before closing quotes after an escaped quote or a backslash (ruff may
  // drop it); blanks other than the space (ruff reads some as indentation in docstrings). Tabs
  // and carriage returns are not among the narrow characters.
  return !inString && !text.includes('\\ """') && !text.includes('\\" """') && (ASCII_LINES.test(text) || (NARROW_LINES.test(text) && !OTHER_BLANKS.test(text)));
}

/**
 * Lines ruff cannot shorten: a `"""` string statement from its start (a docstring, a field's
 * documentation), and the head of a parenthesized import of a module whose name is that long.
 */
const UNBREAKABLE_LINE = /^ *(r?"""|from [\w.]+ import \($)/;

/** Lines of characters ruff measures one column wide (newlines between them). */
const NARROW_LINES = new RegExp(`^[\\n${NARROW_CHARS}]*$`);

/** Printable ASCII and newlines: narrow, and no other blank (one scan of the text in the common case). */
const ASCII_LINES = /^[\n\x20-\x7e]*$/;

/** One text ruff formats, and what it formats to once known. */
interface Job {
  readonly path: string;
  readonly code: string;
  readonly key: string;
  formatted: string | undefined;
}

/** Options of a formatting session (tests lower the threshold to exercise the workers). */
export interface PythonFormatOptions {
  /** Unformatted text past which worker threads take over (default 2 MiB). */
  readonly workerThresholdBytes?: number;
}

/**
 * A formatting session for one output: every `.py` file added is formatted, and the ```python
 * blocks of Markdown files too (ruff formats those, and the docs' examples are code users copy);
 * other files are returned unchanged. Formatting starts as files arrive: once the text still to
 * format passes the threshold, worker threads take it (see `./format-pool`) while the caller
 * renders the rest.
 */
class PythonFormatSession implements FormatSession {
  readonly #cache: FormatCache;
  readonly #threshold: number;
  readonly #files: GeneratedFile[] = [];
  readonly #jobs: Job[] = [];
  /** Jobs not in the cache, before the pool starts (formatted here if it never does). */
  #waiting: Job[] = [];
  #waitingChars = 0;
  #pool: RuffPool | undefined;

  constructor(cache: FormatCache, options: PythonFormatOptions) {
    this.#cache = cache;
    this.#threshold = options.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES;
  }

  add(file: GeneratedFile): void {
    this.#files.push(file);
    if (file.path.endsWith('.py')) this.#code(file.path, file.contents, file.styled === true);
    else if (file.path.endsWith('.md')) for (const match of file.contents.matchAll(PYTHON_FENCE)) this.#code(file.path, match[1] as string, file.styled === true);
  }

  async finish(): Promise<GeneratedFile[]> {
    try {
      if (this.#pool === undefined) for (const job of this.#waiting) this.#done(job, formatHere(job));
      else await this.#pool.settle();
    } finally {
      this.abort();
    }
    await this.#cache.save();
    let next = 0;
    const formatted = (): string => (this.#jobs[next++] as Job).formatted as string;
    return this.#files.map((file) => {
      if (file.path.endsWith('.py')) return { path: file.path, contents: withLongLineExemption(formatted()) };
      if (file.path.endsWith('.md')) return { path: file.path, contents: file.contents.replace(PYTHON_FENCE, () => `\`\`\`python\n${formatted()}\`\`\``) };
      return file;
    });
  }

  abort(): void {
    void this.#pool?.close();
    this.#pool = undefined;
  }

  /** A module or a Markdown block: kept as printed when styled and every line fits, else formatted. */
  #code(path: string, code: string, styled: boolean): void {
    if (styled && fitsRuffLines(code)) this.#jobs.push({ path, code, key: '', formatted: code });
    else this.#job(path, code);
  }

  #job(path: string, code: string): void {
    const { key, formatted } = this.#cache.lookup(code);
    const job: Job = { path, code, key, formatted };
    this.#jobs.push(job);
    if (formatted !== undefined) return;
    if (this.#pool !== undefined) return this.#pool.add(this.#poolJob(job));
    this.#waiting.push(job);
    this.#waitingChars += code.length;
    if (this.#waitingChars < this.#threshold) return;
    this.#pool = new RuffPool({ ruffModule: require.resolve('@astral-sh/ruff-wasm-nodejs'), settings: RUFF_SETTINGS, notPython });
    for (const waiting of this.#waiting) this.#pool.add(this.#poolJob(waiting));
    this.#waiting = [];
  }

  #poolJob(job: Job): PoolJob {
    return { path: job.path, code: job.code, done: (text) => this.#done(job, text) };
  }

  #done(job: Job, formatted: string): void {
    job.formatted = formatted;
    this.#cache.remember(job.key, job.code, formatted);
  }
}

/** Starts formatting the files of the output folder `outputDir` (absolute; names its cache). */
export async function openPythonFormatter(outputDir: string, options: PythonFormatOptions = {}): Promise<FormatSession> {
  return new PythonFormatSession(await FormatCache.open(formatterId(), outputDir), options);
}

/** `files` formatted as one session formats them (for callers that have every file at hand). */
export async function formatPython(files: readonly GeneratedFile[], outputDir: string, options: PythonFormatOptions = {}): Promise<GeneratedFile[]> {
  const session = await openPythonFormatter(outputDir, options);
  for (const file of files) session.add(file);
  return session.finish();
}
