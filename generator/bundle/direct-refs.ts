/**
 * The bundling library may write an internal `$ref` whose pointer passes through another `$ref`
 * (`#/components/schemas/A/properties/plmn/properties/mcc` where `…/plmn` is `{$ref: PlmnId}`):
 * its own pointer resolution follows references on the way, JSON Pointer (and every later stage)
 * does not. Such refs are rewritten to the direct pointer of their target.
 */
import { encodeFragment, forEachInternalRef } from './encode-refs';
import { formatPointer, getAtPointer, parsePointer } from '../load/json-pointer';

/** Bounds the `$ref` hops of one pointer (a loop of refs cannot hang the rewrite). */
const MAX_HOPS = 64;

/** Rewrites, in place, every internal `$ref` of `document` that only resolves through other refs. */
export function directInternalRefs(document: Record<string, unknown>): void {
  forEachInternalRef(document, (holder) => {
    const segments = parsePointer(holder.$ref);
    if (getAtPointer(document, segments) !== undefined) return;
    const direct = directPointer(document, segments);
    if (direct !== undefined) holder.$ref = encodeFragment(formatPointer(direct));
  });
}

/** The segments that reach `segments`' target without passing through a `$ref`, if any. */
function directPointer(document: unknown, segments: readonly string[]): string[] | undefined {
  let path: string[] = [];
  let node: unknown = document;
  let hops = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    // Jump to the target of a reference standing in the way, then go on from there.
    while (node !== null && typeof node === 'object' && !Array.isArray(node) && typeof (node as { $ref?: unknown }).$ref === 'string') {
      const ref = (node as { $ref: string }).$ref;
      if (!ref.startsWith('#') || ++hops > MAX_HOPS) return undefined;
      path = parsePointer(ref);
      node = getAtPointer(document, path);
    }
    const next = getAtPointer(node, [segment]);
    if (next === undefined) return undefined;
    path = [...path, segment];
    node = next;
  }
  return path;
}
