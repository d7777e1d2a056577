/**
 * Keeps writes inside the output folder even when the folder contains symlinks: a generated path
 * `src/a.ts` must not follow a `src -> /etc` link planted in the output folder.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors';

/**
 * Throws `UserError` if any existing component of `relPath` below `root` is a symlink (or, for
 * a parent component, not a folder). Missing components are fine: they will be created as folders.
 */
export async function assertNoSymlinks(root: string, relPath: string): Promise<void> {
  const segments = relPath.split('/');
  let current = root;
  for (let i = 0; i < segments.length; i++) {
    current = join(current, segments[i] as string);
    let stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (stats.isSymbolicLink()) {
      throw new UserError(`refusing to write ${relPath}: ${current} is a symbolic link (it could point outside ${root})`);
    }
    const isLast = i === segments.length - 1;
    if (!isLast && !stats.isDirectory()) {
      throw new UserError(`cannot write ${relPath}: ${current} is a file, not a folder`);
    }
    if (isLast && stats.isDirectory()) {
      throw new UserError(`cannot write ${relPath}: a folder is in the way`);
    }
  }
}
