/** Documentation and validation keywords of a schema node, and small helpers shared by the converters. */
import type { Json, JsonObject } from '../context';
import { isObject, str } from '../context';
import type { IrConstraints, IrLiteralValue, IrSchema, IrSchemaMeta } from '../types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The keywords of `node` that document or constrain it (`undefined` when there are none). */
export function schemaMeta(node: JsonObject): IrSchemaMeta | undefined {
  const meta: Mutable<IrSchemaMeta> = {};
  const description = str(node['description']);
  if (description !== undefined && description.trim() !== '') meta.description = description;
  if (node['deprecated'] === true) meta.deprecated = true;
  if (node['default'] !== undefined) meta.defaultJson = JSON.stringify(node['default']);
  const format = str(node['format']);
  if (format !== undefined) meta.format = format;
  if (node['example'] !== undefined) meta.exampleJson = JSON.stringify(node['example']);
  if (node['readOnly'] === true) meta.readOnly = true;
  if (node['writeOnly'] === true) meta.writeOnly = true;
  const constraints = schemaConstraints(node);
  if (constraints !== undefined) meta.constraints = constraints;
  return Object.keys(meta).length > 0 ? meta : undefined;
}

const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;

/**
 * Validation keywords as given. 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` modify
 * `minimum`/`maximum`; 3.1's numeric ones are bounds of their own: both become `{ value, exclusive }`.
 */
export function schemaConstraints(node: JsonObject): IrConstraints | undefined {
  const out: Mutable<IrConstraints> = {};
  for (const key of COUNTS) {
    const value = node[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) out[key] = value;
  }
  const pattern = str(node['pattern']);
  if (pattern !== undefined) out.pattern = pattern;
  if (typeof node['multipleOf'] === 'number' && node['multipleOf'] > 0) out.multipleOf = node['multipleOf'];
  if (node['uniqueItems'] === true) out.uniqueItems = true;
  const minimum = bound(node['minimum'], node['exclusiveMinimum']);
  if (minimum !== undefined) out.minimum = minimum;
  const maximum = bound(node['maximum'], node['exclusiveMaximum']);
  if (maximum !== undefined) out.maximum = maximum;
  return Object.keys(out).length > 0 ? out : undefined;
}

function bound(inclusive: Json | undefined, exclusive: Json | undefined): { value: number; exclusive: boolean } | undefined {
  if (typeof exclusive === 'number') return { value: exclusive, exclusive: true };
  if (typeof inclusive === 'number') return { value: inclusive, exclusive: exclusive === true };
  return undefined;
}

export function isLiteral(value: Json | undefined): value is IrLiteralValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function hasObjectKeywords(node: JsonObject): boolean {
  return node['properties'] !== undefined || node['additionalProperties'] !== undefined || node['type'] === 'object';
}

/** `schema` with `nullable` and `meta` set (left out when false / absent). */
export function withMeta(schema: IrSchema, meta: IrSchemaMeta | undefined, nullable = false): IrSchema {
  return {
    ...schema,
    ...(nullable ? { nullable: true } : {}),
    ...(meta ? { meta } : {}),
  } as IrSchema;
}

/** True when `node` allows `null` (3.0 `nullable`, a 3.1 type list with `null`, or `null` among the enum values). */
export function allowsNull(node: JsonObject): boolean {
  return (
    node['nullable'] === true ||
    (Array.isArray(node['type']) && node['type'].includes('null')) ||
    (Array.isArray(node['enum']) && node['enum'].includes(null))
  );
}

export { isObject };
