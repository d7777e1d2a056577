/**
 * Opt-in response validation (`validateResponses: 'warn' | 'strict'`): checks a parsed success
 * body against the rules the generator wrote into `validators.ts` from the spec (JSON Schema
 * keywords; see that file). Loaded only when validation is on (the client imports `validators.ts`
 * lazily), so an SDK used without it never loads this code.
 *
 * Violations name a JSON path (`$.data[0].status`) and the rule broken, never the value: a
 * response may carry personal data or tokens.
 */
import { ResponseValidationException, type Violation } from './errors.js';
import type { Logger } from './logger.js';
import { headersToRecord } from './transport.js';

/** What the generator writes for one schema: JSON Schema keywords (every one optional). */
export interface Rule {
  readonly type?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly items?: Rule;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly properties?: Rules;
  readonly required?: readonly string[];
  /** A rule for undeclared fields, or `true` (anything); absent: an undeclared field is reported. */
  readonly additionalProperties?: Rule | true;
  readonly anyOf?: readonly Rule[];
  readonly allOf?: readonly Rule[];
  /** A key of the table's schemas. */
  readonly $ref?: string;
}
export type Rules = Readonly<Record<string, Rule>>;

/** The most violations one response reports (a wrong list can break every element). */
const MAX = 20;

const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Every violation of `rule` by `value` (at most `MAX`); `schemas` resolves `$ref`. */
export function validate(value: unknown, rule: Rule, schemas: Rules, path = '$'): Violation[] {
  const out: Violation[] = [];
  check(value, rule, schemas, path, out, true);
  return out.slice(0, MAX);
}

/**
 * Validates a success body: `warn` logs one warning listing the violations, `strict` throws
 * `ResponseValidationException`. No rule for the status: nothing to check.
 */
export function checkResponse(
  mode: 'warn' | 'strict',
  logger: Logger,
  operationId: string,
  rule: Rule | undefined,
  schemas: Rules,
  data: unknown,
  response: Response,
): void {
  if (rule === undefined) return;
  const violations = validate(data, rule, schemas);
  if (violations.length === 0) return;
  const list = violations.map((v) => `${v.path} (${v.rule})`).join(', ');
  const message = `${operationId}: HTTP ${response.status} response does not match the spec: ${list}`;
  if (mode === 'warn') logger.warn(message);
  else {
    const init = { statusCode: response.status, headers: headersToRecord(response.headers), body: data };
    throw new ResponseValidationException(message, violations, init, response);
  }
}

function check(value: unknown, rule: Rule, schemas: Rules, path: string, out: Violation[], extras: boolean): void {
  if (out.length >= MAX) return;
  const fail = (name: string, at = path): void => void out.push({ path: at, rule: name });
  const r = rule;
  if (value === null && (r.nullable === true || r.const === null)) return;
  // A `$ref` with constraints beside it (3.1): both apply.
  const target = r.$ref === undefined ? undefined : schemas[r.$ref];
  if (target !== undefined) check(value, target, schemas, path, out, extras);
  if ('const' in r && value !== r.const) return fail('const');
  if (r.enum !== undefined && !r.enum.includes(value)) return fail('enum');
  const type = r.type;
  if (type !== undefined && !hasType(value, type)) return fail(`type ${type}`);
  const any = r.anyOf;
  if (any !== undefined) {
    // The closest variant stands for the union (none: it passes): the fewest violations, one of
    // the value's own type first.
    let best: Violation[] | undefined;
    let bestScore = Infinity;
    for (const variant of any) {
      const found: Violation[] = [];
      check(value, variant, schemas, path, found, extras);
      const score = found.length + (found.some((v) => v.path === path && v.rule.startsWith('type')) ? MAX : 0);
      if (score < bestScore) [best, bestScore] = [found, score];
      if (score === 0) break;
    }
    out.push(...(best ?? []));
  }
  const all = r.allOf;
  if (all !== undefined) {
    // Each part sees its own properties only: undeclared fields are judged against all parts.
    for (const part of all) check(value, part, schemas, path, out, false);
    if (extras && isObject(value)) {
      const known = declared(rule, schemas, new Set());
      if (known !== undefined) for (const k in value) if (!known.has(k)) fail('additionalProperties', `${path}${key(k)}`);
    }
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < (r.minLength ?? 0)) fail('minLength');
    if (length > (r.maxLength ?? Infinity)) fail('maxLength');
    const pattern = r.pattern;
    if (pattern !== undefined && !new RegExp(pattern, 'u').test(value)) fail('pattern');
    const format = FORMATS[r.format ?? ''];
    if (format !== undefined && !format.test(value)) fail(`format ${r.format}`);
  } else if (typeof value === 'number') {
    if (value < (r.minimum ?? -Infinity)) fail('minimum');
    if (value > (r.maximum ?? Infinity)) fail('maximum');
    if (value <= (r.exclusiveMinimum ?? -Infinity)) fail('exclusiveMinimum');
    if (value >= (r.exclusiveMaximum ?? Infinity)) fail('exclusiveMaximum');
    const step = r.multipleOf;
    if (step !== undefined && Math.abs(value / step - Math.round(value / step)) > 1e-9) fail('multipleOf');
    if (r.format === 'int32' && (value < -(2 ** 31) || value >= 2 ** 31)) fail('format int32');
  } else if (Array.isArray(value)) {
    if (value.length < (r.minItems ?? 0)) fail('minItems');
    if (value.length > (r.maxItems ?? Infinity)) fail('maxItems');
    if (r.uniqueItems === true && new Set(value.map(canonical)).size < value.length) fail('uniqueItems');
    const items = r.items;
    if (items !== undefined) value.forEach((item, i) => check(item, items, schemas, `${path}[${i}]`, out, true));
  } else if (isObject(value)) {
    const names = Object.keys(value);
    if (names.length < (r.minProperties ?? 0)) fail('minProperties');
    if (names.length > (r.maxProperties ?? Infinity)) fail('maxProperties');
    for (const name of r.required ?? []) {
      if (value[name] === undefined) fail('required', `${path}${key(name)}`);
    }
    const props = r.properties ?? {};
    const extra = r.additionalProperties;
    for (const name of names) {
      const at = `${path}${key(name)}`;
      // Own rules only: a field named `constructor` or `toString` is not `Object.prototype`'s.
      const own = Object.hasOwn(props, name) ? props[name] : undefined;
      if (own !== undefined) check(value[name], own, schemas, at, out, true);
      else if (extra !== undefined && extra !== true) check(value[name], extra, schemas, at, out, true);
      else if (extra === undefined && extras && type === 'object') fail('additionalProperties', at);
    }
  }
}

/** The property names an `allOf` declares across its parts; `undefined` when a part allows any. */
function declared(rule: Rule, schemas: Rules, seen: Set<Rule>): Set<string> | undefined {
  if (seen.has(rule)) return new Set();
  seen.add(rule);
  if (rule.$ref !== undefined) {
    const target = schemas[rule.$ref];
    return target === undefined ? undefined : declared(target, schemas, seen);
  }
  if (rule.additionalProperties !== undefined) return undefined;
  const names = new Set(Object.keys(rule.properties ?? {}));
  for (const group of [rule.allOf, rule.anyOf]) {
    for (const part of group ?? []) {
      const more = declared(part, schemas, seen);
      if (more === undefined) return undefined;
      more.forEach((n) => names.add(n));
    }
  }
  return names;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `.name`, or `['a-b']` for a name that is not an identifier. */
function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** A value's JSON with object keys sorted, so `uniqueItems` compares by value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
