/**
 * The registry of name requests of one IR build. Requests are numbered in creation order, which
 * is the order the naming engine gives names out in: the builders create them in document order,
 * so the first of two colliding names keeps its name in every target.
 */
import type { IrName, IrNameSource, IrScope, IrScopeKind } from './types';

export class NameRegistry {
  private readonly list: IrName[] = [];
  /** The one namespace of every type-level name. */
  readonly types: IrScope = { kind: 'types', key: 'types' };
  /** The client's members: auth managers (named first) and APIs. */
  readonly clientMembers: IrScope = { kind: 'clientMembers', key: 'clientMembers' };

  /** A new namespace (names in different scopes never collide). */
  scope(kind: IrScopeKind, key: string): IrScope {
    return { kind, key };
  }

  /**
   * Records a name request in `scope`. Takes `source` over (callers pass a fresh literal): it gets
   * its `id` and `scope` in place, because copying tens of thousands of requests on large specs
   * showed up in profiles.
   */
  request(source: IrNameSource, scope: IrScope): IrName {
    const name = source as IrNameSource & { id: number; scope: IrScope };
    name.id = this.list.length;
    name.scope = scope;
    this.list.push(name as IrName);
    return name as IrName;
  }

  /** Every request so far, in creation order. */
  all(): readonly IrName[] {
    return this.list;
  }
}
