/**
 * Formats generated Python with ruff's own formatter (the `@astral-sh/ruff-wasm-nodejs` build of
 * the version the tests check with), so every file is exactly what `ruff format` writes. The
 * WebAssembly module is loaded on first use: TypeScript-only runs never pay for it.
 */
import { InternalError } from '../../errors';
import type { GeneratedFile } from '../../render';

/** The formatter settings of generated packages (also written to their `pyproject.toml`). */
export const RUFF_SETTINGS = { 'line-length': 120, 'target-version': 'py39' } as const;

interface Workspace {
  format(contents: string): string;
}

let workspace: Workspace | undefined;

function formatter(): Workspace {
  if (workspace === undefined) {
    const ruff = require('@astral-sh/ruff-wasm-nodejs') as {
      Workspace: new (options: unknown, encoding: number) => Workspace;
      PositionEncoding: { Utf16: number };
    };
    workspace = new ruff.Workspace(RUFF_SETTINGS, ruff.PositionEncoding.Utf16);
  }
  return workspace;
}

function format(path: string, code: string): string {
  try {
    return formatter().format(code);
  } catch (error) {
    // Generated code that does not parse is an sdkgen bug, never the user's.
    throw new InternalError(`generated ${path} is not valid Python: ${String(error)}`, { cause: error });
  }
}

/** A fenced ```python block of a Markdown file. */
const PYTHON_FENCE = /^```python\n([\s\S]*?)^```$/gm;

/**
 * `files` with every `.py` file formatted, and the ```python blocks of Markdown files too (ruff
 * formats those, and the docs' examples are code users copy); other files unchanged.
 */
export function formatPython(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.map((file) => {
    if (file.path.endsWith('.py')) return { path: file.path, contents: format(file.path, file.contents) };
    if (file.path.endsWith('.md')) {
      const contents = file.contents.replace(PYTHON_FENCE, (_whole, code: string) => `\`\`\`python\n${format(file.path, code)}\`\`\``);
      return { path: file.path, contents };
    }
    return file;
  });
}
