/**
 * The TypeScript view of security schemes and servers: `Configuration` options per scheme, the
 * providers the client hands to `HttpClient`, the `serverVariables` option and the server specs
 * of `environment.ts` and of operations with their own servers. Every decision was made in the
 * IR; this only prints it.
 */
import { requiredByEveryOperation, serversNeedExpansion } from '../../../ir';
import type { Ir, IrSecurityScheme, IrServerUrl } from '../../../ir/types';
import type { TsContext } from './context';
import { docComment, tsString } from '../../../render/escape';
import { arr, obj, printEntry, printNode, raw, type JsNode, typeAfter } from './layout';
import { literalKey, propertyKey } from './types';

type Implemented = Exclude<IrSecurityScheme['implementation'], { kind: 'unsupported' }>;
type ImplementedScheme = IrSecurityScheme & { readonly implementation: Implemented };

/** Runtime type of each kind's option. */
const OPTION_TYPE: Readonly<Record<Implemented['kind'], string>> = {
  clientCredentials: 'ClientCredentialsAuthCredentials',
  apiKey: 'ApiKeyValue',
  bearer: 'BearerToken',
  basic: 'BasicAuthCredentials',
  tokenSupplier: 'BearerToken',
};

/** Runtime provider class of each kind built inline by the client (client credentials: the manager). */
const PROVIDER_CLASS: Readonly<Record<Exclude<Implemented['kind'], 'clientCredentials'>, string>> = {
  apiKey: 'ApiKeyAuthProvider',
  bearer: 'BearerTokenAuthProvider',
  basic: 'BasicAuthProvider',
  tokenSupplier: 'BearerTokenAuthProvider',
};

const SUPPLIER_NOTE =
  'A function is called before every request that needs the scheme, with the scopes the operation requires; after a 401 it is called once more with `forceRefresh: true` and the request is replayed once.';
const ORIGIN_NOTE = 'Sent only to the API origin, never logged or printed.';

function implemented(ir: Ir): ImplementedScheme[] {
  return ir.securitySchemes.filter((s): s is ImplementedScheme => s.implementation.kind !== 'unsupported');
}

function optionText(s: ImplementedScheme): string[] {
  const name = s.schemeName;
  switch (s.implementation.kind) {
    case 'clientCredentials': {
      const tokenUrl = s.kind === 'oauth2' ? (s.clientCredentials?.tokenUrl ?? '') : '';
      return [`Credentials for the OAuth 2.0 client-credentials scheme \`${name}\` (token URL \`${tokenUrl}\`).`];
    }
    case 'apiKey': {
      const where = s.kind === 'apiKey' ? `${s.in === 'query' ? 'query parameter' : s.in} \`${s.name}\`` : '';
      return [`API key for the scheme \`${name}\`, sent in the ${where}: the key, or a function returning it (called per request).`, ORIGIN_NOTE];
    }
    case 'basic':
      return [`User name and password for the HTTP Basic scheme \`${name}\`.`, ORIGIN_NOTE];
    case 'bearer': {
      const format = s.kind === 'http' && s.bearerFormat !== undefined ? ` (${s.bearerFormat})` : '';
      return [`Bearer token${format} for the HTTP bearer scheme \`${name}\`: the token, or a function returning it.`, SUPPLIER_NOTE, ORIGIN_NOTE];
    }
    case 'tokenSupplier': {
      const what =
        s.kind === 'openIdConnect'
          ? `the OpenID Connect scheme \`${name}\` (discovery document \`${s.url}\`)`
          : `the OAuth 2.0 scheme \`${name}\`${s.kind === 'oauth2' && s.flows.length > 0 ? ` (flows: ${s.flows.map((f) => f.kind).join(', ')})` : ''}`;
      return [
        `Access token for ${what}, obtained by your application (the SDK runs no login flow): the token, or a function returning it.`,
        SUPPLIER_NOTE,
        ORIGIN_NOTE,
      ];
    }
  }
}

/**
 * `Configuration` options of the security schemes, in document order. A scheme every operation
 * needs is a required option (so `config.<option>` needs no `!`); others are `?: T | undefined`.
 */
export function authOptionsView(v: TsContext): { optionDoc: string; option: string; type: string; required: boolean; mark: string; fieldType: string }[] {
  return implemented(v.ir).map((s) => {
    const required = requiredByEveryOperation(v.ir.services, s.schemeName);
    const type = OPTION_TYPE[s.implementation.kind];
    return {
      optionDoc: docComment([s.description, ...optionText(s), ...(required ? ['Required: every operation needs it.'] : [])], 2),
      option: v.name(s.implementation.option),
      type,
      required,
      // `?: T | undefined`: callers may pass a possibly-undefined value under `exactOptionalPropertyTypes`.
      mark: required ? `: ${type}` : `?: ${type} | undefined`,
      fieldType: required ? type : `${type} | undefined`,
    };
  });
}

/** Runtime types `configuration.ts` imports (sorted as the template expects: before `FetchLike`). */
export function configurationTypeImports(ir: Ir): string[] {
  return [...new Set(implemented(ir).map((s) => OPTION_TYPE[s.implementation.kind]))].sort();
}

/** Options holding secrets directly (client credentials redact themselves). */
export function secretOptions(v: TsContext): string[] {
  return implemented(v.ir).filter((s) => s.implementation.kind !== 'clientCredentials').map((s) => v.name(s.implementation.option));
}

