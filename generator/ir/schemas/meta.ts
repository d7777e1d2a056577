/** Documentation and validation keywords of a schema node, and small helpers shared by the converters. */
import type { Json, JsonObject } from '../context';
import { isObject } from '../context';
import type { IrConstraints, IrLiteralValue, IrSchema, IrSchemaMeta } from '../types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The keywords of `node` that document or constrain it (`undefined` when there are none). One
 * pass over the node's own keys: schema nodes have few keys, and most have none of these.
 */
export function schemaMeta(node: JsonObject): IrSchemaMeta | undefined {
  let meta: Mutable<IrSchemaMeta> | undefined;
  let constraints: Mutable<IrConstraints> | undefined;
  const set = <K extends keyof IrSchemaMeta>(key: K, value: IrSchemaMeta[K]): void => {
    (meta ??= {})[key] = value;
  };
  const limit = <K extends keyof IrConstraints>(key: K, value: IrConstraints[K]): void => {
    (constraints ??= {})[key] = value;
  };
  for (const key in node) {
    const value = node[key];
    switch (key) {
      case 'description':
        if (typeof value === 'string' && value.trim() !== '') set('description', value);
        break;
      case 'deprecated':
        if (value === true) set('deprecated', true);
        break;
      case 'default':
        if (value !== undefined) set('defaultJson', JSON.stringify(value));
        break;
      case 'format':
        if (typeof value === 'string') set('format', value);
        break;
      case 'example':
        if (value !== undefined) set('exampleJson', JSON.stringify(value));
        break;
      case 'readOnly':
        if (value === true) set('readOnly', true);
        break;
      case 'writeOnly':
        if (value === true) set('writeOnly', true);
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) limit(key, value);
        break;
      case 'pattern':
        if (typeof value === 'string') limit('pattern', value);
        break;
      case 'multipleOf':
        if (typeof value === 'number' && value > 0) limit('multipleOf', value);
        break;
      case 'uniqueItems':
        if (value === true) limit('uniqueItems', true);
        break;
      case 'minimum':
      case 'exclusiveMinimum': {
        const b = bound(node['minimum'], node['exclusiveMinimum']);
        if (b !== undefined) limit('minimum', b);
        break;
      }
      case 'maximum':
      case 'exclusiveMaximum': {
        const b = bound(node['maximum'], node['exclusiveMaximum']);
        if (b !== undefined) limit('maximum', b);
        break;
      }
    }
  }
  if (constraints !== undefined) set('constraints', constraints);
  return meta;
}

/**
 * 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` modify `minimum`/`maximum`; 3.1's numeric
 * ones are bounds of their own: both become `{ value, exclusive }`.
 */
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
