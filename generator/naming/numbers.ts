/** Numbers spelled as identifier text, for enum members whose values are numbers. */

/** A plain decimal number as an enum value's text (`-1`, `0.5`, `1e-7`). */
export const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * Word splitting would drop sign and decimal point (`-1` and `1` would both be `1`), so they are
 * spelled: `-` → `Minus`, `.` → `_`, exponent sign likewise (`-1` → `Minus1`, `0.5` → `0_5`,
 * `-2.75` → `Minus2_75`, `1e-7` → `1eMinus7`, `1e+21` → `1e21`). `undefined` when the text is
 * not a number. The result may start with a digit; policies add their own prefix.
 */
export function spellNumber(text: string): string | undefined {
  if (!NUMERIC_TEXT.test(text)) return undefined;
  return text
    .trim()
    .replace(/^([-+]?)\./, '$10.')
    .replace(/^\+/, '')
    .replace(/^-/, 'Minus')
    .replace(/[eE]\+?/, 'e')
    .replace(/e-/, 'eMinus')
    .replace(/\./, '_');
}
