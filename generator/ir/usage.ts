/**
 * Which way each model travels, and the request/response split of models with `readOnly` or
 * `writeOnly` properties (as hey-api's `readOnlyWriteOnlyBehavior: 'split'`).
 *
 * Usage is a spec fact: a model is used in requests when a request body or parameter reaches it,
 * in responses when a response (success or error) reaches it, following `$ref`s transitively
 * through properties, items, `additionalProperties`, `allOf`/`oneOf`/`anyOf` and `allOf` bases. A
 * `readOnly` property is not followed from requests (requests leave it out), a `writeOnly` one not
 * from responses.
 *
 * Each model is then shaped for the directions it travels in, so that `required` means required:
 * - responses only: `writeOnly` properties are left out;
 * - requests only: `readOnly` properties are left out;
 * - both, with a `readOnly`/`writeOnly` property (or a reference to a model that is split): two
 *   models. The base name is the response variant; a request variant (`requestModel` name, the
 *   policy picks the suffix: `PetWritable`) leaves out `readOnly` properties and refers to the
 *   request variants of the models it mentions. Request bodies and parameters use request variants.
 * - both, without such properties: unchanged.
 * Models no operation reaches are treated as used both ways.
 *
 * Linear in the size of the IR: every schema is walked once per direction (results are memoized
 * by node, and a node that needs no change is returned as it is).
 */
import type { NameRegistry } from './names';
import type { IrErrorClass, IrModel, IrName, IrOperation, IrPagination, IrProperty, IrRequestBody, IrResponse, IrSchema, IrService, IrUsage } from './types';

export type Direction = 'request' | 'response';

/** A model as the schema converter leaves it, before usage is known. */
export type ConvertedModel = Omit<IrModel, 'usage' | 'specSchema' | 'requestVariant' | 'variantOf'>;

/** The one direction `readOnly`/`writeOnly` limits a property to (`undefined`: none, or both flags). */
export function onlyIn(p: Pick<IrProperty, 'readOnly' | 'writeOnly'>): Direction | undefined {
  if (p.readOnly === p.writeOnly) return undefined;
  return p.readOnly ? 'response' : 'request';
}

function keeps(p: IrProperty, direction: Direction | 'both'): boolean {
  const only = onlyIn(p);
  return only === undefined || only === direction;
}

/**
 * Adds the models `schema` mentions to `into`, through the properties `follow` accepts (default:
 * all). Also the walk of targets that need every model a schema names (Python's model imports).
 */
export function schemaRefs(schema: IrSchema | undefined, into: IrName[] = [], follow: (p: IrProperty) => boolean = () => true): IrName[] {
  if (!schema) return into;
  switch (schema.kind) {
    case 'ref':
      into.push(schema.model);
      break;
    case 'array':
      schemaRefs(schema.items, into, follow);
      break;
    case 'map':
      schemaRefs(schema.values, into, follow);
      break;
    case 'object':
      for (const p of schema.properties) if (follow(p)) schemaRefs(p.schema, into, follow);
      schemaRefs(schema.additionalProperties, into, follow);
      break;
    case 'union':
      schema.variants.forEach((v) => schemaRefs(v.schema, into, follow));
      break;
    case 'intersection':
      schema.parts.forEach((p) => schemaRefs(p, into, follow));
      break;
    default:
      break;
  }
  return into;
}

/** Adds the models `schema` mentions in `direction` (`both`: only through unlimited properties). */
function refsIn(schema: IrSchema | undefined, direction: Direction | 'both', into: IrName[]): IrName[] {
  return schemaRefs(schema, into, (p) => keeps(p, direction));
}

/** Whether a schema has a `readOnly`/`writeOnly` property, not looking through `$ref`s. */
function hasDirectional(schema: IrSchema | undefined): boolean {
  if (!schema) return false;
  switch (schema.kind) {
    case 'array':
      return hasDirectional(schema.items);
    case 'map':
      return hasDirectional(schema.values);
    case 'object':
      return schema.properties.some((p) => onlyIn(p) !== undefined || hasDirectional(p.schema)) || hasDirectional(schema.additionalProperties);
    case 'union':
      return schema.variants.some((v) => hasDirectional(v.schema));
    case 'intersection':
      return schema.parts.some(hasDirectional);
    default:
      return false;
  }
}

