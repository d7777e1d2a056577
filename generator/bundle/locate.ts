/**
 * Maps pointers of the bundled document back to the file, line and column they came from.
 *
 * Bundling inlines objects from other files into the root document while keeping their identity,
 * so an index from object to (file, pointer), built before bundling mutates anything, lets a
 * pointer be followed through the bundled document and switch files where an inlined object starts.
 */
import type { SourceDocument } from '../load';
import { getAtPointer, parsePointer } from '../load/json-pointer';
import type { SourceLocation } from '../problems';

interface Origin {
  readonly source: SourceDocument;
  readonly segments: readonly string[];
}

export type Locator = (pointer: string) => SourceLocation | undefined;

/** Single document: pointers of the bundled document are pointers of the file. */
export function singleSourceLocator(source: SourceDocument): Locator {
  return (pointer) => source.locate(parsePointer(pointer));
}

/** Index every object of every source; must run before the library mutates them. */
export function indexOrigins(sources: readonly SourceDocument[]): WeakMap<object, Origin> {
  const origins = new WeakMap<object, Origin>();
  for (const source of sources) {
    const stack: Array<{ node: unknown; segments: string[] }> = [{ node: source.value, segments: [] }];
    while (stack.length > 0) {
      const { node, segments } = stack.pop() as (typeof stack)[number];
      if (node === null || typeof node !== 'object' || origins.has(node)) continue;
      origins.set(node, { source, segments });
      for (const [key, child] of Object.entries(node)) {
        if (child !== null && typeof child === 'object') stack.push({ node: child, segments: [...segments, key] });
      }
    }
  }
  return origins;
}

/** Multi-document: follow the pointer through `document`, switching source where inlined objects start. */
export function multiSourceLocator(
  document: unknown,
  root: SourceDocument,
  origins: WeakMap<object, Origin>,
): Locator {
  return (pointer) => {
    const segments = parsePointer(pointer);
    let best: Origin = { source: root, segments: [] };
    let bestDepth = 0;
    let node: unknown = document;
    for (let depth = 0; depth <= segments.length; depth++) {
      if (node !== null && typeof node === 'object') {
        const origin = origins.get(node);
        if (origin) {
          best = origin;
          bestDepth = depth;
        }
      }
      if (depth === segments.length) break;
      node = getAtPointer(node, [segments[depth] as string]);
      if (node === undefined) break;
    }
    return best.source.locate([...best.segments, ...segments.slice(bestDepth)]);
  };
}
