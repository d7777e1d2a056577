/**
 * An IR schema in spec terms, as one line: what `sdkgen diff` reports and what IR tests compare,
 * independent of any target's type syntax.
 *
 * `string`, `string (date-time)`, `integer (int64)`, `binary`, `"a" | "b"` (enums and literals as
 * JSON), `array<X>`, `map<X>`, `object { a, b? }`, `X | Y` (oneOf/anyOf), `allOf(X, Y)`, `any`
 * (free-form), `X | null`; models by their spec name (component key, or inline context).
 */
import { specText } from './schemas/spec-text';
import type { IrSchema } from './types';

export function describeSchema(schema: IrSchema): string {
  const base = describeBase(schema);
  if (!schema.nullable || base === 'any' || base === 'null') return base;
  return `${base} | null`;
}

/** `X` alone, or parenthesised when it is a union and sits inside another construct. */
function inner(schema: IrSchema): string {
  const text = describeSchema(schema);
  return / \| /.test(text) && !/^[[{(<]/.test(text) ? `(${text})` : text;
}

function describeBase(schema: IrSchema): string {
  switch (schema.kind) {
    case 'primitive': {
      if (schema.binary) return 'binary';
      const format = schema.meta?.format;
      return format !== undefined && format !== '' ? `${schema.type} (${format})` : schema.type;
    }
    case 'enum':
      return schema.members.map((m) => JSON.stringify(m.value)).join(' | ');
    case 'literal':
      return JSON.stringify(schema.value);
    case 'unknown':
      return 'any';
    case 'ref':
      return specText(schema.model);
    case 'array':
      return `array<${inner(schema.items)}>`;
    case 'map':
      return `map<${inner(schema.values)}>`;
    case 'object': {
      const props = schema.properties.map((p) => `${p.name}${p.required ? '' : '?'}: ${describeSchema(p.schema)}`);
      if (schema.additionalProperties) props.push(`*: ${describeSchema(schema.additionalProperties)}`);
      return `object { ${props.join(', ')} }`;
    }
    case 'union':
      return [...new Set(schema.variants.map((v) => inner(v.schema)))].join(' | ');
    case 'intersection':
      return `allOf(${schema.parts.map(describeSchema).join(', ')})`;
  }
}
