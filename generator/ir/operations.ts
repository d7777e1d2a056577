/** One operation: its method name, parameters, body, responses, error classes, security and servers. */
import { childPointer, isObject, str, type JsonObject } from './context';
import type { RawOperation } from './collect';
import { buildRequestBody, buildResponse } from './bodies';
import type { ErrorClasses } from './errors';
import { isErrorStatus, isSuccess, pickSuccess } from './media';
import { buildParameter, mergedParameters } from './parameters';
import type { SchemaConverter } from './schemas/convert';
import { operationServers } from './servers';
import type { IrHttpMethod, IrOperation, IrOperationError, IrParameter, IrResponse, IrScope, IrSecurityRequirement } from './types';

/** What building an operation needs besides the operation itself. */
export interface OperationDeps {
  readonly schemas: SchemaConverter;
  readonly errors: ErrorClasses;
  readonly securityOf: (node: JsonObject, pointer: string) => IrSecurityRequirement[];
}

/**
 * Builds `raw` in the order its names are asked for: method, body, parameters, responses (with
 * their error classes), params type.
 */
export function buildOperation(deps: OperationDeps, raw: RawOperation, methods: IrScope): IrOperation {
  const { schemas, errors } = deps;
  const ctx = schemas.ctx;
  const { node, pointer } = raw;
  const operationId = str(node['operationId']);
  const methodName = ctx.names.request({ role: 'operation', operationId, method: raw.method, path: raw.route }, methods);
  if (node['callbacks'] !== undefined) {
    ctx.warn('`callbacks` are not supported; they are ignored', childPointer(pointer, 'callbacks'));
  }

  const params = ctx.names.scope('params', pointer);
  const requestBody = buildRequestBody(schemas, node, pointer, methodName, params);
  const parameters: IrParameter[] = [];
  for (const located of mergedParameters(ctx, raw)) {
    const param = buildParameter(schemas, located, methodName, params);
    if (param) parameters.push(param);
  }

  const responses: IrResponse[] = [];
  const operationErrors: IrOperationError[] = [];
  const rawResponses = isObject(node['responses']) ? node['responses'] : {};
  for (const status of Object.keys(rawResponses)) {
    const resolved = ctx.deref(rawResponses[status], childPointer(pointer, 'responses', status));
    if (!resolved) continue;
    const response = buildResponse(schemas, status, resolved, methodName);
    responses.push(response);
    if (!isSuccess(status) && isErrorStatus(status)) {
      const className = errors.classFor(status, resolved, response, { operationId, methodName });
      operationErrors.push({ status, className, ...(response.description !== undefined ? { description: response.description } : {}) });
    }
  }
  const success = pickSuccess(responses);

  const security = deps.securityOf(node, pointer);
  const servers = operationServers(raw);
  const needsParams = parameters.length > 0 || requestBody !== undefined;
  const paramsTypeName = needsParams ? ctx.names.request({ role: 'paramsType', operation: methodName }, ctx.names.types) : undefined;
  const summary = str(node['summary']);
  const description = str(node['description']);
  return {
    ...(operationId !== undefined ? { operationId } : {}),
    methodName,
    ...(paramsTypeName !== undefined ? { paramsTypeName } : {}),
    httpMethod: raw.method.toUpperCase() as IrHttpMethod,
    path: raw.route,
    ...(summary !== undefined && summary.trim() !== '' ? { summary } : {}),
    ...(description !== undefined && description.trim() !== '' ? { description } : {}),
    ...(node['deprecated'] === true ? { deprecated: true } : {}),
    pointer,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(success ? { success } : {}),
    errors: operationErrors,
    security,
    ...(servers ? { servers } : {}),
  };
}
