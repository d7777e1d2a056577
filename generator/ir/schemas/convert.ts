/**
 * JSON Schema (OpenAPI 3.0 / 3.1 flavours) → `IrSchema`.
 *
 * Component schemas become named models up front (so recursive `$ref`s are plain references);
 * inline enums and inline objects with properties become named models on the way, named from
 * their context (`<Operation><Status>Response`, `<Model><Property>` …). Everything else stays
 * inline. Unsupported keywords produce a warning and fall back to `unknown` or are ignored.
 *
 * The converter is split by construct: objects (`./objects.ts`), enums (`./enums.ts`), unions
 * (`./unions.ts`); this file dispatches and owns the model registry and naming of models.
 */
import type { BuildContext, Json, JsonObject } from '../context';
import { childPointer, isObject } from '../context';
import type { IrName, IrSchema, IrUnionVariant } from '../types';
import { convertEnum } from './enums';
import { allowsNull, hasObjectKeywords, isLiteral, schemaMeta, withMeta } from './meta';
import { convertObjectMaybeNamed, extendsOf, ownPart } from './objects';
import { ModelRegistry } from './registry';
import { convertUnion } from './unions';

export const COMPONENT_PREFIX = '#/components/schemas/';

/** Keywords that cannot be expressed and are reported once per schema. */
const UNSUPPORTED_KEYWORDS = ['not', 'if', 'then', 'else', 'patternProperties', 'prefixItems', 'dependentSchemas'];

/** Context words of an inline model's name (strings) and the names it is nested in. */
export type NameHint = readonly (string | IrName)[];

export class SchemaConverter {
  readonly models: ModelRegistry;
  private readonly unsafeWarned = new Set<string>();

  constructor(readonly ctx: BuildContext) {
    this.models = new ModelRegistry(ctx);
  }

  /**
   * Requests a model name for every component schema, in document order (before anything else).
   * `errorBodies`: keys of components that are also error response bodies.
   */
  declareComponents(errorBodies: ReadonlySet<string>): void {
    for (const key of Object.keys(this.componentSchemas())) {
      const name = this.ctx.names.request({ role: 'model', key, errorBody: errorBodies.has(key) }, this.ctx.names.types);
      this.models.register(childPointer('#/components/schemas', key), name);
    }
  }

  /** Converts every component schema (after operations may have added inline models). */
  convertComponents(): void {
    for (const [key, node] of Object.entries(this.componentSchemas())) {
      const pointer = childPointer('#/components/schemas', key);
      const name = this.models.at(pointer);
      if (name !== undefined) this.defineModel(name, 'component', pointer, node);
    }
  }

  private componentSchemas(): JsonObject {
    const components = this.ctx.document['components'];
    const schemas = isObject(components) ? components['schemas'] : undefined;
    return isObject(schemas) ? schemas : {};
  }

  /** A new inline model name from its context. */
  inlineName(hint: NameHint): IrName {
    return this.ctx.names.request({ role: 'inlineModel', parts: hint }, this.ctx.names.types);
  }

  defineModel(name: IrName, origin: 'component' | 'inline', pointer: string, node: Json): void {
    if (!this.models.isPending(name)) return;
    // `allOf` of named object models only → the model extends them.
    const ext = extendsOf(this, node);
    if (ext) {
      this.models.define({ name, origin, pointer, schema: ownPart(this, node, pointer, [name]), extends: ext });
      return;
    }
    this.models.define({ name, origin, pointer, schema: this.convert(node, pointer, [name], true) });
  }

  /** Model name for a `$ref` (components, or any other schema location, named on first use). */
  refName(ref: string): IrName | undefined {
    const known = this.models.at(ref);
    if (known !== undefined) return known;
    const target = this.ctx.at(ref);
    if (target === undefined) return undefined;
    // A schema elsewhere in the document (e.g. `#/paths/.../schema`): named from its last tokens.
    const words = ref.startsWith(COMPONENT_PREFIX) ? ref.slice(COMPONENT_PREFIX.length) : ref.split('/').slice(-2).join(' ');
    const name = this.inlineName([words]);
    this.models.register(ref, name);
    this.defineModel(name, 'inline', ref, target);
    return name;
  }

