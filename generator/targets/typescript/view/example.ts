/**
 * Example values for documentation and the generated quickstart: a TypeScript literal for a
 * schema, preferring the spec's own `example`/`default`, then a plausible value for the type and
 * format. Output is a layout node, so examples print the way Prettier would.
 */
import type { IrModel, IrName, IrSchema } from '../../../ir/types';
import { tsLiteral, tsString } from '../../../render/escape';
import { arr, obj, printEntry, printNode, raw, type JsNode } from './layout';
import { isRequiredInType, literalKey } from './types';
import { placeholderString, specExample } from '../../../ir/example-values';

/** Deep enough to show structure; shallow enough that recursive models terminate. */
const MAX_DEPTH = 4;

/** Models by name, for following `$ref`s. */
export type ModelIndex = ReadonlyMap<IrName, IrModel>;

/** A JSON value from the spec (an `example` or `default`) as a TypeScript literal node. */
function jsonNode(value: unknown): JsNode {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return raw(tsLiteral(value));
  if (Array.isArray(value)) return arr(value.map(jsonNode));
  if (typeof value === 'object') return obj(Object.entries(value as Record<string, unknown>).map(([k, v]) => [literalKey(k), jsonNode(v)]));
  return raw('undefined');
}

/** An example literal for `schema`. */
export function exampleNode(schema: IrSchema, models: ModelIndex, depth = 0): JsNode {
  const given = specExample(schema.meta?.exampleJson) ?? specExample(schema.meta?.defaultJson);
  if (given) return jsonNode(given.value);
  switch (schema.kind) {
    case 'primitive':
      if (schema.binary) return raw("new Blob(['…'])");
      if (schema.type === 'string') return raw(tsString(placeholderString(schema.meta?.format)));
      return raw(schema.type === 'boolean' ? 'true' : '1');
    case 'enum':
      return raw(schema.members[0] ? tsLiteral(schema.members[0].value) : 'undefined');
    case 'literal':
      return raw(tsLiteral(schema.value));
    case 'ref': {
      const model = models.get(schema.model);
      return model && depth < MAX_DEPTH ? exampleNode(model.schema, models, depth + 1) : obj([]);
    }
    case 'array':
      return depth < MAX_DEPTH ? arr([exampleNode(schema.items, models, depth + 1)]) : arr([]);
    case 'map':
      return depth < MAX_DEPTH ? obj([['key', exampleNode(schema.values, models, depth + 1)]]) : obj([]);
    case 'object':
      return obj(objectEntries(schema, models, depth));
    case 'union':
      return schema.variants[0] ? exampleNode(schema.variants[0].schema, models, depth) : obj([]);
    case 'intersection':
      return obj(schema.parts.flatMap((part) => objectEntries(resolveObject(part, models), models, depth)));
    case 'unknown':
      return obj([]);
  }
}

/** Required properties only: an example shows what a call needs, not every option. */
function objectEntries(schema: IrSchema | undefined, models: ModelIndex, depth: number): [string, JsNode][] {
  if (!schema || schema.kind !== 'object' || depth >= MAX_DEPTH) return [];
  return schema.properties
    .filter((p) => isRequiredInType(p) && !p.readOnly)
    .map((p): [string, JsNode] => [literalKey(p.name), exampleNode(p.schema, models, depth + 1)]);
}

function resolveObject(schema: IrSchema, models: ModelIndex): IrSchema | undefined {
  return schema.kind === 'ref' ? models.get(schema.model)?.schema : schema;
}

/**
 * `<prefix>callee({ ...entries });` with the single object argument hugged, as Prettier prints
 * it; `indent` is the statement's indentation.
 */
export function callStatement(prefix: string, callee: string, entries: readonly (readonly [string, JsNode])[], indent = 0): string {
  const pad = ' '.repeat(indent);
  if (entries.length === 0) return `${pad}${prefix}${callee}();`;
  const head = `${pad}${prefix}${callee}({`;
  const flat = `${head} ${entries.map(([k, v]) => `${k}: ${printNode(v, 0, 0, 0)}`).join(', ')} });`;
  if (flat.length <= 100 && !flat.includes('\n')) return flat;
  return `${head}\n${entries.map(([k, v]) => `${pad}  ${printEntry(k, v, indent + 2)},`).join('\n')}\n${pad}});`;
}
