/** The view of an API file (`src/api/<tag>.ts`): params types, the operations table, the methods. */
import type { IrBodyKind, IrOperation, IrPagination, IrParameter, IrService } from '../../../ir/types';
import { docComment, type DocTag, tsString } from '../../../render/escape';
import { OPERATION_CONSTANTS_NAME } from '../naming-policy';
import { serverSpecNode } from './auth-view';
import type { TsContext } from './context';
import { arr, call, fits, importLine, methodHead, obj, optionalAfter, printEntry, raw, type JsNode } from './layout';
import { collectRefs, schemaDocs } from './models-view';
import { literalKey, propertyKey } from './types';

/** The runtime function that encodes each kind of request body (see runtime `body.ts`). */
export const BODY_ENCODER: Readonly<Record<IrBodyKind, { name: string; takesMediaType: boolean }>> = {
  json: { name: 'jsonBody', takesMediaType: true },
  text: { name: 'textBody', takesMediaType: true },
  form: { name: 'formBody', takesMediaType: false },
  multipart: { name: 'multipartBody', takesMediaType: false },
  binary: { name: 'binaryBody', takesMediaType: true },
};

/** How the runtime reads each kind of response body (`ResponseKind` of the runtime). */
const RESPONSE_KIND: Readonly<Record<NonNullable<IrOperation['success']>['kind'], string>> = {
  json: 'json',
  text: 'text',
  binary: 'blob',
  none: 'none',
};

/** Whether a parameter must be given (a request id the SDK draws itself need not be). */
export function isRequiredParam(p: IrParameter): boolean {
  return p.required && p.defaultsToUuid !== true;
}

function paramSpec(v: TsContext, p: IrParameter): JsNode {
  // A request id is drawn here, once per call: every retry of the call sends the same one.
  const value = `params.${v.name(p.propertyName)}${p.defaultsToUuid ? ' ?? randomUuid()' : ''}`;
  const entries: [string, JsNode][] = [
    ['name', raw(tsString(p.name))],
    ['in', raw(tsString(p.in))],
    ['value', raw(value)],
  ];
  if (p.style !== undefined) entries.push(['style', raw(tsString(p.style))]);
  if (p.explode !== undefined) entries.push(['explode', raw(String(p.explode))]);
  if (p.allowReserved) entries.push(['allowReserved', raw('true')]);
  if (p.contentType !== undefined) entries.push(['contentType', raw(tsString(p.contentType))]);
  return obj(entries);
}

function statusKey(status: string): string {
  return status === 'default' ? 'default' : tsString(status);
}

interface OperationView {
  doc: string;
  head: string;
  returnType: string;
  /** Paginated: the public method's body (`return paginate(…)`) and the one-page method's head. */
  paginated: boolean;
  paginateBody: string;
  pageHead: string;
  methodName: string;
  /** Lines of the request object entries, each already indented and ending with `,`. */
  requestEntries: string;
  /** This operation's entry (security, errors) in the file's OPERATION_CONSTANTS table. */
  constantsEntry: string;
}

