/** Servers: the document's environments, path/operation-level servers, and their variables. */
import { isObject, str, type BuildContext, type Json } from './context';
import type { RawOperation } from './collect';
import type { IrServer, IrServerUrl, IrServerVariable, IrServerVariableOption } from './types';

/** The document's servers, one environment each (the implicit `/` when none are given). */
export function buildServers(ctx: BuildContext): IrServer[] {
  const raw = Array.isArray(ctx.document['servers']) && ctx.document['servers'].length > 0 ? ctx.document['servers'] : [{ url: '/' }];
  const scope = ctx.names.scope('environments', 'environments');
  const servers: IrServer[] = [];
  raw.forEach((s, index) => {
    const server = serverUrl(s);
    if (!server || !isObject(s)) return;
    const name = ctx.names.request({ role: 'environment', explicit: str(s['x-sdkgen-name']), description: server.description, index }, scope);
    servers.push({ name, ...server });
  });
  return servers;
}

/** Operation-level servers, else path-level ones; `undefined` when neither is a non-empty list. */
export function operationServers(raw: RawOperation): IrServerUrl[] | undefined {
  const fromOp = Array.isArray(raw.node['servers']) && raw.node['servers'].length > 0;
  const fromPath = !fromOp && Array.isArray(raw.pathItem['servers']) && raw.pathItem['servers'].length > 0;
  if (!fromOp && !fromPath) return undefined;
  const list = (fromOp ? raw.node['servers'] : raw.pathItem['servers']) as Json[];
  const servers: IrServerUrl[] = [];
  for (const s of list) {
    const server = serverUrl(s);
    if (server) servers.push(server);
  }
  return servers.length > 0 ? servers : undefined;
}

/** One server object: URL with defaults substituted, and its variables. */
function serverUrl(s: Json): IrServerUrl | undefined {
  if (!isObject(s)) return undefined;
  const urlTemplate = str(s['url']) ?? '/';
  const description = str(s['description']);
  const variables: IrServerVariable[] = [];
  const vars = isObject(s['variables']) ? s['variables'] : {};
  for (const [name, v] of Object.entries(vars)) {
    if (!isObject(v)) continue;
    const d = str(v['description']);
    variables.push({
      name,
      default: String(v['default'] ?? ''),
      ...(Array.isArray(v['enum']) ? { enum: v['enum'].map((e) => String(e)) } : {}),
      ...(d !== undefined ? { description: d } : {}),
    });
  }
  const url = urlTemplate.replace(/\{([^}]*)\}/g, (whole, name: string) => {
    const v = variables.find((x) => x.name === name);
    return v ? v.default : whole;
  });
  return {
    url,
    urlTemplate,
    variables,
    relative: !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url),
    ...(description !== undefined ? { description } : {}),
  };
}

/**
 * The variables of `servers` (document servers first, then operation servers in operation order)
 * merged by name: the first declaration's default and docs; an enum only when every declaration
 * has one (their union).
 */
export function mergeServerVariables(servers: readonly IrServerUrl[]): IrServerVariableOption[] {
  const merged = new Map<string, IrServerVariableOption>();
  for (const v of servers.flatMap((s) => s.variables)) {
    const known = merged.get(v.name);
    if (known === undefined) {
      merged.set(v.name, {
        name: v.name,
        default: v.default,
        ...(v.enum && v.enum.length > 0 ? { enum: v.enum } : {}),
        ...(v.description !== undefined ? { description: v.description } : {}),
      });
      continue;
    }
    const { enum: knownEnum, ...rest } = known;
    const union = knownEnum && v.enum && v.enum.length > 0 ? [...new Set([...knownEnum, ...v.enum])] : undefined;
    merged.set(v.name, { ...rest, ...(union ? { enum: union } : {}) });
  }
  return [...merged.values()];
}

/** True when the client must compute its base URL at run time (variables or a relative URL). */
export function serversNeedExpansion(servers: readonly IrServerUrl[]): boolean {
  return servers.some((s) => s.relative || s.variables.length > 0);
}

