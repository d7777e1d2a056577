/**
 * Schema keywords written on a Parameter object instead of its `schema` (a Swagger 2.0 habit
 * that OpenAPI 3 specs carry over: `in: query, schema: {type: string}, enum: [a, b]`). The
 * OpenAPI schema rejects them as unknown properties, but the meaning is clear, so the IR reads
 * them as part of the parameter's schema. The validate stage reports each one as a warning.
 */
import { isObject, type Json, type JsonObject } from './context';

export const PARAMETER_SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  'type', 'format', 'enum', 'default', 'items', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf',
]);

/** The keywords of `parameter` that belong in its schema. */
export function misplacedKeywords(parameter: JsonObject): string[] {
  return Object.keys(parameter).filter((k) => PARAMETER_SCHEMA_KEYWORDS.has(k));
}

/**
 * `schema` with the parameter's misplaced keywords added (the schema's own keywords win), or a
 * schema made of them when the parameter has none. A `$ref` schema is left alone: its target
 * already says what the value is.
 */
export function withMisplacedKeywords(parameter: JsonObject, schema: Json | undefined): Json | undefined {
  const moved = misplacedKeywords(parameter);
  if (moved.length === 0) return schema;
  if (schema === undefined) return Object.fromEntries(moved.map((k) => [k, parameter[k] as Json]));
  if (!isObject(schema) || typeof schema['$ref'] === 'string') return schema;
  const extra = moved.filter((k) => schema[k] === undefined);
  return extra.length === 0 ? schema : { ...Object.fromEntries(extra.map((k) => [k, parameter[k] as Json])), ...schema };
}