/** The schemas of requests and of responses of the API (the roots of usage). */
function roots(services: readonly IrService[], errors: readonly IrErrorClass[]): Record<Direction, IrSchema[]> {
  const request: IrSchema[] = [];
  const response: IrSchema[] = [];
  for (const op of services.flatMap((s) => s.operations)) {
    op.parameters.forEach((p) => request.push(p.schema));
    if (op.requestBody) request.push(op.requestBody.schema);
    op.responses.forEach((r) => r.schema && response.push(r.schema));
  }
  errors.forEach((e) => e.schema && response.push(e.schema));
  return { request, response };
}

/** In which directions each model is used (`models` by name; absent from the map: unused). */
export function modelUsage(models: readonly ConvertedModel[], services: readonly IrService[], errors: readonly IrErrorClass[]): Map<IrName, IrUsage> {
  const byName = new Map(models.map((m) => [m.name, m]));
  const usage = new Map<IrName, { request: boolean; response: boolean }>(models.map((m) => [m.name, { request: false, response: false }]));
  const from = roots(services, errors);
  for (const direction of ['request', 'response'] as const) {
    const stack = from[direction].flatMap((s) => refsIn(s, direction, []));
    while (stack.length > 0) {
      const name = stack.pop() as IrName;
      const used = usage.get(name);
      if (used === undefined || used[direction]) continue;
      used[direction] = true;
      const model = byName.get(name);
      if (model === undefined) continue;
      refsIn(model.schema, direction, stack);
      stack.push(...(model.extends ?? []));
    }
  }
  return usage;
}

/** Used both ways (or not at all, which is treated alike). */
function isShared(u: IrUsage): boolean {
  return u.request === u.response;
}

/** Models used both ways that need a request variant (see the module comment). */
export function modelsToSplit(models: readonly ConvertedModel[], usage: ReadonlyMap<IrName, IrUsage>): Set<IrName> {
  const shared = models.filter((m) => isShared(usage.get(m.name) ?? { request: false, response: false }));
  const split = new Set(shared.filter((m) => hasDirectional(m.schema)).map((m) => m.name));
  const mentions = new Map(shared.map((m) => [m, [...refsIn(m.schema, 'both', []), ...(m.extends ?? [])]]));
  // A model mentioning a split model (in both directions) is split too, so its request variant can
  // refer to the other's; repeated until nothing changes (cycles between models are fine).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [m, refs] of mentions) {
      if (!split.has(m.name) && refs.some((r) => split.has(r))) {
        split.add(m.name);
        changed = true;
      }
    }
  }
  return split;
}

/** Rewrites schemas for one direction (see the module comment), memoized by node. */
class Shaper {
  private readonly memo: Record<Direction, WeakMap<IrSchema, IrSchema>> = { request: new WeakMap(), response: new WeakMap() };

  constructor(private readonly requestVariants: ReadonlyMap<IrName, IrName>) {}

  /** The request variant of a model, else the model. */
  requestName(name: IrName): IrName {
    return this.requestVariants.get(name) ?? name;
  }

  shape(schema: IrSchema, direction: Direction): IrSchema {
    let shaped = this.memo[direction].get(schema);
    if (shaped === undefined) {
      shaped = this.shapeUncached(schema, direction);
      this.memo[direction].set(schema, shaped);
    }
    return shaped;
  }

  private shapeUncached(schema: IrSchema, d: Direction): IrSchema {
    const same = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
    switch (schema.kind) {
      case 'ref': {
        const model = d === 'request' ? this.requestName(schema.model) : schema.model;
        return model === schema.model ? schema : { ...schema, model };
      }
      case 'array': {
        const items = this.shape(schema.items, d);
        return items === schema.items ? schema : { ...schema, items };
      }
      case 'map': {
        const values = this.shape(schema.values, d);
        return values === schema.values ? schema : { ...schema, values };
      }
      case 'object': {
        const properties = schema.properties.filter((p) => keeps(p, d)).map((p) => {
          const s = this.shape(p.schema, d);
          return s === p.schema ? p : { ...p, schema: s };
        });
        const ap = schema.additionalProperties && this.shape(schema.additionalProperties, d);
        if (same(properties, schema.properties) && ap === schema.additionalProperties) return schema;
        return ap === undefined ? { ...schema, properties } : { ...schema, properties, additionalProperties: ap };
      }
      case 'union': {
        const variants = schema.variants.map((v) => {
          const s = this.shape(v.schema, d);
          return s === v.schema ? v : { ...v, schema: s };
        });
        const d0 = schema.discriminator;
        const remap = d0 !== undefined && d === 'request' && d0.mapping.some((m) => this.requestVariants.has(m.model));
        const discriminator = remap ? { ...d0, mapping: d0.mapping.map((m) => ({ ...m, model: this.requestName(m.model) })) } : d0;
        if (same(variants, schema.variants) && !remap) return schema;
        return discriminator === undefined ? { ...schema, variants } : { ...schema, variants, discriminator };
      }
      case 'intersection': {
        const parts = schema.parts.map((p) => this.shape(p, d));
        return same(parts, schema.parts) ? schema : { ...schema, parts };
      }
      default:
        return schema;
    }
  }

