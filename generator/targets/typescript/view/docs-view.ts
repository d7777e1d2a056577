/**
 * View of the generated reference documentation: one Markdown page per API class (tag),
 * `docs/<file>.md`, listing every operation with its description, authentication, parameters,
 * return type, errors and an example call. Every string here is final Markdown: spec prose goes
 * through the Markdown escapers, code through the TypeScript ones.
 */
import type { IrOperation, IrSecurityRequirement, IrService } from '../../../ir/types';
import { markdownBlock, markdownCode, markdownInline, markdownTableCode } from '../../../render/escape';
import { markdownTable } from '../../../render/markdown-table';
import { callStatement, exampleNode, type ModelIndex } from './example';
import { isRequiredParam } from './operations-view';
import type { JsNode } from './layout';
import type { TsContext } from './context';

/** Output path of a service's page, relative to the SDK root (README links use it too). */
export function docsPath(v: TsContext, service: IrService): string {
  return `docs/${v.name(service.fileName)}.md`;
}

/**
 * Parameters of the example call: required parameters (not a request id the SDK draws itself, so
 * no example reuses a fixed one), and the body whenever there is one.
 */
export function exampleEntries(v: TsContext, op: IrOperation, models: ModelIndex): [string, JsNode][] {
  const entries: [string, JsNode][] = op.parameters
    .filter((p) => isRequiredParam(p))
    .map((p): [string, JsNode] => [v.name(p.propertyName), exampleNode(p.schema, models)]);
  if (op.requestBody) entries.push([v.name(op.requestBody.propertyName), exampleNode(op.requestBody.schema, models)]);
  return entries;
}

/** `const result = await client.x.y({ … });` (or `await …;` for a void method). */
export function exampleCall(v: TsContext, service: IrService, op: IrOperation, models: ModelIndex): string {
  const prefix = v.returnType(op) === 'void' ? 'await ' : 'const result = await ';
  return callStatement(prefix, `client.${v.name(service.propertyName)}.${v.name(op.methodName)}`, exampleEntries(v, op, models));
}

function authText(v: TsContext, requirements: readonly IrSecurityRequirement[]): string {
  const ir = v.ir;
  if (requirements.length === 0) return 'None: this operation needs no credentials.';
  const describe = (name: string, scopes: readonly string[]): string => {
    const scheme = ir.securitySchemes.find((s) => s.schemeName === name);
    const kind =
      scheme?.kind === 'oauth2'
        ? scheme.clientCredentials
          ? 'OAuth 2.0 client credentials'
          : 'OAuth 2.0'
        : scheme?.kind === 'apiKey'
          ? `API key in ${scheme.in} ${markdownCode(scheme.name)}`
          : scheme?.kind === 'http'
            ? `HTTP ${markdownInline(scheme.scheme)}`
            : scheme?.kind === 'openIdConnect'
              ? 'OpenID Connect'
              : 'scheme';
    const scopeText = scopes.length > 0 ? `, scopes ${scopes.map(markdownCode).join(', ')}` : '';
    return `${kind} (${markdownCode(name)}${scopeText})`;
  };
  const alternatives = requirements.map((req) => {
    const parts = Object.entries(req).map(([name, scopes]) => describe(name, scopes));
    return parts.length === 0 ? 'no credentials' : parts.join(' and ');
  });
  return `Requires ${alternatives.join(', or ')}. See [authentication in the README](../README.md) for setting up credentials.`;
}

function operationDocs(v: TsContext, service: IrService, op: IrOperation, models: ModelIndex): Record<string, unknown> {
  const returnType = v.returnType(op);
  const methodName = v.name(op.methodName);
  const rows: Record<string, string>[] = op.parameters.map((p) => ({
    mdName: markdownTableCode(v.name(p.propertyName)),
    mdWire: markdownTableCode(p.name),
    mdIn: p.in,
    mdType: markdownTableCode(v.type(p.schema).text),
    mdRequired: p.required ? 'yes' : 'no',
    mdDescription: p.description ? markdownInline(p.description) : '',
  }));
  const body = op.requestBody;
  if (body) {
    rows.push({
      mdName: markdownTableCode(v.name(body.propertyName)),
      mdWire: '—',
      mdIn: `body (${markdownInline(body.mediaType)})`,
      mdType: markdownTableCode(v.type(body.schema).text),
      mdRequired: body.required ? 'yes' : 'no',
      mdDescription: body.description ? markdownInline(body.description) : '',
    });
  }
  const signatureParams = [...(op.paramsTypeName ? [`params: ${v.name(op.paramsTypeName)}`] : []), 'options?: RequestOptions'];
  return {
    // Method names are identifiers, so the heading's GitHub anchor is the lowercased name.
    methodName,
    anchor: methodName.toLowerCase(),
    mdSummary: op.summary ? markdownInline(op.summary) : '',
    mdDescription: op.description ? markdownBlock(op.description) : '',
    mdRoute: markdownCode(`${op.httpMethod} ${op.path}`),
    signature: `${methodName}(${signatureParams.join(', ')}): ${op.pagination ? `PagePromise<${returnType}, ${v.type(op.pagination.itemSchema).text}>` : `ApiPromise<${returnType}>`}`,
    deprecated: op.deprecated === true,
    mdAuth: authText(v, op.security),
    hasParams: rows.length > 0,
    paramsTable: markdownTable(
      ['Name', 'Wire name', 'Location', 'Type', 'Required', 'Description'],
      rows.map((r) => [r.mdName, r.mdWire, r.mdIn, r.mdType, r.mdRequired, r.mdDescription].map((c) => c ?? '')),
    ),
    mdReturns: markdownCode(returnType),
    mdSuccess: op.success
      ? `${markdownInline(op.success.status)}${op.success.description ? `: ${markdownInline(op.success.description)}` : ''}`
      : '',
    hasErrors: op.errors.length > 0,
    errorsTable: markdownTable(
      ['Status', 'Description', 'Exception class'],
      op.errors.map((e) => [markdownInline(e.status), e.description ? markdownInline(e.description) : '', markdownTableCode(v.name(e.className))]),
    ),
    example: [exampleCall(v, service, op, models), ...(returnType === 'void' ? [] : ['console.log(result);'])].join('\n'),
  };
}

/** Context of `items/docs/tag.md.hbs` for one service. */
export function docsPageView(v: TsContext, service: IrService, models: ModelIndex): Record<string, unknown> {
  const className = v.name(service.className);
  const propertyName = v.name(service.propertyName);
  return {
    mdTitle: markdownInline(service.tag),
    mdDescription: service.description ? markdownBlock(service.description) : '',
    className,
    propertyName,
    accessor: `const ${propertyName} = client.${propertyName}; // ${className}`,
    methods: service.operations.map((op) => operationDocs(v, service, op, models)),
  };
}
