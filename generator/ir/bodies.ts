/** Request bodies and responses: the preferred media type, how it is encoded or read, its schema. */
import { childPointer, type JsonObject, type Located } from './context';
import { str } from './context';
import { bodyKind, isSuccess, pickMedia, responseKind } from './media';
import type { SchemaConverter } from './schemas/convert';
import type { IrName, IrRequestBody, IrResponse, IrSchema, IrScope } from './types';

/** The operation's request body (`undefined` when it has none or it has no content). */
export function buildRequestBody(schemas: SchemaConverter, node: JsonObject, pointer: string, operation: IrName, scope: IrScope): IrRequestBody | undefined {
  const ctx = schemas.ctx;
  if (node['requestBody'] === undefined) return undefined;
  const resolved = ctx.deref(node['requestBody'], childPointer(pointer, 'requestBody'));
  if (!resolved) return undefined;
  const media = pickMedia(resolved.node['content']);
  if (!media) {
    ctx.warn('request body without content; it is ignored', resolved.pointer);
    return undefined;
  }
  const kind = bodyKind(media.mediaType);
  const schemaPointer = childPointer(resolved.pointer, 'content', media.mediaType, 'schema');
  let schema = schemas.convert(media.node['schema'], schemaPointer, [operation, 'Request']);
  if (kind === 'binary' && schema.kind !== 'ref') schema = { kind: 'primitive', type: 'string', binary: true };
  const description = str(resolved.node['description']);
  return {
    propertyName: ctx.names.request({ role: 'body' }, scope),
    required: resolved.node['required'] === true,
    mediaType: media.mediaType,
    kind,
    schema,
    ...(description !== undefined ? { description } : {}),
  };
}

/** One response: its status, how its body is read, and the body's schema. */
export function buildResponse(schemas: SchemaConverter, status: string, resolved: Located, operation: IrName): IrResponse {
  const description = str(resolved.node['description']);
  const media = pickMedia(resolved.node['content']);
  if (!media) {
    return { status, ...(description !== undefined ? { description } : {}), kind: 'none' };
  }
  const kind = responseKind(media.mediaType);
  const schemaPointer = childPointer(resolved.pointer, 'content', media.mediaType, 'schema');
  let schema: IrSchema;
  if (kind === 'binary') schema = { kind: 'primitive', type: 'string', binary: true };
  else if (kind === 'text' && media.node['schema'] === undefined) schema = { kind: 'primitive', type: 'string' };
  else {
    const role = isSuccess(status) ? 'Response' : 'Error';
    schema = schemas.convert(media.node['schema'], schemaPointer, [operation, status, role]);
  }
  return { status, ...(description !== undefined ? { description } : {}), mediaType: media.mediaType, kind, schema };
}
