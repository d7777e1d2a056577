/**
 * Moves schemas that came from other files into `#/components/schemas`, named after their `$ref`.
 *
 * The bundling library inlines an external target where it is first used and points every other
 * use there (`#/paths/~1pets/post/requestBody/content/application~1json/schema`). The IR would
 * then name the model after that place (`Application1JsonSchema`), or make two models of one
 * schema (the inline use and the `$ref`s). An author who put a schema in its own file (or under
 * its own key of a file) gave it a name: `schemas/pet.yaml#/NewPet` → `NewPet`,
 * `common/owner.yaml` → `owner`. The IR's naming module turns these keys into identifiers.
 *
 * One walk collects the places where an external schema starts (by object identity, see
 * `indexOrigins`) and every `$ref`; moves are then applied in one go and each `$ref` is rewritten
 * through the longest moved prefix, so the pass stays linear in the size of the document.
 */
import { basename } from 'node:path';
import type { SourceDocument } from '../load';
import { formatPointer, parsePointer } from '../load/json-pointer';
import { encodeFragment } from './encode-refs';
import { isLiteralKey } from './literal-paths';

interface Origin {
  readonly source: SourceDocument;
  readonly segments: readonly string[];
}

/** What a node is, as far as finding schemas goes. */
type Role = 'schema' | 'schemaMap' | 'schemaList' | 'other';

/** Schema keywords whose value is one schema / a map of schemas / a list of schemas. */
const SUBSCHEMA = new Set([
  'items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else',
  'additionalItems', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SUBSCHEMA_LIST = new Set(['allOf', 'oneOf', 'anyOf', 'prefixItems']);

function childRole(parent: Role, parentKey: string, key: string, value: unknown, container: readonly string[]): Role {
  switch (parent) {
    case 'schemaMap':
    case 'schemaList':
      return 'schema';
    case 'schema':
      if (SUBSCHEMA.has(key)) return Array.isArray(value) ? 'schemaList' : 'schema';
      if (SUBSCHEMA_MAP.has(key)) return 'schemaMap';
      if (SUBSCHEMA_LIST.has(key)) return 'schemaList';
      return 'other';
    case 'other':
      // Parameters, headers and media types hold `schema`; the container holds named schemas.
      if (key === 'schema') return 'schema';
      if (key === container[container.length - 1] && parentKey === (container[container.length - 2] ?? '')) return 'schemaMap';
      return 'other';
  }
}

interface Frame {
  readonly node: unknown;
  readonly key: string;
  readonly parent: Frame | undefined;
  readonly role: Role;
  /** The last keys leading here (for the literal-data rule). */
  readonly tail: readonly string[];
}

interface Start {
  readonly holder: Record<string, unknown> | unknown[];
  readonly key: string;
  readonly pointer: string;
  readonly originKey: string;
  readonly name: string;
  /** Already `#/components/schemas/<key>` (`#/definitions/<key>`): named by the author, stays. */
  readonly component: boolean;
}

function segmentsOf(frame: Frame): string[] {
  const reversed: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) reversed.push(f.key);
  return reversed.reverse();
}

/** The name an external schema's `$ref` gives it: its last pointer token, else its file's name. */
function nameOf(origin: Origin): string {
  const last = origin.segments[origin.segments.length - 1];
  const file = basename(origin.source.file.split(/[?#]/)[0] as string).replace(/\.(ya?ml|json)$/i, '');
  if (last === undefined) return file;
  // `list.yaml#/items/0` → `list 0` rather than a bare number.
  return /^\d+$/.test(last) ? `${file} ${last}` : last;
}

/** A `components/schemas` key (`^[a-zA-Z0-9.\-_]+$` in OpenAPI 3.0). */
function componentKey(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'Schema';
}

/**
 * Rewrites `document` (bundled, refs already URI-encoded) in place; `origins` maps source objects
 * to where they came from; `container` is where named schemas live (`['definitions']` in Swagger 2.0).
 */
export function hoistExternalSchemas(
  document: Record<string, unknown>,
  origins: WeakMap<object, Origin>,
  root: SourceDocument,
  container: readonly string[] = ['components', 'schemas'],
): void {
  const starts: Start[] = [];
  const refHolders: Record<string, unknown>[] = [];
  const seen = new Set<object>();
  const stack: Frame[] = [{ node: document, key: '', parent: undefined, role: 'other', tail: [] }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const node = frame.node;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (frame.role === 'schema' && frame.parent) {
      const origin = origins.get(node);
      const parentOrigin = origins.get(frame.parent.node as object);
      const continues =
        parentOrigin !== undefined &&
        origin !== undefined &&
        parentOrigin.source === origin.source &&
        parentOrigin.segments.length + 1 === origin.segments.length &&
        origin.segments[origin.segments.length - 1] === frame.key;
      if (origin && origin.source !== root && !continues) {
        const segments = segmentsOf(frame);
        starts.push({
          holder: frame.parent.node as Record<string, unknown>,
          key: frame.key,
          pointer: formatPointer(segments),
          originKey: `${origin.source.file}\u0000${formatPointer(origin.segments)}`,
          name: nameOf(origin),
          component: segments.length === container.length + 1 && container.every((c, i) => segments[i] === c),
        });
      }
    }
    if (!Array.isArray(node) && typeof record.$ref === 'string') {
      refHolders.push(record);
      continue;
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const value = record[key];
      if (value === null || typeof value !== 'object') continue;
      const tail = [...frame.tail.slice(-2), key];
      if (isLiteralKey(tail)) continue;
      const role = childRole(frame.role, frame.key, key, value, container);
      stack.push({ node: value, key, parent: frame, role, tail });
    }
  }
  if (starts.every((s) => s.component)) return;

  // One place per external schema: the author's component when there is one, else the first use.
  const canonical = new Map<string, Start>();
  for (const start of starts) {
    const known = canonical.get(start.originKey);
    if (!known || (start.component && !known.component)) canonical.set(start.originKey, start);
  }
  let schemas = document;
  for (const step of container) schemas = (schemas[step] ??= {}) as Record<string, unknown>;
  const taken = new Set(Object.keys(schemas).map((k) => k.toLowerCase()));
  const target = new Map<string, string>();
  for (const start of canonical.values()) {
    if (start.component) {
      target.set(start.originKey, start.pointer);
      continue;
    }
    const base = componentKey(start.name);
    let key = base;
    for (let n = 2; taken.has(key.toLowerCase()); n++) key = `${base}${n}`;
    taken.add(key.toLowerCase());
    target.set(start.originKey, formatPointer([...container, key]));
  }

  // Moves, keyed by the old pointer; applied through the holders (which moving cannot disturb).
  const moved = new Map<string, string>();
  for (const start of starts) {
    const to = target.get(start.originKey) as string;
    if (to === start.pointer) continue;
    moved.set(start.pointer, to);
    const holder = start.holder as Record<string, unknown>;
    if (canonical.get(start.originKey) === start) schemas[parsePointer(to)[container.length] as string] = holder[start.key];
    holder[start.key] = { $ref: encodeFragment(to) };
  }
  for (const holder of refHolders) {
    const ref = holder.$ref as string;
    if (!ref.startsWith('#')) continue;
    const segments = parsePointer(ref);
    for (let n = segments.length; n > 0; n--) {
      const to = moved.get(formatPointer(segments.slice(0, n)));
      if (to !== undefined) {
        holder.$ref = encodeFragment(formatPointer([...parsePointer(to), ...segments.slice(n)]));
        break;
      }
    }
  }
}
