/**
 * The bundling library writes the internal refs it creates with raw JSON-pointer text
 * (`#/paths/~1pets~1{petId}/parameters/0/schema`), but `$ref` is a URI reference and `{`, `}`,
 * spaces and the like are not allowed in a URI fragment: the OpenAPI schema (format
 * `uri-reference`) rejects them. Percent-encode those characters; `%` itself is left alone so a
 * ref that was already encoded stays as written.
 */

/** Characters a URI fragment may hold as-is (RFC 3986 pchar / "/" / "?"), plus `%`. */
const FRAGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/;

export function encodeFragment(ref: string): string {
  if (!ref.startsWith('#')) return ref;
  let out = '#';
  for (const char of ref.slice(1)) out += FRAGMENT_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}

/** Rewrites every internal `$ref` of `document` in place. */
export function encodeInternalRefs(document: unknown): void {
  forEachInternalRef(document, (holder) => {
    holder.$ref = encodeFragment(holder.$ref);
  });
}

/** Calls `visit` with every object of `document` that holds an internal (`#…`) `$ref`. */
export function forEachInternalRef(document: unknown, visit: (holder: Record<string, unknown> & { $ref: string }) => void): void {
  const stack: unknown[] = [document];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string' && record.$ref.startsWith('#')) visit(record as Record<string, unknown> & { $ref: string });
    for (const key in record) {
      const value = record[key];
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}
