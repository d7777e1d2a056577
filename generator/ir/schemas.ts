/**
 * JSON Schema (OpenAPI 3.0 / 3.1 flavours) → `IrSchema`.
 *
 * Component schemas become named models up front (so recursive `$ref`s are plain references);
 * inline enums and inline objects with properties become named models on the way, named from
 * their context (`<Operation><Status>Response`, `<Model><Property>` …). Everything else stays
 * inline. Unsupported keywords produce a warning and fall back to `unknown` or are ignored.
 */
import { pascalWords } from '../naming';
import type { BuildContext, Json, JsonObject } from './context';
import { childPointer, isObject, str } from './context';
import type {
  IrEnumMember,
  IrLiteralValue,
  IrModel,
  IrPrimitiveType,
  IrProperty,
  IrSchema,
  IrSchemaMeta,
  IrUnionVariant,
} from './types';
import { NameScope } from '../naming';

const COMPONENT_PREFIX = '#/components/schemas/';

/** Keywords that cannot be expressed and are reported once per schema. */
const UNSUPPORTED_KEYWORDS = ['not', 'if', 'then', 'else', 'patternProperties', 'prefixItems', 'dependentSchemas'];

export class SchemaConverter {
  /** Pointer of a schema that is a named model → model name. */
  private readonly modelByPointer = new Map<string, string>();
  /**
   * The document nodes at the pointers of `modelByPointer`. `convert` asks "is this node the model at
   * its pointer?" for every schema; checking the node first skips hashing a long, freshly built
   * pointer string in the (usual) case where the answer is no.
   */
  private readonly modelNodes = new WeakSet<object>();
  private readonly models: (IrModel | undefined)[] = [];
  private readonly modelIndex = new Map<string, number>();
  private readonly unsafeWarned = new Set<string>();

  constructor(private readonly ctx: BuildContext) {}

  /** Reserves a model name for every component schema, in document order (before anything else). */
  declareComponents(renames: ReadonlyMap<string, string>): void {
    const schemas = this.componentSchemas();
    for (const key of Object.keys(schemas)) {
      const pointer = childPointer('#/components/schemas', key);
      const wanted = renames.get(key) ?? this.ctx.namer.modelName(key);
      const name = this.ctx.types.claim(wanted);
      this.setModelPointer(pointer, name);
      this.reserveSlot(name);
    }
  }

  /** Converts every component schema (after operations may have added inline models). */
  convertComponents(): void {
    const schemas = this.componentSchemas();
    for (const [key, node] of Object.entries(schemas)) {
      const pointer = childPointer('#/components/schemas', key);
      const name = this.modelByPointer.get(pointer);
      if (name !== undefined) this.defineModel(name, 'component', pointer, node);
    }
  }

  /** Model name of a component schema key (after `declareComponents`). */
  componentModelName(key: string): string | undefined {
    return this.modelByPointer.get(childPointer('#/components/schemas', key));
  }

  allModels(): IrModel[] {
    return this.models.filter((m): m is IrModel => m !== undefined);
  }

  private componentSchemas(): JsonObject {
    const components = this.ctx.document['components'];
    const schemas = isObject(components) ? components['schemas'] : undefined;
    return isObject(schemas) ? schemas : {};
  }

  /**
   * Records an inline model by pointer so a later `$ref` to the same place reuses it. Only when
   * `node` is the whole schema there (not the own part of an `allOf`, or one type of a type list).
   */
  private rememberInline(pointer: string, node: JsonObject, name: string): void {
    if (!this.modelByPointer.has(pointer) && this.ctx.at(pointer) === node) this.setModelPointer(pointer, name);
  }

  private setModelPointer(pointer: string, name: string): void {
    this.modelByPointer.set(pointer, name);
    const node = this.ctx.at(pointer);
    if (typeof node === 'object' && node !== null) this.modelNodes.add(node);
  }

  private reserveSlot(name: string): void {
    this.modelIndex.set(name, this.models.length);
    this.models.push(undefined);
  }

  private defineModel(name: string, origin: IrModel['origin'], pointer: string, node: Json): void {
    const index = this.modelIndex.get(name);
    if (index === undefined || this.models[index] !== undefined) return;
    // `allOf` of named object models only → `interface X extends A, B`.
    const ext = this.extendsOf(node);
    if (ext) {
      const own = this.ownPart(node, pointer, [name]);
      this.models[index] = { name, origin, pointer, schema: own, extends: ext };
      return;
    }
    this.models[index] = { name, origin, pointer, schema: this.convert(node, pointer, [name], true) };
  }

