/** The view of `models.ts` and `errors.ts`: one declaration per model and per error class. */
import type { IrErrorClass, IrModel, IrProperty, IrSchema, IrSchemaMeta } from '../../../ir/types';
import { docComment, type DocTag } from '../../../render/escape';
import { tsLiteral } from '../../../render/escape';
import type { TsContext } from './context';
import { printEntry, raw, typeAfter } from './layout';
import { propertyKey, isRequiredInType } from './types';
import { onlyIn } from '../../../ir/usage';

/** Doc comment parts of a schema: its description, format hints, read-only, default, deprecation. */
export function schemaDocs(
  meta: IrSchemaMeta | undefined,
  extra: { description?: string | undefined; deprecated?: boolean | undefined } = {},
): (string | DocTag | undefined)[] {
  const description = extra.description ?? meta?.description;
  const parts: (string | DocTag | undefined)[] = [description];
  const format = meta?.format;
  if (format === 'date-time') parts.push('An RFC 3339 date-time string (e.g. `2024-01-31T12:00:00Z`).');
  else if (format === 'date') parts.push('An RFC 3339 full-date string (e.g. `2024-01-31`).');
  if (meta?.readOnly) parts.push('Read-only: set by the server.');
  if (meta?.defaultJson !== undefined) parts.push({ tag: '@defaultValue', text: meta.defaultJson });
  if (extra.deprecated || meta?.deprecated) parts.push({ tag: '@deprecated' });
  return parts;
}

export interface ModelView {
  doc: string;
  name: string;
  isInterface: boolean;
  isEnum: boolean;
  isAlias: boolean;
  /** Interface: ` extends A, B` or ''. */
  extendsClause: string;
  isEmpty: boolean;
  properties: { doc: string; declaration: string }[];
  members: { doc: string; line: string }[];
  /** Alias: the whole `export type X = …;` statement. */
  aliasStatement: string;
  /** Enum: `export type X = (typeof X)[keyof typeof X];`, wrapped when long. */
  enumTypeStatement: string;
}

function propertyView(v: TsContext, p: IrProperty): { doc: string; declaration: string } {
  const head = `  ${p.readOnly ? 'readonly ' : ''}${propertyKey(p.name)}${isRequiredInType(p) ? '' : '?'}:`;
  const docs = schemaDocs(p.schema.meta, { description: p.description, deprecated: p.deprecated });
  // A type that has a write-only property types requests only (the IR leaves it out of the others).
  if (onlyIn(p) === 'request') docs.splice(1, 0, 'Write-only: sent in requests, never present in responses.');
  return {
    doc: docComment(docs, 2),
    declaration: typeAfter(head, v.type(p.schema), ';', 2),
  };
}

/** What a split model's doc says about its other variant. */
function variantNote(v: TsContext, model: IrModel): string | undefined {
  if (model.variantOf) return `The request side of \`${v.name(model.variantOf)}\`: without its read-only properties (the server sets them).`;
  if (model.requestVariant) return `As received in responses; requests use \`${v.name(model.requestVariant)}\`.`;
  return undefined;
}

export function modelView(v: TsContext, model: IrModel): ModelView {
  const s = model.schema;
  const name = v.name(model.name);
  const base: ModelView = {
    // Every exported symbol gets TSDoc; a schema without a description says where it comes from.
    doc: docComment(
      s.meta?.description
        ? [...schemaDocs(s.meta), variantNote(v, model)]
        : [`The \`${name}\` ${model.origin === 'component' ? 'schema' : 'inline schema'} of the API (\`${model.pointer}\`).`, variantNote(v, model), ...schemaDocs(s.meta)],
    ),
    name,
    isInterface: false,
    isEnum: false,
    isAlias: false,
    extendsClause: '',
    isEmpty: false,
    properties: [],
    members: [],
    aliasStatement: '',
    enumTypeStatement: '',
  };
  if (s.kind === 'enum' && !s.nullable) {
    return {
      ...base,
      isEnum: true,
      enumTypeStatement: typeAfter(`export type ${name} =`, { text: `(typeof ${name})[keyof typeof ${name}]`, members: [] }, ';', 0),
      members: s.members.map((m) => ({ doc: '', line: `  ${printEntry(v.name(m.name), raw(tsLiteral(m.value)), 2)},` })),
    };
  }
  if (s.kind === 'object' && !s.nullable) {
    const properties = s.properties.map((p) => propertyView(v, p));
    if (s.additionalProperties) properties.push({ doc: '', declaration: `  [key: string]: ${v.printer.indexSignatureType(s)};` });
    return {
      ...base,
      isInterface: true,
      extendsClause: model.extends && model.extends.length > 0 ? ` extends ${model.extends.map((e) => v.name(e)).join(', ')}` : '',
      isEmpty: properties.length === 0,
      properties,
    };
  }
  const type = s.kind === 'enum' ? v.type({ ...s, nullable: false, kind: 'enum' } as IrSchema) : v.type(s);
  const aliasType = s.kind === 'enum' && s.nullable ? v.type(s) : type;
  return { ...base, isAlias: true, aliasStatement: typeAfter(`export type ${name} =`, aliasType, ';', 0) };
}

export function errorView(v: TsContext, e: IrErrorClass): { doc: string; declaration: string } {
  const statuses = [...new Set(e.usedBy.map((u) => u.status))].sort();
  const parts: (string | DocTag | undefined)[] = [
    e.description,
    `Thrown for HTTP ${statuses.join(', ')} responses of: ${[...new Set(e.usedBy.map((u) => v.operationId(u)))].join(', ')}.`,
  ];
  return {
    doc: docComment(parts),
    declaration: `export class ${v.name(e.className)} extends ApiException<${e.schema ? v.type(e.schema).text : 'unknown'}> {}`,
  };
}

/** Adds the models `schema` mentions (its `$ref`s, at any depth) to `into`, by TypeScript name. */
export function collectRefs(v: TsContext, schema: IrSchema | undefined, into: Set<string>): void {
  if (!schema) return;
  switch (schema.kind) {
    case 'ref':
      into.add(v.name(schema.model));
      return;
    case 'array':
      collectRefs(v, schema.items, into);
      return;
    case 'map':
      collectRefs(v, schema.values, into);
      return;
    case 'object':
      schema.properties.forEach((p) => collectRefs(v, p.schema, into));
      collectRefs(v, schema.additionalProperties, into);
      return;
    case 'union':
      schema.variants.forEach((variant) => collectRefs(v, variant.schema, into));
      return;
    case 'intersection':
      schema.parts.forEach((p) => collectRefs(v, p, into));
      return;
    default:
      return;
  }
}
