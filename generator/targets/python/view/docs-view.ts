/**
 * The view of the Python docs: `docs/<controller>.md` (every operation with its signature,
 * parameters, result, errors and an example; raw responses and pagination where they apply) and
 * the parts of the README that depend on the API (client setup, environments, controllers, and
 * the examples of raw responses, errors, hooks, logging and pagination). Spec prose goes through
 * the Markdown escapers, code through the Python ones. Every Python block is type-checked with
 * `mypy --strict` against the package (test/python/sdk/test_readme_snippets.py).
 */
import type { IrOperation, IrService } from '../../../ir/types';
import { markdownBlock, markdownCode, markdownInline, markdownTableCode } from '../../../render/escape';
import { markdownTable } from '../../../render/markdown-table';
import type { PyContext } from './context';
import { needsOverloads } from './controllers-view';
import { pyExample, type ExampleImports } from './example';
import { PyImports } from './imports';

/** The arguments of a call as a user writes it, and the lines that define them. */
function callArgs(v: PyContext, op: IrOperation, imports: ExampleImports): { setup: string[]; args: string } {
  const setup: string[] = [];
  const args: string[] = [];
  const keywords = needsOverloads(op);
  for (const p of op.parameters.filter((x) => x.required && x.defaultsToUuid !== true)) {
    const name = v.name(p.propertyName);
    setup.push(`${name} = ${pyExample(v, p.schema, imports)}`);
    args.push(keywords ? `${name}=${name}` : name);
  }
  if (op.requestBody) {
    const name = v.name(op.requestBody.propertyName);
    setup.push(`${name} = ${pyExample(v, op.requestBody.schema, imports)}`);
    args.push(op.requestBody.required && !keywords ? name : `${name}=${name}`);
  }
  return { setup, args: args.join(', ') };
}

/**
 * The call of an operation as a user writes it: required arguments positionally, the body by
 * keyword; a request id the SDK draws itself is left out (and when a required argument follows
 * it, every argument goes by keyword: see `needsOverloads`). A paginated operation is looped over
 * (or, without `loop`, its first page printed).
 */
export function exampleCall(v: PyContext, service: IrService, op: IrOperation, imports: ExampleImports, receiver = `client.${v.name(service.propertyName)}`, loop = true): string[] {
  const { setup, args } = callArgs(v, op, imports);
  const call = `${receiver}.${v.name(op.methodName)}(${args})`;
  if (op.pagination) return loop ? [...setup, `for item in ${call}:`, '    print(item)'] : [...setup, `page = ${call}  # the first page; iterate it for every item`, 'print(page.items)'];
  const hasResult = op.success?.schema !== undefined;
  return [...setup, `${hasResult ? 'result = ' : ''}${call}`, ...(hasResult ? ['print(result)'] : [])];
}

/**
 * The imports of an example: standard-library modules first (`import asyncio`), then the
 * package's names (the example's own, plus `names`: `[module, name]` pairs), a blank line between.
 */
function importBlock(examples: ExampleImports, std: readonly string[] = [], names: readonly (readonly [string, string])[] = []): string {
  const stdlib = new PyImports();
  const local = new PyImports();
  for (const module of std) stdlib.module(module);
  for (const [module, name] of names) local.from(module, name);
  for (const line of examples.values()) {
    const m = /^from (\S+) import (\S+)$/.exec(line);
    if (m) local.from(m[1] as string, m[2] as string);
    else stdlib.module(line.replace(/^import /, ''));
  }
  return code(stdlib.block(), local.block());
}

function code(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n');
}

function operationDocs(v: PyContext, service: IrService, op: IrOperation): Record<string, unknown> {
  const imports: ExampleImports = new Map();
  const typeImports = new PyImports();
  const rows = op.parameters.map((p) => [
    markdownTableCode(v.name(p.propertyName)),
    markdownTableCode(p.name),
    p.in,
    markdownTableCode(v.type(p.schema, typeImports, 'controllers')),
    p.defaultsToUuid ? 'no (a fresh UUID per call)' : p.required ? 'yes' : 'no',
    p.description ? markdownInline(p.description) : '',
  ]);
  if (op.requestBody) {
    const b = op.requestBody;
    rows.push([markdownTableCode(v.name(b.propertyName)), '—', `body (${markdownInline(b.mediaType)})`, markdownTableCode(v.type(b.schema, typeImports, 'controllers')), b.required ? 'yes' : 'no', b.description ? markdownInline(b.description) : '']);
  }
  const receiver = `${v.name(service.propertyName)}_controller`;
  const call = exampleCall(v, service, op, imports, receiver);
  const body = op.success?.schema ? v.type(op.success.schema, typeImports, 'controllers') : 'None';
  const pages = op.pagination;
  const returns = pages === undefined ? body : `SyncPage[${body}, ${v.type(pages.itemSchema, typeImports, 'controllers')}]`;
  const methodName = v.name(op.methodName);
  let pagination = '';
  if (pages !== undefined) {
    const { setup, args } = callArgs(v, op, imports);
    pagination = [...setup, `page = ${receiver}.${methodName}(${args})`, 'print(len(page.items), page.body)', 'while page.has_next_page():', '    page = page.get_next_page()', '    print(len(page.items))'].join('\n');
  }
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
    example: code(importBlock(imports), call.join('\n')),
    paginated: pages !== undefined,
    paginationExample: pagination,
    deprecated: op.deprecated === true,
  };
}

