/** Validity rules for names that end up in generated code or package metadata. */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await any boolean number string symbol ' +
    'never unknown object undefined'
  ).split(' '),
);

/** npm's rules: lowercase, URL-safe, at most 214 characters, optionally scoped. */
export function isValidNpmName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 214 &&
    /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name) &&
    !name.startsWith('.') &&
    !name.startsWith('_')
  );
}

/** A TypeScript identifier usable as a class name (ASCII, not a reserved word). */
export function isValidClassName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}

/** A suffix appended to identifiers: identifier characters only (may be empty). */
export function isValidIdentifierPart(text: string): boolean {
  return /^[A-Za-z0-9_$]*$/.test(text);
}

/** A semantic version (`1.2.3`, `1.0.0-beta.1`, `2.0.0+build.5`). */
export function isValidSemver(version: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version);
}

/** Turns a file name like `pet-store.v2.yaml` into a package-name guess (`pet-store.v2`). */
export function npmNameFromFile(basename: string): string {
  const stem = basename.replace(/\.(ya?ml|json)$/i, '');
  const cleaned = stem
    .toLowerCase()
    .replace(/[^a-z0-9-._~]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return cleaned || 'sdk';
}
