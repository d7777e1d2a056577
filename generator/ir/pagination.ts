/**
 * Pagination, a spec fact read from operation extensions: sdkgen's own `x-sdkgen-pagination`, and
 * the equivalents of Speakeasy (`x-speakeasy-pagination`) and Fern (`x-fern-pagination`):
 *
 *   x-sdkgen-pagination: { style: page, parameter: pageNumber, sizeParameter: perPage, items: data }
 *   x-sdkgen-pagination: { style: cursor, parameter: cursor, items: $response.data, nextCursor: meta.next }
 *
 * Paths (`items`, `nextCursor`) are property names from the success body, dotted, with an optional
 * `$response.` / `$.` prefix. Resolved after component schemas are converted (the items path
 * follows `$ref`s); an extension that does not fit the operation is ignored with a warning.
 */
import type { RawOperation } from './collect';
import { childPointer, isObject, str, type BuildContext, type Json, type JsonObject } from './context';
import type { IrName, IrOperation, IrPagination, IrParameter, IrSchema, IrService } from './types';
import type { ConvertedModel as IrModel } from './usage';

/** What an extension says, in wire names, before it is checked against the operation. */
interface PaginationPlan {
  readonly style: IrPagination['style'];
  readonly parameter: string;
  readonly sizeParameter?: string | undefined;
  readonly items: string;
  readonly nextCursor?: string | undefined;
  readonly firstPage?: number | undefined;
  readonly source: string;
}

const EXTENSIONS = ['x-sdkgen-pagination', 'x-speakeasy-pagination', 'x-fern-pagination'] as const;

/** `services` with the pagination of each operation that declares one. */
export function withPagination(ctx: BuildContext, services: IrService[], rawOps: readonly RawOperation[], models: readonly IrModel[]): IrService[] {
  const rawByPointer = new Map(rawOps.map((r) => [r.pointer, r.node]));
  const modelByName = new Map<IrName, IrSchema>(models.map((m) => [m.name, m.schema]));
  return services.map((service) => ({
    ...service,
    operations: service.operations.map((op) => {
      const node = rawByPointer.get(op.pointer);
      const plan = node === undefined ? undefined : readPlan(ctx, node, op.pointer);
      if (plan === undefined) return op;
      const pagination = resolvePlan(ctx, plan, op, modelByName);
      return pagination === undefined ? op : { ...op, pagination };
    }),
  }));
}

function readPlan(ctx: BuildContext, node: JsonObject, pointer: string): PaginationPlan | undefined {
  for (const source of EXTENSIONS) {
    const ext = node[source];
    if (ext === undefined) continue;
    const where = childPointer(pointer, source);
    if (!isObject(ext)) {
      ctx.warn(`\`${source}\` must be an object; it is ignored`, where);
      return undefined;
    }
    const plan = source === 'x-sdkgen-pagination' ? sdkgenPlan(ext, source) : source === 'x-speakeasy-pagination' ? speakeasyPlan(ext, source) : fernPlan(ext, source);
    if (plan === undefined) ctx.warn(`\`${source}\` is incomplete or of an unsupported kind; the operation is not paginated`, where);
    return plan;
  }
  return undefined;
}

function sdkgenPlan(ext: JsonObject, source: string): PaginationPlan | undefined {
  const style = str(ext['style']);
  const parameter = str(ext['parameter']);
  const items = str(ext['items']);
  if ((style !== 'page' && style !== 'offset' && style !== 'cursor') || parameter === undefined || items === undefined) return undefined;
  const nextCursor = str(ext['nextCursor']);
  if (style === 'cursor' && nextCursor === undefined) return undefined;
  const first = ext['firstPage'];
  return {
    style,
    parameter,
    sizeParameter: str(ext['sizeParameter']),
    items,
    nextCursor,
    firstPage: typeof first === 'number' && Number.isInteger(first) ? first : undefined,
    source,
  };
}

