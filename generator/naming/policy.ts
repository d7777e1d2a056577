/**
 * What a target decides about names: the identifier each name request asks for, and the rules of
 * each kind of namespace. One policy per target (`generator/targets/<target>/naming-policy.ts`);
 * the engine (`./engine.ts`) applies it to every name of the IR.
 */
import type { IrName, IrScopeKind } from '../ir/types';

/** Collision rules of one kind of namespace. */
export interface ScopeRules {
  /** Names that differ only in case collide (type names on case-insensitive file systems, files). */
  readonly caseInsensitive: boolean;
  /** Names the target's own code already uses there (template members, runtime exports). */
  readonly reserved: readonly string[];
  /** Between a taken name and its counter: `''` (`getPets2`) or `'_'` (`get_pets_2`). Default `''`. */
  readonly counterSeparator?: string;
}

export interface NamingPolicy {
  /**
   * The identifier `name` asks for before collisions are resolved. `resolved` gives the final
   * identifier of any name created before it (the operation of a params type, the model around an
   * inline one).
   */
  base(name: IrName, resolved: (earlier: IrName) => string): string;
  /** Rules of a kind of namespace; `undefined`: names are used as `base` gives them, unchecked. */
  scope(kind: IrScopeKind): ScopeRules | undefined;
  /**
   * Identifiers the target's code derives from `identifier`, the one `name` would get, by kind
   * (Python: `{ async: 'AsyncPetsController', … }` for `PetsController`). The engine claims them in
   * the name's scope together with it: a name whose derived ones are taken takes a counter, and no
   * later name can take one of them. `undefined` or `{}`: none.
   */
  derived?(name: IrName, identifier: string): Readonly<Record<string, string>> | undefined;
}