function operationView(v: TsContext, op: IrOperation, allOptional: boolean): OperationView {
  const returnType = v.returnType(op);
  const methodName = v.name(op.methodName);
  const paramsType = op.paramsTypeName === undefined ? undefined : v.name(op.paramsTypeName);
  const parts: (string | DocTag | undefined)[] = [op.summary, op.description];
  if (paramsType !== undefined) parts.push({ tag: '@param params -', text: `Parameters of the call (see \`${paramsType}\`).` });
  parts.push({ tag: '@param options -', text: 'Per-call options: abort signal, timeout, headers, retry policy.' });
  parts.push({ tag: '@returns', text: op.success?.description ?? (returnType === 'void' ? 'Nothing.' : 'The response body.') });
  for (const e of op.errors) parts.push({ tag: `@throws {${v.name(e.className)}}`, text: `${e.status}${e.description ? ` ${e.description}` : ''}` });
  if (op.deprecated) parts.push({ tag: '@deprecated' });

  const params = paramsType !== undefined ? [allOptional ? `params: ${paramsType} = {}` : `params: ${paramsType}`] : [];
  params.push('options?: RequestOptions');
  const pages = op.pagination;
  const returns = pages === undefined ? `ApiPromise<${returnType}>` : `PagePromise<${returnType}, ${v.type(pages.itemSchema).text}>`;
  // Not `async`: that would wrap the `ApiPromise` in a plain promise (and lose `withResponse`).
  const head = methodHead(methodName, params, returns, 2);
  let paginateBody = '';
  let pageHead = '';
  if (pages !== undefined && paramsType !== undefined) {
    const constants = `${OPERATION_CONSTANTS_NAME}.${methodName}.pages`;
    const flat = `    return paginate(${constants}, params, (page) => this.#${methodName}(page, options));`;
    paginateBody = fits(flat) ? flat : `    return paginate(${constants}, params, (page) =>\n      this.#${methodName}(page, options),\n    );`;
    pageHead = methodHead(`#${methodName}`, [`params: ${paramsType}`, 'options?: RequestOptions'], `ApiPromise<${returnType}>`, 2);
  }

  const entries: [string, JsNode][] = [
    ['operationId', raw(tsString(v.operationId(op)))],
    ['method', raw(tsString(op.httpMethod))],
    ['path', raw(tsString(op.path))],
    ['params', arr(op.parameters.map((p) => paramSpec(v, p)))],
  ];
  const body = op.requestBody;
  if (body) {
    const encoder = BODY_ENCODER[body.kind];
    const property = `params.${v.name(body.propertyName)}`;
    const args = [property, ...(encoder.takesMediaType ? [tsString(body.mediaType)] : [])];
    const spec = raw(`${encoder.name}(${args.join(', ')})`);
    entries.push(['body', body.required ? spec : { t: 'cond', test: `${property} === undefined`, then: raw('undefined'), otherwise: spec }]);
  }
  // Security and errors are the same on every call: they live in the file's OPERATION_CONSTANTS
  // table, so a call does not rebuild them (a measurable share of the SDK's per-call cost).
  const constants = `${OPERATION_CONSTANTS_NAME}.${methodName}`;
  entries.push(['security', raw(`${constants}.security`)]);
  const responseKind = op.success?.schema ? RESPONSE_KIND[op.success.kind] : 'none';
  entries.push(['responseKind', raw(tsString(responseKind))]);
  entries.push(['errors', raw(`${constants}.errors`)]);
  if (op.servers) {
    const servers = arr(op.servers.map(serverSpecNode));
    entries.push(['baseUrl', call('operationBaseUrl', [servers, raw('this.http.baseUrl'), raw('this.http.serverVariables')])]);
  }
  const requestEntries = entries.map(([k, value]) => `        ${printEntry(k, value, 8)},`).join('\n');
  const constantsNode = obj([
    ['security', arr(op.security.map((req) => obj(Object.entries(req).map(([k, scopes]) => [literalKey(k), arr(scopes.map((s) => raw(tsString(s))))]))))],
    ['errors', obj(op.errors.map((e) => [statusKey(e.status), raw(v.name(e.className))]))],
    ...(pages !== undefined ? [['pages', pageSpecNode(v, pages)] as [string, JsNode]] : []),
  ]);
  const constantsEntry = `  ${printEntry(propertyKey(methodName), constantsNode, 2)},`;
  return {
    doc: docComment(parts, 2),
    head,
    returnType,
    requestEntries,
    constantsEntry,
    paginated: paginateBody !== '',
    paginateBody,
    pageHead,
    methodName,
  };
}

/** The runtime `PageSpec` of an operation, in the generated parameter names. */
function pageSpecNode(v: TsContext, pages: IrPagination): JsNode {
  const path = (keys: readonly string[]): JsNode => arr(keys.map((k) => raw(tsString(k))));
  const entries: [string, JsNode][] = [
    ['style', raw(tsString(pages.style))],
    ['param', raw(tsString(v.name(pages.parameter.propertyName)))],
  ];
  if (pages.sizeParameter !== undefined) entries.push(['size', raw(tsString(v.name(pages.sizeParameter.propertyName)))]);
  entries.push(['items', path(pages.itemsPath)]);
  if (pages.nextCursorPath !== undefined) entries.push(['next', path(pages.nextCursorPath)]);
  if (pages.firstPage !== undefined) entries.push(['first', raw(String(pages.firstPage))]);
  return obj(entries);
}