/** `{ type: offsetLimit | cursor, inputs: [{ name, in: parameters, type: page|offset|limit|cursor }], outputs: { results, nextCursor } }` */
function speakeasyPlan(ext: JsonObject, source: string): PaginationPlan | undefined {
  const inputs = Array.isArray(ext['inputs']) ? ext['inputs'].filter(isObject) : [];
  const outputs = isObject(ext['outputs']) ? ext['outputs'] : {};
  const input = (type: string): string | undefined => {
    const found = inputs.find((i) => str(i['type']) === type && (i['in'] === undefined || i['in'] === 'parameters'));
    return found === undefined ? undefined : str(found['name']);
  };
  const items = str(outputs['results']);
  if (items === undefined) return undefined;
  const sizeParameter = input('limit');
  const type = str(ext['type']);
  if (type === 'cursor') {
    const parameter = input('cursor');
    const nextCursor = str(outputs['nextCursor']);
    return parameter === undefined || nextCursor === undefined ? undefined : { style: 'cursor', parameter, sizeParameter, items, nextCursor, source };
  }
  if (type !== 'offsetLimit') return undefined;
  const page = input('page');
  if (page !== undefined) return { style: 'page', parameter: page, sizeParameter, items, source };
  const offset = input('offset');
  return offset === undefined ? undefined : { style: 'offset', parameter: offset, sizeParameter, items, source };
}

/** `{ offset: $request.page, results: $response.data, step?: $request.limit }` or `{ cursor, next_cursor, results }` */
function fernPlan(ext: JsonObject, source: string): PaginationPlan | undefined {
  const request = (value: Json | undefined): string | undefined => str(value)?.replace(/^\$request\./, '');
  const items = str(ext['results']);
  if (items === undefined) return undefined;
  const cursor = request(ext['cursor']);
  if (cursor !== undefined) {
    const nextCursor = str(ext['next_cursor']);
    return nextCursor === undefined ? undefined : { style: 'cursor', parameter: cursor, items, nextCursor, source };
  }
  const offset = request(ext['offset']);
  if (offset === undefined) return undefined;
  // Fern's `offset` moves by 1 per page (a page number) unless `step` names the page size.
  const step = request(ext['step']);
  return step === undefined ? { style: 'page', parameter: offset, items, source } : { style: 'offset', parameter: offset, sizeParameter: step, items, source };
}

function resolvePlan(ctx: BuildContext, plan: PaginationPlan, op: IrOperation, models: ReadonlyMap<IrName, IrSchema>): IrPagination | undefined {
  const where = childPointer(op.pointer, plan.source);
  const param = (name: string): IrParameter | undefined => op.parameters.find((p) => p.name === name && p.in !== 'path');
  const parameter = param(plan.parameter);
  const sizeParameter = plan.sizeParameter === undefined ? undefined : param(plan.sizeParameter);
  if (parameter === undefined || (plan.sizeParameter !== undefined && sizeParameter === undefined)) {
    ctx.warn(`\`${plan.source}\` names a parameter the operation does not have (\`${plan.parameter}\`${plan.sizeParameter ? `, \`${plan.sizeParameter}\`` : ''}); the operation is not paginated`, where);
    return undefined;
  }
  const itemsPath = responsePath(plan.items);
  const items = op.success?.schema === undefined ? undefined : schemaAt(op.success.schema, itemsPath, models);
  if (items === undefined || items.kind !== 'array') {
    ctx.warn(`\`${plan.source}\`: \`${plan.items}\` is not an array in the success response; the operation is not paginated`, where);
    return undefined;
  }
  return {
    style: plan.style,
    parameter,
    ...(sizeParameter !== undefined ? { sizeParameter } : {}),
    itemsPath,
    itemSchema: items.items,
    ...(plan.nextCursor !== undefined ? { nextCursorPath: responsePath(plan.nextCursor) } : {}),
    ...(plan.firstPage !== undefined ? { firstPage: plan.firstPage } : {}),
    source: plan.source,
  };
}

/** `$response.a.b`, `$.a.b` or `a.b` → `['a', 'b']`; `$response` / `$` alone → `[]`. */
function responsePath(text: string): string[] {
  const bare = text.replace(/^\$(response)?\.?/, '');
  return bare === '' ? [] : bare.split('.');
}

/** The schema at `path` below `schema`, through `$ref`s and `allOf` parts. */
function schemaAt(schema: IrSchema, path: readonly string[], models: ReadonlyMap<IrName, IrSchema>, depth = 0): IrSchema | undefined {
  if (depth > 32) return undefined;
  if (schema.kind === 'ref') {
    const target = models.get(schema.model);
    return target === undefined ? undefined : schemaAt(target, path, models, depth + 1);
  }
  if (path.length === 0) return schema;
  const [head, ...rest] = path;
  if (schema.kind === 'object') {
    const property = schema.properties.find((p) => p.name === head);
    return property === undefined ? undefined : schemaAt(property.schema, rest, models, depth + 1);
  }
  if (schema.kind === 'intersection') {
    for (const part of schema.parts) {
      const found = schemaAt(part, path, models, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