  /** `allOf` whose parts are all `$ref`s to object models (plus optional own properties). */
  private extendsOf(node: Json): string[] | undefined {
    if (!isObject(node) || !Array.isArray(node['allOf']) || node['allOf'].length < 1) return undefined;
    if (node['nullable'] === true || Array.isArray(node['type']) || node['oneOf'] || node['anyOf']) return undefined;
    const names: string[] = [];
    for (const part of node['allOf']) {
      if (!isObject(part) || typeof part['$ref'] !== 'string') return undefined;
      const target = this.ctx.at(part['$ref']);
      if (!this.isPlainObjectSchema(target)) return undefined;
      const name = this.refName(part['$ref']);
      if (name === undefined) return undefined;
      names.push(name);
    }
    return names;
  }

  private isPlainObjectSchema(node: Json | undefined): boolean {
    if (!isObject(node)) return false;
    if (node['nullable'] === true || node['enum'] !== undefined || node['oneOf'] || node['anyOf']) return false;
    if (node['type'] !== undefined && node['type'] !== 'object') return false;
    if (isObject(node['additionalProperties'])) return false;
    if (Array.isArray(node['allOf'])) return this.extendsOf(node) !== undefined;
    return isObject(node['properties']) || node['type'] === 'object';
  }

  /** The own properties of an `allOf`-extending model (an object, possibly empty). */
  private ownPart(node: Json, pointer: string, hint: string[]): IrSchema {
    const obj = isObject(node) ? node : {};
    const { allOf: _allOf, ...rest } = obj;
    return this.convertObject(rest, pointer, hint, this.meta(obj));
  }

  /** Model name for a `$ref` (components, or any other schema location, named on first use). */
  private refName(ref: string): string | undefined {
    const known = this.modelByPointer.get(ref);
    if (known !== undefined) return known;
    const target = this.ctx.at(ref);
    if (target === undefined) return undefined;
    // A schema elsewhere in the document (e.g. `#/paths/.../schema`): named from its last tokens.
    const tokens = ref.split('/').slice(-2).join(' ');
    const name = this.ctx.types.claim(this.ctx.namer.inlineModelName(ref.startsWith(COMPONENT_PREFIX) ? ref.slice(COMPONENT_PREFIX.length) : tokens));
    this.setModelPointer(ref, name);
    this.reserveSlot(name);
    this.defineModel(name, 'inline', ref, target);
    return name;
  }

