/** The syntax half of an identifier, shared by every target's policy (the casing and reserved words are the policy's). */

/**
 * Makes a syntactically valid identifier from already-cased text: every character `invalid`
 * matches is dropped, `fallback` stands in for nothing left, and a leading digit gets
 * `digitPrefix` (`_` in most languages; Python model fields use `field_`, since pydantic treats
 * names starting with `_` as private).
 */
export function identifierSyntax(cased: string, fallback: string, invalid: RegExp, digitPrefix = '_'): string {
  let id = cased.replace(invalid, '');
  if (id === '') id = fallback;
  if (/^[0-9]/.test(id)) id = `${digitPrefix}${id}`;
  return id;
}
