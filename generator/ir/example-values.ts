/**
 * Example values for docs and snippets, in spec terms: the spec's own `example`/`default` when it
 * gives one, else a placeholder that tells the reader what goes there. Each target prints them in
 * its language (`targets/<target>/view/example.ts`).
 */

/** The parsed JSON of a spec `example`/`default` (kept as JSON text in the IR); `undefined` if none or unparsable. */
export function specExample(json: string | undefined): { value: unknown } | undefined {
  if (json === undefined) return undefined;
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return undefined;
  }
}

/** A placeholder string for a string schema of `format`. */
export function placeholderString(format: string | undefined): string {
  switch (format) {
    case 'date-time':
      return '2024-01-31T12:00:00Z';
    case 'date':
      return '2024-01-31';
    case 'uuid':
      return '123e4567-e89b-12d3-a456-426614174000';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return 'string';
  }
}
