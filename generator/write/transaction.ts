/**
 * Applies a plan atomically as far as a file system allows.
 *
 * Every new content is first written to a staging folder inside the output folder (same file
 * system, so the final step is a cheap `rename`). Only when all of it is staged are files moved
 * into place; files being replaced or removed are moved into the staging folder first, so a
 * failure half-way can move them back. The staging folder is always removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bytesOf } from './bytes';
import { assertNoSymlinks } from './fs-safety';
import { STAGING_PREFIX } from './output-path';
import type { OutputFile } from './plan';

/** A test seam: called before each file is moved into place; throwing aborts and rolls back. */
export type CommitHook = (path: string) => void | Promise<void>;

interface Step {
  /** Undo this step (best effort). */
  undo(): Promise<void>;
}

/** Writes `files` (replacing what is there) and removes `remove`, all or nothing. */
export async function applyChanges(
  outDir: string,
  files: readonly OutputFile[],
  remove: readonly string[],
  beforeCommit?: CommitHook,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await removeLeftoverStaging(outDir);
  const staging = join(outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(staging, 'new'), { recursive: true });
  await mkdir(join(staging, 'old'));
  const done: Step[] = [];
  try {
    // 1. Stage every new content; nothing visible has changed yet.
    const staged = await Promise.all(
      files.map(async (file, index) => {
        const temp = join(staging, 'new', String(index));
        await writeFile(temp, bytesOf(file));
        return { file, temp };
      }),
    );
    // 2. Check the destinations right before touching them (a symlink could have appeared).
    for (const path of [...files.map((f) => f.path), ...remove]) await assertNoSymlinks(outDir, path);
    // 3. Move files out of the way and the new ones in, remembering how to undo each move.
    let backups = 0;
    const moveAside = async (path: string): Promise<boolean> => {
      const target = join(outDir, path);
      const backup = join(staging, 'old', String(backups++));
      try {
        await rename(target, backup);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
      done.push({ undo: () => rename(backup, target) });
      return true;
    };
    for (const path of remove) {
      if (beforeCommit) await beforeCommit(path);
      await moveAside(path);
    }
    for (const { file, temp } of staged) {
      if (beforeCommit) await beforeCommit(file.path);
      const target = join(outDir, file.path);
      const created = await mkdirTracked(outDir, dirname(file.path));
      done.push({ undo: () => removeDirs(created) });
      await moveAside(file.path);
      await rename(temp, target);
      done.push({ undo: () => rm(target, { force: true }) });
    }
    // 4. Tidy folders that removing stale files left empty (never the output folder itself).
    for (const path of remove) await pruneEmptyParents(outDir, dirname(path));
  } catch (error) {
    for (const step of done.reverse()) {
      try {
        await step.undo();
      } catch {
        // Keep undoing the rest: restoring most files beats stopping at the first failure.
      }
    }
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Creates the missing folders of `relDir` under `root`; returns those it created, deepest first. */
async function mkdirTracked(root: string, relDir: string): Promise<string[]> {
  if (relDir === '.' || relDir === '') return [];
  const created: string[] = [];
  let current = root;
  for (const segment of relDir.split('/')) {
    current = join(current, segment);
    try {
      await mkdir(current);
      created.unshift(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return created;
}

async function removeDirs(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) await rmdir(dir).catch(() => undefined);
}

async function pruneEmptyParents(root: string, relDir: string): Promise<void> {
  let rel = relDir;
  while (rel !== '.' && rel !== '') {
    const dir = join(root, rel);
    const entries = await readdir(dir).catch(() => undefined);
    if (!entries || entries.length > 0) return;
    await rmdir(dir).catch(() => undefined);
    rel = dirname(rel);
  }
}

/** Removes staging folders a crashed earlier run left behind. */
async function removeLeftoverStaging(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith(STAGING_PREFIX)) await rm(join(outDir, entry), { recursive: true, force: true });
  }
}
