/**
 * Server URLs from the API definition: `{variable}` substitution (defaults, user values, enums),
 * and the check that the URL requests go to is absolute.
 */
import { ConfigurationException } from './errors.js';
import type { ServerVariableValues } from './operation.js';

export type { ServerVariableValues } from './operation.js';

/** One server variable: its default and, when the API definition restricts it, the allowed values. */
export interface ServerVariableSpec {
  readonly default: string;
  readonly enum?: readonly string[];
}

/** A server of the API definition: URL template and variables. */
export interface ServerSpec {
  /** URL as written in the API definition; may contain `{variables}` and may be relative. */
  readonly url: string;
  readonly variables?: Readonly<Record<string, ServerVariableSpec>>;
}

/**
 * The server's URL with every `{name}` replaced by `values[name]`, else the variable's default.
 * Values are inserted as given (they may be host labels or path segments).
 *
 * @throws ConfigurationException for a value outside the variable's `enum`.
 */
export function expandServerUrl(server: ServerSpec, values: ServerVariableValues = {}): string {
  const variables = server.variables ?? {};
  return server.url.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const spec = Object.prototype.hasOwnProperty.call(variables, name)
      ? variables[name]
      : undefined;
    const given = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (spec === undefined) return given ?? whole;
    if (given === undefined) return spec.default;
    if (spec.enum !== undefined && spec.enum.length > 0 && !spec.enum.includes(given)) {
      throw new ConfigurationException(
        `Server variable '${name}' must be one of ${spec.enum.map((v) => `'${v}'`).join(', ')}`,
      );
    }
    return given;
  });
}

/** True for URLs with a scheme (`https://…`); false for `/api`, `api/v1`, `//host/x`. */
export function isAbsoluteUrl(url: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url);
}

/**
 * The client's base URL: `baseUrl` when given, else the selected server with its variables.
 * Both must be absolute: API definitions with relative server URLs (`/api/v1`, or no `servers`)
 * are served from wherever the document is hosted, which only the caller knows.
 *
 * @param environment - The selected environment, for the message.
 * @throws ConfigurationException when the result is not an absolute URL.
 */
export function clientBaseUrl(
  server: ServerSpec,
  options: {
    readonly baseUrl?: string | undefined;
    readonly serverVariables?: ServerVariableValues | undefined;
    readonly environment: string;
  },
): string {
  if (options.baseUrl !== undefined) {
    if (!isAbsoluteUrl(options.baseUrl)) {
      throw new ConfigurationException(
        `baseUrl must be an absolute URL such as 'https://api.example.com/v1'`,
      );
    }
    return options.baseUrl;
  }
  const url = expandServerUrl(server, options.serverVariables);
  if (!isAbsoluteUrl(url)) {
    throw new ConfigurationException(
      `The server URL of environment '${options.environment}' is relative ('${server.url}'): ` +
        `pass baseUrl, the absolute URL the API is served at (e.g. 'https://api.example.com${url.startsWith('/') ? '' : '/'}${url}')`,
    );
  }
  return url;
}

/**
 * The base URL of an operation that declares its own servers: the first one, expanded; a
 * relative one resolves against the client's base URL (RFC 3986).
 */
export function operationBaseUrl(
  servers: readonly ServerSpec[],
  clientBase: string,
  values?: ServerVariableValues,
): string {
  const first = servers[0];
  if (first === undefined) return clientBase;
  const url = expandServerUrl(first, values);
  return isAbsoluteUrl(url) ? url : new URL(url, clientBase).toString();
}
