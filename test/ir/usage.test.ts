/**
 * Model usage in the IR (`generator/ir/usage.ts`): which models requests and responses reach,
 * transitively through `$ref`s, and the readOnly/writeOnly split that follows from it (models
 * shaped per direction, request variants for models used both ways). Table-driven per construct.
 */
import type { Ir, IrModel, IrSchema } from '../../generator/ir';
import type { Names } from '../../generator/naming';
import { buildNeutral, doc, namesFor } from './helpers';

/** A schema in short spec terms, with models by their (TypeScript or Python) names. */
function typeText(s: IrSchema, names: Names): string {
  switch (s.kind) {
    case 'ref':
      return names.of(s.model);
    case 'array':
      return `array<${typeText(s.items, names)}>`;
    case 'map':
      return `map<${typeText(s.values, names)}>`;
    case 'union':
      return s.variants.map((v) => typeText(v.schema, names)).join(' | ');
    case 'intersection':
      return `allOf(${s.parts.map((p) => typeText(p, names)).join(', ')})`;
    case 'primitive':
      return s.type;
    case 'object':
      return `{ ${s.properties.map((p) => `${p.name}${p.required ? '!' : ''}:${typeText(p.schema, names)}`).join(', ')} }`;
    default:
      return s.kind;
  }
}

const ref = (name: string): Record<string, unknown> => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown): Record<string, unknown> => ({ content: { 'application/json': { schema } } });

/** An API: `POST /in` takes `request` (if given), `GET /out` returns `response`, `GET /fail` fails with `error`. */
function api(schemas: Record<string, unknown>, roots: { request?: unknown; response?: unknown; error?: unknown; param?: unknown }): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  if (roots.request !== undefined) paths['/in'] = { post: { operationId: 'send', requestBody: { required: true, ...json(roots.request) }, responses: { '204': { description: 'ok' } } } };
  if (roots.response !== undefined) paths['/out'] = { get: { operationId: 'read', responses: { '200': { description: 'ok', ...json(roots.response) } } } };
  if (roots.error !== undefined) paths['/fail'] = { get: { operationId: 'fail', responses: { '204': { description: 'ok' }, '404': { description: 'no', ...json(roots.error) } } } };
  if (roots.param !== undefined) paths['/q'] = { get: { operationId: 'query', parameters: [{ name: 'f', in: 'query', schema: roots.param }], responses: { '204': { description: 'ok' } } } };
  return doc({ schemas, paths });
}

function usageOf(ir: Ir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of ir.models.filter((x) => x.variantOf === undefined)) {
    out[m.specName] = m.usage.request && m.usage.response ? 'both' : m.usage.request ? 'request' : m.usage.response ? 'response' : 'none';
  }
  return out;
}

