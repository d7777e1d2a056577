/** Object schemas: properties, maps, inline object models, and `allOf` inheritance. */
import { pascalWords } from '../../naming';
import type { Json, JsonObject } from '../context';
import { childPointer, isObject, str } from '../context';
import type { IrName, IrProperty, IrSchema, IrSchemaMeta } from '../types';
import type { NameHint, SchemaConverter } from './convert';
import { schemaMeta, withMeta } from './meta';

/** Where a node sits and what it is converted as. */
export interface ObjectSite {
  readonly pointer: string;
  readonly hint: NameHint;
  readonly named: boolean;
  readonly meta: IrSchemaMeta | undefined;
  readonly nullable: boolean;
}

/**
 * An object: a map when it has no properties, else a model (this node's own when `named`, else a
 * new inline model named from `hint`).
 */
export function convertObjectMaybeNamed(c: SchemaConverter, node: JsonObject, site: ObjectSite): IrSchema {
  const { pointer, hint, named, meta, nullable } = site;
  const props = node['properties'];
  const hasProps = isObject(props) && Object.keys(props).length > 0;
  if (!hasProps) {
    // Only additionalProperties (or nothing): a map.
    const ap = node['additionalProperties'];
    const values =
      ap === undefined || ap === true || ap === false
        ? ({ kind: 'unknown' } as IrSchema)
        : c.convert(ap, childPointer(pointer, 'additionalProperties'), [...hint, 'Value']);
    return withMeta({ kind: 'map', values }, meta, nullable);
  }
  if (named) return convertObject(c, node, pointer, hint, meta, nullable);
  const name = c.inlineName(hint);
  c.models.reserve(name);
  c.models.rememberInline(pointer, node, name);
  const schema = convertObject(c, node, pointer, [name], undefined, false);
  c.models.define({ name, origin: 'inline', pointer, schema });
  return withMeta({ kind: 'ref', model: name }, meta, nullable);
}

/** The object itself: its properties (in spec order) and `additionalProperties`. */
export function convertObject(
  c: SchemaConverter,
  node: JsonObject,
  pointer: string,
  hint: NameHint,
  meta: IrSchemaMeta | undefined,
  nullable = false,
): IrSchema {
  const required = new Set(Array.isArray(node['required']) ? node['required'].filter((r) => typeof r === 'string') : []);
  const properties: IrProperty[] = [];
  const props = isObject(node['properties']) ? node['properties'] : {};
  const scope = c.ctx.names.scope('properties', pointer);
  for (const [name, raw] of Object.entries(props)) {
    const propPointer = childPointer(pointer, 'properties', name);
    const schema = c.convert(raw, propPointer, [...hint, pascalWords(name) || 'Property']);
    const rawObj = isObject(raw) ? raw : {};
    const deref = typeof rawObj['$ref'] === 'string' ? c.ctx.at(rawObj['$ref']) : undefined;
    // The use site's flag wins over the target's (as in `{ ...target, ...use }`, without copying the target).
    const flag = (key: string): Json | undefined =>
      Object.prototype.hasOwnProperty.call(rawObj, key) ? rawObj[key] : isObject(deref) ? deref[key] : undefined;
    const description = str(rawObj['description']);
    properties.push({
      name,
      propertyName: c.ctx.names.request({ role: 'property', wireName: name }, scope),
      required: required.has(name),
      readOnly: flag('readOnly') === true,
      writeOnly: flag('writeOnly') === true,
      ...(description !== undefined ? { description } : {}),
      ...(rawObj['deprecated'] === true ? { deprecated: true } : {}),
      schema,
    });
  }
  const ap = node['additionalProperties'];
  let additionalProperties: IrSchema | undefined;
  if (ap === true) additionalProperties = { kind: 'unknown' };
  else if (isObject(ap)) {
    additionalProperties = c.convert(ap, childPointer(pointer, 'additionalProperties'), [...hint, 'Value']);
  }
  return withMeta({ kind: 'object', properties, ...(additionalProperties ? { additionalProperties } : {}) }, meta, nullable);
}

/** `allOf` whose parts are all `$ref`s to object models (plus optional own properties): the models it extends. */
export function extendsOf(c: SchemaConverter, node: Json): IrName[] | undefined {
  if (!isObject(node) || !Array.isArray(node['allOf']) || node['allOf'].length < 1) return undefined;
  if (node['nullable'] === true || Array.isArray(node['type']) || node['oneOf'] || node['anyOf']) return undefined;
  const names: IrName[] = [];
  for (const part of node['allOf']) {
    if (!isObject(part) || typeof part['$ref'] !== 'string') return undefined;
    if (!isPlainObjectSchema(c, c.ctx.at(part['$ref']))) return undefined;
    const name = c.refName(part['$ref']);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

function isPlainObjectSchema(c: SchemaConverter, node: Json | undefined): boolean {
  if (!isObject(node)) return false;
  if (node['nullable'] === true || node['enum'] !== undefined || node['oneOf'] || node['anyOf']) return false;
  if (node['type'] !== undefined && node['type'] !== 'object') return false;
  if (isObject(node['additionalProperties'])) return false;
  if (Array.isArray(node['allOf'])) return extendsOf(c, node) !== undefined;
  return isObject(node['properties']) || node['type'] === 'object';
}

/** The own properties of an `allOf`-extending model (an object, possibly empty). */
export function ownPart(c: SchemaConverter, node: Json, pointer: string, hint: NameHint): IrSchema {
  const obj = isObject(node) ? node : {};
  const { allOf: _allOf, ...rest } = obj;
  return convertObject(c, rest, pointer, hint, schemaMeta(obj));
}