function paramsTypeView(v: TsContext, op: IrOperation, paramsType: string): { doc: string; name: string; properties: { doc: string; declaration: string }[] } {
  const properties = op.parameters.map((p) => {
    const where = `${p.in} parameter \`${p.name}\``;
    return {
      doc: docComment([...schemaDocs(p.schema.meta, { description: p.description, deprecated: p.deprecated }), `(${where})`], 2),
      declaration: optionalAfter(`  ${v.name(p.propertyName)}`, isRequiredParam(p), v.type(p.schema)),
    };
  });
  if (op.requestBody) {
    const b = op.requestBody;
    properties.push({
      doc: docComment([b.description ?? `Request body (${b.mediaType}).`], 2),
      declaration: optionalAfter(`  ${v.name(b.propertyName)}`, b.required, v.type(b.schema)),
    });
  }
  return { doc: docComment([`Parameters of \`${v.name(op.methodName)}\`.`]), name: paramsType, properties };
}

/** Context of `items/api.ts.hbs` for one service. */
export function serviceView(v: TsContext, service: IrService, header: string): Record<string, unknown> {
  const models = new Set<string>();
  const errors = new Set<string>();
  const paramsTypes: ReturnType<typeof paramsTypeView>[] = [];
  const operations: OperationView[] = [];
  for (const op of service.operations) {
    const allOptional = op.parameters.every((p) => !isRequiredParam(p)) && !(op.requestBody?.required ?? false);
    if (op.paramsTypeName !== undefined) {
      paramsTypes.push(paramsTypeView(v, op, v.name(op.paramsTypeName)));
      op.parameters.forEach((p) => collectRefs(v, p.schema, models));
      collectRefs(v, op.requestBody?.schema, models);
    }
    if (op.success?.schema) collectRefs(v, op.success.schema, models);
    if (op.pagination) collectRefs(v, op.pagination.itemSchema, models);
    op.errors.forEach((e) => errors.add(v.name(e.className)));
    operations.push(operationView(v, op, allOptional));
  }
  // Runtime functions the operations call: body encoders, and the server expansion of operations
  // with their own servers.
  const ops = service.operations;
  const paginated = ops.some((op) => op.pagination !== undefined);
  const values = [
    ...new Set([
      ...ops.flatMap((op) => (op.requestBody ? [BODY_ENCODER[op.requestBody.kind].name] : [])),
      ...(ops.some((op) => op.servers !== undefined) ? ['operationBaseUrl'] : []),
      ...(paginated ? ['paginate'] : []),
      ...(ops.some((op) => op.parameters.some((p) => p.defaultsToUuid)) ? ['randomUuid'] : []),
    ]),
  ].sort();
  const types = ['ApiPromise', 'HttpClient', 'OperationRequest', ...(paginated ? ['PagePromise', 'PageSpec'] : []), 'RequestOptions'];
  const imports: string[] = [
    values.length > 0
      ? importLine('import', [...values, ...types.map((t) => `type ${t}`)], tsString('../runtime/index.js'))
      : importLine('import type', types, tsString('../runtime/index.js')),
  ];
  if (errors.size > 0) imports.push(importLine('import', [...errors].sort(), tsString('../errors.js')));
  if (models.size > 0) imports.push(importLine('import type', [...models].sort(), tsString('../models.js')));
  return {
    header,
    imports: imports.join('\n'),
    className: v.name(service.className),
    constantsName: OPERATION_CONSTANTS_NAME,
    // The table's type, as Prettier lays it out (the paginated one does not fit on the line).
    constantsType: paginated
      ? "Record<\n  string,\n  Pick<OperationRequest, 'security' | 'errors'> & { readonly pages?: PageSpec }\n>"
      : "Record<string, Pick<OperationRequest, 'security' | 'errors'>>",
    doc: docComment([service.description ?? `Operations tagged \`${service.tag}\`.`, `Available as \`client.${v.name(service.propertyName)}\`.`]),
    paramsTypes,
    operations,
  };
}
