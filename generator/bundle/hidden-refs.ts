/**
 * Takes `$ref` keys out of the bundling library's sight and puts them back afterwards, in place
 * and in their key order. Used for `$ref`s that are data (examples, defaults: `./literal-refs.ts`)
 * and for dangling ones (`./dangling-refs.ts`), which the library would otherwise try to resolve.
 */

/** Stand-in key while the library runs; it cannot clash with a real key (NUL is not typed in specs). */
const HIDDEN = '\u0000sdkgen:$ref';

export class HiddenRefs {
  private readonly hidden: Array<{ node: Record<string, unknown>; keys: string[]; value: unknown }> = [];

  /** Hides `node.$ref` (no-op when it has none or it is already hidden). */
  hide(node: Record<string, unknown>, value: unknown = node.$ref): void {
    if (typeof node.$ref !== 'string') return;
    this.hidden.push({ node, keys: Object.keys(node), value });
    node[HIDDEN] = node.$ref;
    delete node.$ref;
  }

  /** Restores every hidden `$ref` (with the value given to `hide`), keeping the original key order. */
  restore(): void {
    for (const { node, keys, value } of this.hidden) {
      const values = new Map(Object.entries(node));
      values.set('$ref', value);
      values.delete(HIDDEN);
      for (const key of Object.keys(node)) delete node[key];
      for (const key of keys) node[key] = values.get(key);
    }
    this.hidden.length = 0;
  }
}
