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

  /** Returns `base` or `base2`, `base3` …, whichever is free first, and takes it. */
  claim(base: string): string {
    let name = base;
    if (this.taken.has(this.key(name))) {
      const baseKey = this.key(base);
      let n = this.next.get(baseKey) ?? 2;
      while (this.taken.has(this.key(`${base}${this.separator}${n}`))) n++;
      this.next.set(baseKey, n + 1);
      name = `${base}${this.separator}${n}`;
    }
    this.taken.add(this.key(name));
    return name;
  }
}
