/**
 * The readOnly/writeOnly split, per construct, as each target prints it (shared by
 * test/targets/typescript/read-write-split.test.ts and test/targets/python/read-write-split.test.ts,
 * so the two targets are held to the same cases). `POST /in` takes `request`, `GET /out` returns
 * `response`.
 */
import { doc } from '../ir/helpers';

const ref = (name: string): Record<string, unknown> => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown): Record<string, unknown> => ({ content: { 'application/json': { schema } } });
const obj = (properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> => ({ type: 'object', required, properties });

export function api(schemas: Record<string, unknown>, roots: { request?: unknown; response?: unknown }): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  if (roots.request !== undefined) paths['/in'] = { post: { operationId: 'send', requestBody: { required: true, ...json(roots.request) }, responses: { '204': { description: 'ok' } } } };
  if (roots.response !== undefined) paths['/out'] = { get: { operationId: 'read', responses: { '200': { description: 'ok', ...json(roots.response) } } } };
  return doc({ schemas, paths });
}

const Pet = obj({ id: { type: 'integer', readOnly: true }, name: { type: 'string' }, secret: { type: 'string', writeOnly: true } }, ['id', 'name', 'secret']);

export interface SplitCase {
  readonly label: string;
  readonly document: Record<string, unknown>;
  /** Model → its TypeScript declaration, comments left out and whitespace collapsed. */
  readonly ts: Record<string, string>;
  /** Class → its Python fields (`attribute: annotation[ = default]`). */
  readonly py: Record<string, string[]>;
  /** The request body's type in TypeScript (`undefined`: no request). */
  readonly tsBody?: string;
}

export const SPLIT_CASES: readonly SplitCase[] = [
  {
    label: 'response only: required readOnly required, writeOnly left out',
    document: api({ Pet }, { response: ref('Pet') }),
    ts: { Pet: 'export interface Pet { readonly id: number; name: string; }' },
    py: { Pet: ['id: int', 'name: str'] },
  },
  {
    label: 'request only: readOnly left out, required writeOnly required',
    document: api({ Pet }, { request: ref('Pet') }),
    ts: { Pet: 'export interface Pet { name: string; secret: string; }' },
    py: { Pet: ['name: str', 'secret: str'] },
    tsBody: 'Pet',
  },
  {
    label: 'both ways: the base types responses, PetWritable requests',
    document: api({ Pet }, { request: ref('Pet'), response: ref('Pet') }),
    ts: { Pet: 'export interface Pet { readonly id: number; name: string; }', PetWritable: 'export interface PetWritable { name: string; secret: string; }' },
    py: { Pet: ['id: int', 'name: str'], PetWritable: ['name: str', 'secret: str'] },
    tsBody: 'PetWritable',
  },
  {
    label: 'both ways without readOnly/writeOnly: one type',
    document: api({ Tag: obj({ n: { type: 'string' } }, ['n']) }, { request: ref('Tag'), response: ref('Tag') }),
    ts: { Tag: 'export interface Tag { n: string; }' },
    py: { TagModel: ['n: str'] },
    tsBody: 'Tag',
  },
  {
    label: 'nested refs: the request variant refers to request variants',
    document: api({ Owner: obj({ pet: ref('Pet') }, ['pet']), Pet }, { request: ref('Owner'), response: ref('Owner') }),
    ts: {
      Owner: 'export interface Owner { pet: Pet; }',
      OwnerWritable: 'export interface OwnerWritable { pet: PetWritable; }',
      Pet: 'export interface Pet { readonly id: number; name: string; }',
      PetWritable: 'export interface PetWritable { name: string; secret: string; }',
    },
    py: { Owner: ['pet: Pet'], OwnerWritable: ['pet: PetWritable'], Pet: ['id: int', 'name: str'], PetWritable: ['name: str', 'secret: str'] },
    tsBody: 'OwnerWritable',
  },
  {
    label: 'arrays of models',
    document: api({ Pet }, { request: { type: 'array', items: ref('Pet') }, response: { type: 'array', items: ref('Pet') } }),
    ts: { Pet: 'export interface Pet { readonly id: number; name: string; }', PetWritable: 'export interface PetWritable { name: string; secret: string; }' },
    py: { Pet: ['id: int', 'name: str'], PetWritable: ['name: str', 'secret: str'] },
    tsBody: 'PetWritable[]',
  },
  {
    label: 'allOf of a split model',
    document: api({ Dog: { allOf: [ref('Pet'), obj({ barks: { type: 'boolean' } }, ['barks'])] }, Pet }, { request: ref('Dog'), response: ref('Dog') }),
    ts: {
      Dog: 'export type Dog = Pet & DogPart2;',
      DogWritable: 'export type DogWritable = PetWritable & DogPart2;',
      DogPart2: 'export interface DogPart2 { barks: boolean; }',
      Pet: 'export interface Pet { readonly id: number; name: string; }',
      PetWritable: 'export interface PetWritable { name: string; secret: string; }',
    },
    // Python has no intersections: the model part types the value (see PyTypePrinter).
    py: { DogPart2: ['barks: bool'], Pet: ['id: int', 'name: str'], PetWritable: ['name: str', 'secret: str'] },
    tsBody: 'DogWritable',
  },
];
