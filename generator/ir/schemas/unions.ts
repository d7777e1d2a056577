/** `oneOf` / `anyOf`: variants, `null` members, and discriminators with their tag values. */
import type { Json, JsonObject } from '../context';
import { childPointer, isObject } from '../context';
import type { IrName, IrSchema, IrSchemaMeta, IrUnionVariant } from '../types';
import { COMPONENT_PREFIX, type NameHint, type SchemaConverter } from './convert';
import { withMeta } from './meta';

export interface UnionSite {
  readonly pointer: string;
  readonly hint: NameHint;
  readonly meta: IrSchemaMeta | undefined;
  readonly nullable: boolean;
}

export function convertUnion(
  c: SchemaConverter,
  node: JsonObject,
  source: 'oneOf' | 'anyOf',
  variants: Json[],
  site: UnionSite,
): IrSchema {
  const { pointer, hint, meta } = site;
  let nullable = site.nullable;
  const converted: { schema: IrSchema; raw: Json }[] = [];
  variants.forEach((variant, i) => {
    // `{ type: 'null' }` members make the union nullable instead.
    if (isObject(variant) && variant['type'] === 'null' && Object.keys(variant).length === 1) {
      nullable = true;
      return;
    }
    converted.push({
      raw: variant,
      schema: c.convert(variant, childPointer(pointer, source, i), [...hint, `Option${i + 1}`]),
    });
  });
  const disc = node['discriminator'];
  if (isObject(disc) && typeof disc['propertyName'] === 'string') {
    const propertyName = disc['propertyName'];
    const mapping: { value: string; model: IrName }[] = [];
    const explicit = isObject(disc['mapping']) ? disc['mapping'] : {};
    for (const [value, target] of Object.entries(explicit)) {
      if (typeof target !== 'string') continue;
      const ref = target.startsWith('#') ? target : `${COMPONENT_PREFIX}${target}`;
      const model = c.refName(ref);
      if (model === undefined) {
        c.ctx.warn(`discriminator mapping target ${target} not found`, childPointer(pointer, 'discriminator', 'mapping', value));
        continue;
      }
      mapping.push({ value, model });
    }
    const result: IrUnionVariant[] = converted.map(({ schema, raw }) => {
      if (schema.kind !== 'ref' || !isObject(raw) || typeof raw['$ref'] !== 'string') return { schema };
      const ref = raw['$ref'];
      let values = mapping.filter((m) => m.model === schema.model).map((m) => m.value);
      if (values.length === 0 && Object.keys(explicit).length === 0 && ref.startsWith(COMPONENT_PREFIX)) {
        values = [ref.slice(COMPONENT_PREFIX.length)];
        mapping.push({ value: values[0] as string, model: schema.model });
      }
      if (values.length === 0 || fixesProperty(c, c.ctx.at(ref), propertyName)) return { schema };
      return { schema, tagValues: values };
    });
    return withMeta({ kind: 'union', source, variants: result, discriminator: { propertyName, mapping } }, meta, nullable);
  }
  if (converted.length === 1) {
    const only = (converted[0] as { schema: IrSchema }).schema;
    return { ...only, ...(nullable || only.nullable ? { nullable: true } : {}), meta: { ...only.meta, ...meta } };
  }
  return withMeta({ kind: 'union', source, variants: converted.map(({ schema }) => ({ schema })) }, meta, nullable);
}

/** True when the schema's own property already fixes a single tag value (`const` or one-value enum). */
function fixesProperty(c: SchemaConverter, schema: Json | undefined, propertyName: string): boolean {
  if (!isObject(schema)) return false;
  const props = schema['properties'];
  if (isObject(props)) {
    let prop: Json | undefined = props[propertyName];
    if (isObject(prop) && typeof prop['$ref'] === 'string') prop = c.ctx.at(prop['$ref']);
    if (isObject(prop) && (prop['const'] !== undefined || (Array.isArray(prop['enum']) && prop['enum'].length === 1))) {
      return true;
    }
  }
  if (Array.isArray(schema['allOf'])) {
    return schema['allOf'].some((part) =>
      fixesProperty(c, isObject(part) && typeof part['$ref'] === 'string' ? c.ctx.at(part['$ref']) : part, propertyName),
    );
  }
  return false;
}
