/**
 * The import block of one generated Python module, in the order ruff's isort rules (`I001`)
 * want: `from __future__`, standard library, third party, then the package's own modules
 * (relative, furthest first); `import x` before `from x import …` within a section; names
 * constants first, then classes, then the rest, each alphabetical.
 */
import { boundedMemo } from '../../../bounded-memo';
import { RUFF_SETTINGS } from '../ruff-settings';

type Section = 'future' | 'std' | 'third' | 'local';

const SECTIONS: readonly Section[] = ['future', 'std', 'third', 'local'];
const THIRD_PARTY = new Set(['httpx', 'pydantic', 'pydantic_core', 'typing_extensions']);

export class PyImports {
  private readonly froms = new Map<string, Set<string>>();
  private readonly plain = new Set<string>();
  /** Names needed only by annotations (`if TYPE_CHECKING:`), to break import cycles between models. */
  private readonly typeOnly = new Map<string, Set<string>>();

  /** `from module import name` (`module` may be relative: `..models.address`). */
  from(module: string, name: string): this {
    let names = this.froms.get(module);
    if (names === undefined) this.froms.set(module, (names = new Set()));
    names.add(name);
    return this;
  }

  /** `import module`. */
  module(name: string): this {
    this.plain.add(name);
    return this;
  }

  /** A name used only in annotations: imported under `if TYPE_CHECKING:`. */
  typeOnlyFrom(module: string, name: string): this {
    if (this.froms.get(module)?.has(name)) return this;
    let names = this.typeOnly.get(module);
    if (names === undefined) this.typeOnly.set(module, (names = new Set()));
    names.add(name);
    return this;
  }

  /** The import statements (and the `TYPE_CHECKING` block), blank lines between sections. */
  block(): string {
    const hasTypeOnly = [...this.typeOnly].some(([module, names]) => [...names].some((n) => !this.froms.get(module)?.has(n)));
    if (hasTypeOnly) this.from('typing', 'TYPE_CHECKING');
    const groups = statements(this.plain, this.froms).filter((g) => g.length > 0);
    let out = groups.map((g) => g.join('\n')).join('\n\n');
    if (hasTypeOnly) {
      const lines: string[] = [];
      for (const [module, names] of sortModules([...this.typeOnly])) {
        const left = [...names].filter((n) => !this.froms.get(module)?.has(n));
        if (left.length > 0) lines.push(fromLine(module, left, 4));
      }
      out += `\n\nif TYPE_CHECKING:\n${lines.join('\n')}`;
    }
    return out;
  }
}

function sectionOf(module: string): Section {
  if (module === '__future__') return 'future';
  if (module.startsWith('.')) return 'local';
  const top = module.split('.')[0] as string;
  return THIRD_PARTY.has(top) ? 'third' : 'std';
}

/** The statements of each section, in `SECTIONS` order (each module's section found once). */
function statements(plain: ReadonlySet<string>, froms: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const plainBy = new Map<Section, string[]>(SECTIONS.map((section) => [section, []]));
  for (const m of plain) plainBy.get(sectionOf(m))?.push(m);
  const fromsBy = new Map<Section, [string, ReadonlySet<string>][]>(SECTIONS.map((section) => [section, []]));
  for (const entry of froms) fromsBy.get(sectionOf(entry[0]))?.push(entry);
  return SECTIONS.map((section) => [
    ...(plainBy.get(section) ?? []).sort(byModule).map((m) => `import ${m}`),
    ...sortModules(fromsBy.get(section) ?? []).map(([m, names]) => fromLine(m, [...names])),
  ]);
}

/** Relative modules furthest first (`..` before `.`), then by name, case-insensitively. */
function sortModules<T>(entries: [string, T][]): [string, T][] {
  // Sort keys made once per module, not once per comparison.
  const keyed = entries.map((entry) => ({ entry, dots: /^\.*/.exec(entry[0])?.[0].length ?? 0 }));
  keyed.sort((a, b) => b.dots - a.dots || byModule(a.entry[0], b.entry[0]));
  return keyed.map((k) => k.entry);
}

/**
 * ruff's isort order: case-insensitive, digit runs compared as numbers (`v_2` < `v_10`), then
 * case-sensitive. Its natural order is `natord`'s: a run with a leading zero compares digit by
 * digit, as a fraction would (`all_of_02` < `all_of_1`).
 */
function byModule(a: string, b: string): number {
  return natural(a.toLowerCase(), b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0);
}

function natural(a: string, b: string): number {
  const [x, y] = [chunksOf(a), chunksOf(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] as string, y[i] as string];
    if (p === q) continue;
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    // The longer run is the larger number, unless one has a leading zero (then digit by digit).
    if (numeric && p[0] !== '0' && q[0] !== '0' && p.length !== q.length) return p.length - q.length;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** Digit and non-digit runs of a name, memoized: sorting the imports of 7,000 modules splits the same names again and again. */
const chunksOf: (text: string) => readonly string[] = boundedMemo((text) => text.match(/\d+|\D+/g) ?? []);

/** isort's `order-by-type`: CONSTANTS, then Classes, then the rest. */
function nameRank(name: string): number {
  if (/^[A-Z0-9_]+$/.test(name) && name.length > 1) return 0;
  if (/^[A-Z]/.test(name)) return 1;
  return 2;
}

/**
 * A `from` import at `indent`, laid out as ruff lays it out: on one line when it fits, else one
 * name per line in parentheses with a trailing comma (ruff always splits an import that way; see
 * `./py-layout` for other brackets).
 */
function fromLine(module: string, names: string[], indent = 0): string {
  const rank = new Map(names.map((name) => [name, nameRank(name)]));
  const sorted = names.sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number) || byModule(a, b));
  const pad = ' '.repeat(indent);
  const line = `${pad}from ${module} import ${sorted.join(', ')}`;
  if (line.length <= RUFF_SETTINGS['line-length']) return line;
  return `${pad}from ${module} import (\n${sorted.map((name) => `${pad}    ${name},\n`).join('')}${pad})`;
}