/** `const SECRET_OPTIONS: readonly string[] = [...];` */
export function secretOptionsStatement(v: TsContext): string {
  const head = 'const SECRET_OPTIONS: readonly string[] = ';
  return `${head}${printNode(arr(secretOptions(v).map((o) => raw(tsString(o)))), 0, head.length, 1)};`;
}

/** Provider classes the client constructs. */
export function providerClasses(ir: Ir): string[] {
  return [
    ...new Set(
      implemented(ir).flatMap((s) => (s.implementation.kind === 'clientCredentials' ? [] : [PROVIDER_CLASS[s.implementation.kind]])),
    ),
  ].sort();
}

/** `key: new Provider(this.config.option, { … })` at `indent`, hugging the options object. */
function providerEntry(key: string, ctor: string, option: string, entries: [string, JsNode][], indent: number): string {
  const pad = ' '.repeat(indent);
  const hug = `${key}: new ${ctor}(this.config.${option}, {`;
  const lines = (inner: number) => entries.map(([k, v]) => `${' '.repeat(inner)}${printEntry(k, v, inner)},`).join('\n');
  if (indent + hug.length <= 100) return `${hug}\n${lines(indent + 2)}\n${pad}})`;
  return `${key}: new ${ctor}(\n${pad}  this.config.${option},\n${pad}  {\n${lines(indent + 4)}\n${pad}  },\n${pad})`;
}

/** The `auth: { … },` entry of the `HttpClient` options (indent 6). */
export function authEntry(v: TsContext): string {
  const schemes = implemented(v.ir);
  const onlyManagers = schemes.every((s) => s.implementation.kind === 'clientCredentials');
  if (onlyManagers) {
    const entries = schemes.flatMap((s) =>
      s.kind === 'oauth2' && s.clientCredentials ? [[literalKey(s.schemeName), raw(`this.${v.name(s.clientCredentials.propertyName)}`)] as [string, JsNode]] : [],
    );
    return `      ${printEntry('auth', obj(entries), 6)},`;
  }
  const lines = schemes.map((s) => {
    const key = literalKey(s.schemeName);
    const impl = s.implementation;
    if (impl.kind === 'clientCredentials') {
      return `        ${key}: this.${s.kind === 'oauth2' && s.clientCredentials ? v.name(s.clientCredentials.propertyName) : ''},`;
    }
    const entries: [string, JsNode][] = [['schemeName', raw(tsString(s.schemeName))]];
    if (s.kind === 'apiKey') {
      entries.push(['in', raw(tsString(s.in))], ['name', raw(tsString(s.name))]);
    }
    return `        ${providerEntry(key, PROVIDER_CLASS[impl.kind], v.name(impl.option), entries, 8)},`;
  });
  return `      auth: {\n${lines.join('\n')}\n      },`;
}

/** Runtime types of the auth options, for the index's `export type { … }`. */
export function authTypeExports(ir: Ir): string[] {
  const kinds = new Set(implemented(ir).map((s) => s.implementation.kind));
  const names: string[] = [];
  if (kinds.has('apiKey')) names.push('ApiKeyValue');
  if (kinds.has('basic')) names.push('BasicAuthCredentials');
  if (kinds.has('bearer') || kinds.has('tokenSupplier')) names.push('BearerToken', 'TokenSupplier', 'TokenSupplierContext');
  return names.sort();
}

// ---------------------------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------------------------

/** A runtime `ServerSpec` literal: `{ url, variables: { name: { default, enum } } }`. */
export function serverSpecNode(server: IrServerUrl): JsNode {
  const entries: [string, JsNode][] = [['url', raw(tsString(server.urlTemplate))]];
  if (server.variables.length > 0) {
    entries.push([
      'variables',
      obj(
        server.variables.map((v) => {
          const spec: [string, JsNode][] = [['default', raw(tsString(v.default))]];
          if (v.enum && v.enum.length > 0) spec.push(['enum', arr(v.enum.map((e) => raw(tsString(e))))]);
          return [literalKey(v.name), obj(spec)];
        }),
      ),
    ]);
  }
  return obj(entries);
}

/** True when the client must compute its base URL at run time (variables or a relative URL). */
export function needsServerSpecs(ir: Ir): boolean {
  return serversNeedExpansion(ir.servers);
}

/** Property declarations of the `ServerVariables` interface. */
export function serverVariableProperties(ir: Ir): { doc: string; declaration: string }[] {
  return ir.serverVariables.map((v) => {
    const type = v.enum ? { text: v.enum.map(tsString).join(' | '), members: v.enum.map(tsString) } : { text: 'string' };
    return {
      doc: docComment([v.description, { tag: '@defaultValue', text: `\`${v.default}\`` }], 2),
      declaration: typeAfter(`  readonly ${propertyKey(v.name)}?:`, type, ';', 2),
    };
  });
}

/** The `baseUrl` option's doc: says when it is required. */
export function baseUrlDoc(v: TsContext, enumName: string): string {
  const relative = v.ir.servers.filter((s) => s.relative);
  const base = "Overrides the environment's URL; relative token URLs resolve against it.";
  if (relative.length === 0) return `  /** ${base} */\n`;
  const which = relative.map((s) => `\`${enumName}.${v.name(s.name)}\` (\`${s.urlTemplate}\`)`).join(', ');
  return docComment(
    [
      `${base} An absolute URL including any path prefix, e.g. \`https://api.example.com/v1\`.`,
      `Required for ${which}: the API definition gives a relative server URL, so only you know the host. Without it the client constructor throws a \`ConfigurationException\`.`,
    ],
    2,
  );
}
