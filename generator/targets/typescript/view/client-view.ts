/**
 * The view of the client, configuration and environment files: environments, the token managers
 * of client-credentials schemes, the runtime the client imports and how it computes its base URL.
 */
import type { IrSecurityScheme } from '../../../ir/types';
import { docComment, lineCommentText, markdownCode, markdownInline, tsString } from '../../../render/escape';
import { needsServerSpecs, providerClasses } from './auth-view';
import type { TsContext } from './context';
import { templateVariables } from '../../../ir/url-template';
import { arr, call, importLine, obj, printEntry, raw, type JsNode } from './layout';
import { literalKey, propertyKey } from './types';
import { usesExtraParamStyles } from './runtime-files';

export const ENUM_NAME = 'Environment';

/**
 * The token URL the manager is given. A server-variable template is expanded with the client's
 * values (and the variables' defaults) like a server URL; a template of other variables is passed
 * as written, and the runtime asks for `oAuthTokenUrl` when a token is needed (the URL is not
 * absolute). Everything else resolves against the base URL.
 */
function tokenUrlNode(v: TsContext, cc: ClientCredentialsScheme['clientCredentials']): JsNode {
  const url = raw(tsString(cc.tokenUrl));
  if (cc.tokenUrlSource === 'configuration') return url;
  if (cc.tokenUrlSource === 'literal') return call('resolveUrl', [url, raw('baseUrl')]);
  const used = new Set(templateVariables(cc.tokenUrl));
  const variables = v.ir.serverVariables
    .filter((sv) => used.has(sv.name))
    .map((sv): [string, JsNode] => [
      literalKey(sv.name),
      obj([['default', raw(tsString(sv.default))], ...(sv.enum ? [['enum', arr(sv.enum.map((e) => raw(tsString(e))))] as [string, JsNode]] : [])]),
    ]);
  const server = obj([['url', url], ['variables', obj(variables)]]);
  return call('resolveUrl', [call('expandServerUrl', [server, raw('this.config.serverVariables')]), raw('baseUrl')]);
}

/** Whether any client-credentials token URL is expanded from server variables (then `expandServerUrl` is imported). */
function expandsTokenUrl(v: TsContext): boolean {
  return clientCredentialsSchemes(v).some((s) => s.clientCredentials.tokenUrlSource === 'serverVariables');
}

/** Whether any token URL is resolved against the base URL (every one but those left to configuration). */
function resolvesTokenUrl(v: TsContext): boolean {
  return clientCredentialsSchemes(v).some((s) => s.clientCredentials.tokenUrlSource !== 'configuration');
}

/** `this.x = new ClientCredentialsAuthManager(credentials, { … });`, hugged when it fits. */
function managerStatement(property: string, option: string, schemeName: string, tokenUrl: JsNode): string {
  const entries: [string, JsNode][] = [
    ['schemeName', raw(tsString(schemeName))],
    ['tokenUrl', tokenUrl],
    ['fetch', raw('this.config.fetch')],
    ['timeout', raw('this.config.timeout')],
    ['retry', raw('this.config.retry')],
    ['allowInsecureHttp', raw('this.config.allowInsecureHttp')],
    ['logger', raw('logger')],
  ];
  const credentials = `this.config.${option}`;
  const hug = `    this.${property} = new ClientCredentialsAuthManager(${credentials}, {`;
  if (hug.length <= 100) {
    return `${hug}\n${entries.map(([k, v]) => `      ${printEntry(k, v, 6)},`).join('\n')}\n    });`;
  }
  return [
    `    this.${property} = new ClientCredentialsAuthManager(`,
    `      ${credentials},`,
    '      {',
    ...entries.map(([k, v]) => `        ${printEntry(k, v, 8)},`),
    '      },',
    '    );',
  ].join('\n');
}

