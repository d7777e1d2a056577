/**
 * The naming engine with a toy policy: names are given out in request order, collisions take a
 * counter per the scope's rules, reserved names are never given, and a name may build on an
 * earlier one.
 */
import type { IrName, IrScope } from '../../generator/ir';
import { NameRegistry } from '../../generator/ir/names';
import { resolveNames, type NamingPolicy } from '../../generator/naming';

/** Names parameters by their wire name lower-cased, params types from their operation. */
const policy = (separator: string, caseInsensitive: boolean): NamingPolicy => ({
  base: (name, resolved) => {
    if (name.role === 'parameter') return name.wireName.toLowerCase();
    if (name.role === 'paramsType') return `${resolved(name.operation)}Params`;
    if (name.role === 'operation') return name.operationId ?? 'call';
    return 'x';
  },
  scope: (kind) => (kind === 'params' ? { caseInsensitive, reserved: ['body'], counterSeparator: separator } : kind === 'types' ? { caseInsensitive: true, reserved: [] } : undefined),
});

function requests(): { names: IrName[]; params: IrScope } {
  const registry = new NameRegistry();
  const params = registry.scope('params', 'op');
  const methods = registry.scope('methods', 'api');
  const op = registry.request({ role: 'operation', operationId: 'list', method: 'get', path: '/' }, methods);
  for (const wireName of ['Page', 'page', 'PAGE', 'body']) registry.request({ role: 'parameter', wireName }, params);
  registry.request({ role: 'paramsType', operation: op }, registry.types);
  return { names: [...registry.all()], params };
}

test('first come keeps the name; later ones get a counter; reserved names are skipped', () => {
  const { names } = requests();
  const resolved = resolveNames(names, policy('', false));
  expect(names.map((n) => resolved.of(n))).toEqual(['list', 'page', 'page2', 'page3', 'body2', 'listParams']);
});

test('the counter separator is the policy’s (snake_case targets use `_`)', () => {
  const { names } = requests();
  const resolved = resolveNames(names, policy('_', false));
  expect(names.slice(1, 5).map((n) => resolved.of(n))).toEqual(['page', 'page_2', 'page_3', 'body_2']);
});

test('a scope without rules passes names through unchecked', () => {
  const registry = new NameRegistry();
  const props = registry.scope('properties', 'm');
  const a = registry.request({ role: 'property', wireName: 'a' }, props);
  const b = registry.request({ role: 'property', wireName: 'a' }, props);
  const resolved = resolveNames(registry.all(), { base: () => 'same', scope: () => undefined });
  expect([resolved.of(a), resolved.of(b)]).toEqual(['same', 'same']);
});

describe('derived names (a target’s classes made from a name’s, e.g. Python’s `AsyncXController`)', () => {
  /** Classes named by tag; an API class derives `Async<X>` and `<X>Raw`. */
  const derivedPolicy: NamingPolicy = {
    base: (name) => (name.role === 'apiClass' ? `${name.tag}Api` : name.role === 'model' ? name.key : 'x'),
    scope: (kind) => (kind === 'types' ? { caseInsensitive: true, reserved: ['ReservedApi'] } : undefined),
    derived: (name, identifier) => (name.role === 'apiClass' ? { async: `Async${identifier}`, raw: `${identifier}Raw` } : undefined),
  };

  test('are claimed with their name: later names asking for one take a counter', () => {
    const registry = new NameRegistry();
    const foo = registry.request({ role: 'apiClass', tag: 'Foo' }, registry.types);
    const asyncFoo = registry.request({ role: 'apiClass', tag: 'AsyncFoo' }, registry.types);
    const model = registry.request({ role: 'model', key: 'FooApiRaw', errorBody: false }, registry.types);
    const resolved = resolveNames(registry.all(), derivedPolicy);
    expect([resolved.of(foo), resolved.derived(foo, 'async'), resolved.derived(foo, 'raw')]).toEqual(['FooApi', 'AsyncFooApi', 'FooApiRaw']);
    // `AsyncFooApi` is the derived name of `FooApi`, so the tag `AsyncFoo` counts on, and so do its own derived names.
    expect([resolved.of(asyncFoo), resolved.derived(asyncFoo, 'async'), resolved.derived(asyncFoo, 'raw')]).toEqual(['AsyncFooApi2', 'AsyncAsyncFooApi2', 'AsyncFooApi2Raw']);
    expect(resolved.of(model)).toBe('FooApiRaw2');
  });

  test('a name whose derived name is taken (or reserved) takes a counter itself', () => {
    const registry = new NameRegistry();
    const model = registry.request({ role: 'model', key: 'AsyncBarApi', errorBody: false }, registry.types);
    const bar = registry.request({ role: 'apiClass', tag: 'Bar' }, registry.types);
    const reserved = registry.request({ role: 'apiClass', tag: 'Async' }, registry.types);
    const resolved = resolveNames(registry.all(), { ...derivedPolicy, scope: () => ({ caseInsensitive: true, reserved: ['AsyncApiRaw'] }) });
    expect(resolved.of(model)).toBe('AsyncBarApi');
    expect([resolved.of(bar), resolved.derived(bar, 'async')]).toEqual(['BarApi2', 'AsyncBarApi2']);
    expect([resolved.of(reserved), resolved.derived(reserved, 'raw')]).toEqual(['AsyncApi2', 'AsyncApi2Raw']);
    expect(() => resolved.derived(model, 'async')).toThrow(/no derived name/);
  });
});
