/**
 * Python literals of JSON data laid out exactly as `ruff format` lays them out, so a module that is
 * only data (`_validators.py`: 3.7 MB for GitHub's API, half a second of ruff, more than the other
 * 7,000 modules' share per byte) can skip the formatter.
 *
 * ruff's layout of a collection literal without comments or magic trailing commas: the whole
 * literal on the line when it fits in the line length (counting what precedes it on the line and
 * the comma after it); otherwise one element per line, indented four spaces, each followed by a
 * comma unless it is the only one, each laid out by the same rule; the closing bracket on its own
 * line. Scalars never break.
 *
 * Strings get ruff's quotes (double, unless that needs more escapes than single quotes would); a
 * string too long for its line stays there, as ruff leaves it. The rule is only certain where
 * nothing else of ruff's applies, so `layoutLiteral` answers `undefined` (format with ruff as
 * before) for data ruff would measure or rewrite otherwise: characters ruff may count as two
 * columns or none (East Asian, combining, format characters, controls) and numbers in exponent
 * form.
 */
import { pyString } from '../../../render/escape';
import type { JsonValue } from '../../validation-table';
import { RUFF_SETTINGS } from '../ruff-settings';

/**
 * Characters ruff measures one column wide (printable ASCII; Latin, Greek, Cyrillic but its
 * combining marks; general punctuation; arrows): the only ones a laid-out string may hold.
 */
const NARROW_CHARS = '\\x20-\\x7e\\xa0-\\xac\\xae-\\u024f\\u0370-\\u0482\\u048a-\\u04ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff';
const NARROW = new RegExp(`^[${NARROW_CHARS}]*$`);
/** Lines of only such characters (the newlines between them aside). */
const NARROW_LINES = new RegExp(`^[\\n${NARROW_CHARS}]*$`);

/** Whether every character of `text` is one ruff measures one column wide (newlines allowed). */
export function isNarrow(text: string): boolean {
  return NARROW_LINES.test(text);
}

/**
 * Printable ASCII without quotes or backslashes: the text is the literal's body as it is (what
 * `pyString` would write, without its per-character loop; most of a validators table is such text).
 */
const PLAIN = /^[\x20-\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;

/** A string literal as ruff writes it (`pyString` quotes as ruff does), if ruff measures it as we do. */
function stringLiteral(text: string): string | undefined {
  if (PLAIN.test(text)) return `"${text}"`;
  return NARROW.test(text) ? pyString(text) : undefined;
}

/** A scalar's Python text, or `undefined` when ruff might write it otherwise. */
function scalar(value: JsonValue): string | undefined {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    const text = String(value);
    return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
  }
  if (typeof value === 'string') return stringLiteral(value);
  return undefined;
}

/** Thrown while measuring when the data leaves the subset above; caught by `layoutLiteral`. */
class Unsure extends Error {}

/**
 * A value measured once: its one-line width, and its text (a scalar) or its elements (a
 * collection, with each key's text). Widths are summed bottom-up, and one-line text is made only
 * for what fits, so laying out a large table costs one pass over it.
 */
interface Measured {
  readonly width: number;
  readonly text?: string;
  readonly brackets?: '[]' | '{}';
  readonly elements?: ReadonlyArray<{ readonly key: string | undefined; readonly value: Measured }>;
}

function measure(value: JsonValue): Measured {
  if (typeof value !== 'object' || value === null) {
    const text = scalar(value);
    if (text === undefined) throw new Unsure();
    return { width: text.length, text };
  }
  const list = Array.isArray(value);
  const elements = list
    ? (value as readonly JsonValue[]).map((item) => ({ key: undefined, value: measure(item) }))
    : Object.entries(value as Record<string, JsonValue>).map(([k, v]) => {
        const key = scalar(k);
        if (key === undefined) throw new Unsure();
        return { key, value: measure(v) };
      });
  // `[a, b]`, `{k: v, …}`: brackets, ", " between elements, ": " after each key.
  let width = 2 + Math.max(0, elements.length - 1) * 2;
  for (const element of elements) width += element.value.width + (element.key === undefined ? 0 : element.key.length + 2);
  return { width, brackets: list ? '[]' : '{}', elements };
}

/** The one-line text of a measured value (ruff's `[a, b]`, `{"k": v}`). */
function flat(m: Measured): string {
  if (m.text !== undefined) return m.text;
  const inner = (m.elements ?? []).map((e) => (e.key === undefined ? flat(e.value) : `${e.key}: ${flat(e.value)}`)).join(', ');
  return `${m.brackets?.[0] ?? ''}${inner}${m.brackets?.[1] ?? ''}`;
}

/**
 * `m` starting at column `start` of a line indented `indent` spaces, followed by `after`
 * characters (a comma) on its last line.
 */
function layout(m: Measured, indent: number, start: number, after: number, width: number): string {
  const elements = m.elements ?? [];
  // What fits stays on one line; so does a scalar or an empty collection that does not (ruff
  // leaves them long, unparenthesized inside a collection).
  if (start + m.width + after <= width || elements.length === 0) return flat(m);
  const inner = indent + 4;
  const pad = ' '.repeat(inner);
  // One element per line with a comma after each; a lone element gets none (ruff, like Black,
  // adds the trailing comma only when it splits at commas).
  const comma = elements.length > 1 ? ',' : '';
  const lines = elements.map(({ key, value }) => {
    const lead = key === undefined ? '' : `${key}: `;
    return `${pad}${lead}${layout(value, inner, inner + lead.length, comma.length, width)}${comma}`;
  });
  const [open, close] = m.brackets ?? '[]';
  return `${open}\n${lines.join('\n')}\n${' '.repeat(indent)}${close}`;
}

/**
 * `value` as ruff formats it after `prefix` (e.g. `SCHEMAS: Dict[str, Rule] = `) at the start of a
 * module-level line, or `undefined` when only ruff can say (see the top of this file).
 */
export function layoutLiteral(prefix: string, value: JsonValue, width: number): string | undefined {
  let measured: Measured;
  try {
    measured = measure(value);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
  return `${prefix}${layout(measured, 0, prefix.length, 0, width)}`;
}

/**
 * `head` + items + `close` (`__all__ = [` … `]`, `x: T = Field(` … `)`) at `indent`, as ruff lays out
 * a bracket of simple items: on one line when it fits; else the items on one line of their own;
 * else one per line with a trailing comma. A head too long for even that stays on one line, for
 * ruff (the module then has a line over the limit, so ruff formats it).
 */
export function bracketLayout(head: string, items: readonly string[], close: string, indent: number): string {
  const width = RUFF_SETTINGS['line-length'];
  const pad = ' '.repeat(indent);
  const flat = `${pad}${head}${items.join(', ')}${close}`;
  if (flat.length <= width || pad.length + head.length > width || items.length === 0) return flat;
  const inner = `${pad}    ${items.join(', ')}`;
  if (inner.length <= width) return `${pad}${head}\n${inner}\n${pad}${close}`;
  return explodedBracket(head, items, close, indent);
}

/**
 * `head` at `indent`, each item on a line of its own followed by a comma, then `close`: ruff's
 * layout of a bracket split at its commas (always so for an import, and for a bracket whose last
 * item has a comma after it).
 */
export function explodedBracket(head: string, items: readonly string[], close: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return `${pad}${head}\n${items.map((item) => `${pad}    ${item},\n`).join('')}${pad}${close}`;
}
