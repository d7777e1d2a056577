/**
 * Which local files a spec may make sdkgen read.
 *
 * A spec is untrusted input: `$ref: ../../../etc/passwd` or a symlink planted in the spec folder
 * must not leak files into generated code. Local refs are confined to the ref root, checked both
 * on the path as written and on the real path (symlinks resolved).
 */
import { realpath } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';

export type AccessDecision =
  | { readonly ok: true; readonly realPath: string }
  | { readonly ok: false; readonly reason: 'outside' | 'missing'; readonly detail: string };

/** Whether `child` equals `root` or lies below it (both absolute, already normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Decides whether `path` may be read given the ref root (`realRoot` is the root's real path). */
export async function checkLocalAccess(path: string, refRoot: string, realRoot: string): Promise<AccessDecision> {
  // Lexical check first, so a ref outside the root is refused whether or not the file exists
  // (an error that differs by existence would let a spec probe the file system).
  if (!isInside(refRoot, path) && !isInside(realRoot, path)) {
    return { ok: false, reason: 'outside', detail: `${path} is outside the ref root ${refRoot}` };
  }
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { ok: false, reason: 'missing', detail: `file not found: ${path}` };
  }
  if (!isInside(realRoot, real)) {
    return { ok: false, reason: 'outside', detail: `${path} resolves (through a symlink) to ${real}, outside the ref root ${refRoot}` };
  }
  return { ok: true, realPath: real };
}

/** The real path of the ref root (falls back to the path itself if it does not exist). */
export async function realRootOf(refRoot: string): Promise<string> {
  try {
    return await realpath(refRoot);
  } catch {
    return refRoot;
  }
}
