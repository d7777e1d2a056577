/** IR schema → TypeScript type expression (flat text plus top-level union members for wrapping). */
import type { IrProperty, IrSchema } from '../../../ir/types';
import type { Names } from '../../../naming';
import { tsLiteral, tsString } from '../../../render/escape';
import { isPropertyName } from '../naming-policy';
import type { TypeText } from './layout';

/** A property key: bare when it is an identifier, else a string literal. */
export function propertyKey(name: string): string {
  return isPropertyName(name) ? name : tsString(name);
}

/**
 * A key of an object literal (a value, not a type): `propertyKey`, except that `__proto__`, bare
 * or quoted, would set the literal's prototype there; as a computed key it is an entry.
 */
export function literalKey(name: string): string {
  return name === '__proto__' ? `['__proto__']` : propertyKey(name);
}

/**
 * Whether a property is required in its TypeScript type: as the spec says. The IR shapes every
 * model for the directions it is used in (`generator/ir/usage.ts`): a response type has no
 * `writeOnly` properties, a request type no `readOnly` ones, so `required` holds in each (see the
 * README, "readOnly and writeOnly").
 */
export function isRequiredInType(p: IrProperty): boolean {
  return p.required;
}

/** Precedence of a printed type: 0 union, 1 intersection, 2 anything tighter. */
interface Printed {
  readonly text: string;
  readonly prec: 0 | 1 | 2;
  readonly members?: readonly string[];
}

function wrap(p: Printed, min: 0 | 1 | 2): string {
  return p.prec < min ? `(${p.text})` : p.text;
}

function union(members: readonly string[]): Printed {
  const unique = [...new Set(members)];
  if (unique.length === 1) return { text: unique[0] as string, prec: 2 };
  return { text: unique.join(' | '), prec: 0, members: unique };
}

/**
 * Prints the schemas of one IR with the model names of one `Names`. Printed types are kept by
 * schema object: the IR is immutable once built, and a schema is printed several times (model,
 * params type, docs tables, examples); nested schemas would be re-printed each time.
 */
export class TypePrinter {
  private readonly printed = new WeakMap<IrSchema, Printed>();

  constructor(private readonly names: Names) {}

  /** The TypeScript type of a schema. */
  type(schema: IrSchema): TypeText {
    const p = this.print(schema);
    return p.members ? { text: p.text, members: p.members } : { text: p.text };
  }

  /** The index signature of an object with both properties and `additionalProperties`. */
  indexSignatureType(schema: Extract<IrSchema, { kind: 'object' }>): string {
    if (!schema.additionalProperties) return 'unknown';
    const ap = this.print(schema.additionalProperties).text;
    // Every declared property must be assignable to the index signature.
    const all = schema.properties.every((p) => this.print(p.schema).text === ap && isRequiredInType(p));
    return all || schema.properties.length === 0 ? ap : 'unknown';
  }

  private print(schema: IrSchema): Printed {
    let result = this.printed.get(schema);
    if (result === undefined) {
      result = this.printUncached(schema);
      this.printed.set(schema, result);
    }
    return result;
  }

  private printUncached(schema: IrSchema): Printed {
    const base = this.printBase(schema);
    if (!schema.nullable || base.text === 'unknown' || base.text === 'null') return base;
    const members = base.members ? [...base.members, 'null'] : [wrap(base, 2), 'null'];
    return union(members);
  }

  private printBase(schema: IrSchema): Printed {
    const print = (s: IrSchema): Printed => this.print(s);
    switch (schema.kind) {
      case 'primitive':
        if (schema.binary) return { text: 'Blob', prec: 2 };
        return { text: schema.type === 'integer' ? 'number' : schema.type, prec: 2 };
      case 'enum':
        return union(schema.members.map((m) => tsLiteral(m.value)));
      case 'literal':
        return { text: tsLiteral(schema.value), prec: 2 };
      case 'unknown':
        return { text: 'unknown', prec: 2 };
      case 'ref':
        return { text: this.names.of(schema.model), prec: 2 };
      case 'array': {
        const items = print(schema.items);
        return { text: `${wrap(items, 2)}[]`, prec: 2 };
      }
      case 'map': {
        const values = print(schema.values).text;
        // `Record<…>` is a generic alias: TypeScript resolves its argument eagerly, so an alias that
        // reaches itself through it (`type Json = string | Record<string, Json>`) is an error
        // (TS2456). An object type literal is resolved lazily, so a map that can mention a model uses it.
        return mentionsModel(schema.values)
          ? { text: `{ [key: string]: ${values} }`, prec: 2 }
          : { text: `Record<string, ${values}>`, prec: 2 };
      }
      case 'object': {
        if (schema.properties.length === 0 && !schema.additionalProperties) return { text: 'Record<string, unknown>', prec: 2 };
        const parts = schema.properties.map(
          (p) => `${p.readOnly ? 'readonly ' : ''}${propertyKey(p.name)}${isRequiredInType(p) ? '' : '?'}: ${print(p.schema).text}`,
        );
        if (schema.additionalProperties) parts.push(`[key: string]: ${this.indexSignatureType(schema)}`);
        return { text: `{ ${parts.join('; ')} }`, prec: 2 };
      }
      case 'union': {
        const members: string[] = [];
        for (const v of schema.variants) {
          const printed = print(v.schema);
          if (v.tagValues && v.tagValues.length > 0 && schema.discriminator) {
            const key = propertyKey(schema.discriminator.propertyName);
            const tag = v.tagValues.map((t) => tsString(t)).join(' | ');
            members.push(`(${wrap(printed, 1)} & { ${key}: ${tag} })`);
          } else if (printed.members) members.push(...printed.members);
          else members.push(wrap(printed, 2));
        }
        return union(members);
      }
      case 'intersection': {
        const parts = [...new Set(schema.parts.map((p) => wrap(print(p), 1)))];
        if (parts.length === 1) return { text: parts[0] as string, prec: 2 };
        return { text: parts.join(' & '), prec: 1 };
      }
    }
  }
}

/** Whether a printed schema can name a model (and so take part in a recursive alias). */
function mentionsModel(schema: IrSchema): boolean {
  switch (schema.kind) {
    case 'ref':
      return true;
    case 'array':
      return mentionsModel(schema.items);
    case 'map':
      return mentionsModel(schema.values);
    case 'object':
      return (
        schema.properties.some((p) => mentionsModel(p.schema)) ||
        (schema.additionalProperties !== undefined && mentionsModel(schema.additionalProperties))
      );
    case 'union':
      return schema.variants.some((v) => mentionsModel(v.schema));
    case 'intersection':
      return schema.parts.some(mentionsModel);
    default:
      return false;
  }
}
