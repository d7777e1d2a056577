/** Works out what a `$ref` string points at, relative to the document it stands in. */
import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePointer } from '../load/json-pointer';

/** Where a `$ref` leads: the same document, another local file, or a URL. */
export type RefTarget =
  | { readonly kind: 'internal'; readonly segments: string[] }
  | { readonly kind: 'file'; readonly path: string; readonly segments: string[] }
  | { readonly kind: 'remote'; readonly url: string; readonly segments: string[] }
  | { readonly kind: 'unsupported'; readonly reason: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Whether `source` (a file path or URL of a loaded document) is a URL. */
export function isRemote(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Resolves `ref` found in `source` (absolute file path or http(s) URL).
 * Relative refs inside a remote document stay remote, as a browser would resolve them.
 */
export function resolveRefTarget(ref: string, source: string): RefTarget {
  const hashAt = ref.indexOf('#');
  const location = hashAt >= 0 ? ref.slice(0, hashAt) : ref;
  const fragment = hashAt >= 0 ? ref.slice(hashAt) : '#';
  if (fragment !== '#' && !fragment.startsWith('#/')) {
    // `#foo` is a JSON Schema anchor; bundling by anchor is not supported.
    return { kind: 'unsupported', reason: `anchor fragments (${fragment}) are not supported; use a JSON pointer (#/...)` };
  }
  const segments = parsePointer(fragment);
  if (location === '') return { kind: 'internal', segments };

  if (isRemote(source)) {
    let url: URL;
    try {
      url = new URL(location, source);
    } catch {
      return { kind: 'unsupported', reason: 'malformed URL' };
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'remote', url: url.href, segments };
    // A remote document must not make us read local files.
    return { kind: 'unsupported', reason: `a remote document may not reference ${url.protocol} URLs` };
  }

  const scheme = SCHEME.exec(location);
  // `C:\x` is a Windows drive letter, not a scheme.
  if (scheme && !(process.platform === 'win32' && /^[a-zA-Z]:[\\/]/.test(location))) {
    const protocol = (scheme[1] as string).toLowerCase();
    if (protocol === 'http' || protocol === 'https') return { kind: 'remote', url: location, segments };
    if (protocol === 'file') {
      try {
        return { kind: 'file', path: fileURLToPath(location), segments };
      } catch {
        return { kind: 'unsupported', reason: 'malformed file: URL' };
      }
    }
    return { kind: 'unsupported', reason: `the ${protocol}: scheme is not supported` };
  }

  let decoded = location;
  try {
    decoded = decodeURIComponent(location);
  } catch {
    // Keep the text as written when it is not valid percent-encoding.
  }
  const path = isAbsolute(decoded) ? resolvePath(decoded) : resolvePath(dirname(source), decoded);
  return { kind: 'file', path, segments };
}
