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
