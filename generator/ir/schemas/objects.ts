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
  const listed = node['required'];
  const required = new Set(Array.isArray(listed) ? listed.filter((r) => typeof r === 'string') : []);
  const properties: IrProperty[] = [];
  const props = isObject(node['properties']) ? node['properties'] : {};
  const scope = c.ctx.names.scope('properties', pointer);
  const propertiesPointer = `${pointer}/properties`;
  for (const name in props) {
    const raw = props[name];
    const schema = c.convert(raw, childPointer(propertiesPointer, name), [...hint, pascalWords(name) || 'Property']);
    const rawObj = isObject(raw) ? raw : undefined;
    const ref = rawObj?.['$ref'];
    const deref = typeof ref === 'string' ? c.ctx.at(ref) : undefined;
    const description = str(rawObj?.['description']);
    // Filled in this order (the IR's key order, which snapshots and JSON dumps show).
    const property: { -readonly [K in keyof IrProperty]?: IrProperty[K] } = {
      name,
      propertyName: c.ctx.names.request({ role: 'property', wireName: name }, scope),
      required: required.has(name),
      readOnly: flag(rawObj, deref, 'readOnly') === true,
      writeOnly: flag(rawObj, deref, 'writeOnly') === true,
    };
    if (description !== undefined) property.description = description;
    if (rawObj?.['deprecated'] === true) property.deprecated = true;
    property.schema = schema;
    properties.push(property as IrProperty);
  }
  const ap = node['additionalProperties'];
  let additionalProperties: IrSchema | undefined;
  if (ap === true) additionalProperties = { kind: 'unknown' };
  else if (isObject(ap)) {
    additionalProperties = c.convert(ap, childPointer(pointer, 'additionalProperties'), [...hint, 'Value']);
  }
  return withMeta({ kind: 'object', properties, ...(additionalProperties ? { additionalProperties } : {}) }, meta, nullable);
}

/** A property's flag: the use site's wins over its `$ref` target's (as in `{ ...target, ...use }`, without copying the target). */
function flag(use: JsonObject | undefined, target: Json | undefined, key: string): Json | undefined {
  if (use !== undefined && Object.prototype.hasOwnProperty.call(use, key)) return use[key];
  return isObject(target) ? target[key] : undefined;
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
