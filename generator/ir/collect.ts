/** The document's operations in document order, and which component schemas are error bodies. */
import { childPointer, isObject, str, type BuildContext, type JsonObject } from './context';
import { HTTP_METHODS, isSuccess, pickMedia, type HttpMethodKey } from './media';

/** An operation as found in `paths`, before anything is built from it. */
export interface RawOperation {
  readonly route: string;
  readonly method: HttpMethodKey;
  readonly node: JsonObject;
  readonly pointer: string;
  readonly pathItem: JsonObject;
  readonly pathPointer: string;
}

export function collectOperations(ctx: BuildContext): RawOperation[] {
  const ops: RawOperation[] = [];
  const paths = isObject(ctx.document['paths']) ? ctx.document['paths'] : {};
  for (const [route, rawItem] of Object.entries(paths)) {
    const item = ctx.deref(rawItem, childPointer('#/paths', route));
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item.node[method];
      if (!isObject(op)) continue;
      ops.push({ route, method, node: op, pointer: childPointer(item.pointer, method), pathItem: item.node, pathPointer: item.pointer });
    }
  }
  return ops;
}

const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * Keys of component schemas that are the body of some error response. Known before any model is
 * named, because a policy may rename such a model when its error class would take its name.
 */
export function errorBodyComponents(ctx: BuildContext, ops: readonly RawOperation[]): Set<string> {
  const keys = new Set<string>();
  for (const op of ops) {
    const responses = isObject(op.node['responses']) ? op.node['responses'] : {};
    for (const [status, raw] of Object.entries(responses)) {
      if (isSuccess(status)) continue;
      const response = ctx.deref(raw, childPointer(op.pointer, 'responses', status));
      const media = response ? pickMedia(response.node['content']) : undefined;
      const ref = media && isObject(media.node['schema']) ? str(media.node['schema']['$ref']) : undefined;
      if (ref?.startsWith(COMPONENT_PREFIX)) keys.add(ref.slice(COMPONENT_PREFIX.length));
    }
  }
  return keys;
}

/** Descriptions of the document's tags, by name. */
export function tagDescriptions(ctx: BuildContext): Map<string, string | undefined> {
  const docs = new Map<string, string | undefined>();
  const tags = ctx.document['tags'];
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (isObject(tag) && typeof tag['name'] === 'string') docs.set(tag['name'], str(tag['description']));
    }
  }
  return docs;
}
