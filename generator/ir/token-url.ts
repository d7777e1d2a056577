/**
 * OAuth token URLs written as server-variable templates (`tokenUrl: '{apiRoot}/oauth2/token'`,
 * as 3GPP specs do). The OpenAPI schema rejects them (`uri-reference`), but the meaning is clear:
 * the token endpoint lives wherever the deployment puts it. When every variable of the template
 * is a server variable, the SDK expands it with the client's server-variable values at run time;
 * otherwise (3GPP's `{nrfApiRoot}` names another function's root) the user configures the URL.
 */
import { isObject, type Json } from './context';
import { templateVariables } from './url-template';

/** Where the SDK gets a client-credentials token URL. */
export type TokenUrlSource = 'literal' | 'serverVariables' | 'configuration';

/** How `tokenUrl` is obtained, given the names of the document's server variables. */
export function tokenUrlSource(tokenUrl: string, serverVariables: ReadonlySet<string>): TokenUrlSource {
  const names = templateVariables(tokenUrl);
  if (names.length === 0) return 'literal';
  return names.every((n) => serverVariables.has(n)) ? 'serverVariables' : 'configuration';
}

/** Names of the variables of every server object of the document (document, path and operation level). */
export function serverVariableNames(document: { readonly [key: string]: Json | undefined }): Set<string> {
  const names = new Set<string>();
  const add = (servers: Json | undefined): void => {
    if (!Array.isArray(servers)) return;
    for (const s of servers) if (isObject(s) && isObject(s['variables'])) for (const n of Object.keys(s['variables'])) names.add(n);
  };
  add(document['servers']);
  const paths = document['paths'];
  if (isObject(paths)) {
    for (const item of Object.values(paths)) {
      if (!isObject(item)) continue;
      add(item['servers']);
      for (const op of Object.values(item)) if (isObject(op)) add(op['servers']);
    }
  }
  return names;
}
