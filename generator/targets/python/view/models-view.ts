/**
 * The view of `<package>/models/<module>.py`: one module per model. Object schemas become
 * pydantic classes (snake_case attributes, wire names as aliases), enums become open enum
 * classes (an unknown value from the server is kept, not rejected), everything else a type alias.
 */
import type { IrModel, IrName, IrProperty, IrSchema } from '../../../ir/types';
import { proseOr, pyAttributeDoc, pyDocstring, pyLiteral, pyString } from '../../../render/escape';
import type { PyContext } from './context';
import { isClassModel } from './context';
import { PyImports } from './imports';
import { pyAssignment, pyCall, pyStatement, pyTuple, pyTypeExpr, type PyExpr } from './py-layout';
import { isRequiredField } from './types';
import { onlyIn, schemaRefs } from '../../../ir/usage';

/** One model module's context (see `items/model.py.hbs`). */
export interface ModelModule {
  readonly path: string;
  readonly context: Record<string, string>;
}

/** Doc lines of a schema: description, format hint, read-only/write-only notes, default, deprecation. */
export function schemaDoc(schema: IrSchema, extra: { description?: string | undefined; deprecated?: boolean | undefined } = {}): string[] {
  const meta = schema.meta;
  const parts: string[] = [];
  const description = extra.description ?? meta?.description;
  if (description !== undefined) parts.push(description);
  if (meta?.defaultJson !== undefined) parts.push(`Default: \`\`${meta.defaultJson}\`\`.`);
  if (extra.deprecated || meta?.deprecated) parts.push('Deprecated.');
  return parts;
}

/**
 * The one value a property can have (a `const`, or an enum with one member), as a Python
 * expression, when the spec requires it: such a property is set by the model itself (the
 * reference SDK's "Required, Constant"), so callers need not pass it.
 */
function constantOf(v: PyContext, p: IrProperty, imports: PyImports): string | undefined {
  if (!p.required) return undefined;
  const s = p.schema;
  if (s.kind === 'literal' && s.value !== null) return pyLiteral(s.value);
  if (s.kind === 'enum' && s.members.length === 1) return pyLiteral((s.members[0] as { value: string | number | boolean }).value);
  if (s.kind === 'ref') {
    const model = v.models.get(s.model);
    if (model?.schema.kind === 'enum' && model.schema.members.length === 1 && !model.schema.nullable) {
      const cls = v.modelRef(s.model, imports, 'models');
      return `${cls}.${v.name((model.schema.members[0] as { name: Parameters<PyContext['name']>[0] }).name)}`;
    }
  }
  return undefined;
}

function fieldLines(v: PyContext, p: IrProperty, imports: PyImports, annotationOf: (s: IrSchema) => string, constants: string[]): string {
  const attr = v.name(p.propertyName);
  const constant = constantOf(v, p, imports);
  if (constant !== undefined) constants.push(attr);
  const required = isRequiredField(p) && constant === undefined;
  let annotation = annotationOf(p.schema);
  if (!required && constant === undefined && !annotation.startsWith('Optional[') && annotation !== 'object' && annotation !== 'None') {
    imports.from('typing', 'Optional');
    annotation = `Optional[${annotation}]`;
  }
  const args: string[] = [];
  if (constant !== undefined) args.push(`default=${constant}`);
  else if (!required) args.push('default=None');
  if (attr !== p.name) args.push(`validation_alias=${pyString(p.name)}`, `serialization_alias=${pyString(p.name)}`);
  let value: PyExpr | undefined;
  if (args.length === 1 && args[0]?.startsWith('default=')) value = args[0].slice('default='.length);
  else if (args.length > 0) {
    imports.from('pydantic', 'Field');
    value = pyCall('Field(', args);
  }
  const field = pyAssignment(attr, pyTypeExpr('', annotation, ''), value, 4);
  const docs = schemaDoc(p.schema, { description: p.description, deprecated: p.deprecated });
  if (constant !== undefined) docs.push('Always this value: set by the model, and always sent.');
  // The IR leaves write-only fields out of response models and read-only ones out of request models.
  const only = onlyIn(p);
  if (only === 'response') docs.push('Read-only: set by the server.');
  else if (only === 'request') docs.push('Write-only: sent in requests, never present in responses.');
  if (attr !== p.name) docs.push(`Wire name: \`\`${p.name}\`\`.`);
  return `${field}\n${pyAttributeDoc(docs, 4)}`;
}

/** Models an alias reaches through other aliases only (a cycle there cannot be a runtime alias). */
function aliasCycles(v: PyContext): Set<IrName> {
  const aliases = new Map(v.ir.models.filter((m) => !isClassModel(m)).map((m) => [m.name, m]));
  const cyclic = new Set<IrName>();
  for (const start of aliases.values()) {
    const seen = new Set<IrName>();
    const stack = schemaRefs(start.schema);
    while (stack.length > 0) {
      const next = stack.pop() as IrName;
      if (next === start.name) {
        cyclic.add(start.name);
        break;
      }
      const alias = aliases.get(next);
      if (alias === undefined || seen.has(next)) continue;
      seen.add(next);
      stack.push(...schemaRefs(alias.schema));
    }
  }
  return cyclic;
}

