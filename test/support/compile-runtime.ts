/**
 * Transpiles the runtime templates to plain ESM JavaScript in a temp folder, so child processes
 * (plain `node`, no TypeScript loader on Node 20) can import the real runtime code.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

export const RUNTIME_DIR = join(__dirname, '..', '..', 'templates', 'typescript', 'runtime');

/** Returns the folder holding the compiled runtime (same layout, `.js` files). */
export function compileRuntime(): { dir: string; cleanup(): void } {
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-runtime-'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  for (const file of walk(RUNTIME_DIR)) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(out, relative(RUNTIME_DIR, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return { dir: out, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}