  /**
   * Converts a schema. `hint` names inline models (`[<operation>, '202', 'Response']`); `named` is
   * true when this node *is* the model being defined (so it is not wrapped into another model).
   */
  convert(node: Json | undefined, pointer: string, hint: NameHint, named = false): IrSchema {
    if (node === undefined || node === true) return { kind: 'unknown' };
    if (node === false) {
      this.ctx.warn('schema `false` (nothing is valid) is not supported; using unknown', pointer);
      return { kind: 'unknown' };
    }
    if (!isObject(node)) {
      this.ctx.warn('schema is not an object; using unknown', pointer);
      return { kind: 'unknown' };
    }
    const meta = schemaMeta(node);
    this.isUnsafeInteger(node['default'], pointer, 'default');
    // A schema that is both written inline and the target of a `$ref` (bundlers leave external
    // targets where they were first used) is one model, whichever use comes first.
    // Only a node registered at some model pointer can be the model at `pointer` (the document
    // does not change during the build), so the map is consulted for those alone.
    const existing = named || !this.models.isModelNode(node) ? undefined : this.models.at(pointer);
    if (existing !== undefined && this.ctx.at(pointer) === node) {
      return withMeta({ kind: 'ref', model: existing }, meta, allowsNull(node));
    }
    if (typeof node['$ref'] === 'string') {
      const name = this.refName(node['$ref']);
      if (name === undefined) {
        this.ctx.warnUnresolved(node['$ref'], `unresolved $ref ${node['$ref']}; using unknown`, pointer);
        return withMeta({ kind: 'unknown' }, meta);
      }
      return withMeta({ kind: 'ref', model: name }, meta, node['nullable'] === true);
    }
    // An index loop: this runs for every schema node, mostly before V8 optimizes it, and an
    // unoptimized `for…of` allocates an iterator result per keyword.
    for (let i = 0; i < UNSUPPORTED_KEYWORDS.length; i++) {
      const keyword = UNSUPPORTED_KEYWORDS[i] as string;
      if (node[keyword] !== undefined) {
        this.ctx.warn(`\`${keyword}\` is not supported; it is ignored`, childPointer(pointer, keyword));
      }
    }

    let nullable = node['nullable'] === true;
    let types: string[] = [];
    if (typeof node['type'] === 'string') types = [node['type']];
    else if (Array.isArray(node['type'])) types = node['type'].filter((t): t is string => typeof t === 'string');
    if (types.includes('null')) {
      nullable = true;
      types = types.filter((t) => t !== 'null');
    }

    // const → literal
    if (node['const'] !== undefined) {
      const value = node['const'];
      if (this.isUnsafeInteger(value, pointer, 'const')) {
        return withMeta({ kind: 'primitive', type: 'integer' }, meta, nullable);
      }
      if (isLiteral(value)) return withMeta({ kind: 'literal', value }, meta, nullable);
      this.ctx.warn('non-scalar `const` is not supported; using unknown', childPointer(pointer, 'const'));
      return withMeta({ kind: 'unknown' }, meta, nullable);
    }

    if (Array.isArray(node['enum'])) {
      return convertEnum(this, node, node['enum'], { pointer, hint, named, meta, nullable });
    }

    for (const source of ['oneOf', 'anyOf'] as const) {
      const variants = node[source];
      if (Array.isArray(variants) && variants.length > 0) {
        return convertUnion(this, node, source, variants, { pointer, hint, meta, nullable });
      }
    }

    if (Array.isArray(node['allOf']) && node['allOf'].length > 0) {
      const parts: IrSchema[] = node['allOf'].map((part, i) =>
        this.convert(part, childPointer(pointer, 'allOf', i), [...hint, `Part${i + 1}`]),
      );
      const { allOf: _allOf, description: _d, deprecated: _dep, default: _def, example: _ex, nullable: _n, ...rest } = node;
      if (rest['properties'] !== undefined || rest['additionalProperties'] !== undefined) {
        parts.push(convertObjectMaybeNamed(this, rest, { pointer, hint: [...hint], named: false, meta: {}, nullable: false }));
      }
      if (parts.length === 1) {
        const only = parts[0] as IrSchema;
        return { ...only, ...(nullable || only.nullable ? { nullable: true } : {}), meta: { ...only.meta, ...meta } };
      }
      return withMeta({ kind: 'intersection', parts }, meta, nullable);
    }

    // several types (3.1 `type: [string, number]`)
    if (types.length > 1) {
      const variants: IrUnionVariant[] = types.map((t) => ({
        schema: this.convert({ ...node, type: t }, pointer, hint),
      }));
      return withMeta({ kind: 'union', source: 'anyOf', variants }, meta, nullable);
    }

    const type = types[0];
    if (type === 'array' || (type === undefined && node['items'] !== undefined)) {
      const items = node['items'];
      if (Array.isArray(items)) {
        this.ctx.warn('tuple `items` (array form) is not supported; using unknown[]', childPointer(pointer, 'items'));
        return withMeta({ kind: 'array', items: { kind: 'unknown' } }, meta, nullable);
      }
      return withMeta({ kind: 'array', items: this.convert(items, childPointer(pointer, 'items'), [...hint, 'Item']) }, meta, nullable);
    }
    if (type === 'object' || (type === undefined && hasObjectKeywords(node))) {
      return convertObjectMaybeNamed(this, node, { pointer, hint, named, meta, nullable });
    }
    if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
      const binary = type === 'string' && (node['format'] === 'binary' || node['contentEncoding'] === 'binary');
      return withMeta({ kind: 'primitive', type, ...(binary ? { binary } : {}) }, meta, nullable);
    }
    if (type !== undefined) {
      this.ctx.warn(`unknown type \`${type}\`; using unknown`, childPointer(pointer, 'type'));
    }
    return withMeta({ kind: 'unknown' }, meta, nullable);
  }

  /**
   * Integers beyond ±(2^53 − 1) (int64 ids, limits) were already rounded when the spec was parsed:
   * `JSON.parse` and the YAML loader read every number as a double, for every target. So a numeric
   * enum or `const` holding one is typed as a plain `integer` rather than as a rounded literal (a
   * different value; two int64 members may even round to one), a default is documented as read,
   * and each is warned about with its location.
   */
  isUnsafeInteger(value: Json | undefined, parent: string, ...tokens: (string | number)[]): boolean {
    if (typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value)) return false;
    // The pointer is built only here: this runs for every schema and almost never warns.
    const pointer = childPointer(parent, ...tokens);
    // A schema may be converted more than once (one per type of `type: [a, b]`): warn once.
    if (this.unsafeWarned.has(pointer)) return true;
    this.unsafeWarned.add(pointer);
    this.ctx.warn(
      `integer beyond Number.MAX_SAFE_INTEGER cannot be represented exactly: it was read as ` +
        `${String(BigInt(value))} (the type stays number)`,
      pointer,
    );
    return true;
  }
}