const ENUM_BASE: Readonly<Record<'string' | 'number' | 'boolean', string>> = { string: 'StrEnum', number: 'IntEnum', boolean: 'ValueEnum' };

/** One module per model, built as they are iterated (the render stage formats each as it comes). */
export function* modelModules(v: PyContext, header: string): Generator<ModelModule> {
  const cyclic = aliasCycles(v);
  const pkg = v.settings.importName;
  for (const model of v.ir.models) {
    const imports = new PyImports().from('__future__', 'annotations');
    const name = v.name(model.name);
    v.definingModel = model.name;
    const body = isClassModel(model) ? classBody(v, model, imports) : aliasBody(v, model, imports, cyclic);
    v.definingModel = undefined;
    const doc = proseOr(model.schema.meta?.description, `The \`\`${name}\`\` ${model.origin === 'component' ? 'schema' : 'inline schema'} of the API (\`\`${model.pointer}\`\`).`);
    yield {
      path: `${pkg}/models/${v.module(model.name)}.py`,
      context: { header, docstring: pyDocstring([doc]), imports: imports.block(), body },
    };
  }
}

/** What a split model's docstring says about its other variant. */
function variantNote(v: PyContext, model: IrModel): string[] {
  if (model.variantOf) return [`The request side of \`\`${v.name(model.variantOf)}\`\`: without its read-only fields (the server sets them).`];
  if (model.requestVariant) return [`As received in responses; requests use \`\`${v.name(model.requestVariant)}\`\`.`];
  return [];
}

function classBody(v: PyContext, model: IrModel, imports: PyImports): string {
  const s = model.schema;
  const name = v.name(model.name);
  const doc = pyDocstring([...(schemaDoc(s).length > 0 ? schemaDoc(s) : [`The \`\`${name}\`\` model.`]), ...variantNote(v, model)], 4);
  if (s.kind === 'enum') {
    const numeric = s.valueType === 'number' && s.members.every((m) => Number.isInteger(m.value));
    const base = s.valueType === 'number' && !numeric ? 'ValueEnum' : ENUM_BASE[s.valueType];
    imports.from('.._runtime.model', base);
    const members = s.members.map((m) => pyAssignment(v.name(m.name), undefined, pyLiteral(m.value), 4));
    return `class ${name}(${base}):\n${doc}\n${members.join('\n')}\n`;
  }
  if (s.kind !== 'object') throw new Error('unreachable: class models are objects or enums');
  const printer = v.printerIn('models', { lazyClasses: true });
  const bases = (model.extends ?? []).map((e) => v.modelRef(e, imports, 'models'));
  if (bases.length === 0) {
    imports.from('.._runtime.model', 'BaseModel');
    bases.push('BaseModel');
  }
  const constants: string[] = [];
  const fields = s.properties.map((p) => fieldLines(v, p, imports, (schema) => printer.annotation(schema, imports), constants));
  if (constants.length > 0) {
    imports.from('typing', 'ClassVar').from('typing', 'Tuple');
    // Written with a trailing comma: one per line when there are several.
    fields.unshift(pyStatement(pyTuple('_constant_fields: ClassVar[Tuple[str, ...]] = ', constants.map(pyString), true), 4));
  }
  const content = fields.length > 0 ? fields.join('\n') : '';
  return `class ${name}(${bases.join(', ')}):\n${doc}${content === '' ? '' : `\n${content}`}`;
}

function aliasBody(v: PyContext, model: IrModel, imports: PyImports, cyclic: ReadonlySet<IrName>): string {
  const name = v.name(model.name);
  // A reference back into its own alias cycle cannot be evaluated at import time: `object` there.
  const self = cyclic.has(model.name);
  const printer = v.printerIn('models', { lazyClasses: false });
  const schema = self ? breakCycle(model.schema, cyclic) : model.schema;
  return `${pyAssignment(name, undefined, pyTypeExpr('', printer.annotation(schema, imports), ''), 0)}\n${pyAttributeDoc(schemaDoc(model.schema))}`;
}

/** `schema` with references to models in `cyclic` replaced by free-form values. */
function breakCycle(schema: IrSchema, cyclic: ReadonlySet<IrName>): IrSchema {
  switch (schema.kind) {
    case 'ref':
      return cyclic.has(schema.model) ? { kind: 'unknown' } : schema;
    case 'array':
      return { ...schema, items: breakCycle(schema.items, cyclic) };
    case 'map':
      return { ...schema, values: breakCycle(schema.values, cyclic) };
    case 'union':
      return { ...schema, variants: schema.variants.map((variant) => ({ ...variant, schema: breakCycle(variant.schema, cyclic) })) };
    case 'intersection':
      return { ...schema, parts: schema.parts.map((p) => breakCycle(p, cyclic)) };
    default:
      return schema;
  }
}
