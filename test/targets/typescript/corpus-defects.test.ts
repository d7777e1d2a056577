/**
 * Constructs the real-world corpus (scripts/corpus) tripped over, one table per construct:
 * recursive maps, readOnly/writeOnly requiredness (the request/response split), integers beyond 2^53, numeric enum members,
 * a schema both inline and `$ref`'d, and the client class name.
 */
import type { IrModel, IrProperty } from '../../../generator/ir';
import { build, doc, tsType } from '../../ir/helpers';
import { isRequiredInType } from '../../../generator/targets/typescript/view/types';

function model(models: readonly IrModel[], name: string): IrModel {
  const found = models.find((m) => m.name === name);
  if (!found) throw new Error(`no model ${name}; have ${models.map((m) => m.name).join(', ')}`);
  return found;
}

const ref = (name: string): Record<string, unknown> => ({ $ref: `#/components/schemas/${name}` });

describe('maps: an index signature where the value can mention a model (a recursive alias through `Record<>` is TS2456)', () => {
  test.each<[string, Record<string, unknown>, string, string]>([
    [
      'recursive JSON value',
      {
        JsonValue: {
          oneOf: [
            { type: 'string' },
            { type: 'number' },
            { type: 'array', items: ref('JsonValue') },
            { type: 'object', additionalProperties: ref('JsonValue') },
          ],
          nullable: true,
        },
      },
      'JsonValue',
      'string | number | JsonValue[] | { [key: string]: JsonValue } | null',
    ],
    ['map of a model', { A: { type: 'object', properties: { a: { type: 'string' } } }, M: { type: 'object', additionalProperties: ref('A') } }, 'M', '{ [key: string]: A }'],
    ['map of arrays of a model', { M: { type: 'object', additionalProperties: { type: 'array', items: ref('M') } } }, 'M', '{ [key: string]: M[] }'],
    ['map of primitives stays Record', { M: { type: 'object', additionalProperties: { type: 'integer' } } }, 'M', 'Record<string, number>'],
    ['free-form stays Record', { M: { type: 'object' } }, 'M', 'Record<string, unknown>'],
    ['map of maps of primitives stays Record', { M: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string' } } } }, 'M', 'Record<string, Record<string, string>>'],
  ])('%s', (_label, schemas, name, expected) => {
    const { ir, warnings } = build(doc({ schemas }));
    expect(tsType(model(ir.models, name).schema).text).toBe(expected);
    expect(warnings).toEqual([]);
  });
});

describe('readOnly / writeOnly: required one way only → required in that direction\'s type, absent from the other', () => {
  type Shape = 'required' | 'optional' | 'absent';
  test.each<[string, Record<string, unknown>, boolean, { response: Shape; request: Shape; readOnly: boolean; writeOnly: boolean }]>([
    ['required readOnly', { type: 'string', readOnly: true }, true, { response: 'required', request: 'absent', readOnly: true, writeOnly: false }],
    ['required writeOnly', { type: 'string', writeOnly: true }, true, { response: 'absent', request: 'required', readOnly: false, writeOnly: true }],
    ['optional readOnly', { type: 'string', readOnly: true }, false, { response: 'optional', request: 'absent', readOnly: true, writeOnly: false }],
    ['required plain', { type: 'string' }, true, { response: 'required', request: 'required', readOnly: false, writeOnly: false }],
    ['required readOnly through $ref', ref('Id'), true, { response: 'required', request: 'absent', readOnly: true, writeOnly: false }],
    ['required readOnly and writeOnly (contradictory): left required both ways', { type: 'string', readOnly: true, writeOnly: true }, true, { response: 'required', request: 'required', readOnly: true, writeOnly: true }],
  ])('%s', (_label, property, required, expected) => {
    const schemas = { Id: { type: 'string', readOnly: true }, U: { type: 'object', required: required ? ['p'] : [], properties: { p: property } } };
    const { ir } = build(doc({ schemas }));
    // U is used by no operation, so typed both ways: U for responses, UWritable (when split) for requests.
    const u = model(ir.models, 'U');
    const request = ir.models.find((m: IrModel) => m.variantOf === u.name) ?? u;
    const shape = (m: IrModel): { shape: Shape; p?: IrProperty } => {
      const p = m.schema.kind === 'object' ? m.schema.properties.find((x) => x.name === 'p') : undefined;
      return { shape: p === undefined ? 'absent' : isRequiredInType(p) ? 'required' : 'optional', ...(p ? { p } : {}) };
    };
    const flags = shape(u).p ?? shape(request).p;
    // The IR keeps the spec's `required` and flags on the properties it keeps.
    expect(flags?.required).toBe(required);
    expect({ response: shape(u).shape, request: shape(request).shape, readOnly: flags?.readOnly, writeOnly: flags?.writeOnly }).toEqual(expected);
  });
});

describe('integers beyond Number.MAX_SAFE_INTEGER: warned with their pointer, type stays number', () => {
  const BIG = 9223372036854775807; // int64 max, read as 9223372036854775808
  test.each<[string, Record<string, unknown>, string[], string]>([
    ['enum member → number', { type: 'integer', format: 'int64', enum: [1, BIG] }, ['#/components/schemas/X/enum/1'], 'number'],
    ['const → number', { type: 'integer', const: BIG }, ['#/components/schemas/X/const'], 'number'],
    ['nullable const', { type: 'integer', const: BIG, nullable: true }, ['#/components/schemas/X/const'], 'number | null'],
    ['default', { type: 'integer', default: -BIG }, ['#/components/schemas/X/default'], 'number'],
    ['default of a type list: warned once', { type: ['integer', 'string'], default: BIG }, ['#/components/schemas/X/default'], 'number | string'],
    ['MAX_SAFE_INTEGER itself is fine', { type: 'integer', enum: [Number.MAX_SAFE_INTEGER, 1] }, [], '9007199254740991 | 1'],
    ['huge doubles that happen to be integers too', { type: 'number', default: 1e300 }, ['#/components/schemas/X/default'], 'number'],
    ['fractions are not integers', { type: 'number', default: 0.1 }, [], 'number'],
  ])('%s', (_label, schema, pointers, type) => {
    const { ir, warnings } = build(doc({ schemas: { X: schema } }));
    expect(warnings.map((w) => w.pointer)).toEqual(pointers);
    for (const w of warnings) expect(w.message).toMatch(/beyond Number\.MAX_SAFE_INTEGER .*read as -?\d+ \(the type stays number\)/);
    expect(tsType(model(ir.models, 'X').schema).text).toBe(type);
  });
});

describe('numeric enum members keep sign and decimal point', () => {
  test.each<[unknown[], string[]]>([
    [[-1, 0, 1], ['Minus1', '_0', '_1']],
    [[0.5, 5, -0.5], ['_0_5', '_5', 'Minus0_5']],
    [[1.25, 125], ['_1_25', '_125']],
    [['-1', '1', 'a-1'], ['Minus1', '_1', 'A1']],
  ])('%p → %p', (values, names) => {
    const { ir } = build(doc({ schemas: { E: { enum: values } } }));
    const e = model(ir.models, 'E').schema;
    if (e.kind !== 'enum') throw new Error('expected an enum');
    expect(e.members.map((m) => m.name)).toEqual(names);
  });
});

describe('a schema written inline and also the target of a $ref is one model', () => {
  const bodyPointer = '#/paths/~1pets/post/requestBody/content/application~1json/schema';
  const paths = {
    '/pets': {
      post: {
        operationId: 'createPet',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
        responses: { '204': { description: 'ok' } },
      },
    },
  };
  test.each<[string, Record<string, unknown>]>([
    ['allOf part', { Pet: { allOf: [{ $ref: bodyPointer }, { type: 'object', properties: { id: { type: 'string' } } }] } }],
    ['property', { Pet: { type: 'object', properties: { draft: { $ref: bodyPointer } } } }],
  ])('%s', (_label, schemas) => {
    const { ir } = build(doc({ schemas, paths }));
    const names = ir.models.map((m) => m.name);
    expect(names).toContain('CreatePetRequest');
    expect(names.filter((n) => n !== 'Pet' && !n.startsWith('Pet'))).toEqual(['CreatePetRequest']);
    expect(JSON.stringify(model(ir.models, 'Pet').schema)).toContain('"model":"CreatePetRequest"');
  });
});

describe('client class name: `client.className`, else info.title + Client', () => {
  test.each<[string | undefined, string, string, string]>([
    [undefined, 'Shell EV', 'shellev', 'ShellEvClient'],
    ['ShellevClient', 'Shell EV', 'shellev', 'ShellevClient'],
    [undefined, 'Petstore', '@acme/pets', 'PetstoreClient'],
    [undefined, '', '@acme/pet-store', 'PetStoreClient'],
  ])('className %p, title %p, package %p → %s', (clientName, title, packageName, expected) => {
    const document = { ...doc({}), info: { title, version: '1' } };
    expect(build(document, { clientName, packageName }).ir.client).toBe(expected);
  });
});
