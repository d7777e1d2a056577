/**
 * IR schema → Python type annotation (Python 3.9 syntax: `list[X]`, `dict[str, X]`,
 * `Optional[X]`, `Union[A, B]`, `Literal[...]`), registering what each annotation needs in the
 * module's imports. Model references go through `ref`, which decides how the module gets them.
 */
import type { IrName, IrProperty, IrSchema } from '../../../ir/types';
import type { Names } from '../../../naming';
import { pyLiteral } from '../../../render/escape';
import type { PyImports } from './imports';

/** How a module refers to a model class (and imports it). */
export type ModelRef = (model: IrName, imports: PyImports) => string;

export class PyTypePrinter {
  constructor(
    private readonly names: Names,
    private readonly ref: ModelRef,
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
 * Whether a property is required in its model's constructor. One model serves requests and
 * responses, so a property the spec requires in one direction only (`readOnly`, `writeOnly`) is
 * optional, as in the TypeScript target.
 */
export function isRequiredField(p: IrProperty): boolean {
  return p.required && p.readOnly === p.writeOnly;
}
