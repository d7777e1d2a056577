/**
 * The IR's schemas in spec terms (no target's types): each construct's kind and its description
 * (`describeSchema`), kept facts (formats, constraints, readOnly/writeOnly, `required` as the spec
 * says), and inline models as name requests from their context.
 */
import { describeSchema, specText, type IrModel, type IrSchema } from '../../generator/ir';
import { buildNeutral, doc, SCHEMA_HELPERS as HELPERS } from './helpers';

function model(models: readonly IrModel[], specName: string): IrModel {
  const found = models.find((m) => m.specName === specName);
  if (!found) throw new Error(`no model ${specName}; have ${models.map((m) => m.specName).join(', ')}`);
  return found;
}


test.each<[string, unknown, string, string]>([
  ['string', { type: 'string' }, 'primitive', 'string'],
  ['integer keeps its format', { type: 'integer', format: 'int64' }, 'primitive', 'integer (int64)'],
  ['number', { type: 'number' }, 'primitive', 'number'],
  ['boolean', { type: 'boolean' }, 'primitive', 'boolean'],
  ['date-time keeps its format', { type: 'string', format: 'date-time' }, 'primitive', 'string (date-time)'],
  ['binary', { type: 'string', format: 'binary' }, 'primitive', 'binary'],
  ['nullable (3.0)', { type: 'string', nullable: true }, 'primitive', 'string | null'],
  ['type array with null (3.1)', { type: ['integer', 'null'] }, 'primitive', 'integer | null'],
  ['multi-type (3.1)', { type: ['string', 'number'] }, 'union', 'string | number'],
  ['const', { const: "it's" }, 'literal', '"it\'s"'],
  ['array', { type: 'array', items: { type: 'string' } }, 'array', 'array<string>'],
  ['array of nullable', { type: 'array', items: { type: 'string', nullable: true } }, 'array', 'array<(string | null)>'],
  ['array without items', { type: 'array' }, 'array', 'array<any>'],
  ['map', { type: 'object', additionalProperties: { type: 'integer' } }, 'map', 'map<integer>'],
  ['free-form object', { type: 'object' }, 'map', 'map<any>'],
  ['empty schema', {}, 'unknown', 'any'],
  ['oneOf refs', { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }, 'union', 'A | B'],
  ['anyOf with null member', { anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] }, 'ref', 'A | null'],
  ['allOf mixed', { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', additionalProperties: { type: 'string' } }] }, 'intersection', 'allOf(A, map<string>)'],
  ['ref', { $ref: '#/components/schemas/A' }, 'ref', 'A'],
])('%s', (_label, schema, kind, expected) => {
  const { ir, warnings } = buildNeutral(doc({ schemas: { ...HELPERS, X: schema } }));
  const x = model(ir.models, 'X');
  expect(x.schema.kind).toBe(kind);
  expect(describeSchema(x.schema)).toBe(expected);
  expect(warnings).toEqual([]);
});

test('constraints are kept as the spec gives them (3.0 and 3.1 exclusive bounds alike)', () => {
  const { ir } = buildNeutral({
    ...doc({
      schemas: {
        S: { type: 'string', minLength: 36, maxLength: 36, pattern: '^[0-9a-f-]+$' },
        N: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 90, multipleOf: 0.5 },
        M: { type: 'number', exclusiveMaximum: 180 },
        L: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5, uniqueItems: true },
      },
    }),
    openapi: '3.0.3',
  });
  expect(model(ir.models, 'S').schema.meta?.constraints).toEqual({ minLength: 36, maxLength: 36, pattern: '^[0-9a-f-]+$' });
  expect(model(ir.models, 'N').schema.meta?.constraints).toEqual({ minimum: { value: 0, exclusive: true }, maximum: { value: 90, exclusive: false }, multipleOf: 0.5 });
  expect(model(ir.models, 'M').schema.meta?.constraints).toEqual({ maximum: { value: 180, exclusive: true } });
  expect(model(ir.models, 'L').schema.meta?.constraints).toEqual({ minItems: 1, maxItems: 5, uniqueItems: true });
});

test('readOnly / writeOnly are flags; `required` is what the spec says, in every direction', () => {
  const { ir } = buildNeutral(
    doc({ schemas: { U: { type: 'object', required: ['id', 'password', 'name'], properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } } } } }),
  );
  // U is used by no operation, so typed both ways: the model for responses (no writeOnly
  // property), its request variant (no readOnly one); see test/ir/usage.test.ts.
  const flags = (m: IrModel): unknown[] => (m.schema.kind === 'object' ? m.schema.properties.map((p) => [p.name, p.required, p.readOnly, p.writeOnly]) : []);
  const u = model(ir.models, 'U');
  expect(flags(u)).toEqual([
    ['id', true, true, false],
    ['name', true, false, false],
  ]);
  const request = ir.models.find((m) => m.variantOf === u.name);
  expect(request && flags(request)).toEqual([
    ['password', true, false, true],
    ['name', true, false, false],
  ]);
});

test('inline enums and objects are name requests from their context; primitives stay inline', () => {
  const { ir } = buildNeutral(
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
  expect(ir.models.map((m) => [m.name.role, m.specName])).toEqual([
    ['model', 'Evse'],
    ['inlineModel', 'getX 200 Response'],
    ['inlineModel', 'Evse Status'],
    ['inlineModel', 'Evse Location'],
    ['inlineModel', 'Evse Tags Item'],
  ]);
  const status = model(ir.models, 'Evse Status');
  // The context is the enclosing model's own name request, plus words.
  expect(status.name).toMatchObject({ role: 'inlineModel', parts: [model(ir.models, 'Evse').name, 'Status'] });
  expect(describeSchema(model(ir.models, 'Evse').schema)).toBe(
    'object { status?: Evse Status, location?: Evse Location, tags?: array<Evse Tags Item>, plain?: string }',
  );
});

test('enum members are name requests with their values, one scope per enum', () => {
  const { ir } = buildNeutral(doc({ schemas: { E: { type: 'string', enum: ['a', 'b'] }, F: { type: 'integer', enum: [1, -1] } } }));
  const e = model(ir.models, 'E').schema as Extract<IrSchema, { kind: 'enum' }>;
  const f = model(ir.models, 'F').schema as Extract<IrSchema, { kind: 'enum' }>;
  expect(e.members.map((m) => [m.name.role, m.value])).toEqual([
    ['enumMember', 'a'],
    ['enumMember', 'b'],
  ]);
  expect(f.members.map((m) => m.value)).toEqual([1, -1]);
  expect(e.members[0]?.name.scope).toBe(e.members[1]?.name.scope);
  expect(e.members[0]?.name.scope).not.toBe(f.members[0]?.name.scope);
});

test('names are requested in document order, and their ids are their positions', () => {
  const { ir } = buildNeutral(doc({ schemas: { A: HELPERS.A, B: HELPERS.B } }));
  expect(ir.names.map((n, i) => n.id === i)).not.toContain(false);
  expect(ir.names.filter((n) => n.role === 'model').map(specText)).toEqual(['A', 'B']);
  expect(ir.names[0]).toMatchObject({ role: 'client', title: 'Test' });
});