/** Text for inside a Markdown code span we do not control the delimiters of (no backticks, one line). */
function markdownCodeText(text: string): string {
  return lineCommentText(text).replace(/`/g, "'");
}

/** The `Environment` enum: one member per server. */
export function environmentView(v: TsContext): Record<string, unknown> {
  const servers = v.ir.servers;
  const defaultServer = servers[0];
  return {
    enumName: ENUM_NAME,
    defaultMember: defaultServer ? v.name(defaultServer.name) : '',
    members: servers.map((s) => {
      const name = v.name(s.name);
      return {
        doc: docComment([s.description, `URL: ${s.url}`], 2),
        line: `  ${printEntry(name, raw(tsString(name.toLowerCase())), 2)},`,
        urlLine: `  ${printEntry(`[${ENUM_NAME}.${name}]`, raw(tsString(s.url)), 2)},`,
        mdName: markdownCode(`${ENUM_NAME}.${name}`),
        mdUrl: markdownInline(s.url),
        mdDescription: s.description ? markdownInline(s.description) : '',
      };
    }),
  };
}

type ClientCredentialsScheme = Extract<IrSecurityScheme, { kind: 'oauth2' }> & { clientCredentials: NonNullable<Extract<IrSecurityScheme, { kind: 'oauth2' }>['clientCredentials']> };

/** Schemes with a client-credentials flow the SDK implements. */
export function clientCredentialsSchemes(v: TsContext): ClientCredentialsScheme[] {
  return v.ir.securitySchemes.filter((s): s is ClientCredentialsScheme => s.kind === 'oauth2' && s.clientCredentials !== undefined);
}

/** `refuseSecretInBrowser(…);` for one scheme (see the runtime's `auth/browser.ts`). */
function browserGuard(option: string, schemeName: string): string {
  // `?.` even where the option is required: a JavaScript caller may still leave it out.
  const hasSecret = `this.config.${option}?.oAuthClientSecret !== undefined`;
  const args = [hasSecret, 'this.config.dangerouslyAllowBrowser', tsString(schemeName)];
  const flat = `    refuseSecretInBrowser(${args.join(', ')});`;
  return flat.length <= 100 ? flat : `    refuseSecretInBrowser(\n${args.map((a) => `      ${a},`).join('\n')}\n    );`;
}

/** What the templates print for each client-credentials scheme (code and README). */
export function authSchemesView(v: TsContext): Record<string, string>[] {
  return clientCredentialsSchemes(v).map((scheme) => {
    const cc = scheme.clientCredentials;
    const propertyName = v.name(cc.propertyName);
    const credentialsOption = v.name(cc.credentialsOption);
    return {
      browserGuard: browserGuard(credentialsOption, scheme.schemeName),
      // `schemeName` / `tokenUrl` are for Markdown (the auth-readme partial); code uses the literals.
      schemeName: markdownInline(scheme.schemeName),
      managerStatement: managerStatement(propertyName, credentialsOption, scheme.schemeName, tokenUrlNode(v, cc)),
      schemeNameLiteral: tsString(scheme.schemeName),
      schemeKey: propertyKey(scheme.schemeName),
      propertyName,
      credentialsOption,
      tokenUrl: markdownCodeText(cc.tokenUrl),
      tokenUrlLiteral: tsString(cc.tokenUrl),
      optionDoc: docComment(
        [scheme.description, `Credentials for the OAuth 2.0 client-credentials scheme \`${scheme.schemeName}\` (token URL \`${cc.tokenUrl}\`).`],
        2,
      ),
      propertyDoc: docComment([`Token manager of the \`${scheme.schemeName}\` scheme.`], 2),
    };
  });
}

/** The first scheme's view, or an empty one (templates test `hasAuth` first). */
export const NO_AUTH_SCHEME: Readonly<Record<string, string>> = {
  browserGuard: '',
  schemeName: '',
  managerStatement: '',
  schemeNameLiteral: "''",
  schemeKey: '',
  propertyName: '',
  credentialsOption: '',
  tokenUrl: '',
  tokenUrlLiteral: "''",
  optionDoc: '',
  propertyDoc: '',
};

/** How the client computes its base URL and what `client.ts` imports for it. */
export function clientWiring(v: TsContext, hasServices: boolean, hasManagers: boolean, serviceImports: readonly string[]): Record<string, unknown> {
  const ir = v.ir;
  // A spec without operations (webhooks only) has no API class to hand an `HttpClient` to, and
  // `noUnusedLocals` rejects an unused one; the base URL is then only needed by auth managers.
  const needsBaseUrl = hasServices || hasManagers;
  // Server variables or relative server URLs: the base URL is computed (and checked) at run time.
  const serverSpecs = needsServerSpecs(ir);
  const hasServerVariables = ir.serverVariables.length > 0;
  const runtimeImports = [
    ...(hasServices ? providerClasses(ir) : []),
    ...(hasManagers ? ['ClientCredentialsAuthManager'] : []),
    ...(hasServices ? ['HttpClient'] : []),
    ...(hasServices && usesExtraParamStyles(ir.services) ? ['paramStyles'] : []),
    ...(needsBaseUrl && serverSpecs ? ['clientBaseUrl'] : []),
    ...(hasManagers && expandsTokenUrl(v) ? ['expandServerUrl'] : []),
    ...(needsBaseUrl ? ['leveledLogger'] : []),
    ...(hasManagers ? ['refuseSecretInBrowser'] : []),
    ...(hasManagers && resolvesTokenUrl(v) ? ['resolveUrl'] : []),
  ];
  const environmentTable = serverSpecs ? 'ENVIRONMENT_SERVERS' : 'ENVIRONMENT_URLS';
  const baseUrlStatement = serverSpecs
    ? [
        `    const baseUrl = clientBaseUrl(${environmentTable}[this.config.environment], {`,
        '      baseUrl: this.config.baseUrlOverride,',
        ...(hasServerVariables ? ['      serverVariables: this.config.serverVariables,'] : []),
        '      environment: this.config.environment,',
        '    });',
      ].join('\n')
    : `    const baseUrl = this.config.baseUrlOverride ?? ${environmentTable}[this.config.environment];`;
  const clientImports = [
    importLine('import', ['Configuration', 'type ConfigurationOptions'], tsString('./configuration.js')),
    ...(needsBaseUrl ? [importLine('import', [environmentTable], tsString('./environment.js'))] : []),
    ...(runtimeImports.length > 0 ? [importLine('import', runtimeImports, tsString('./runtime/index.js'))] : []),
    ...serviceImports,
  ].join('\n');
  return { needsBaseUrl, baseUrlStatement, clientImports, hasServerSpecs: serverSpecs, hasServerVariables, usesParamStyles: usesExtraParamStyles(ir.services) };
}
