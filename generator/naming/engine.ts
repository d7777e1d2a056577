/**
 * The naming engine: turns every name request of an IR into a target's identifier, driven by that
 * target's policy. Names are given out in the order they were requested (document order), and a
 * name taken in a scope makes later ones take a counter, so names stay stable as a spec grows.
 */
import { InternalError } from '../errors';
import type { IrName, IrScope } from '../ir/types';
import type { NamingPolicy } from './policy';
import { NameScope } from './scope';

/** A target's identifiers for one IR. */
export class Names {
  constructor(
    private readonly table: readonly string[],
    private readonly derivedTable: ReadonlyArray<Readonly<Record<string, string>> | undefined> = [],
  ) {}

  /** The identifier of `name`. */
  of(name: IrName): string {
    const found = this.table[name.id];
    if (found === undefined) throw new InternalError(`name #${name.id} (${name.role}) was not resolved`);
    return found;
  }

  /** An identifier the target derives from `name`'s (see `NamingPolicy.derived`), by kind. */
  derived(name: IrName, kind: string): string {
    const found = this.derivedTable[name.id]?.[kind];
    if (found === undefined) throw new InternalError(`name #${name.id} (${name.role}) has no derived name '${kind}'`);
    return found;
  }
}

/** Resolves every name in `names` (an IR's registry, in creation order) with `policy`. */
export function resolveNames(names: readonly IrName[], policy: NamingPolicy): Names {
  const table: string[] = new Array<string>(names.length);
  const derivedTable: Array<Readonly<Record<string, string>> | undefined> = new Array(names.length);
  const scopes = new Map<IrScope, NameScope | null>();
  const resolved = (earlier: IrName): string => {
    const found = table[earlier.id];
    if (found === undefined) throw new InternalError(`name #${earlier.id} (${earlier.role}) is used before it is resolved`);
    return found;
  };
  const derived = policy.derived?.bind(policy);
  // An index loop: a large API has 100,000 names, and this runs before V8 optimizes it (an
  // unoptimized `for…of` allocates an iterator result per name).
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as IrName;
    const base = policy.base(name, resolved);
    let scope = scopes.get(name.scope);
    if (scope === undefined) {
      const rules = policy.scope(name.scope.kind);
      scope = rules === undefined ? null : new NameScope(rules.caseInsensitive, rules.reserved, rules.counterSeparator ?? '');
      scopes.set(name.scope, scope);
    }
    // Most names (every property and enum member) derive nothing: no closures made for them.
    if (derived === undefined || derived(name, base) === undefined) {
      table[name.id] = scope === null ? base : scope.claim(base);
      continue;
    }
    const derivedFrom = (candidate: string): Readonly<Record<string, string>> => derived(name, candidate) ?? {};
    const identifier = scope === null ? base : scope.claim(base, (candidate) => Object.values(derivedFrom(candidate)));
    table[name.id] = identifier;
    derivedTable[name.id] = derivedFrom(identifier);
  }
  return new Names(table, derivedTable);
}