  operation(op: IrOperation): IrOperation {
    const responses = new Map<IrResponse, IrResponse>(
      op.responses.map((r) => [r, r.schema === undefined ? r : { ...r, schema: this.shape(r.schema, 'response') }]),
    );
    const shaped: IrOperation = {
      ...op,
      parameters: op.parameters.map((p) => ({ ...p, schema: this.shape(p.schema, 'request') })),
      responses: op.responses.map((r) => responses.get(r) as IrResponse),
    };
    const extra: { requestBody?: IrRequestBody; success?: IrResponse; pagination?: IrPagination } = {};
    if (op.requestBody) extra.requestBody = { ...op.requestBody, schema: this.shape(op.requestBody.schema, 'request') };
    if (op.success) extra.success = responses.get(op.success) ?? { ...op.success, ...(op.success.schema ? { schema: this.shape(op.success.schema, 'response') } : {}) };
    if (op.pagination) {
      const parameterOf = new Map(op.parameters.map((p, i) => [p, shaped.parameters[i]]));
      const pages = op.pagination;
      extra.pagination = {
        ...pages,
        parameter: parameterOf.get(pages.parameter) ?? pages.parameter,
        ...(pages.sizeParameter ? { sizeParameter: parameterOf.get(pages.sizeParameter) ?? pages.sizeParameter } : {}),
        itemSchema: this.shape(pages.itemSchema, 'response'),
      };
    }
    return { ...shaped, ...extra };
  }
}

/**
 * The IR's models, services and error classes shaped by usage (see the module comment). Request
 * variant names are requested here, after every other name, so adding them renames nothing else.
 */
export function splitByUsage(
  names: NameRegistry,
  models: readonly ConvertedModel[],
  services: readonly IrService[],
  errors: readonly IrErrorClass[],
): { models: IrModel[]; services: IrService[]; errors: IrErrorClass[] } {
  const usage = modelUsage(models, services, errors);
  const split = modelsToSplit(models, usage);
  const requestVariants = new Map<IrName, IrName>();
  for (const m of models) if (split.has(m.name)) requestVariants.set(m.name, names.request({ role: 'requestModel', model: m.name }, names.types));
  const shaper = new Shaper(requestVariants);

  const out: IrModel[] = [];
  for (const m of models) {
    const used = usage.get(m.name) ?? { request: false, response: false };
    const requestName = requestVariants.get(m.name);
    const direction: Direction | undefined = isShared(used) ? (requestName ? 'response' : undefined) : used.request ? 'request' : 'response';
    const schema = direction === undefined ? m.schema : shaper.shape(m.schema, direction);
    const ext = m.extends && direction === 'request' ? { extends: m.extends.map((e) => shaper.requestName(e)) } : m.extends ? { extends: m.extends } : {};
    out.push({ ...m, schema, specSchema: m.schema, ...ext, usage: { ...used }, ...(requestName ? { requestVariant: requestName } : {}) });
    if (requestName) {
      out.push({
        ...m,
        name: requestName,
        specName: `${m.specName} (request)`,
        schema: shaper.shape(m.schema, 'request'),
        specSchema: m.schema,
        ...(m.extends ? { extends: m.extends.map((e) => shaper.requestName(e)) } : {}),
        usage: { request: true, response: false },
        variantOf: m.name,
      });
    }
  }
  return {
    models: out,
    services: services.map((s) => ({ ...s, operations: s.operations.map((op) => shaper.operation(op)) })),
    errors: errors.map((e) => (e.schema === undefined ? e : { ...e, schema: shaper.shape(e.schema, 'response') })),
  };
}
