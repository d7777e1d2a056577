/**
 * Python literals of JSON data laid out exactly as `ruff format` lays them out, so a module that is
 * only data (`_validators.py`: 3.7 MB for GitHub's API, half a second of ruff, more than the other
 * 7,000 modules' share per byte) can skip the formatter.
 *
 * The layout is `./py-layout`'s for list and dict displays. Strings get ruff's quotes (double, unless that needs more escapes than single quotes would); a
 * string too long for its line stays there, as ruff leaves it. The rule is only certain where
 * nothing else of ruff's applies, so `layoutLiteral` answers `undefined` (format with ruff as
 * before) for data ruff would measure or rewrite otherwise: characters ruff may count as two
 * columns or none (East Asian, combining, format characters, controls) and numbers in exponent
 * form.
 */
import { pyString } from '../../../render/escape';
import type { JsonValue } from '../../validation-table';
import { pyDisplay, pyStatement, type PyExpr } from './py-layout';

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

/** Thrown when the data leaves the subset above; caught by `layoutLiteral`. */
class Unsure extends Error {}

/**
 * The expressions of one literal for `./py-layout`. Strings and dict keys are quoted once each: a
 * validators table repeats the same few (`"type": `, `"string"`) hundreds of thousands of times.
 */
class LiteralExprs {
  readonly #strings = new Map<string, string>();
  readonly #keys = new Map<string, string>();

  /** `value` after `prefix` (a dict key and `: `, or the start of the statement). */
  expr(value: JsonValue, prefix: string): PyExpr {
    if (typeof value !== 'object' || value === null) return `${prefix}${this.#scalar(value)}`;
    if (Array.isArray(value)) return pyDisplay(prefix, '[]', (value as readonly JsonValue[]).map((item) => this.expr(item, '')));
    const record = value as Record<string, JsonValue>;
    return pyDisplay(
      prefix,
      '{}',
      Object.keys(record).map((k) => this.expr(record[k] as JsonValue, this.#key(k))),
    );
  }

  #scalar(value: string | number | boolean | null): string {
    if (typeof value !== 'string') {
      const text = scalar(value);
      if (text === undefined) throw new Unsure();
      return text;
    }
    let text = this.#strings.get(value);
    if (text === undefined) {
      text = stringLiteral(value);
      if (text === undefined) throw new Unsure();
      this.#strings.set(value, text);
    }
    return text;
  }

  #key(name: string): string {
    let key = this.#keys.get(name);
    if (key === undefined) this.#keys.set(name, (key = `${this.#scalar(name)}: `));
    return key;
  }
}

/**
 * `value` as ruff formats it after `prefix` (e.g. `SCHEMAS: Dict[str, Rule] = `) at the start of a
 * module-level line, or `undefined` when only ruff can say (see the top of this file).
 */
export function layoutLiteral(prefix: string, value: JsonValue): string | undefined {
  try {
    return pyStatement(new LiteralExprs().expr(value, prefix), 0);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}
