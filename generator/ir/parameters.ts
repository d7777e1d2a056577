/** Parameters: path-level merged with operation-level, each with its schema and serialization. */
import { pascalWords } from '../naming';
import { childPointer, isObject, str, type BuildContext, type Json, type JsonObject, type Located } from './context';
import type { RawOperation } from './collect';
import { pickMedia } from './media';
import { withMisplacedKeywords } from './misplaced';
import { pathPart, templateVariables } from './url-template';
import type { SchemaConverter } from './schemas/convert';
import type { IrName, IrParameter, IrParamLocation, IrScope } from './types';

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'];
/** Header parameters OpenAPI says are ignored: the client sets them. */
const IGNORED_HEADERS: readonly string[] = ['accept', 'content-type', 'authorization'];

/** The operation's parameter objects: path-level first, overridden by operation-level (same name + in). */
export function mergedParameters(ctx: BuildContext, raw: RawOperation): Located[] {
  const merged = new Map<string, Located>();
  const add = (list: Json | undefined, listPointer: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((p, index) => {
      const param = ctx.deref(p, childPointer(listPointer, index));
      if (!param) return;
      const name = str(param.node['name']);
      const location = str(param.node['in']);
      if (name === undefined || location === undefined) return;
      merged.set(`${location}\u0000${name}`, param);
    });
  };
  add(raw.pathItem['parameters'], childPointer(raw.pathPointer, 'parameters'));
  add(raw.node['parameters'], childPointer(raw.pointer, 'parameters'));
  // A `{name}` of the path template that no parameter declares (the validate stage warns): the
  // URL cannot be built without it, and it can only be a required path segment, so it is one.
  // (Not after a `?`: a query written into the path is another matter, and stays an error.)
  for (const name of templateVariables(pathPart(raw.route))) {
    if (!merged.has(`path\u0000${name}`)) {
      merged.set(`path\u0000${name}`, { node: { name, in: 'path', required: true, schema: { type: 'string' } }, pointer: raw.pointer });
    }
  }
  return [...merged.values()];
}

/** One parameter (`undefined`, with a warning, for locations and headers the SDK does not send). */
export function buildParameter(
  schemas: SchemaConverter,
  { node: p, pointer }: { node: JsonObject; pointer: string },
  operation: IrName,
  scope: IrScope,
): IrParameter | undefined {
  const ctx = schemas.ctx;
  const name = str(p['name']) as string;
  const location = str(p['in']) as string;
  if (!LOCATIONS.includes(location)) {
    ctx.warn(`parameter location \`${location}\` is not supported; the parameter is ignored`, pointer);
    return undefined;
  }
  if (location === 'header' && IGNORED_HEADERS.includes(name.toLowerCase())) {
    ctx.warn(`header parameter \`${name}\` is ignored (OpenAPI: set by the client)`, pointer);
    return undefined;
  }
  let schemaNode: Json | undefined = p['content'] === undefined ? withMisplacedKeywords(p, p['schema']) : p['schema'];
  let schemaPointer = childPointer(pointer, 'schema');
  let contentType: string | undefined;
  if (schemaNode === undefined && isObject(p['content'])) {
    const media = pickMedia(p['content']);
    if (media) {
      contentType = media.mediaType;
      schemaNode = media.node['schema'];
      schemaPointer = childPointer(pointer, 'content', media.mediaType, 'schema');
    }
  }
  const schema = schemas.convert(schemaNode, schemaPointer, [operation, pascalWords(name) || 'Param']);
  const description = str(p['description']);
  const style = str(p['style']);
  const required = location === 'path' || p['required'] === true;
  // A required request id the caller should not have to invent (see `IrParameter.defaultsToUuid`).
  const uuid = required && location === 'header' && schema.kind === 'primitive' && schema.type === 'string' && schema.meta?.format === 'uuid';
  return {
    name,
    propertyName: ctx.names.request({ role: 'parameter', wireName: name }, scope),
    in: location as IrParamLocation,
    required,
    ...(description !== undefined ? { description } : {}),
    ...(p['deprecated'] === true ? { deprecated: true } : {}),
    schema,
    ...(style !== undefined ? { style } : {}),
    ...(typeof p['explode'] === 'boolean' ? { explode: p['explode'] } : {}),
    ...(p['allowReserved'] === true ? { allowReserved: true } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(uuid ? { defaultsToUuid: true as const } : {}),
  };
}
