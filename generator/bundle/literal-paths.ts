/**
 * Where a `{ "$ref": ... }` object is data, not a reference.
 *
 * Example values, defaults, enums and consts are literal: a `$ref` key inside them must not be
 * followed (it could otherwise make sdkgen fetch a URL or read a file named by an example).
 * A key is only literal when it is a keyword, not a name in a map of named things
 * (`properties: { default: ... }` is a property called "default").
 */

const LITERAL_KEYWORDS = new Set(['example', 'default', 'enum', 'const']);

/** Keys whose children are user-chosen names rather than keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'variables',
  'mapping',
]);

/** Whether the last segment of `path` (with up to three segments of context before it) is literal data. */
export function isLiteralKey(path: readonly string[]): boolean {
  const i = path.length - 1;
  if (i < 0) return false;
  const key = path[i] as string;
  const parent = path[i - 1];
  const grand = path[i - 2];
  // A child of a name map is a name (`properties: { default: ... }`) unless the map key is itself a name.
  if (parent !== undefined && NAME_MAPS.has(parent) && !(grand !== undefined && NAME_MAPS.has(grand))) return false;
  if (LITERAL_KEYWORDS.has(key)) return true;
  // `examples: { name: { value: <literal> } }` (an Example Object's value).
  return key === 'value' && grand === 'examples';
}

/** Whether the value at these segments (from the document root) is literal data or inside it. */
export function isLiteralPath(segments: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    if (isLiteralKey(segments.slice(Math.max(0, i - 2), i + 1))) return true;
  }
  return false;
}
