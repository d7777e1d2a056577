import type { IrModel } from '../../../generator/ir';
import { build, doc, SCHEMA_HELPERS as HELPERS, tsType } from '../../ir/helpers';

function model(models: readonly IrModel[], name: string): IrModel {
  const found = models.find((m) => m.name === name);
  if (!found) throw new Error(`no model ${name}; have ${models.map((m) => m.name).join(', ')}`);
  return found;
}

/** Each construct as the schema `X` (with helpers A, B, Cat, Dog) → expected IR kind and TS type. */

test.each<[string, unknown, string, string]>([
  ['string', { type: 'string' }, 'primitive', 'string'],
  ['integer', { type: 'integer', format: 'int64' }, 'primitive', 'number'],
  ['number', { type: 'number' }, 'primitive', 'number'],
  ['boolean', { type: 'boolean' }, 'primitive', 'boolean'],
  ['date-time stays string', { type: 'string', format: 'date-time' }, 'primitive', 'string'],
  ['binary', { type: 'string', format: 'binary' }, 'primitive', 'Blob'],
  ['nullable (3.0)', { type: 'string', nullable: true }, 'primitive', 'string | null'],
  ['type array with null (3.1)', { type: ['integer', 'null'] }, 'primitive', 'number | null'],
  ['multi-type (3.1)', { type: ['string', 'number'] }, 'union', 'string | number'],
  ['const', { const: "it's" }, 'literal', '"it\'s"'],
  ['const number', { const: 3 }, 'literal', '3'],
  ['array', { type: 'array', items: { type: 'string' } }, 'array', 'string[]'],
  ['array of nullable', { type: 'array', items: { type: 'string', nullable: true } }, 'array', '(string | null)[]'],
  ['array without items', { type: 'array' }, 'array', 'unknown[]'],
  ['map', { type: 'object', additionalProperties: { type: 'integer' } }, 'map', 'Record<string, number>'],
  ['free-form object', { type: 'object' }, 'map', 'Record<string, unknown>'],
  ['empty schema', {}, 'unknown', 'unknown'],
  ['oneOf refs', { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }, 'union', 'A | B'],
  ['anyOf with null member', { anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] }, 'ref', 'A | null'],
  [
    'discriminated oneOf',
    {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
    },
    'union',
    "(Cat & { petType: 'cat' }) | Dog",
  ],
  [
    'discriminator without mapping uses schema names',
    { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/A' }], discriminator: { propertyName: 'petType' } },
    'union',
    "(Cat & { petType: 'Cat' }) | (A & { petType: 'A' })",
  ],
  ['allOf of one ref, nullable', { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true }, 'ref', 'A | null'],
  ['allOf mixed', { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', additionalProperties: { type: 'string' } }] }, 'intersection', 'A & Record<string, string>'],
  ['nullable union', { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true }, 'union', 'string | number | null'],
  ['ref', { $ref: '#/components/schemas/A' }, 'ref', 'A'],
])('%s', (_label, schema, kind, expected) => {
  const { ir, warnings } = build(doc({ schemas: { ...HELPERS, X: schema } }));
  const x = model(ir.models, 'X');
  expect(x.schema.kind).toBe(kind);
  expect(tsType(x.schema).text).toBe(expected);
  expect(warnings).toEqual([]);
});

test('enum model: members from values, odd values, duplicates after casing', () => {
  const { ir } = build(doc({ schemas: { E: { type: 'string', enum: ['Available', 'Out of order', 'out-of-order', '2XL', 'été', ''] } } }));
  const e = model(ir.models, 'E');
  expect(e.schema).toMatchObject({
    kind: 'enum',
    valueType: 'string',
    members: [
      { name: 'Available', value: 'Available' },
      { name: 'OutOfOrder', value: 'Out of order' },
      { name: 'OutOfOrder2', value: 'out-of-order' },
      { name: '_2XL', value: '2XL' },
      { name: 'Ete', value: 'été' },
      { name: 'Empty', value: '' },
    ],
  });
});

test('object: required, readOnly, deprecated, default, quoted keys, index signature', () => {
  const { ir } = build(
    doc({
      schemas: {
        O: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string', readOnly: true },
            'x-name': { type: 'string', deprecated: true, default: 'n' },
          },
          additionalProperties: { type: 'string' },
        },
      },
    }),
  );
  const o = model(ir.models, 'O');
  expect(o.schema.kind).toBe('object');
  // O (used by no operation) types responses: its required readOnly property is required there; its
  // request variant leaves it out (test/targets/typescript/read-write-split.test.ts).
  expect(tsType(o.schema).text).toBe("{ readonly id: string; 'x-name'?: string; [key: string]: unknown }");
  expect(tsType(model(ir.models, 'OWritable').schema).text).toBe("{ 'x-name'?: string; [key: string]: unknown }");
  if (o.schema.kind !== 'object') throw new Error();
  expect(o.schema.properties[1]).toMatchObject({ deprecated: true, schema: { meta: { defaultJson: '"n"' } } });
});

test('inline enums and objects get context names; primitives stay inline', () => {
  const { ir } = build(
    doc({
      schemas: {
        Evse: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['Available', 'Occupied'] },
            location: { type: 'object', properties: { lat: { type: 'number' } } },
            tags: { type: 'array', items: { type: 'object', properties: { k: { type: 'string' } } } },
            plain: { type: 'string' },
          },
        },
      },
      paths: {
        '/x': {
          get: {
            operationId: 'getX',
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } } } },
          },
        },
      },
    }),
  );
  expect(ir.models.map((m) => m.name).sort()).toEqual(['Evse', 'EvseLocation', 'EvseStatus', 'EvseTagsItem', 'GetX200Response']);
  expect(tsType(model(ir.models, 'Evse').schema).text).toBe(
    '{ status?: EvseStatus; location?: EvseLocation; tags?: EvseTagsItem[]; plain?: string }',
  );
});

test('allOf of named objects → extends', () => {
  const { ir } = build(doc({ schemas: { ...HELPERS, C: { allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } }));
  expect(model(ir.models, 'C').extends).toEqual(['A', 'B']);
  const single = build(doc({ schemas: { ...HELPERS, D: { allOf: [{ $ref: '#/components/schemas/A' }], description: 'x' } } }));
  expect(model(single.ir.models, 'D').extends).toEqual(['A']);
});

test('recursive refs are plain references', () => {
  const { ir } = build(doc({ schemas: { Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } } } }));
  expect(tsType(model(ir.models, 'Tree').schema).text).toBe('{ children?: Tree[] }');
});

test('unsupported corners warn with a pointer and fall back', () => {
  const { ir, warnings } = build(doc({ schemas: { N: { not: { type: 'string' } }, T: { type: 'array', items: [{ type: 'string' }] } } }));
  expect(tsType(model(ir.models, 'N').schema).text).toBe('unknown');
  expect(tsType(model(ir.models, 'T').schema).text).toBe('unknown[]');
  expect(warnings.map((w) => w.pointer)).toEqual(['#/components/schemas/N/not', '#/components/schemas/T/items']);
  expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
});

test('model names avoid globals and SDK names', () => {
  const { ir } = build(doc({ schemas: { Error: { type: 'object', properties: { m: { type: 'string' } } }, Configuration: { type: 'string' } } }));
  expect(ir.models.map((m) => m.name)).toEqual(['ErrorModel', 'ConfigurationModel']);
});
