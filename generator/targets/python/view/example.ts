/**
 * Example values for the Python docs and quickstart: a Python expression for a schema, preferring
 * the spec's own `example`/`default`, then a plausible value for the type and format. Models are
 * built by attribute name (`ChargesessionStartBody(ev_charge_number="...")`); what an example
 * uses is added to `imports` (paths from the package root, as a user writes them).
 */
import type { IrSchema } from '../../../ir/types';
import { pyLiteral, pyString } from '../../../render/escape';
import type { PyContext } from './context';
import { isClassModel } from './context';
import { isRequiredField } from './types';
import { placeholderString, specExample } from '../../../ir/example-values';

/** Deep enough to show structure; shallow enough that recursive models terminate. */
const MAX_DEPTH = 4;

/** `from <package>.models.<module> import <Name>` lines an example needs, by name. */
export type ExampleImports = Map<string, string>;

function jsonValue(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return pyLiteral(value);
  if (Array.isArray(value)) return `[${value.map(jsonValue).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, x]) => `${pyString(k)}: ${jsonValue(x)}`).join(', ')}}`;
  return 'None';
}

/** A Python expression for `schema`. */
export function pyExample(v: PyContext, schema: IrSchema, imports: ExampleImports, depth = 0): string {
  if (schema.kind === 'ref') return refExample(v, schema.model, imports, depth);
  const spec = specExample(schema.meta?.exampleJson) ?? specExample(schema.meta?.defaultJson);
  if (spec !== undefined && schema.kind !== 'array' && schema.kind !== 'map') {
    if (schema.kind === 'primitive' && (schema.meta?.format === 'date-time' || schema.meta?.format === 'date')) {
      imports.set('datetime', 'import datetime');
      return schema.meta.format === 'date' ? 'datetime.date(2024, 1, 31)' : 'datetime.datetime(2024, 1, 31, 12, 0, tzinfo=datetime.timezone.utc)';
    }
    return jsonValue(spec.value);
  }
  switch (schema.kind) {
    case 'primitive': {
      if (schema.binary) return 'b"..."';
      if (schema.type === 'integer') return '1';
      if (schema.type === 'number') return '1.5';
      if (schema.type === 'boolean') return 'True';
      const format = schema.meta?.format;
      if (format === 'date-time' || format === 'date') {
        imports.set('datetime', 'import datetime');
        return format === 'date' ? 'datetime.date(2024, 1, 31)' : 'datetime.datetime(2024, 1, 31, 12, 0, tzinfo=datetime.timezone.utc)';
      }
      return pyString(placeholderString(format));
    }
    case 'enum':
      return pyLiteral(schema.members[0]?.value ?? null);
    case 'literal':
      return pyLiteral(schema.value);
    case 'array':
      return depth < MAX_DEPTH ? `[${pyExample(v, schema.items, imports, depth + 1)}]` : '[]';
    case 'map':
      return depth < MAX_DEPTH ? `{"key": ${pyExample(v, schema.values, imports, depth + 1)}}` : '{}';
    case 'union':
      return schema.variants[0] ? pyExample(v, schema.variants[0].schema, imports, depth) : 'None';
    case 'intersection':
      return schema.parts[0] ? pyExample(v, schema.parts[0], imports, depth) : '{}';
    case 'object':
    case 'unknown':
      return '{}';
  }
}

function refExample(v: PyContext, name: Parameters<PyContext['name']>[0], imports: ExampleImports, depth: number): string {
  const model = v.models.get(name);
  if (model === undefined) return 'None';
  const cls = v.name(name);
  if (!isClassModel(model)) return depth < MAX_DEPTH ? pyExample(v, model.schema, imports, depth + 1) : 'None';
  imports.set(cls, `from ${v.settings.importName}.models.${v.module(name)} import ${cls}`);
  const s = model.schema;
  if (s.kind === 'enum') {
    const first = s.members[0];
    return first ? `${cls}.${v.name(first.name)}` : 'None';
  }
  if (s.kind !== 'object' || depth >= MAX_DEPTH) return `${cls}()`;
  // Required properties only: an example shows what a call needs, not every option.
  const args = s.properties.filter((p) => isRequiredField(p) && !p.readOnly).map((p) => `${v.name(p.propertyName)}=${pyExample(v, p.schema, imports, depth + 1)}`);
  return `${cls}(${args.join(', ')})`;
}
