/**
 * Applies a plan atomically as far as a file system allows.
 *
 * Every new content is first written to a staging folder inside the output folder (same file
 * system, so the final step is a cheap `rename`). Only when all of it is staged are files moved
 * into place; files being replaced or removed are moved into the staging folder first, so a
 * failure half-way can move them back. The staging folder is always removed at the end.
 *
 * File operations run a few dozen at a time (`./pool`): a large SDK has thousands of files, and one
 * at a time the stage took seconds of waiting. The file given as `last` is moved in only after
 * every other one, so an interrupted run never leaves it describing files that are not there.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bytesOf } from './bytes';
import { inspectDestinations } from './fs-safety';
import { STAGING_PREFIX } from './output-path';
import type { OutputFile } from './plan';
import { FILE_CONCURRENCY, forEachLimited, mapLimited } from './pool';

/** A test seam: called before each file is moved into place; throwing aborts and rolls back. */
export type CommitHook = (path: string) => void | Promise<void>;

export interface Changes {
  /** Files to write, replacing what is there. */
  readonly files: readonly OutputFile[];
  /** Paths to remove. */
  readonly remove: readonly string[];
  /** A file to write after all the others (the manifest). */
  readonly last?: OutputFile;
}

/** Writes and removes files as `changes` says, all or nothing. */
export async function applyChanges(outDir: string, changes: Changes, beforeCommit?: CommitHook): Promise<void> {
  const { remove } = changes;
  const files = changes.last === undefined ? changes.files : [...changes.files, changes.last];
  await mkdir(outDir, { recursive: true });
  await removeLeftoverStaging(outDir);
  const staging = join(outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(staging, 'new'), { recursive: true });
  await mkdir(join(staging, 'old'));
  // Undo steps in the order they happened; each file's own steps are pushed in order, so undoing
  // the list backwards undoes every file's steps backwards whatever ran concurrently.
  const done: Array<() => Promise<unknown>> = [];
  try {
    // 1. Stage every new content; nothing visible has changed yet.
    const staged = await mapLimited(files, FILE_CONCURRENCY, async (file, index) => {
      const temp = join(staging, 'new', String(index));
      await writeFile(temp, bytesOf(file));
      return { file, temp };
    });
    // 2. Check the destinations right before touching them (a symlink could have appeared).
    const { existing, missingFolders } = await inspectDestinations(outDir, [...files.map((f) => f.path), ...remove]);
    // 3. Create the missing folders, then move files out of the way and the new ones in.
    for (const folder of missingFolders) {
      const abs = join(outDir, folder);
      try {
        await mkdir(abs);
        done.push(() => rmdir(abs));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    let backups = 0;
    const moveAside = async (path: string): Promise<void> => {
      if (!existing.has(path)) return;
      const target = join(outDir, path);
      const backup = join(staging, 'old', String(backups++));
      try {
        await rename(target, backup);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      done.push(() => rename(backup, target));
    };
    const commit = async ({ file, temp }: { file: OutputFile; temp: string }): Promise<void> => {
      if (beforeCommit) await beforeCommit(file.path);
      const target = join(outDir, file.path);
      await moveAside(file.path);
      await rename(temp, target);
      done.push(() => rm(target, { force: true }));
    };
    await forEachLimited(remove, FILE_CONCURRENCY, async (path) => {
      if (beforeCommit) await beforeCommit(path);
      await moveAside(path);
    });
    const lastStaged = changes.last === undefined ? undefined : staged.pop();
    await forEachLimited(staged, FILE_CONCURRENCY, commit);
    if (lastStaged !== undefined) await commit(lastStaged);
    // 4. Tidy folders that removing stale files left empty (never the output folder itself).
    for (const path of remove) await pruneEmptyParents(outDir, dirname(path));
  } catch (error) {
    for (const undo of done.reverse()) {
      try {
        await undo();
      } catch {
        // Keep undoing the rest: restoring most files beats stopping at the first failure.
      }
    }
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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
