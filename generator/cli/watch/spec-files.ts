/**
 * Which local files a spec is made of (the root and every file its `$ref`s reach), so watch mode
 * regenerates when any of them changes. Uses the bundle stage's own crawler, so the set is
 * exactly what generation reads, ref-root policy included.
 */
import { resolve } from 'node:path';
import { crawlRefs } from '../../bundle/crawl';
import { SourceSet } from '../../bundle/source-set';
import type { SourceDocument } from '../../load';

/** A source set that remembers every local path asked for, even ones that fail to load. */
class RecordingSourceSet extends SourceSet {
  readonly paths = new Set<string>();

  override root(path: string): Promise<SourceDocument> {
    this.paths.add(path);
    return super.root(path);
  }

  override file(path: string): Promise<SourceDocument> {
    this.paths.add(path);
    return super.file(path);
  }
}

/**
 * Absolute paths of the spec's local files. Never throws: a broken spec still yields the files
 * reached so far (at least the root), which is what the user is editing.
 */
export async function specFiles(input: string, refRoot: string): Promise<string[]> {
  const root = resolve(input);
  const sources = new RecordingSourceSet(resolve(refRoot), false);
  try {
    await crawlRefs(await sources.root(root), sources);
  } catch {
    // Parse or read errors: generation reports them; here the files reached so far suffice.
  }
  return [...sources.paths].sort();
}
