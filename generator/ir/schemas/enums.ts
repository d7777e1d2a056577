/** `enum` schemas: members named per value, inline enums as models, mixed enums as literal unions. */
import type { JsonObject, Json } from '../context';
import { childPointer } from '../context';
import type { IrEnumMember, IrSchema, IrSchemaMeta } from '../types';
import type { NameHint, SchemaConverter } from './convert';
import { isLiteral, withMeta } from './meta';

export interface EnumSite {
  readonly pointer: string;
  readonly hint: NameHint;
  readonly named: boolean;
  readonly meta: IrSchemaMeta | undefined;
  readonly nullable: boolean;
}

export function convertEnum(c: SchemaConverter, node: JsonObject, values: Json[], site: EnumSite): IrSchema {
  const { pointer, hint, named, meta } = site;
  let nullable = site.nullable;
  const scalars: (string | number | boolean)[] = [];
  const seen = new Set<string>();
  let unsafe = false;
  for (const [i, value] of values.entries()) {
    if (c.isUnsafeInteger(value, pointer, 'enum', i)) unsafe = true;
    if (value === null) {
      nullable = true;
      continue;
    }
    if (!isLiteral(value)) {
      c.ctx.warn('non-scalar enum value is ignored', childPointer(pointer, 'enum'));
      continue;
    }
    const key = `${typeof value}:${String(value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    scalars.push(value);
  }
  if (scalars.length === 0) return withMeta({ kind: 'unknown' }, meta, nullable);
  // A rounded literal would be a different value (and two int64 members may round to one).
  if (unsafe && scalars.every((v) => typeof v === 'number')) {
    return withMeta({ kind: 'primitive', type: 'integer' }, meta, nullable);
  }
  const allStrings = scalars.every((v) => typeof v === 'string');
  const allNumbers = scalars.every((v) => typeof v === 'number');
  const allBooleans = scalars.every((v) => typeof v === 'boolean');
  if (!allStrings && !allNumbers && !allBooleans) {
    // Mixed scalar types: a plain union of literals.
    const variants = scalars.map((value) => ({ schema: { kind: 'literal', value } as IrSchema }));
    return withMeta({ kind: 'union', source: 'anyOf', variants }, meta, nullable);
  }
  const scope = c.ctx.names.scope('enumMembers', pointer);
  const members: IrEnumMember[] = scalars.map((value) => ({
    name: c.ctx.names.request({ role: 'enumMember', value }, scope),
    value,
  }));
  const valueType = allStrings ? 'string' : allNumbers ? 'number' : 'boolean';
  const schema: IrSchema = { kind: 'enum', valueType, members };
  if (named) return withMeta(schema, meta, nullable);
  // Inline enums become named models; nullability and docs stay on the use site.
  const name = c.inlineName(hint);
  c.models.reserve(name);
  c.models.rememberInline(pointer, node, name);
  c.models.define({ name, origin: 'inline', pointer, schema });
  return withMeta({ kind: 'ref', model: name }, meta, nullable);
}
