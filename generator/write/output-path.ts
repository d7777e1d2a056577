/**
 * Checks the relative paths a render produced before anything is written. Paths come from
 * templates and spec-derived names, so a bad one (`../x`, `/etc/x`) must never reach the disk.
 */
import { InternalError } from '../errors';

/** Names sdkgen keeps for itself inside the output folder. */
export const MANIFEST_FILE = '.sdkgen-manifest.json';
export const STAGING_PREFIX = '.sdkgen-staging-';

/** Returns why `path` is not a safe output path, or `undefined` when it is. */
export function outputPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'empty path';
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'contains a backslash (paths must be POSIX)';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is absolute';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return "contains a '..' segment";
  if (segments.some((s) => s === '' || s === '.')) return "contains an empty or '.' segment";
  if (path === MANIFEST_FILE || segments[0]?.startsWith(STAGING_PREFIX)) return 'is reserved by sdkgen';
  return undefined;
}

/** Throws `InternalError` listing every unsafe or duplicate path (a render bug, not a user mistake). */
export function assertOutputPaths(paths: readonly string[]): void {
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const problem = outputPathProblem(path);
    if (problem) bad.push(`${JSON.stringify(path)} ${problem}`);
    else if (seen.has(path)) bad.push(`${JSON.stringify(path)} is generated twice`);
    seen.add(path);
  }
  if (bad.length > 0) throw new InternalError(`refusing to write unsafe output paths: ${bad.join('; ')}`);
}
