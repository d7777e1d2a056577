/**
 * Formats generated Python with ruff's own formatter (the `@astral-sh/ruff-wasm-nodejs` build of
 * the version the tests check with), so every file is exactly what `ruff format` writes. The
 * WebAssembly module is loaded on first use: TypeScript-only runs never pay for it.
 */
import { InternalError } from '../../errors';
import type { GeneratedFile } from '../../render';

/** The formatter settings of generated packages (also written to their `pyproject.toml`). */
export const RUFF_SETTINGS = { 'line-length': 100, 'target-version': 'py39' } as const;

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

/** `files` with every `.py` file formatted (others unchanged). */
export function formatPython(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.map((file) => {
    if (!file.path.endsWith('.py')) return file;
    try {
      return { path: file.path, contents: formatter().format(file.contents) };
    } catch (error) {
      // Generated code that does not parse is an sdkgen bug, never the user's.
      throw new InternalError(`generated ${file.path} is not valid Python: ${String(error)}`, { cause: error });
    }
  });
}
