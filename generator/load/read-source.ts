/** Reads spec text from disk (or, when allowed, from a URL). */
import { readFile } from 'node:fs/promises';
import { SpecError } from '../errors';

/** Removes a leading UTF-8 byte-order mark, which `JSON.parse` rejects and editors on Windows add. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a local file as UTF-8 text; a missing/unreadable file is a `SpecError`. */
export async function readSourceFile(path: string): Promise<string> {
  try {
    // Decoded in one piece: with an encoding, `readFile` decodes chunk by chunk into a string of
    // pieces that the first character read copies again (26 MB for GitHub's 13 MB description).
    return stripBom((await readFile(path)).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new SpecError(`cannot read ${path}: ${reason}`, [], { cause: error });
  }
}

/** Fetches a remote document (only called when remote refs were explicitly allowed). */
export async function fetchSource(url: string, timeoutMs = 15000): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new SpecError(`cannot fetch ${url}: ${(error as Error).message}`, [], { cause: error });
  }
  if (!response.ok) throw new SpecError(`cannot fetch ${url}: HTTP ${response.status}`);
  return stripBom(await response.text());
}
