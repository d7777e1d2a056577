/** JSON pointers (RFC 6901) as used in `$ref`s and problem reports: `#/a/b~1c` ⇄ `['a', 'b/c']`. */

/** Splits a pointer (with or without the leading `#`) into unescaped segments. */
export function parsePointer(pointer: string): string[] {
  let body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return body === '/' ? [''] : [];
  // A fragment may be percent-encoded (`#/paths/~1pets%7Bid%7D`); a plain pointer never contains `%` escapes we must keep.
  if (pointer.startsWith('#') && body.includes('%')) {
    try {
      body = decodeURIComponent(body);
    } catch {
      // Not valid percent-encoding: take the text as written.
    }
  }
  if (!body.startsWith('/')) return [body];
  return body
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a `#/...` pointer, escaping `~` and `/`. */
export function formatPointer(segments: readonly string[]): string {
  if (segments.length === 0) return '#';
  return `#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** Follows segments through plain objects/arrays; `undefined` when a segment is missing. */
export function getAtPointer(root: unknown, segments: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}