/** The operation `keep` accepts that needs the fewest inputs (reads first). */
function pick(v: PyContext, keep: (op: IrOperation) => boolean): { service: IrService; op: IrOperation } | undefined {
  const all = v.ir.services.flatMap((service) => service.operations.map((op) => ({ service, op }))).filter(({ op }) => keep(op));
  const inputs = (op: IrOperation): number =>
    (op.httpMethod === 'GET' ? 0 : 100) + op.parameters.filter((p) => p.required && !p.defaultsToUuid).length + (op.requestBody ? 1 : 0);
  return all.reduce<(typeof all)[number] | undefined>((best, c) => (best === undefined || inputs(c.op) < inputs(best.op) ? c : best), undefined);
}

/** The raw-response example of an operation (`receiver` names the controller). */
function rawExample(v: PyContext, op: IrOperation, receiver: string, imports: ExampleImports): string {
  const { setup, args } = callArgs(v, op, imports);
  const lines = [...setup, `response = ${receiver}.with_raw_response.${v.name(op.methodName)}(${args})`, 'print(response.status_code, response.headers.get("content-type"))'];
  if (op.pagination) lines.push('page = response.parse()  # the first page, as the plain call returns it', 'print(page.items)');
  else if (op.success?.schema !== undefined) lines.push('result = response.parse()  # the typed body, as the plain call returns it', 'print(result)');
  return lines.join('\n');
}

/** Context of `items/docs/controller.md.hbs`. */
export function controllerDocs(v: PyContext, service: IrService): Record<string, unknown> {
  const property = v.name(service.propertyName);
  const first = service.operations.find((op) => op.pagination === undefined) ?? service.operations[0];
  const imports: ExampleImports = new Map();
  const raw = first === undefined ? '' : rawExample(v, first, `${property}_controller`, imports);
  return {
    mdTitle: markdownInline(service.tag),
    mdDescription: service.description ? markdownBlock(service.description) : '',
    className: v.name(service.className),
    asyncClassName: v.derivedName(service.className, 'async'),
    accessor: `${property}_controller = client.${property}`,
    rawExample: raw === '' ? '' : code(importBlock(imports), raw),
    methods: service.operations.map((op) => operationDocs(v, service, op)),
  };
}

/** The README's API-dependent examples (see `templates/python/README.md.hbs`). */
export function readmeExamples(v: PyContext, clientModule: string): Record<string, string> {
  const pkg = v.settings.importName;
  const client = v.name(v.ir.client);
  const out: Record<string, string> = { rawExample: '', errorExample: '', validationExample: '', paginationExample: '', asyncPaginationExample: '' };
  const plain = pick(v, (op) => op.pagination === undefined) ?? pick(v, () => true);
  if (plain !== undefined) {
    const receiver = `client.${v.name(plain.service.propertyName)}`;
    const rawImports: ExampleImports = new Map();
    const raw = rawExample(v, plain.op, receiver, rawImports);
    out['rawExample'] = code(importBlock(rawImports), raw);
    const errorImports: ExampleImports = new Map();
    const { setup, args } = callArgs(v, plain.op, errorImports);
    const tryBlock = [...setup, `${receiver}.${v.name(plain.op.methodName)}(${args})`].map((l) => `    ${l}`).join('\n');
    out['errorExample'] = code(
      importBlock(errorImports, [], [[`${pkg}.exceptions.api_exception`, 'APIException']]),
      `try:\n${tryBlock}\nexcept APIException as error:\n    print(error)  # ${v.operationId(plain.op)} failed with HTTP 404 Not Found: <the server's text>\n    print(error.status_code, error.headers.get("content-type"), error.body)`,
    );
    const checkImports: ExampleImports = new Map();
    const checked = callArgs(v, plain.op, checkImports);
    const checkedTry = [...checked.setup, `checked.${v.name(plain.service.propertyName)}.${v.name(plain.op.methodName)}(${checked.args})`].map((l) => `    ${l}`).join('\n');
    out['validationExample'] = code(
      importBlock(checkImports, [], [[pkg, 'ResponseValidationException'], [`${pkg}.${clientModule}`, client]]),
      `checked = ${client}(client.config.clone_with(validate_responses="strict"))\ntry:\n${checkedTry}\nexcept ResponseValidationException as error:\n    print(error.path, error.violations)`,
    );
  }
  const paged = pick(v, (op) => op.pagination !== undefined);
  if (paged !== undefined) {
    const property = v.name(paged.service.propertyName);
    const method = v.name(paged.op.methodName);
    const imports: ExampleImports = new Map();
    const { setup, args } = callArgs(v, paged.op, imports);
    out['paginationExample'] = code(
      importBlock(imports),
      [...setup, `for item in client.${property}.${method}(${args}):`, '    print(item)', '', `page = client.${property}.${method}(${args})`, 'print(len(page.items), page.body)', 'while page.has_next_page():', '    page = page.get_next_page()', '    print(len(page.items))'].join('\n'),
    );
    const asyncImports: ExampleImports = new Map();
    const asyncArgs = callArgs(v, paged.op, asyncImports);
    // Two blank lines around a top-level `def`, as ruff wants them.
    out['asyncPaginationExample'] = [
      importBlock(asyncImports, ['asyncio'], [[`${pkg}.${clientModule}`, v.derivedName(v.ir.client, 'async')]]),
      `async def main() -> None:\n    async with ${v.derivedName(v.ir.client, 'async')}(client.config) as async_client:\n${[...asyncArgs.setup, `async for item in async_client.${property}.${method}(${asyncArgs.args}):`, '    print(item)', `first = await async_client.${property}.${method}(${asyncArgs.args})`, 'print(len(first.items), first.has_next_page())'].map((l) => `        ${l}`).join('\n')}`,
      'asyncio.run(main())',
    ].join('\n\n\n');
  }
  return out;
}
