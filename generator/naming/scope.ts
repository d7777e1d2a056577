/** Collision resolution inside one namespace. */

/**
 * One namespace: names are claimed in document order; a taken name gets `2`, `3` … appended
 * (with `separator` in between, `_` for snake_case targets). Linear time overall (a per-base
 * counter avoids rescanning).
 */
export class NameScope {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(
    private readonly caseInsensitive = false,
    reserved: Iterable<string> = [],
    private readonly separator = '',
  ) {
    for (const name of reserved) this.taken.add(this.key(name));
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  /**
   * Returns `base` or `base2`, `base3` …, whichever is free first, and takes it. With `derived`,
   * a candidate is free only when every identifier derived from it is free too, and those are
   * taken with it.
   */
  claim(base: string, derived?: (candidate: string) => readonly string[]): string {
    if (derived === undefined) {
      // The common case, a free name with nothing derived from it, without the general path's closures.
      const key = this.key(base);
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return base;
      }
    }
    const free = (candidate: string): boolean =>
      !this.taken.has(this.key(candidate)) && (derived?.(candidate) ?? []).every((d) => !this.taken.has(this.key(d)));
    let name = base;
    if (!free(name)) {
      const baseKey = this.key(base);
      let n = this.next.get(baseKey) ?? 2;
      while (!free(`${base}${this.separator}${n}`)) n++;
      this.next.set(baseKey, n + 1);
      name = `${base}${this.separator}${n}`;
    }
    this.taken.add(this.key(name));
    for (const d of derived?.(name) ?? []) this.taken.add(this.key(d));
    return name;
  }
}