  /**
   * Converts a schema. `hint` names inline models (`['Start', '202', 'Response']`); `named` is
   * true when this node *is* the model being defined (so it is not wrapped into another model).
   */
  convert(node: Json | undefined, pointer: string, hint: readonly string[], named = false): IrSchema {
    if (node === undefined || node === true) return { kind: 'unknown' };
    if (node === false) {
      this.ctx.warn('schema `false` (nothing is valid) is not supported; using unknown', pointer);
      return { kind: 'unknown' };
    }
    if (!isObject(node)) {
      this.ctx.warn('schema is not an object; using unknown', pointer);
      return { kind: 'unknown' };
    }
    const meta = this.meta(node);
    this.isUnsafeInteger(node['default'], pointer, 'default');
    // A schema that is both written inline and the target of a `$ref` (bundlers leave external
    // targets where they were first used) is one model, whichever use comes first.
    // Only a node registered at some model pointer can be the model at `pointer` (the document
    // does not change during the build), so the map is consulted for those alone.
    const existing = named || !this.modelNodes.has(node) ? undefined : this.modelByPointer.get(pointer);
    if (existing !== undefined && this.ctx.at(pointer) === node) {
      const nullable =
        node['nullable'] === true ||
        (Array.isArray(node['type']) && node['type'].includes('null')) ||
        (Array.isArray(node['enum']) && node['enum'].includes(null));
      return withMeta({ kind: 'ref', model: existing }, meta, nullable);
    }
    if (typeof node['$ref'] === 'string') {
      const name = this.refName(node['$ref']);
      if (name === undefined) {
        this.ctx.warn(`unresolved $ref ${node['$ref']}; using unknown`, pointer);
        return withMeta({ kind: 'unknown' }, meta);
      }
      return withMeta({ kind: 'ref', model: name }, meta, node['nullable'] === true);
    }
    for (const keyword of UNSUPPORTED_KEYWORDS) {
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

    // enum
    if (Array.isArray(node['enum'])) {
      return this.convertEnum(node, node['enum'], pointer, hint, named, meta, nullable);
    }

    // oneOf / anyOf
    for (const source of ['oneOf', 'anyOf'] as const) {
      const variants = node[source];
      if (Array.isArray(variants) && variants.length > 0) {
        return this.convertUnion(node, source, variants, pointer, hint, meta, nullable);
      }
    }

    // allOf
    if (Array.isArray(node['allOf']) && node['allOf'].length > 0) {
      const parts: IrSchema[] = node['allOf'].map((part, i) =>
        this.convert(part, childPointer(pointer, 'allOf', i), [...hint, `Part${i + 1}`]),
      );
      const { allOf: _allOf, description: _d, deprecated: _dep, default: _def, example: _ex, nullable: _n, ...rest } = node;
      if (rest['properties'] !== undefined || rest['additionalProperties'] !== undefined) {
        parts.push(this.convertObjectMaybeNamed(rest, pointer, [...hint], false, {}));
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
      const itemHint = named ? [...hint, 'Item'] : [...hint, 'Item'];
      return withMeta(
        { kind: 'array', items: this.convert(items, childPointer(pointer, 'items'), itemHint) },
        meta,
        nullable,
      );
    }
    if (type === 'object' || (type === undefined && hasObjectKeywords(node))) {
      return this.convertObjectMaybeNamed(node, pointer, hint, named, meta, nullable);
    }
    if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
      const binary = type === 'string' && (node['format'] === 'binary' || node['contentEncoding'] === 'binary');
      return withMeta({ kind: 'primitive', type: type as IrPrimitiveType, ...(binary ? { binary } : {}) }, meta, nullable);
    }
    if (type !== undefined) {
      this.ctx.warn(`unknown type \`${type}\`; using unknown`, childPointer(pointer, 'type'));
    }
    return withMeta({ kind: 'unknown' }, meta, nullable);
  }

  private convertEnum(
    node: JsonObject,
    values: Json[],
    pointer: string,
    hint: readonly string[],
    named: boolean,
    meta: IrSchemaMeta | undefined,
    nullableIn: boolean,
  ): IrSchema {
    let nullable = nullableIn;
    const scalars: (string | number | boolean)[] = [];
    const seen = new Set<string>();
    let unsafe = false;
    for (const [i, value] of values.entries()) {
      if (this.isUnsafeInteger(value, pointer, 'enum', i)) unsafe = true;
      if (value === null) {
        nullable = true;
        continue;
      }
      if (!isLiteral(value)) {
        this.ctx.warn('non-scalar enum value is ignored', childPointer(pointer, 'enum'));
        continue;
      }
      const key = `${typeof value}:${String(value)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scalars.push(value);
    }
    if (scalars.length === 0) return withMeta({ kind: 'unknown' }, meta, nullable);
    // A rounded literal would be a different value (and two int64 members may round to one).
    if (unsafe && scalars.every((v) => typeof v === 'number')) {
      return withMeta({ kind: 'primitive', type: 'integer' }, meta, nullable);
    }
    const allStrings = scalars.every((v) => typeof v === 'string');
    const allNumbers = scalars.every((v) => typeof v === 'number');
    const allBooleans = scalars.every((v) => typeof v === 'boolean');
    if (!allStrings && !allNumbers && !allBooleans) {
      // Mixed scalar types: a plain union of literals.
      const variants = scalars.map((value) => ({ schema: { kind: 'literal', value } as IrSchema }));
      return withMeta({ kind: 'union', source: 'anyOf', variants }, meta, nullable);
    }
    const scope = new NameScope(false);
    const members: IrEnumMember[] = scalars.map((value) => ({
      name: scope.claim(this.ctx.namer.enumMember(value)),
      value,
    }));
    const valueType = allStrings ? 'string' : allNumbers ? 'number' : 'boolean';
    const schema: IrSchema = { kind: 'enum', valueType, members };
    if (named) return withMeta(schema, meta, nullable);
    // Inline enums become named models; nullability and docs stay on the use site.
    const name = this.ctx.types.claim(this.ctx.namer.inlineModelName(...hint));
    this.reserveSlot(name);
    this.rememberInline(pointer, node, name);
    const index = this.modelIndex.get(name) as number;
    this.models[index] = { name, origin: 'inline', pointer, schema };
    return withMeta({ kind: 'ref', model: name }, meta, nullable);
  }

  private convertUnion(
    node: JsonObject,
    source: 'oneOf' | 'anyOf',
    variants: Json[],
    pointer: string,
    hint: readonly string[],
    meta: IrSchemaMeta | undefined,
    nullableIn: boolean,
  ): IrSchema {
    let nullable = nullableIn;
    const converted: { schema: IrSchema; raw: Json }[] = [];
    variants.forEach((variant, i) => {
      // `{ type: 'null' }` members make the union nullable instead.
      if (isObject(variant) && variant['type'] === 'null' && Object.keys(variant).length === 1) {
        nullable = true;
        return;
      }
      converted.push({
        raw: variant,
        schema: this.convert(variant, childPointer(pointer, source, i), [...hint, `Option${i + 1}`]),
      });
    });
    const disc = node['discriminator'];
    let discriminator: { propertyName: string; mapping: { value: string; model: string }[] } | undefined;
    if (isObject(disc) && typeof disc['propertyName'] === 'string') {
      const propertyName = disc['propertyName'];
      const mapping: { value: string; model: string }[] = [];
      const explicit = isObject(disc['mapping']) ? disc['mapping'] : {};
      for (const [value, target] of Object.entries(explicit)) {
        if (typeof target !== 'string') continue;
        const ref = target.startsWith('#') ? target : `${COMPONENT_PREFIX}${target}`;
        const model = this.refName(ref);
        if (model === undefined) {
          this.ctx.warn(`discriminator mapping target ${target} not found`, childPointer(pointer, 'discriminator', 'mapping', value));
          continue;
        }
        mapping.push({ value, model });
      }
      const result: IrUnionVariant[] = converted.map(({ schema, raw }) => {
        if (schema.kind !== 'ref' || !isObject(raw) || typeof raw['$ref'] !== 'string') return { schema };
        const ref = raw['$ref'];
        let values = mapping.filter((m) => m.model === schema.model).map((m) => m.value);
        if (values.length === 0 && Object.keys(explicit).length === 0 && ref.startsWith(COMPONENT_PREFIX)) {
          values = [ref.slice(COMPONENT_PREFIX.length)];
          mapping.push({ value: values[0] as string, model: schema.model });
        }
        if (values.length === 0 || this.fixesProperty(this.ctx.at(ref), propertyName)) return { schema };
        return { schema, tagValues: values };
      });
      discriminator = { propertyName, mapping };
      return withMeta({ kind: 'union', source, variants: result, discriminator }, meta, nullable);
    }
    if (converted.length === 1) {
      const only = (converted[0] as { schema: IrSchema }).schema;
      return { ...only, ...(nullable || only.nullable ? { nullable: true } : {}), meta: { ...only.meta, ...meta } };
    }
    return withMeta({ kind: 'union', source, variants: converted.map(({ schema }) => ({ schema })) }, meta, nullable);
  }

  /** True when the schema's own property already fixes a single tag value (`const` or one-value enum). */
  private fixesProperty(schema: Json | undefined, propertyName: string): boolean {
    if (!isObject(schema)) return false;
    const props = schema['properties'];
    if (isObject(props)) {
      let prop: Json | undefined = props[propertyName];
      if (isObject(prop) && typeof prop['$ref'] === 'string') prop = this.ctx.at(prop['$ref']);
      if (isObject(prop) && (prop['const'] !== undefined || (Array.isArray(prop['enum']) && prop['enum'].length === 1))) {
        return true;
      }
    }
    if (Array.isArray(schema['allOf'])) {
      return schema['allOf'].some((part) =>
        this.fixesProperty(isObject(part) && typeof part['$ref'] === 'string' ? this.ctx.at(part['$ref']) : part, propertyName),
      );
    }
    return false;
  }

  private convertObjectMaybeNamed(
    node: JsonObject,
    pointer: string,
    hint: readonly string[],
    named: boolean,
    meta: IrSchemaMeta | undefined,
    nullable = false,
  ): IrSchema {
    const props = node['properties'];
    const hasProps = isObject(props) && Object.keys(props).length > 0;
    if (!hasProps) {
      // Only additionalProperties (or nothing): a map.
      const ap = node['additionalProperties'];
      const values =
        ap === undefined || ap === true || ap === false
          ? ({ kind: 'unknown' } as IrSchema)
          : this.convert(ap, childPointer(pointer, 'additionalProperties'), [...hint, 'Value']);
      return withMeta({ kind: 'map', values }, meta, nullable);
    }
    if (named) return this.convertObject(node, pointer, hint, meta, nullable);
    const name = this.ctx.types.claim(this.ctx.namer.inlineModelName(...hint));
    this.reserveSlot(name);
    this.rememberInline(pointer, node, name);
    const index = this.modelIndex.get(name) as number;
    const schema = this.convertObject(node, pointer, [name], undefined, false);
    this.models[index] = { name, origin: 'inline', pointer, schema };
    return withMeta({ kind: 'ref', model: name }, meta, nullable);
  }

  private convertObject(
    node: JsonObject,
    pointer: string,
    hint: readonly string[],
    meta: IrSchemaMeta | undefined,
    nullable = false,
  ): IrSchema {
    const required = new Set(Array.isArray(node['required']) ? node['required'].filter((r) => typeof r === 'string') : []);
    const properties: IrProperty[] = [];
    const props = isObject(node['properties']) ? node['properties'] : {};
    for (const [name, raw] of Object.entries(props)) {
      const propPointer = childPointer(pointer, 'properties', name);
      const schema = this.convert(raw, propPointer, [...hint, pascalWords(name) || 'Property']);
      const rawObj = isObject(raw) ? raw : {};
      const deref = typeof rawObj['$ref'] === 'string' ? this.ctx.at(rawObj['$ref']) : undefined;
      // The use site's flag wins over the target's (as in `{ ...target, ...use }`, without copying the target).
      const flag = (key: string): Json | undefined =>
        Object.prototype.hasOwnProperty.call(rawObj, key) ? rawObj[key] : isObject(deref) ? deref[key] : undefined;
      const description = str(rawObj['description']);
      const readOnly = flag('readOnly') === true;
      const writeOnly = flag('writeOnly') === true;
      const specRequired = required.has(name);
      // Required one way only → optional, so one model types both request and response bodies.
      const requiredIn = specRequired && readOnly !== writeOnly ? (readOnly ? 'responses' : 'requests') : undefined;
      properties.push({
        name,
        required: specRequired && requiredIn === undefined,
        ...(requiredIn !== undefined ? { requiredIn } : {}),
        readOnly,
        writeOnly,
        ...(description !== undefined ? { description } : {}),
        ...(rawObj['deprecated'] === true ? { deprecated: true } : {}),
        schema,
      });
    }
    const ap = node['additionalProperties'];
    let additionalProperties: IrSchema | undefined;
    if (ap === true) additionalProperties = { kind: 'unknown' };
    else if (isObject(ap)) {
      additionalProperties = this.convert(ap, childPointer(pointer, 'additionalProperties'), [...hint, 'Value']);
    }
    return withMeta(
      { kind: 'object', properties, ...(additionalProperties ? { additionalProperties } : {}) },
      meta,
      nullable,
    );
  }

  /**
   * Integers beyond ±(2^53 − 1) (int64 ids, limits) were already rounded when the spec was parsed:
   * `JSON.parse` and the YAML loader read every number as a double. So a numeric enum or `const`
   * holding one is typed `number` rather than as a rounded literal (a different value; two int64
   * members may even round to one), a default is documented as read, and each is warned about
   * with its location. Keeping the exact text would need a custom number parser over every number
   * of multi-megabyte specs, for a value a JavaScript number cannot hold anyway: the SDK's own
   * `JSON.parse` of a response rounds it the same way.
   */
  private isUnsafeInteger(value: Json | undefined, parent: string, ...tokens: (string | number)[]): boolean {
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

  private meta(node: JsonObject): IrSchemaMeta | undefined {
    const meta: {
      -readonly [K in keyof IrSchemaMeta]: IrSchemaMeta[K];
    } = {};
    const description = str(node['description']);
    if (description !== undefined && description.trim() !== '') meta.description = description;
    if (node['deprecated'] === true) meta.deprecated = true;
    if (node['default'] !== undefined) meta.defaultJson = JSON.stringify(node['default']);
    const format = str(node['format']);
    if (format !== undefined) meta.format = format;
    if (node['example'] !== undefined) meta.exampleJson = JSON.stringify(node['example']);
    if (node['readOnly'] === true) meta.readOnly = true;
    if (node['writeOnly'] === true) meta.writeOnly = true;
    return Object.keys(meta).length > 0 ? meta : undefined;
  }
}

function isLiteral(value: Json | undefined): value is IrLiteralValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function hasObjectKeywords(node: JsonObject): boolean {
  return node['properties'] !== undefined || node['additionalProperties'] !== undefined || node['type'] === 'object';
}

function withMeta(schema: IrSchema, meta: IrSchemaMeta | undefined, nullable = false): IrSchema {
  return {
    ...schema,
    ...(nullable ? { nullable: true } : {}),
    ...(meta ? { meta } : {}),
  } as IrSchema;
}
