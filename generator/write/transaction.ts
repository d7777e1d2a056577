/**
 * Applies a plan atomically as far as a file system allows.
 *
 * Every new content is first written to a staging folder inside the output folder (same file
 * system, so the final step is a cheap `rename`). Only when all of it is staged are files moved
 * into place; files being replaced or removed are moved into the staging folder first, so a
 * failure half-way can move them back. The staging folder is always removed at the end.
 *
 * New contents are staged with synchronous writes; the other file operations run a few dozen at a
 * time (`./pool`): a large SDK has thousands of files, and one at a time the stage took seconds
 * of waiting. The file given as `last` is moved in only after
 * every other one, so an interrupted run never leaves it describing files that are not there.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bytesOf } from './bytes';
import { inspectDestinations } from './fs-safety';
import { STAGING_PREFIX } from './output-path';
import type { OutputFile } from './plan';
import { FILE_CONCURRENCY, forEachLimited } from './pool';

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
    // 1. Stage every new content in the layout it will have; nothing visible has changed yet.
    const tree = join(staging, 'new', 'tree');
    const folders = [...new Set(changes.files.map((f) => dirname(f.path)))].sort();
    await forEachLimited(folders, FILE_CONCURRENCY, (folder) => mkdir(join(tree, folder), { recursive: true }).then(() => undefined));
    // Synchronous writes: for thousands of small files they take half the time of promise-based
    // ones (no thread-pool round trips per open, write and close), and nothing else runs meanwhile.
    const staged = changes.files.map((file) => {
      const temp = join(tree, file.path);
      writeFileSync(temp, bytesOf(file));
      return { file, temp };
    });
    const last = changes.last;
    const lastStaged = last === undefined ? undefined : { file: last, temp: join(staging, 'new', 'last') };
    if (lastStaged !== undefined) writeFileSync(lastStaged.temp, bytesOf(lastStaged.file));
    // 2. Check the destinations right before touching them (a symlink could have appeared).
    const { existing, missingFolders } = await inspectDestinations(outDir, [...files.map((f) => f.path), ...remove]);
    // 3. Move files out of the way and the new ones in. A folder that does not exist yet moves in
    //    whole from the staging tree (one rename for all its files: a new SDK is thousands).
    const missing = new Set(missingFolders);
    const wholeFolder = (path: string): string | undefined => {
      const segments = path.split('/');
      for (let i = 1; i < segments.length; i++) {
        const folder = segments.slice(0, i).join('/');
        if (missing.has(folder)) return folder;
      }
      return undefined;
    };
    const byFolder = new Map<string, OutputFile[]>();
    const single: Array<{ file: OutputFile; temp: string }> = [];
    for (const entry of staged) {
      const folder = wholeFolder(entry.file.path);
      if (folder === undefined) single.push(entry);
      else {
        const list = byFolder.get(folder);
        if (list === undefined) byFolder.set(folder, [entry.file]);
        else list.push(entry.file); // not a copy per file: a folder of 7,000 models made that 0.1 s
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
      if (last !== undefined && file === last) await mkdirs(outDir, dirname(file.path), done);
      await moveAside(file.path);
      await rename(temp, target);
      done.push(() => rm(target, { force: true }));
    };
    await forEachLimited(remove, FILE_CONCURRENCY, async (path) => {
      if (beforeCommit) await beforeCommit(path);
      await moveAside(path);
    });
    await forEachLimited([...byFolder.keys()], FILE_CONCURRENCY, async (folder) => {
      if (beforeCommit) for (const file of byFolder.get(folder) ?? []) await beforeCommit(file.path);
      const target = join(outDir, folder);
      await rename(join(tree, folder), target);
      done.push(() => rm(target, { recursive: true, force: true }));
    });
    await forEachLimited(single, FILE_CONCURRENCY, commit);
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

/** Creates the missing folders of `relDir` under `root` (for the last file, whose folder may have gone), recording their undo. */
async function mkdirs(root: string, relDir: string, done: Array<() => Promise<unknown>>): Promise<void> {
  if (relDir === '.' || relDir === '') return;
  let current = root;
  for (const segment of relDir.split('/')) {
    current = join(current, segment);
    const folder = current;
    try {
      await mkdir(folder);
      done.push(() => rmdir(folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
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
