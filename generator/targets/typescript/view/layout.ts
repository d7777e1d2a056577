/**
 * Line layout for generated TypeScript, matching Prettier 3 (`printWidth: 100`, `singleQuote`,
 * default `trailingComma: 'all'`) for the constructs the templates print: imports/exports,
 * type aliases and property signatures with unions, method signatures, and the object/array
 * literals of an `OperationRequest`. Tests run `prettier --check` over generated SDKs.
 */

export const PRINT_WIDTH = 100;

export const fits = (text: string, column = 0): boolean => column + text.length <= PRINT_WIDTH;

/** `import { A, B } from 'x';` (or `export`, `import type` …), broken one name per line when long. */
export function importLine(keyword: string, names: readonly string[], from: string): string {
  const flat = `${keyword} { ${names.join(', ')} } from ${from};`;
  if (fits(flat)) return flat;
  return `${keyword} {\n${names.map((n) => `  ${n},`).join('\n')}\n} from ${from};`;
}

/**
 * A type expression with, when it is a union at top level, its members (for breaking). An empty
 * `members` list marks a type Prettier may move to the next line but cannot break further.
 */
export interface TypeText {
  readonly text: string;
  readonly members?: readonly string[];
}

/**
 * `<head> <type><tail>` where head ends before the type (e.g. `  name?:` or `export type X =`):
 * one line, else the type on the next line, else one union member per line.
 */
export function typeAfter(head: string, type: TypeText, tail: string, indent: number): string {
  const flat = `${head} ${type.text}${tail}`;
  if (fits(flat) || !type.members) return flat;
  const pad = ' '.repeat(indent + 2);
  const next = `${head}\n${pad}${type.text}${tail}`;
  if (fits(`${pad}${type.text}${tail}`) || type.members.length < 2) return next;
  return `${head}\n${type.members.map((m) => `${pad}| ${m}`).join('\n')}${tail}`;
}

/**
 * A property signature `  name: T;` or, optional, `  name?: T | undefined;`: an option a caller
 * may pass as `undefined` (as `exactOptionalPropertyTypes` otherwise forbids).
 */
export function optionalAfter(head: string, required: boolean, type: TypeText): string {
  if (required) return typeAfter(`${head}:`, type, ';', 2);
  const members = type.members ?? [type.text];
  const withUndefined: TypeText = members.includes('undefined')
    ? type
    : { text: `${type.text.includes('=>') ? `(${type.text})` : type.text} | undefined`, members: [...members, 'undefined'] };
  return typeAfter(`${head}?:`, withUndefined, ';', 2);
}

/** A method head `  async name(a: A, b?: B): R {`, broken one parameter per line when long. */
export function methodHead(prefix: string, params: readonly string[], returns: string, indent: number): string {
  const pad = ' '.repeat(indent);
  const flat = `${pad}${prefix}(${params.join(', ')}): ${returns} {`;
  if (fits(flat) || params.length === 0) return flat;
  return `${pad}${prefix}(\n${params.map((p) => `${pad}  ${p},`).join('\n')}\n${pad}): ${returns} {`;
}

// ---------------------------------------------------------------------------------------------
// Object and array literals
// ---------------------------------------------------------------------------------------------

export type JsNode =
  | { readonly t: 'raw'; readonly text: string }
  | { readonly t: 'obj'; readonly entries: readonly (readonly [string, JsNode])[]; readonly expanded?: boolean }
  | { readonly t: 'arr'; readonly items: readonly JsNode[] }
  | { readonly t: 'cond'; readonly test: string; readonly then: JsNode; readonly otherwise: JsNode }
  | { readonly t: 'call'; readonly callee: string; readonly args: readonly JsNode[] };

export const raw = (text: string): JsNode => ({ t: 'raw', text });
export const obj = (entries: readonly (readonly [string, JsNode])[], expanded = false): JsNode => ({ t: 'obj', entries, expanded });
export const arr = (items: readonly JsNode[]): JsNode => ({ t: 'arr', items });
export const call = (callee: string, args: readonly JsNode[]): JsNode => ({ t: 'call', callee, args });

/**
 * One-line text of a node: `undefined` when it must break, or when it is longer than `room` (it
 * could not fit a line then; every caller only uses a flat text that fits). The limit keeps this
 * linear: each level of a deep literal (GitHub's validation table) asks again, and would otherwise
 * print its whole subtree each time.
 */
function flat(node: JsNode, room = PRINT_WIDTH): string | undefined {
  switch (node.t) {
    case 'raw':
      return node.text.length <= room ? node.text : undefined;
    case 'obj': {
      if (node.entries.length === 0) return '{}';
      if (node.expanded) return undefined;
      return joined('{ ', node.entries, ' }', room, ([key, value], left) => {
        const v = flat(value, left - key.length - 2);
        return v === undefined ? undefined : `${key}: ${v}`;
      });
    }
    case 'arr': {
      if (node.items.length === 0) return '[]';
      if (arrayMustBreak(node.items)) return undefined;
      return joined('[', node.items, ']', room, (item, left) => flat(item, left));
    }
    case 'call':
      return joined(`${node.callee}(`, node.args, ')', room, (arg, left) => flat(arg, left));
    case 'cond': {
      const a = flat(node.then, room);
      const b = a === undefined ? undefined : flat(node.otherwise, room);
      if (a === undefined || b === undefined) return undefined;
      const text = `${node.test} ? ${a} : ${b}`;
      return text.length <= room ? text : undefined;
    }
  }
}

