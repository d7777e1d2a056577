/**
 * The part of a document the crawler reached, as the bundling library is shown it.
 *
 * The library resolves every `$ref` of every file it opens, reached or not. A shared file whose
 * unreached parts refer to files the crawler never loaded (and need not exist) would make it ask
 * for those files. So it is given, per document, a copy that holds only the walked subtrees. The
 * subtrees themselves are the parsed objects, not copies: the source locator (`./locate.ts`)
 * follows object identity from the bundled document back to file, line and column.
 */

/** The subtrees of `value` at `reached` (pointer segments), on a new skeleton of their ancestors. */
export function reachedPart(value: unknown, reached: ReadonlyArray<readonly string[]>): unknown {
  return prune(value, reached, 0);
}

function prune(node: unknown, paths: ReadonlyArray<readonly string[]>, depth: number): unknown {
  // A path that ends here keeps the node whole (and everything below it).
  if (paths.some((p) => p.length === depth)) return node;
  if (node === null || typeof node !== 'object') return node;
  const byKey = new Map<string, Array<readonly string[]>>();
  for (const path of paths) {
    const key = path[depth] as string;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = []));
    group.push(path);
  }
  const source = node as Record<string, unknown>;
  // Arrays stay arrays (sparse: unreached items are holes, which the library does not visit).
  const out: Record<string, unknown> = Array.isArray(node) ? (new Array(node.length) as unknown as Record<string, unknown>) : {};
  for (const [key, group] of byKey) {
    if (Object.prototype.hasOwnProperty.call(source, key)) out[key] = prune(source[key], group, depth + 1);
  }
  return out;
}
