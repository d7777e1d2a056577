/**
 * JSON data printed as a TypeScript object literal, laid out as `printNode` (`./layout`) lays out
 * the same literal built from `JsNode`s, i.e. as Prettier prints it. The validation table is this
 * printer's one caller: for GitHub it is 3 MB of nested literals, and building a `JsNode` for each
 * of its values first cost as much as printing them (see `test/targets/typescript/json-literal.test.ts`, which
 * holds the two printers to the same text).
 */
import { tsString } from '../../../render/escape';
import type { JsonValue } from '../../validation-table';
import { PRINT_WIDTH } from './layout';
import { literalKey } from './types';

/** Prints `value` starting at `column` of a line indented by `indent`, followed by `tailLength` characters. */
export function printJson(value: JsonValue, indent: number, column: number, tailLength: number): string {
  return new JsonPrinter().print(value, indent, column, tailLength, undefined);
}

type JsonObject = { readonly [key: string]: JsonValue };

/** Memo of the quoted texts: the table repeats the same keys and strings (`type`, `'string'`) everywhere. */
class JsonPrinter {
  readonly #keys = new Map<string, string>();
  readonly #strings = new Map<string, string>();

  /** `one` is `flat(value)` when the caller has it (`null`: it does not fit a line). */
  print(value: JsonValue, indent: number, column: number, tailLength: number, one: string | null | undefined): string {
    const flat = one === undefined ? this.#flat(value, PRINT_WIDTH) : (one ?? undefined);
    if (flat !== undefined && column + flat.length + tailLength <= PRINT_WIDTH) return flat;
    if (value === null || typeof value !== 'object') return this.#scalar(value);
    const pad = ' '.repeat(indent);
    const inner = ' '.repeat(indent + 2);
    const lines: string[] = [];
    if (Array.isArray(value)) {
      for (const item of value as readonly JsonValue[]) lines.push(`${inner}${this.print(item, indent + 2, indent + 2, 1, undefined)},`);
      return `[\n${lines.join('\n')}\n${pad}]`;
    }
    const record = value as JsonObject;
    for (const key of Object.keys(record)) lines.push(`${inner}${this.#entry(this.#key(key), record[key] as JsonValue, indent + 2)},`);
    return `{\n${lines.join('\n')}\n${pad}}`;
  }

  /** `key: value` at `indent`, as `printEntry` lays it out for a value that is not a conditional. */
  #entry(key: string, value: JsonValue, indent: number): string {
    const head = `${key}:`;
    const one = this.#flat(value, PRINT_WIDTH);
    if (one !== undefined && indent + head.length + 1 + one.length + 1 <= PRINT_WIDTH) return `${head} ${one}`;
    const known = one ?? null;
    const scalar = value === null || typeof value !== 'object';
    // Short keys and number/boolean values stay on the key's line (`printEntry`'s rule).
    if ((key.length < 5 && !key.startsWith('[')) || typeof value === 'number' || typeof value === 'boolean') {
      return `${head} ${this.print(value, indent, indent + head.length + 1, 1, known)}`;
    }
    // The first segment of a literal is `{` or `[`, of an empty one `{}` or `[]`.
    if (scalar || indent + head.length + 1 + (one === '{}' || one === '[]' ? 2 : 1) > PRINT_WIDTH) {
      const inner = indent + 2;
      return `${head}\n${' '.repeat(inner)}${this.print(value, inner, inner, 1, known)}`;
    }
    return `${head} ${this.print(value, indent, indent + head.length + 1, 1, known)}`;
  }

  /** One-line text of `value`, or `undefined` when it must break or is longer than `room`. */
  #flat(value: JsonValue, room: number): string | undefined {
    if (value === null || typeof value !== 'object') {
      const text = this.#scalar(value);
      return text.length <= room ? text : undefined;
    }
    if (Array.isArray(value)) {
      const items = value as readonly JsonValue[];
      if (items.length === 0) return '[]';
      if (mustBreak(items)) return undefined;
      let text = '[';
      for (let i = 0; i < items.length; i++) {
        if (i > 0) text += ', ';
        const part = this.#flat(items[i] as JsonValue, room - text.length - 1);
        if (part === undefined) return undefined;
        text += part;
      }
      text += ']';
      return text.length <= room ? text : undefined;
    }
    const record = value as JsonObject;
    let text = '{ ';
    let empty = true;
    // Own keys only (`for…in` would also list a prototype's: a spec name `__proto__` sets one).
    for (const name of Object.keys(record)) {
      if (!empty) text += ', ';
      empty = false;
      const key = this.#key(name);
      const part = this.#flat(record[name] as JsonValue, room - text.length - 2 - key.length - 2);
      if (part === undefined) return undefined;
      text += `${key}: ${part}`;
    }
    if (empty) return '{}';
    text += ' }';
    return text.length <= room ? text : undefined;
  }

  #scalar(value: string | number | boolean | null): string {
    if (typeof value !== 'string') return String(value);
    let text = this.#strings.get(value);
    if (text === undefined) this.#strings.set(value, (text = tsString(value)));
    return text;
  }

  #key(name: string): string {
    let key = this.#keys.get(name);
    if (key === undefined) this.#keys.set(name, (key = literalKey(name)));
    return key;
  }
}

/** Prettier breaks arrays of more than one object (or array) literal with more than one entry (`arrayMustBreak`). */
function mustBreak(items: readonly JsonValue[]): boolean {
  return items.length > 1 && items.every((item) => (Array.isArray(item) ? item.length > 1 : item !== null && typeof item === 'object' && hasTwoKeys(item as JsonObject)));
}

function hasTwoKeys(record: JsonObject): boolean {
  return Object.keys(record).length > 1;
}