const Obj = (properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> => ({ type: 'object', required, properties });
const plain = Obj({ a: { type: 'string' } });

describe('usage: which directions reach each model', () => {
  test.each<[string, Record<string, unknown>, Parameters<typeof api>[1], Record<string, string>]>([
    ['response body only', { A: plain }, { response: ref('A') }, { A: 'response' }],
    ['request body only', { A: plain }, { request: ref('A') }, { A: 'request' }],
    ['both ways', { A: plain }, { request: ref('A'), response: ref('A') }, { A: 'both' }],
    ['error response counts as a response', { A: plain }, { error: ref('A') }, { A: 'response' }],
    ['parameter counts as a request', { A: plain }, { param: ref('A') }, { A: 'request' }],
    ['unused', { A: plain }, {}, { A: 'none' }],
    ['nested through a property', { A: Obj({ b: ref('B') }), B: plain }, { response: ref('A') }, { A: 'response', B: 'response' }],
    ['through array items', { A: plain }, { request: { type: 'array', items: ref('A') } }, { A: 'request' }],
    ['through additionalProperties', { A: { type: 'object', additionalProperties: ref('B') }, B: plain }, { response: ref('A') }, { A: 'response', B: 'response' }],
    ['through allOf', { A: { allOf: [ref('B'), Obj({ x: { type: 'string' } })] }, B: plain }, { request: ref('A') }, { A: 'request', 'A Part2': 'request', B: 'request' }],
    ['through oneOf / anyOf', { A: { oneOf: [ref('B'), ref('C')] }, B: plain, C: { anyOf: [ref('D')] }, D: plain }, { response: ref('A') }, { A: 'response', B: 'response', C: 'response', D: 'response' }],
    ['recursive models terminate', { A: Obj({ self: ref('A'), b: ref('B') }), B: Obj({ a: ref('A') }) }, { request: ref('A') }, { A: 'request', B: 'request' }],
    ['a readOnly property is not followed from requests', { A: Obj({ audit: { readOnly: true, allOf: [ref('B')] } }), B: plain }, { request: ref('A'), response: ref('A') }, { A: 'both', B: 'response' }],
    ['a writeOnly property is not followed from responses', { A: Obj({ secret: { writeOnly: true, allOf: [ref('B')] } }), B: plain }, { request: ref('A'), response: ref('A') }, { A: 'both', B: 'request' }],
    ['request and response through different parents', { A: Obj({ c: ref('C') }), B: Obj({ c: ref('C') }), C: plain }, { request: ref('A'), response: ref('B') }, { A: 'request', B: 'response', C: 'both' }],
  ])('%s', (_label, schemas, roots, expected) => {
    const { ir } = buildNeutral(api(schemas, roots));
    expect(usageOf(ir)).toEqual(expected);
  });
});

/** Each model (and variant) as `name: property list`, in the TypeScript names; `!` marks required. */
function shapes(ir: Ir): Record<string, string> {
  const names = namesFor(ir);
  const out: Record<string, string> = {};
  const describe = (m: IrModel): string => {
    const s = m.schema;
    if (s.kind === 'object') return s.properties.map((p) => `${p.name}${p.required ? '!' : ''}:${typeText(p.schema, names)}`).join(', ');
    return typeText(s, names);
  };
  for (const m of ir.models) out[names.of(m.name)] = `${describe(m)}${m.extends ? ` extends ${m.extends.map((e) => names.of(e)).join(',')}` : ''}`;
  return out;
}

const Pet = Obj({ id: { type: 'integer', readOnly: true }, name: { type: 'string' }, secret: { type: 'string', writeOnly: true } }, ['id', 'name', 'secret']);

describe('split: models shaped per direction', () => {
  test.each<[string, Record<string, unknown>, Parameters<typeof api>[1], Record<string, string>]>([
    ['response only: required readOnly stays required, writeOnly left out', { Pet }, { response: ref('Pet') }, { Pet: 'id!:integer, name!:string' }],
    ['request only: readOnly left out, required writeOnly stays required', { Pet }, { request: ref('Pet') }, { Pet: 'name!:string, secret!:string' }],
    ['both ways: a request variant', { Pet }, { request: ref('Pet'), response: ref('Pet') }, { Pet: 'id!:integer, name!:string', PetWritable: 'name!:string, secret!:string' }],
    ['unused: treated as both ways', { Pet }, {}, { Pet: 'id!:integer, name!:string', PetWritable: 'name!:string, secret!:string' }],
    ['both ways without readOnly/writeOnly: one model', { Tag: Obj({ n: { type: 'string' } }, ['n']) }, { request: ref('Tag'), response: ref('Tag') }, { Tag: 'n!:string' }],
    [
      'nested ref: the parent is split too and its variant refers to the request variant',
      { Owner: Obj({ pet: ref('Pet') }, ['pet']), Pet },
      { request: ref('Owner'), response: ref('Owner') },
      { Owner: 'pet!:Pet', OwnerWritable: 'pet!:PetWritable', Pet: 'id!:integer, name!:string', PetWritable: 'name!:string, secret!:string' },
    ],
    [
      'array of models',
      { Owner: Obj({ pets: { type: 'array', items: ref('Pet') } }), Pet },
      { request: ref('Owner'), response: ref('Owner') },
      { Owner: 'pets:array<Pet>', OwnerWritable: 'pets:array<PetWritable>', Pet: 'id!:integer, name!:string', PetWritable: 'name!:string, secret!:string' },
    ],
    [
      'allOf of a split model',
      { Dog: { allOf: [ref('Pet'), Obj({ barks: { type: 'boolean' } }, ['barks'])] }, Pet },
      { request: ref('Dog'), response: ref('Dog') },
      { Dog: 'allOf(Pet, DogPart2)', DogPart2: 'barks!:boolean', DogWritable: 'allOf(PetWritable, DogPart2)', Pet: 'id!:integer, name!:string', PetWritable: 'name!:string, secret!:string' },
    ],
    [
      'oneOf of a split model',
      { Choice: { oneOf: [ref('Pet'), ref('Tag')] }, Pet, Tag: plain },
      { request: ref('Choice'), response: ref('Choice') },
      { Choice: 'Pet | Tag', ChoiceWritable: 'PetWritable | Tag', Pet: 'id!:integer, name!:string', PetWritable: 'name!:string, secret!:string', Tag: 'a:string' },
    ],
    [
      'a model referring to a split model only through a readOnly property is not split',
      { Box: Obj({ pet: { readOnly: true, allOf: [ref('Pet')] }, label: { type: 'string' } }), Pet },
      { request: ref('Box'), response: ref('Box') },
      { Box: 'pet:Pet, label:string', BoxWritable: 'label:string', Pet: 'id!:integer, name!:string' },
    ],
  ])('%s', (_label, schemas, roots, expected) => {
    const { ir, warnings } = buildNeutral(api(schemas, roots));
    expect(warnings).toEqual([]);
    expect(shapes(ir)).toEqual(expected);
  });

  test('request bodies and parameters use request variants; responses, errors and pages the base model', () => {
    const { ir } = buildNeutral(api({ Pet }, { request: { type: 'array', items: ref('Pet') }, response: ref('Pet'), error: ref('Pet'), param: ref('Pet') }));
    const names = namesFor(ir);
    const ops = ir.services.flatMap((s) => s.operations);
    const text = (s: IrSchema | undefined): string => (s ? typeText(s, names) : '');
    expect(text(ops.find((o) => o.operationId === 'send')?.requestBody?.schema)).toBe('array<PetWritable>');
    expect(text(ops.find((o) => o.operationId === 'query')?.parameters[0]?.schema)).toBe('PetWritable');
    const read = ops.find((o) => o.operationId === 'read');
    expect(text(read?.success?.schema)).toBe('Pet');
    // `success` stays one of `responses` (the same object), as the IR promises.
    expect(read?.responses).toContain(read?.success);
    expect(ir.errors.map((e) => text(e.schema))).toEqual(['Pet']);
  });

  test('a request variant is named after every other name, so existing names never change', () => {
    const { ir } = buildNeutral(api({ Pet, PetWritable: plain }, { request: ref('Pet'), response: ref('Pet') }));
    const names = namesFor(ir);
    const variant = ir.models.find((m) => m.variantOf !== undefined);
    // The component `PetWritable` keeps its name; the variant of `Pet` gets another.
    expect(ir.models.filter((m) => m.variantOf === undefined).map((m) => names.of(m.name))).toEqual(['Pet', 'PetWritable']);
    expect(variant && names.of(variant.name)).not.toBe('PetWritable');
    expect(variant && names.of(variant.name)).toMatch(/^PetWritable/);
    expect(ir.names[ir.names.length - 1]).toBe(variant?.name);
  });

  test('Python names the variant through its own policy', () => {
    const { ir } = buildNeutral(api({ Pet }, { request: ref('Pet'), response: ref('Pet') }));
    const names = namesFor(ir, { target: 'python' });
    expect(ir.models.map((m) => names.of(m.name))).toEqual(['Pet', 'PetWritable']);
  });
});
