/**
 * Formats generated Python with ruff's own formatter (the `@astral-sh/ruff-wasm-nodejs` build of
 * the version the tests check with), so every file is exactly what `ruff format` writes. The
 * WebAssembly module is loaded on first use: TypeScript-only runs never pay for it.
 *
 * Formatting is most of the Python target's render time on a large API (GitHub's: 7,000 model
 * modules), and it is the same pure function for every file, so a large output is formatted by
 * worker threads, one ruff instance each (`./format-pool`); a small one (Shell EV) in this thread,
 * where starting workers would cost more than it saves. What an earlier run of the same output
 * formatted is taken from `./format-cache` instead: a regeneration after a spec change formats only
 * the modules whose text changed.
 */
import { InternalError } from '../../errors';
import type { GeneratedFile } from '../../render';
import { FormatCache } from './format-cache';
import { formatInWorkers } from './format-pool';

/** The formatter settings of generated packages (also written to their `pyproject.toml`). */
export const RUFF_SETTINGS = { 'line-length': 120, 'target-version': 'py39' } as const;

/** What the formatting depends on besides the text: ruff's version and settings. */
function formatterId(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('@astral-sh/ruff-wasm-nodejs/package.json') as { version: string };
  return `ruff ${version} ${JSON.stringify(RUFF_SETTINGS)}`;
}

/** Below this much Python, formatting in this thread is faster than starting workers. */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** The text ruff formats: a `.py` file whole, a Markdown file's ```python blocks. */
interface FormatJob {
  readonly path: string;
  readonly code: string;
}

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

function formatHere(jobs: readonly FormatJob[]): string[] {
  return jobs.map((job) => {
    try {
      return formatter().format(job.code);
    } catch (error) {
      throw notPython(job.path, error);
    }
  });
}

/** A fenced ```python block of a Markdown file. */
const PYTHON_FENCE = /^```python\n([\s\S]*?)^```$/gm;

/**
 * `files` with every `.py` file formatted, and the ```python blocks of Markdown files too (ruff
 * formats those, and the docs' examples are code users copy); other files unchanged.
 */
export async function formatPython(files: readonly GeneratedFile[], outputDir: string): Promise<GeneratedFile[]> {
  const jobs: FormatJob[] = [];
  for (const file of files) {
    if (file.path.endsWith('.py')) jobs.push({ path: file.path, code: file.contents });
    else if (file.path.endsWith('.md')) for (const match of file.contents.matchAll(PYTHON_FENCE)) jobs.push({ path: file.path, code: match[1] as string });
  }
  const cache = await FormatCache.open(formatterId(), outputDir);
  const entries = jobs.map((job) => ({ job, ...cache.lookup(job.code) }));
  const missing = entries.filter((entry) => entry.formatted === undefined);
  const toFormat = missing.map((entry) => entry.job);
  const size = toFormat.reduce((n, job) => n + job.code.length, 0);
  const fresh = size < WORKER_THRESHOLD_BYTES ? formatHere(toFormat) : await formatInWorkers(toFormat, { ruffModule: require.resolve('@astral-sh/ruff-wasm-nodejs'), settings: RUFF_SETTINGS, notPython });
  missing.forEach((entry, n) => {
    entry.formatted = fresh[n] as string;
    cache.remember(entry.key, entry.job.code, entry.formatted);
  });
  const formatted = entries.map((entry) => entry.formatted as string);
  await cache.save();
  let next = 0;
  return files.map((file) => {
    if (file.path.endsWith('.py')) return { path: file.path, contents: formatted[next++] as string };
    if (file.path.endsWith('.md')) {
      const contents = file.contents.replace(PYTHON_FENCE, () => `\`\`\`python\n${formatted[next++] as string}\`\`\``);
      return { path: file.path, contents };
    }
    return file;
  });
}