/** `open` + the parts joined by `, ` + `close`, or `undefined` once a part or the whole is too long. */
function joined<T>(open: string, items: readonly T[], close: string, room: number, part: (item: T, left: number) => string | undefined): string | undefined {
  let text = open;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ', ';
    const p = part(items[i] as T, room - text.length - close.length);
    if (p === undefined) return undefined;
    text += p;
  }
  text += close;
  return text.length <= room ? text : undefined;
}

/** Prettier breaks arrays of more than one object (or array) literal with more than one entry. */
function arrayMustBreak(items: readonly JsNode[]): boolean {
  return (
    items.length > 1 &&
    items.every((i) => (i.t === 'obj' && i.entries.length > 1) || (i.t === 'arr' && i.items.length > 1))
  );
}

/**
 * Prints `node` starting at `column` on a line indented by `indent`, followed on the same line by
 * `tailLength` characters (e.g. `,`). Later lines carry their absolute indentation.
 */
export function printNode(node: JsNode, indent: number, column: number, tailLength: number): string {
  const one = flat(node);
  if (one !== undefined && column + one.length + tailLength <= PRINT_WIDTH) return one;
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  switch (node.t) {
    case 'raw':
      return node.text;
    case 'obj':
      return `{\n${node.entries.map(([key, value]) => `${inner}${printEntry(key, value, indent + 2)},`).join('\n')}\n${pad}}`;
    case 'arr':
      return `[\n${node.items.map((item) => `${inner}${printNode(item, indent + 2, indent + 2, 1)},`).join('\n')}\n${pad}]`;
    case 'call':
      return `${node.callee}(\n${node.args.map((a) => `${inner}${printNode(a, indent + 2, indent + 2, 1)},`).join('\n')}\n${pad})`;
    case 'cond':
      return printCond(node, indent, column, tailLength);
  }
}

/** The text up to the first place Prettier could break `node` (used for the "fluid" layout). */
function firstSegment(node: JsNode): string {
  switch (node.t) {
    case 'raw':
      return node.text;
    case 'obj':
      return node.entries.length === 0 ? '{}' : '{';
    case 'arr':
      return node.items.length === 0 ? '[]' : '[';
    case 'call':
      return `${node.callee}(`;
    case 'cond':
      return node.test;
  }
}

/** `key: value` of an object at `indent` (the caller adds the trailing comma). */
export function printEntry(key: string, value: JsNode, indent: number): string {
  const head = `${key}:`;
  if (value.t === 'cond') {
    // Prettier's "break-after-operator" layout for conditionals with a binary test.
    const one = flat(value);
    if (one !== undefined && indent + head.length + 1 + one.length + 1 <= PRINT_WIDTH) return `${head} ${one}`;
    const inner = indent + 2;
    if (one !== undefined && inner + one.length + 1 <= PRINT_WIDTH) return `${head}\n${' '.repeat(inner)}${one}`;
    return `${head}\n${' '.repeat(inner)}${printCond(value, inner, inner, 1)}`;
  }
  const one = flat(value);
  if (one !== undefined && indent + head.length + 1 + one.length + 1 <= PRINT_WIDTH) return `${head} ${one}`;
  // Prettier's assignment layouts: a string literal or an unbreakable value moves to the next
  // line ("break-after-operator"); a breakable one stays when its first segment fits ("fluid").
  // Keys narrower than 5 columns (tabWidth + 3) and number/boolean values never move.
  const shortKey = key.length < 5 && !key.startsWith('[');
  if (shortKey || (value.t === 'raw' && /^(-?[0-9]|true$|false$)/.test(value.text))) {
    return `${head} ${printNode(value, indent, indent + head.length + 1, 1)}`;
  }
  const unbreakable = value.t === 'raw';
  if (unbreakable || indent + head.length + 1 + firstSegment(value).length > PRINT_WIDTH) {
    const inner = indent + 2;
    return `${head}\n${' '.repeat(inner)}${printNode(value, inner, inner, 1)}`;
  }
  return `${head} ${printNode(value, indent, indent + head.length + 1, 1)}`;
}

function printCond(node: Extract<JsNode, { t: 'cond' }>, indent: number, column: number, tailLength: number): string {
  const one = flat(node);
  if (one !== undefined && column + one.length + tailLength <= PRINT_WIDTH) return one;
  const branch = indent + 2;
  const pad = ' '.repeat(branch);
  // Branch objects are indented relative to the `? ` / `: ` marker (+2 for the marker itself).
  return `${node.test}\n${pad}? ${printNode(node.then, branch + 2, branch + 2, 0)}\n${pad}: ${printNode(node.otherwise, branch + 2, branch + 2, tailLength)}`;
}
