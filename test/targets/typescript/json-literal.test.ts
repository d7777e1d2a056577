/**
 * `printJson` writes the validation table (`src/validators.ts`) without building a `JsNode` per
 * value. It must lay out data exactly as the general printer (`printNode`) does, and that layout
 * must be Prettier's: every case is checked against both, at the top level and nested.
 */
import { tsString } from '../../../generator/render/escape';
import { arr, obj, printNode, raw, type JsNode } from '../../../generator/targets/typescript/view/layout';
import { printJson } from '../../../generator/targets/typescript/view/json-literal';
import { literalKey, propertyKey } from '../../../generator/targets/typescript/view/types';
import type { JsonValue } from '../../../generator/targets/validation-table';

type Prettier = { format(text: string, options: Record<string, unknown>): Promise<string> };
let prettier: Prettier;
beforeAll(async () => {
  prettier = (await import('prettier')) as unknown as Prettier;
});
const PRETTIER_OPTIONS = { parser: 'typescript', singleQuote: true, printWidth: 100 };

/** The general printer's nodes for `value` (what the validators view built before). */
function toNode(value: JsonValue): JsNode {
  if (value === null || typeof value !== 'object') return raw(typeof value === 'string' ? tsString(value) : String(value));
  if (Array.isArray(value)) return arr((value as readonly JsonValue[]).map(toNode));
  return obj(Object.entries(value as Record<string, JsonValue>).map(([k, v]) => [propertyKey(k), toNode(v)] as const));
}

const word = (n: number): string => 'w'.repeat(n);
const HEAD = 'const SCHEMAS: Rules = ';

const cases: Array<[string, JsonValue]> = [
  ['a short object', { type: 'string', format: 'date' }],
  ['empty collections', { a: {}, b: [], c: [{}], d: [[]] }],
  ['an object one character under the width', { k: word(100 - HEAD.length - 12) }],
  ['an object exactly at the width', { k: word(100 - HEAD.length - 11) }],
  ['an object one character over the width', { k: word(100 - HEAD.length - 10) }],
  ['a long string value under a long key moves to the next line', { aLongPropertyName: word(95) }],
  ['a long string under a short key stays on its line', { k: word(120), type: word(120) }],
  ['a five-character key is not short', { items: word(120), items2: { items: word(100) } }],
  ['long numbers and booleans stay on the key line', { aVeryLongPropertyNameIndeed: 123456789, another: true, [word(96)]: false }],
  ['quoted keys', { 'content-type': 'x', '0': 1, 'with space': null, "it's": "a 'quote'", '"double"': 'b"c' }],
  ['escapes in strings', { pattern: '^[\\w.-]+$\n\t', nul: '\u0000', sep: '\u2028' }],
  ['an array of scalars that breaks', { enum: Array.from({ length: 30 }, (_, i) => `value-${i}`) }],
  ['arrays of objects with two entries always break', { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer', minimum: 0 }] }],
  ['an array of one-entry objects may stay flat', { anyOf: [{ $ref: 'a' }, { $ref: 'b' }] }],
  ['arrays of arrays', { items: [[1, 2], [3, 4]], one: [[1, 2]] }],
  ['a long $ref in an array', { allOf: [{ $ref: word(110) }] }],
  ['deep nesting', { a: { b: { c: { d: { e: { f: { type: 'object', properties: { x: { type: 'string', maxLength: 10 } } } } } } } } }],
  [
    'nested lists and objects',
    { allOf: [{ $ref: word(50) }, { type: 'object', properties: { x: { type: 'integer', minimum: -3, maximum: 2.5 } } }, { nullable: true, x: null, y: false }] },
  ],
  ['a key that fills the line', { [word(97)]: { type: 'string' } }],
  ['a key past the line', { [word(110)]: { a: 1 } }],
  ['empty values near the width', { [word(95)]: {}, [word(96)]: [], [word(97)]: [] }],
  ['own keys only: a record whose `__proto__` a spec name set', protoSet()],
];

/** What `record['__proto__'] = rule` makes (the validation table of an operation named `__proto__`). */
function protoSet(): JsonValue {
  const record: Record<string, JsonValue> = { a: 1 };
  record['__proto__'] = { type: 'string' };
  return record;
}

/** Seeded random JSON shaped like validation rules (keys, nesting, scalars of every kind). */
function randomValues(count: number): JsonValue[] {
  let seed = 20261204;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const keys = ['type', 'properties', 'items', 'required', 'enum', 'x', 'a-b', 'additionalProperties', 'anyOf', word(30), word(60)];
  const scalar = (): JsonValue => [() => 'string', () => word(next(90)), () => next(1000) - 500, () => next(2) === 0, () => null, () => "it's"][next(6)]!();
  const value = (depth: number): JsonValue => {
    const kind = depth > 4 ? 0 : next(4);
    if (kind === 0) return scalar();
    if (kind === 1) return Array.from({ length: next(5) }, () => value(depth + 1));
    const out: Record<string, JsonValue> = {};
    for (let i = next(6); i > 0; i--) out[keys[next(keys.length)]!] = value(depth + 1);
    return out;
  };
  return Array.from({ length: count }, () => value(0));
}

describe('printJson', () => {
  const all: Array<[string, JsonValue]> = [...cases, ...randomValues(150).map((v, i): [string, JsonValue] => [`random value ${i}`, v])];

  it.each(all)('%s: as printNode lays it out, and as Prettier does', async (_, value) => {
    const text = `${HEAD}${printJson(value, 0, HEAD.length, 1)};\n`;
    expect(text).toBe(`${HEAD}${printNode(toNode(value), 0, HEAD.length, 1)};\n`);
    expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
  });

  it("prints a record's own `__proto__` entry as a computed key (a bare or quoted one would set the prototype)", async () => {
    const record = Object.create(null) as Record<string, JsonValue>;
    record['a'] = 1;
    record['__proto__'] = { type: 'string' };
    const text = `${HEAD}${printJson(record, 0, HEAD.length, 1)};\n`;
    expect(text).toBe(`${HEAD}{ a: 1, ['__proto__']: { type: 'string' } };\n`);
    expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
    // Evaluated, the literal has the entry and keeps Object.prototype.
    const value = new Function(`return ${text.slice(HEAD.length, -2)};`)() as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it.each(cases)('%s, nested in an object: as printNode lays it out', (_, value) => {
    // Inside a literal at indent 4, after `key: ` (column 9), followed by a comma.
    expect(printJson(value, 4, 9, 1)).toBe(printNode(toNode(value), 4, 9, 1));
  });
});

describe('literalKey (keys of object literals: the validators table, examples, auth and server maps)', () => {
  it.each([
    ['type', 'type'],
    ['a-b', "'a-b'"],
    ['__proto__', "['__proto__']"],
    ['constructor', 'constructor'],
  ])('%s → %s', (name, key) => {
    expect(literalKey(name)).toBe(key);
    // The key defines an own entry, and the literal keeps Object.prototype.
    const value = new Function(`return { ${key}: 1 };`)() as Record<string, unknown>;
    expect(Object.keys(value)).toEqual([name]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
