/** The view of an API file (`src/api/<tag>.ts`): params types, the operations table, the methods. */
import type { IrBodyKind, IrOperation, IrParameter, IrService } from '../../../ir/types';
import { docComment, type DocTag, tsString } from '../../../render/escape';
import { OPERATION_CONSTANTS_NAME } from '../naming-policy';
import { serverSpecNode } from './auth-view';
import type { TsContext } from './context';
import { arr, call, importLine, methodHead, obj, printEntry, raw, type JsNode, typeAfter } from './layout';
import { collectRefs, schemaDocs } from './models-view';
import { propertyKey } from './types';

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

function paramSpec(v: TsContext, p: IrParameter): JsNode {
  const entries: [string, JsNode][] = [
    ['name', raw(tsString(p.name))],
    ['in', raw(tsString(p.in))],
    ['value', raw(`params.${v.name(p.propertyName)}`)],
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
  const head = methodHead(`async ${methodName}`, params, `Promise<${returnType}>`, 2);

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
    ['security', arr(op.security.map((req) => obj(Object.entries(req).map(([k, scopes]) => [propertyKey(k), arr(scopes.map((s) => raw(tsString(s))))]))))],
    ['errors', obj(op.errors.map((e) => [statusKey(e.status), raw(v.name(e.className))]))],
  ]);
  const constantsEntry = `  ${printEntry(propertyKey(methodName), constantsNode, 2)},`;
  return { doc: docComment(parts, 2), head, returnType, requestEntries, constantsEntry };
}

function paramsTypeView(v: TsContext, op: IrOperation, paramsType: string): { doc: string; name: string; properties: { doc: string; declaration: string }[] } {
  const properties = op.parameters.map((p) => {
    const where = `${p.in} parameter \`${p.name}\``;
    return {
      doc: docComment([...schemaDocs(p.schema.meta, { description: p.description, deprecated: p.deprecated }), `(${where})`], 2),
      declaration: typeAfter(`  ${v.name(p.propertyName)}${p.required ? '' : '?'}:`, v.type(p.schema), ';', 2),
    };
  });
  if (op.requestBody) {
    const b = op.requestBody;
    properties.push({
      doc: docComment([b.description ?? `Request body (${b.mediaType}).`], 2),
      declaration: typeAfter(`  ${v.name(b.propertyName)}${b.required ? '' : '?'}:`, v.type(b.schema), ';', 2),
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
    const allOptional = op.parameters.every((p) => !p.required) && !(op.requestBody?.required ?? false);
    if (op.paramsTypeName !== undefined) {
      paramsTypes.push(paramsTypeView(v, op, v.name(op.paramsTypeName)));
      op.parameters.forEach((p) => collectRefs(v, p.schema, models));
      collectRefs(v, op.requestBody?.schema, models);
    }
    if (op.success?.schema) collectRefs(v, op.success.schema, models);
    op.errors.forEach((e) => errors.add(v.name(e.className)));
    operations.push(operationView(v, op, allOptional));
  }
  // Runtime functions the operations call: body encoders, and the server expansion of operations
  // with their own servers.
  const encoders = [
    ...new Set([
      ...service.operations.flatMap((op) => (op.requestBody ? [BODY_ENCODER[op.requestBody.kind].name] : [])),
      ...(service.operations.some((op) => op.servers !== undefined) ? ['operationBaseUrl'] : []),
    ]),
  ].sort();
  const imports: string[] = [
    encoders.length > 0
      ? importLine('import', [...encoders, 'type HttpClient', 'type OperationRequest', 'type RequestOptions'], tsString('../runtime/index.js'))
      : importLine('import type', ['HttpClient', 'OperationRequest', 'RequestOptions'], tsString('../runtime/index.js')),
  ];
  if (errors.size > 0) imports.push(importLine('import', [...errors].sort(), tsString('../errors.js')));
  if (models.size > 0) imports.push(importLine('import type', [...models].sort(), tsString('../models.js')));
  return {
    header,
    imports: imports.join('\n'),
    className: v.name(service.className),
    constantsName: OPERATION_CONSTANTS_NAME,
    doc: docComment([service.description ?? `Operations tagged \`${service.tag}\`.`, `Available as \`client.${v.name(service.propertyName)}\`.`]),
    paramsTypes,
    operations,
  };
}
