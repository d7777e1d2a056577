/**
 * The view of the Python docs: `docs/<controller>.md` (every operation with its signature,
 * parameters, result, errors and an example) and the parts of the README that depend on the API
 * (client setup, environments, controllers). Spec prose goes through the Markdown escapers,
 * code through the Python ones.
 */
import type { IrOperation, IrService } from '../../../ir/types';
import { markdownBlock, markdownCode, markdownInline, markdownTableCode } from '../../../render/escape';
import { markdownTable } from '../../../render/markdown-table';
import type { PyContext } from './context';
import { pyExample, type ExampleImports } from './example';
import { PyImports } from './imports';

/** The call of an operation as a user writes it: required arguments positionally, the body by keyword. */
export function exampleCall(v: PyContext, service: IrService, op: IrOperation, imports: ExampleImports, receiver = `client.${v.name(service.propertyName)}`): string[] {
  const lines: string[] = [];
  const args: string[] = [];
  for (const p of op.parameters.filter((x) => x.required)) {
    const name = v.name(p.propertyName);
    lines.push(`${name} = ${pyExample(v, p.schema, imports)}`);
    args.push(name);
  }
  if (op.requestBody) {
    const name = v.name(op.requestBody.propertyName);
    lines.push(`${name} = ${pyExample(v, op.requestBody.schema, imports)}`);
    args.push(op.requestBody.required ? name : `${name}=${name}`);
  }
  const hasResult = op.success?.schema !== undefined;
  lines.push(`${hasResult ? 'result = ' : ''}${receiver}.${v.name(op.methodName)}(${args.join(', ')})`);
  if (hasResult) lines.push('print(result)');
  return lines;
}

function operationDocs(v: PyContext, service: IrService, op: IrOperation): Record<string, unknown> {
  const imports: ExampleImports = new Map();
  const typeImports = new PyImports();
  const rows = op.parameters.map((p) => [
    markdownTableCode(v.name(p.propertyName)),
    markdownTableCode(p.name),
    p.in,
    markdownTableCode(v.type(p.schema, typeImports, 'controllers')),
    p.required ? 'yes' : 'no',
    p.description ? markdownInline(p.description) : '',
  ]);
  if (op.requestBody) {
    const b = op.requestBody;
    rows.push([markdownTableCode(v.name(b.propertyName)), '—', `body (${markdownInline(b.mediaType)})`, markdownTableCode(v.type(b.schema, typeImports, 'controllers')), b.required ? 'yes' : 'no', b.description ? markdownInline(b.description) : '']);
  }
  const call = exampleCall(v, service, op, imports, `${v.name(service.propertyName)}_controller`);
  const returns = op.success?.schema ? v.type(op.success.schema, typeImports, 'controllers') : 'None';
  const methodName = v.name(op.methodName);
  return {
    methodName,
    anchor: methodName.toLowerCase().replace(/_/g, '-'),
    mdSummary: op.summary ? markdownInline(op.summary) : '',
    mdDescription: op.description ? markdownBlock(op.description) : '',
    mdRoute: markdownCode(`${op.httpMethod} ${op.path}`),
    hasParams: rows.length > 0,
    paramsTable: markdownTable(['Name', 'Wire name', 'Location', 'Type', 'Required', 'Description'], rows),
    mdReturns: markdownCode(returns),
    mdSuccess: op.success ? `${markdownInline(op.success.status)}${op.success.description ? `: ${markdownInline(op.success.description)}` : ''}` : '',
    hasErrors: op.errors.length > 0,
    errorsTable: markdownTable(
      ['Status', 'Description', 'Exception class'],
      op.errors.map((e) => [markdownInline(e.status), e.description ? markdownInline(e.description) : '', markdownTableCode(v.name(e.className))]),
    ),
    example: [...[...imports.values()].sort(), ...(imports.size > 0 ? [''] : []), ...call].join('\n'),
    deprecated: op.deprecated === true,
  };
}

/** Context of `items/docs/controller.md.hbs`. */
export function controllerDocs(v: PyContext, service: IrService): Record<string, unknown> {
  const property = v.name(service.propertyName);
  return {
    mdTitle: markdownInline(service.tag),
    mdDescription: service.description ? markdownBlock(service.description) : '',
    className: v.name(service.className),
    accessor: `${property}_controller = client.${property}`,
    methods: service.operations.map((op) => operationDocs(v, service, op)),
  };
}
