/**
 * Helpers for the package tests (test/package, test/pipeline): async child processes with bounded
 * time (never execFileSync: the in-process API server must keep answering while a child runs),
 * temp folders, and the static "web APIs only" walk of a built entry point.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { childEnv } from '../support/processes';

export const ROOT = resolve(__dirname, '..', '..');
export const SDKGEN = join(ROOT, 'dist', 'generator', 'cli', 'main.js');
export const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
export const PIPELINE = join(ROOT, 'scripts', 'pipeline');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command args` to completion (never throws for a non-zero exit). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...childEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Like `run`, but throws with the full output when the exit code is not 0. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

/** A fresh temp folder; `cleanup()` removes it unless KEEP_TMP=1 (for debugging). */
export function tempDir(prefix: string): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    cleanup() {
      if (process.env['KEEP_TMP'] !== '1') rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Module specifiers of static imports/re-exports, side-effect imports and `import()` in ESM code. */
export function esmSpecifiers(code: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) specifiers.push(m[1] as string);
  return specifiers;
}

/** Module specifiers of `require('…')` calls in CommonJS code. */
export function cjsSpecifiers(code: string): string[] {
  return [...code.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] as string);
}

/** Code without block comments and whole-line `//` comments (JSDoc may mention `node:` APIs). */
export function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** What makes a module Node-only: a `node:` import/require, or the `Buffer` global. */
export function nodeOnlyUses(code: string): string[] {
  const body = stripComments(code);
  const found: string[] = [];
  for (const pattern of [/from\s*['"]node:[^'"]*['"]/g, /require\s*\(\s*['"]node:[^'"]*['"]\s*\)/g, /import\s*\(\s*['"]node:[^'"]*['"]/g, /(?<![\w$])Buffer\b/g]) {
    for (const m of body.matchAll(pattern)) found.push(m[0]);
  }
  return found;
}

export interface ModuleGraph {
  /** Files reached, relative to the package root. */
  files: string[];
  /** `file: problem` for every non-relative specifier or node-only use. */
  problems: string[];
}

/** Walks the relative imports (or requires) reachable from `entry` and lists node-only uses. */
export function walkModuleGraph(packageRoot: string, entry: string, kind: 'esm' | 'cjs'): ModuleGraph {
  const seen = new Set<string>();
  const problems: string[] = [];
  const queue = [resolve(packageRoot, entry)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const rel = relative(packageRoot, file);
    if (!existsSync(file)) {
      problems.push(`${rel}: imported but missing`);
      continue;
    }
    const code = readFileSync(file, 'utf8');
    for (const use of nodeOnlyUses(code)) problems.push(`${rel}: ${use}`);
    const specifiers = kind === 'esm' ? esmSpecifiers(stripComments(code)) : cjsSpecifiers(stripComments(code));
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) {
        problems.push(`${rel}: imports "${specifier}" (the SDK has no runtime dependencies)`);
        continue;
      }
      let target = resolve(dirname(file), specifier);
      if (kind === 'cjs' && !target.endsWith('.js')) target += existsSync(`${target}.js`) ? '.js' : '/index.js';
      queue.push(target);
    }
  }
  return { files: [...seen].map((f) => relative(packageRoot, f)).sort(), problems };
}
