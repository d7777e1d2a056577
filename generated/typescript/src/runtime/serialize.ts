/**
 * Parameter serialization per OpenAPI 3.x `style` / `explode` (the spec's "Style Examples" table)
 * for path, query, header and cookie parameters. Pure functions: no I/O, easy to table-test.
 *
 * `simple` and `form` are here; `label`, `matrix`, `deepObject`, `spaceDelimited` and
 * `pipeDelimited` live in `serialize-styles.ts`, which only SDKs whose API uses them ship: their
 * client hands its `paramStyles` to the `HttpClient`, which passes them on here.
 */
import type { ParamSpec, ParamStyle } from './operation.js';

/** Parameters split by location, each already encoded for its place in the request. */
export interface SerializedParams {
  /** Path parameter name → encoded text that replaces `{name}` in the template. */
  readonly path: Record<string, string>;
  /** Encoded `name=value` query pairs, in order; join with `&`. */
  readonly query: string[];
  /** Header name → value. */
  readonly headers: Record<string, string>;
  /** Encoded `name=value` cookie pairs; join with `; `. */
  readonly cookies: string[];
}

/** A value reduced to what styles can express: nothing, a scalar, a list, or key/value pairs. */
export type Shape =
  | { kind: 'empty' }
  | { kind: 'scalar'; value: string }
  | { kind: 'array'; values: string[] }
  | { kind: 'object'; entries: [string, string][] };

/**
 * The styles beyond `simple` and `form` (`paramStyles` of `serialize-styles.ts`); each returns
 * `undefined` for a style it does not handle, which then falls back to the default one.
 */
export interface ExtraStyles {
  path(param: ParamSpec, style: ParamStyle, shape: Shape, explode: boolean, enc: Encode): string | undefined;
  query(name: string, style: ParamStyle, shape: Shape, explode: boolean, enc: Encode): string[] | undefined;
}

/** Serializes every parameter whose value is not `undefined`. */
export function serializeParams(params: readonly ParamSpec[], styles?: ExtraStyles): SerializedParams {
  const out: SerializedParams = { path: {}, query: [], headers: {}, cookies: [] };
  for (const param of params) {
    if (param.value === undefined) continue;
    switch (param.in) {
      case 'path':
        out.path[param.name] = serializePathParam(param, styles);
        break;
      case 'query':
        out.query.push(...serializeQueryParam(param, styles));
        break;
      case 'header':
        out.headers[param.name] = serializeHeaderParam(param);
        break;
      case 'cookie':
        out.cookies.push(...serializeCookieParam(param));
        break;
    }
  }
  return out;
}

/**
 * Path templates split once into literal text and parameter names (`'/a/{id}/b'` →
 * `['/a/', 'id', '/b']`): an SDK has a fixed set of paths, and this runs on every call.
 */
const templateParts = new Map<string, readonly string[]>();

/**
 * Replaces each `{name}` in `template` with its serialized value. A missing path parameter is a
 * bug in the calling code, so it throws rather than sending a literal `{name}` to the server.
 */
export function expandPath(template: string, values: Readonly<Record<string, string>>): string {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([^}]+)\}/);
    templateParts.set(template, parts);
  }
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]!];
    if (value === undefined) throw new TypeError(`Missing required path parameter '${parts[i]}'`);
    path += value + parts[i + 1]!;
  }
  return path;
}

/**
 * Path: `simple` (default), `label` or `matrix` (with `styles`); every reserved character is
 * percent-encoded.
 */
export function serializePathParam(param: ParamSpec, styles?: ExtraStyles): string {
  const enc = param.allowReserved ? encodeAllowReserved : encodeStrict;
  const style = param.style ?? 'simple';
  const explode = param.explode ?? style === 'form';
  const shape = toShape(param);
  return styles?.path(param, style, shape, explode, enc) ?? simple(shape, explode, enc);
}

/** Query: `form` (default); `spaceDelimited`, `pipeDelimited`, `deepObject` with `styles`. */
export function serializeQueryParam(param: ParamSpec, styles?: ExtraStyles): string[] {
  const enc = param.allowReserved ? encodeAllowReserved : encodeStrict;
  const style = param.style ?? 'form';
  const explode = param.explode ?? style === 'form';
  const shape = toShape(param);
  const name = encodeStrict(param.name);
  return styles?.query(name, style, shape, explode, enc) ?? form(name, shape, explode, enc);
}

/** Header: `simple` only (OpenAPI allows nothing else); values are sent as-is. */
export function serializeHeaderParam(param: ParamSpec): string {
  return simple(toShape(param), param.explode ?? false, asIs);
}

/** Header values are not encoded. */
function asIs(s: string): string {
  return s;
}

/** Cookie: `form`; exploded arrays become repeated `name=value` pairs. */
export function serializeCookieParam(param: ParamSpec): string[] {
  const explode = param.explode ?? true;
  return form(encodeStrict(param.name), toShape(param), explode, encodeStrict);
}

function simple(shape: Shape, explode: boolean, enc: Encode): string {
  switch (shape.kind) {
    case 'empty':
      return '';
    case 'scalar':
      return enc(shape.value);
    case 'array':
      return shape.values.map(enc).join(',');
    case 'object':
      // Exploded `k1=v1,k2=v2`, else `k1,v1,k2,v2`.
      return shape.entries.map(([k, v]) => `${enc(k)}${explode ? '=' : ','}${enc(v)}`).join(',');
  }
}

/** `form`: `name=` and the `simple` text, except that exploded arrays and objects become one pair per item. */
function form(name: string, shape: Shape, explode: boolean, enc: Encode): string[] {
  if (explode && shape.kind === 'array') return shape.values.map((v) => `${name}=${enc(v)}`);
  if (explode && shape.kind === 'object') return shape.entries.map(([k, v]) => `${encodeStrict(k)}=${enc(v)}`);
  return [`${name}=${simple(shape, false, enc)}`];
}

/** Reduces a parameter value to a `Shape`; `content`-typed parameters are JSON-encoded first. */
function toShape(param: ParamSpec): Shape {
  const value = param.value;
  if (param.contentType !== undefined) return { kind: 'scalar', value: JSON.stringify(value) };
  if (value === null) return { kind: 'empty' };
  if (Array.isArray(value)) return { kind: 'array', values: value.map(scalarToString) };
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries: [string, string][] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) entries.push([k, scalarToString(v)]);
    }
    return { kind: 'object', entries };
  }
  return { kind: 'scalar', value: scalarToString(value) };
}

/** Scalars as text; dates as ISO 8601 (OpenAPI `date-time`); nested structures as JSON. */
function scalarToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type Encode = (s: string) => string;

/** RFC 3986 percent-encoding of everything outside the unreserved set (plus `!'()*`, also safe). */
export function encodeStrict(s: string): string {
  return encodeURIComponent(s);
}

/**
 * `allowReserved: true`: RFC 3986 reserved characters pass through unencoded. `encodeURI` keeps
 * all of them but `[` and `]` (and the unreserved ones, as `encodeURIComponent` does).
 */
function encodeAllowReserved(s: string): string {
  return encodeURI(s).replace(/%5[BD]/g, decodeURIComponent);
}
