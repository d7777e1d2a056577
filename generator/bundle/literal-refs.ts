/**
 * Hides `$ref` keys that stand inside literal data (examples, defaults, enums) from the bundling
 * library, which would otherwise try to resolve and inline them: an example that happens to
 * contain `{"$ref": "http://..."}` must stay data, byte for byte.
 */
import type { SourceDocument } from '../load';
import { HiddenRefs } from './hidden-refs';
import { isLiteralKey } from './literal-paths';

/** Renames literal `$ref` keys in every source; returns the function that restores them (key order kept). */
export function hideLiteralRefs(sources: readonly SourceDocument[]): () => void {
  const hidden = new HiddenRefs();
  const seen = new Set<object>();
  for (const source of sources) {
    const stack: Array<{ node: unknown; context: string[]; literal: boolean }> = [
      { node: source.value, context: [], literal: false },
    ];
    while (stack.length > 0) {
      const { node, context, literal } = stack.pop() as (typeof stack)[number];
      if (node === null || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      const record = node as Record<string, unknown>;
      if (literal && !Array.isArray(node)) hidden.hide(record);
      for (const [key, child] of Object.entries(record)) {
        if (child === null || typeof child !== 'object') continue;
        const childContext = [...context.slice(-2), key];
        stack.push({ node: child, context: childContext, literal: literal || isLiteralKey(childContext) });
      }
    }
  }
  return () => hidden.restore();
}
