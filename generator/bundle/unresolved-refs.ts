/** The `$ref` values of a bundled document that resolve to nothing in it. */
import { getAtPointer, parsePointer } from '../load/json-pointer';
import { isLiteralKey } from './literal-paths';

/** Every `$ref` string of `document` (outside literal data) that is external or points nowhere. */
export function unresolvedRefs(document: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const seen = new Set<object>();
  const stack: Array<{ node: unknown; tail: readonly string[] }> = [{ node: document, tail: [] }];
  while (stack.length > 0) {
    const { node, tail } = stack.pop() as (typeof stack)[number];
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#') || getAtPointer(document, parsePointer(ref)) === undefined) out.add(ref);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      const childTail = [...tail.slice(-2), key];
      if (child !== null && typeof child === 'object' && !isLiteralKey(childTail)) stack.push({ node: child, tail: childTail });
    }
  }
  return out;
}
