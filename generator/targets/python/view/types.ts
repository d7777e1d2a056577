/**
 * IR schema → Python type annotation (Python 3.9 syntax: `list[X]`, `dict[str, X]`,
 * `Optional[X]`, `Union[A, B]`, `Literal[...]`), registering what each annotation needs in the
 * module's imports. Model references go through `ref`, which decides how the module gets them.
 */
import type { IrModel, IrName, IrProperty, IrSchema } from '../../../ir/types';
import type { Names } from '../../../naming';
import { pyLiteral, pyString } from '../../../render/escape';
import type { PyImports } from './imports';

/** How a module refers to a model class (and imports it). */
export type ModelRef = (model: IrName, imports: PyImports) => string;

export class PyTypePrinter {
  constructor(
    private readonly names: Names,
    private readonly ref: ModelRef,
    private readonly model: (name: IrName) => IrModel | undefined = () => undefined,
  ) {}

  /** The annotation of `schema` in a module whose imports are `imports`. */
  annotation(schema: IrSchema, imports: PyImports): string {
    const base = this.base(schema, imports);
    if (!schema.nullable || base === 'object' || base === 'None') return base;
    imports.from('typing', 'Optional');
    return `Optional[${base}]`;
  }

  private base(schema: IrSchema, imports: PyImports): string {
    switch (schema.kind) {
      case 'primitive':
        return this.primitive(schema, imports);
      case 'enum':
      case 'literal': {
        const values = schema.kind === 'enum' ? schema.members.map((m) => m.value) : [schema.value];
        if (values.length === 1 && values[0] === null) return 'None';
        imports.from('typing', 'Literal');
        return `Literal[${values.map((v) => pyLiteral(v)).join(', ')}]`;
      }
      case 'unknown':
        return 'object';
      case 'ref':
        return this.ref(schema.model, imports);
      case 'array':
        return `list[${this.annotation(schema.items, imports)}]`;
      case 'map':
        return `dict[str, ${this.annotation(schema.values, imports)}]`;
      case 'object':
        // Objects with properties are always models; an object here only has extra properties.
        return schema.additionalProperties ? `dict[str, ${this.annotation(schema.additionalProperties, imports)}]` : 'dict[str, object]';
      case 'union': {
        const tagged = this.taggedUnion(schema, imports);
        if (tagged !== undefined) return tagged;
        const members = [...new Set(schema.variants.map((v) => this.annotation(v.schema, imports)))];
        if (members.length === 1) return members[0] as string;
        imports.from('typing', 'Union');
        return `Union[${members.join(', ')}]`;
      }
      case 'intersection': {
        // Python has no intersection types: a model part types the value (the others' properties
        // stay reachable as extra fields), else a plain mapping.
        const model = schema.parts.find((p) => p.kind === 'ref');
        return model ? this.annotation(model, imports) : 'dict[str, object]';
      }
    }
  }

  /**
   * A `oneOf` with a discriminator whose every variant is a model with exactly one tag value:
   * pydantic picks the variant by the tag (`Discriminator`), instead of trying each (which open
   * enums, accepting any value, would make ambiguous). `undefined` when that does not apply.
   */
  private taggedUnion(schema: Extract<IrSchema, { kind: 'union' }>, imports: PyImports): string | undefined {
    const d = schema.discriminator;
    if (d === undefined || schema.variants.length < 2) return undefined;
    const variants: { model: IrName; tag: string }[] = [];
    for (const variant of schema.variants) {
      if (variant.schema.kind !== 'ref' || variant.schema.nullable) return undefined;
      const model = variant.schema.model;
      const tags = variant.tagValues ?? d.mapping.filter((m) => m.model === model).map((m) => m.value);
      if (tags.length !== 1) return undefined;
      variants.push({ model, tag: tags[0] as string });
    }
    const first = this.model(variants[0]?.model as IrName)?.schema;
    const property = first?.kind === 'object' ? first.properties.find((p) => p.name === d.propertyName) : undefined;
    const attribute = property ? this.names.of(property.propertyName) : d.propertyName;
    imports.from('typing', 'Annotated').from('typing', 'Union').from('pydantic', 'Discriminator').from('pydantic', 'Tag');
    const members = variants.map(({ model, tag }) => `Annotated[${this.ref(model, imports)}, Tag(${pyString(tag)})]`);
    imports.from(this.runtimeModel, 'discriminator');
    return `Annotated[Union[${members.join(', ')}], Discriminator(discriminator(${pyString(d.propertyName)}, ${pyString(attribute)}))]`;
  }

  /** Where modules printed by this printer import the runtime's model helpers from. */
  runtimeModel = '.._runtime.model';

  private primitive(schema: Extract<IrSchema, { kind: 'primitive' }>, imports: PyImports): string {
    if (schema.binary) return 'bytes';
    switch (schema.type) {
      case 'integer':
        return 'int';
      case 'number':
        return 'float';
      case 'boolean':
        return 'bool';
      case 'string': {
        const format = schema.meta?.format;
        if (format === 'date-time' || format === 'date') {
          // Imported as a module alias: a field named `datetime` must not shadow the type.
          imports.module('datetime as _dt');
          return `_dt.${format === 'date' ? 'date' : 'datetime'}`;
        }
        return 'str';
      }
    }
  }

  /** The name of the model `name` refers to. */
  modelName(name: IrName): string {
    return this.names.of(name);
  }
}

/**
 * Whether a property is required in its model's constructor: as the spec says. The IR shapes every
 * model for the directions it is used in (`generator/ir/usage.ts`): a response model has no
 * `writeOnly` fields, a request model no `readOnly` ones, so `required` holds in each, as in the
 * TypeScript target.
 */
export function isRequiredField(p: IrProperty): boolean {
  return p.required;
}
