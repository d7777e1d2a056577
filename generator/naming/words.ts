/**
 * Words of a name, and the casings every target builds identifiers from.
 *
 * - Words: spec text is split into words on every character that is not an ASCII letter or digit
 *   and on case changes (`getChargeSessionRetrieve` → get/Charge/Session/Retrieve, `HTTPServer` →
 *   HTTP/Server). Letters with diacritics are folded to ASCII (`été` → `ete`); other non-ASCII
 *   characters separate words. When nothing is left, the code points are spelled (`日本` → `U65e5U672c`).
 * - camelCase: first word lower-cased (all of it when it is all capitals), later words get an
 *   upper-case first letter, the rest of each word is kept (`orders.capture` → `ordersCapture`,
 *   `All Fares` → `allFares`, `RequestId` → `requestId`).
 * - PascalCase: every word gets an upper-case first letter, the rest is kept (`ChargesessionStartBody`
 *   stays). `titleWords` also lower-cases the rest (`SIT` → `Sit`).
 * - snake_case: words lower-cased, joined by `_`, and a digit run that follows a letter is its own
 *   word (`LocationResponeObjectV2` → `location_respone_object_v_2`, as Python SDKs spell it);
 *   `UPPER_SNAKE` the same in capitals.
 * - kebab-case: words lower-cased, joined by `-`.
 */
import { boundedMemo } from '../bounded-memo';

/**
 * Splits any text into ASCII alphanumeric words (see the module comment). Do not mutate the result.
 * Memoized: large specs ask for the words of the same few thousand texts (property names, context
 * hints) tens of thousands of times, and the splitting dominated IR build time.
 */
export const splitWords: (text: string) => readonly string[] = boundedMemo((text) => Object.freeze(computeWords(text)));

const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function charKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

/**
 * One pass over the text instead of a split plus three regex replaces per chunk (same result).
 * A word ends at every non-alphanumeric character and before: lower→Upper (`getPets` → get/Pets),
 * the last capital of an acronym followed by a lower-case letter (`HTTPServer` → HTTP/Server),
 * and a letter after a digit (`404Error` → 404/Error; `v2` stays one word).
 */
function computeWords(text: string): string[] {
  // ASCII needs no folding: NFKD and the combining-mark pass leave it unchanged.
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words: string[] = [];
  let start = -1;
  let previous = OTHER;
  for (let i = 0; i < folded.length; i++) {
    const kind = charKind(folded.charCodeAt(i));
    if (kind === OTHER) {
      if (start >= 0) words.push(folded.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (
      (previous === LOWER && kind === UPPER) ||
      (previous === UPPER && kind === UPPER && charKind(folded.charCodeAt(i + 1)) === LOWER) ||
      (previous === DIGIT && kind !== DIGIT)
    ) {
      words.push(folded.slice(start, i));
      start = i;
    }
    previous = kind;
  }
  if (start >= 0) words.push(folded.slice(start));
  if (words.length === 0) {
    return Array.from(text)
      .filter((ch) => /[^\x00-\x7f]/.test(ch) && /\S/u.test(ch))
      .map((ch) => `U${(ch.codePointAt(0) ?? 0).toString(16)}`);
  }
  return words;
}

export function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function isAllUpper(word: string): boolean {
  return /^[A-Z0-9]+$/.test(word) && /[A-Z]/.test(word);
}

/** camelCase of the words of `text` (may start with a digit). */
export function camelWords(text: string): string {
  const words = splitWords(text);
  return words
    .map((w, i) => {
      if (i > 0) return upperFirst(w);
      return isAllUpper(w) ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1);
    })
    .join('');
}

/** PascalCase of the words of `text` (may start with a digit); memoized: asked for every property of every schema. */
export const pascalWords: (text: string) => string = boundedMemo((text) => splitWords(text).map(upperFirst).join(''));

/** Title case: every word `Xxxx` (`SIT` → `Sit`). */
export function titleWords(text: string): string {
  return splitWords(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** kebab-case of the words of `text`, `[a-z0-9-]` only. */
export function kebabWords(text: string): string {
  return splitWords(text)
    .map((w) => w.toLowerCase())
    .join('-');
}

/**
 * The words of `text` with a digit run after letters split off (`V2` → V/2, `Start404` →
 * Start/404); memoized: the Python target asks for every property's and model's.
 */
const snakeParts: (text: string) => readonly string[] = boundedMemo((text) => splitWords(text).flatMap((w) => w.split(/(?<=[A-Za-z])(?=[0-9])/)));

/** snake_case of the words of `text` (`getEVLocations` → `get_ev_locations`, `ResponseV2` → `response_v_2`). */
export function snakeWords(text: string): string {
  return snakeParts(text)
    .map((w) => w.toLowerCase())
    .join('_');
}

/** UPPER_SNAKE_CASE of the words of `text` (`Out of order` → `OUT_OF_ORDER`). */
export function upperSnakeWords(text: string): string {
  return snakeParts(text)
    .map((w) => w.toUpperCase())
    .join('_');
}
