/**
 * The load stage: read one source (file or URL) and parse it, keeping a way back to positions.
 * `$ref` resolution across sources is the bundle stage's job.
 */
import { parseSource, type SourceDocument } from './parse-source';
import { fetchSource, readSourceFile } from './read-source';

export type { SourceDocument } from './parse-source';
export { parseSource } from './parse-source';
export { stripBom, readSourceFile } from './read-source';
export { parsePointer, formatPointer, getAtPointer } from './json-pointer';

/** Reads and parses a local file (absolute path). Throws `SpecError` when unreadable or malformed. */
export async function loadSourceFile(path: string): Promise<SourceDocument> {
  return parseSource(await readSourceFile(path), path);
}

/** Fetches and parses a remote document. Callers must have checked that remote refs are allowed. */
export async function loadSourceUrl(url: string): Promise<SourceDocument> {
  return parseSource(await fetchSource(url), url);
}
