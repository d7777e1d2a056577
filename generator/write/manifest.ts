/**
 * The manifest (`.sdkgen-manifest.json`) records what sdkgen generated into a folder, so the next
 * run knows which files it owns (and may update or remove) and which belong to the user.
 * Deterministic: sorted paths and content hashes, no timestamps.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesOf } from './bytes';
import { UserError } from '../errors';
import { MANIFEST_FILE } from './output-path';

export interface ManifestEntry {
  readonly path: string;
  readonly sha256: string;
}

export interface Manifest {
  readonly files: readonly ManifestEntry[];
}

export function sha256(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** Builds the manifest text for these files (sorted by path, code-unit order for stability). */
export function renderManifest(files: ReadonlyArray<{ path: string; contents: string }>): string {
  const entries = files
    .map((f) => ({ path: f.path, sha256: sha256(bytesOf(f)) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ generator: 'sdkgen', files: entries }, null, 2)}\n`;
}

/** Reads the manifest of `outDir`; `undefined` when there is none. Throws `UserError` when corrupt. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const file = join(outDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    if (!Array.isArray(parsed.files)) throw new Error('no files list');
    const files = parsed.files.map((entry: unknown) => {
      const e = entry as { path?: unknown; sha256?: unknown };
      if (typeof e.path !== 'string' || typeof e.sha256 !== 'string') throw new Error('bad entry');
      return { path: e.path, sha256: e.sha256 };
    });
    return { files };
  } catch {
    throw new UserError(`${file} is corrupt; delete it (and check the folder's contents) to regenerate`);
  }
}
