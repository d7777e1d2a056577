/**
 * Keeps writes inside the output folder even when the folder contains symlinks: a generated path
 * `src/a.ts` must not follow a `src -> /etc` link planted in the output folder.
 */
import { lstat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';
import { FILE_CONCURRENCY, forEachLimited } from './pool';

/** What the destinations of a write look like on disk right now. */
export interface Destinations {
  /** The paths that already exist (as regular files). */
  readonly existing: ReadonlySet<string>;
  /** Folders (relative) that do not exist yet and must be created, parents before children. */
  readonly missingFolders: readonly string[];
}

/**
 * Checks that no existing component of any of `relPaths` below `root` is a symlink, that every
 * existing parent is a folder and no path is a folder. Each folder is looked at once however many
 * paths share it. Throws `UserError` naming the first offending path (in sorted order, so the
 * message does not depend on which check finished first).
 */
export async function inspectDestinations(root: string, relPaths: readonly string[]): Promise<Destinations> {
  // Folder → the first path (sorted) that goes through it, for the error message.
  const folders = new Map<string, string>();
  for (const path of [...relPaths].sort()) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (!folders.has(folder)) folders.set(folder, path);
    }
  }
  const problems = new Map<string, string>();
  const missing = new Set<string>();
  // Folders that are not folders (reported once, for the first path through them).
  const blocked = new Set<string>();
  const parentOf = (rel: string): string | undefined => {
    const slash = rel.lastIndexOf('/');
    return slash > 0 ? rel.slice(0, slash) : undefined;
  };
  const parentMissing = (rel: string): boolean => missing.has(parentOf(rel) ?? '');
  const parentBlocked = (rel: string): boolean => blocked.has(parentOf(rel) ?? '');
  // Shallow folders first: below a missing folder nothing exists, so nothing needs a look.
  const byDepth = new Map<number, string[]>();
  for (const folder of folders.keys()) {
    const depth = folder.split('/').length;
    const atDepth = byDepth.get(depth);
    if (atDepth === undefined) byDepth.set(depth, [folder]);
    else atDepth.push(folder);
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await forEachLimited(byDepth.get(depth) ?? [], FILE_CONCURRENCY, async (folder) => {
      const path = folders.get(folder) as string;
      if (parentBlocked(folder)) return void blocked.add(folder);
      if (parentMissing(folder)) return void missing.add(folder);
      const stats = await lstatIfAny(join(root, folder));
      if (stats === undefined) return void missing.add(folder);
      if (stats.isDirectory()) return;
      blocked.add(folder);
      if (stats.isSymbolicLink()) problems.set(path, symlinkProblem(root, path, folder));
      else problems.set(path, `cannot write ${path}: ${join(root, folder)} is a file, not a folder`);
    });
  }
  const existing = new Set<string>();
  await forEachLimited(relPaths, FILE_CONCURRENCY, async (path) => {
    if (parentMissing(path) || parentBlocked(path) || problems.has(path)) return;
    const stats = await lstatIfAny(join(root, path));
    if (stats === undefined) return;
    if (stats.isSymbolicLink()) problems.set(path, symlinkProblem(root, path, path));
    else if (stats.isDirectory()) problems.set(path, `cannot write ${path}: a folder is in the way`);
    else existing.add(path);
  });
  const first = [...problems.keys()].sort()[0];
  if (first !== undefined) throw new UserError(problems.get(first) as string);
  const missingFolders = [...missing].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  return { existing, missingFolders };
}

function symlinkProblem(root: string, path: string, component: string): string {
  return `refusing to write ${path}: ${join(root, component)} is a symbolic link (it could point outside ${root})`;
}

async function lstatIfAny(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
