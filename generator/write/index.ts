/**
 * The write stage: put rendered files into the output folder safely, atomically and
 * deterministically, and tell `check` what is stale.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors';
import { assertOutputPaths, MANIFEST_FILE } from './output-path';
import { planOutput, type OutputFile } from './plan';
import { applyChanges, type CommitHook } from './transaction';

export type { OutputFile } from './plan';
export { MANIFEST_FILE } from './output-path';

export interface WriteOptions {
  /** Compute the report without touching the disk. */
  readonly dryRun?: boolean;
  /** Overwrite files in the way that sdkgen did not generate (not in the previous manifest). */
  readonly force?: boolean;
  /** Test seam: called before each file is moved into place; throwing aborts and rolls back. */
  readonly beforeCommit?: CommitHook;
}

export interface WriteReport {
  /** Generated files whose bytes were written (added or changed), sorted. */
  readonly written: readonly string[];
  readonly added: readonly string[];
  readonly changed: readonly string[];
  /** Generated files already up to date (not rewritten, so their mtime is kept). */
  readonly unchanged: readonly string[];
  /** Previously generated files that are no longer generated, removed. */
  readonly removed: readonly string[];
  /** Whether `.sdkgen-manifest.json` was (or, in a dry run, would be) rewritten. */
  readonly manifestWritten: boolean;
  readonly dryRun: boolean;
}

export interface OutputDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Writes `files` into `outDir`. Throws `InternalError` for unsafe paths (before touching
 * anything), `UserError` when a file sdkgen does not own is in the way (unless `force`).
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteReport> {
  assertOutputPaths(files.map((f) => f.path));
  const dir = resolve(outDir);
  await assertFolderOrMissing(dir);
  const plan = await planOutput(dir, files);
  if (plan.foreign.length > 0 && !options.force) {
    throw new UserError(
      `refusing to overwrite ${plan.foreign.length} file(s) in ${dir} that sdkgen did not generate ` +
        `(not listed in ${MANIFEST_FILE}): ${plan.foreign.join(', ')}. Move them away or pass --force.`,
    );
  }
  const toWrite = [...plan.added, ...plan.changed];
  const report: WriteReport = {
    written: toWrite.map((f) => f.path).sort(),
    added: plan.added.map((f) => f.path),
    changed: plan.changed.map((f) => f.path),
    unchanged: plan.unchanged.map((f) => f.path),
    removed: [...plan.removed],
    manifestWritten: plan.manifestChanged,
    dryRun: options.dryRun === true,
  };
  if (options.dryRun) return report;
  // The manifest goes last so that, if the process dies mid-way, it still describes older files.
  const last = plan.manifestChanged ? plan.manifest : undefined;
  if (toWrite.length > 0 || plan.removed.length > 0 || last !== undefined) {
    await applyChanges(dir, { files: toWrite, remove: plan.removed, last }, options.beforeCommit);
  }
  return report;
}

/** What `writeOutput` would change: stale files for `check` (a missing manifest counts as stale). */
export async function diffOutput(outDir: string, files: readonly OutputFile[]): Promise<OutputDiff> {
  assertOutputPaths(files.map((f) => f.path));
  const dir = resolve(outDir);
  await assertFolderOrMissing(dir);
  const plan = await planOutput(dir, files);
  const added = plan.added.map((f) => f.path);
  const changed = plan.changed.map((f) => f.path);
  if (plan.manifestChanged) (plan.oldManifest ? changed : added).push(MANIFEST_FILE);
  return { added, changed, removed: [...plan.removed] };
}

async function assertFolderOrMissing(dir: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new UserError(`output path ${dir} exists and is not a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
