/**
 * The view of `<package>/controllers/<module>.py`: one module per tag with the operations'
 * descriptions (module-level `Operation` constants, built once) and two classes over them: the
 * blocking controller (`ChargingController`, `client.charging`) and its asyncio counterpart
 * (`AsyncChargingController`), whose methods are the same with `async`/`await`.
 */
import type { IrBodyKind, IrOperation, IrPagination, IrParameter, IrService } from '../../../ir/types';
import { proseOr, pyDocstring, pyFunctionDocstring, pyString } from '../../../render/escape';
import type { PyContext } from './context';
import { PyImports } from './imports';
import { pyAssignment, pyCall, pyDef, pyDisplay, pyStatement, pyTuple, pyTypeExpr, type PyExpr } from './py-layout';
import { serverSpecExpr } from './servers';

export interface ControllerModule {
  readonly path: string;
  readonly context: Record<string, string>;
}

/** The runtime encoder of each kind of request body (see runtime `bodies.py`). */
const BODY_ENCODER: Readonly<Record<IrBodyKind, { name: string; takesMediaType: boolean }>> = {
  json: { name: 'json_body', takesMediaType: true },
  text: { name: 'text_body', takesMediaType: true },
  form: { name: 'form_body', takesMediaType: false },
  multipart: { name: 'multipart_body', takesMediaType: false },
  binary: { name: 'binary_body', takesMediaType: true },
};

/** How the runtime reads each kind of success body. */
const RESPONSE_KIND: Readonly<Record<NonNullable<IrOperation['success']>['kind'], string>> = {
  json: 'json',
  text: 'text',
  binary: 'bytes',
  none: 'none',
};

/** `OPERATION_NAME` of the module-level constant of an operation (`_START`). */
function constantName(v: PyContext, op: IrOperation): string {
  return `_${v.name(op.methodName).toUpperCase()}`;
}

function paramSpec(p: IrParameter, imports: PyImports): PyExpr {
  const args = [pyString(p.name), pyString(p.in)];
  // A request id left out is drawn by the runtime once per call, so every retry sends the same.
  if (p.defaultsToUuid) {
    imports.from('.._runtime.request_ids', 'new_request_id');
    args.push('default=new_request_id');
  }
  if (p.style !== undefined) args.push(`style=${pyString(p.style)}`);
  if (p.explode !== undefined) args.push(`explode=${p.explode ? 'True' : 'False'}`);
  if (p.allowReserved) args.push('allow_reserved=True');
  if (p.contentType !== undefined) args.push(`content_type=${pyString(p.contentType)}`);
  return pyCall('ParamSpec(', args);
}

/** The result type of an operation, and how the runtime reads the body. */
function resultOf(v: PyContext, op: IrOperation, imports: PyImports): { type: string; kind: string; responseType: string | undefined } {
  const success = op.success;
  if (!success?.schema) return { type: 'None', kind: 'none', responseType: undefined };
  const kind = RESPONSE_KIND[success.kind];
  if (kind === 'text') return { type: 'str', kind, responseType: undefined };
  if (kind === 'bytes') return { type: 'bytes', kind, responseType: undefined };
  const type = v.type(success.schema, imports, 'controllers');
  return { type, kind, responseType: type === 'object' ? undefined : type };
}

/**
 * `_START: Operation[T] = Operation(...)`. The `params` and `security` tuples are written with a
 * trailing comma, so ruff's layout gives each of their items a line when there are several.
 */
function operationConstant(v: PyContext, op: IrOperation, imports: PyImports): string {
  const { type, kind, responseType } = resultOf(v, op, imports);
  imports.from('.._runtime.operation', 'Operation');
  const args: PyExpr[] = [pyString(v.operationId(op)), pyString(op.httpMethod), pyString(op.path)];
  if (op.parameters.length > 0) {
    imports.from('.._runtime.serialize', 'ParamSpec');
    args.push(pyTuple('params=', op.parameters.map((p) => paramSpec(p, imports)), true));
  }
  if (op.security.length > 0) {
    const alternatives = op.security.map((req) => pyDisplay('', '{}', Object.entries(req).map(([scheme, scopes]) => pyTuple(`${pyString(scheme)}: `, scopes.map(pyString)))));
    args.push(pyTuple('security=', alternatives, true));
  }
  if (op.errors.length > 0) {
    const errors = op.errors.map((e) => {
      const cls = v.name(e.className);
      imports.from(`..exceptions.${v.module(e.className)}`, cls);
      return `${pyString(e.status.toUpperCase() === 'DEFAULT' ? 'default' : e.status)}: ${cls}`;
    });
    args.push(pyDisplay('errors=', '{}', errors));
  }
  if (kind !== 'json') args.push(`response_kind=${pyString(kind)}`);
  if (responseType !== undefined) args.push(pyTypeExpr('response_type=', responseType, ''));
  return pyAssignment(constantName(v, op), pyTypeExpr('', `Operation[${type}]`, ''), pyCall('Operation(', args), 0);
}

/** One argument a method takes before `*` (a required parameter, or the body). */
interface Positional {
  readonly name: string;
  readonly type: string;
  /** Required by the API (a request id the SDK draws itself counts as required here). */
  readonly required: boolean;
  /** A request id (`IrParameter.defaultsToUuid`): optional, a fresh UUID when left out. */
  readonly uuid: boolean;
}

interface Signature {
  /** Parameter declarations after `self`, as written in the `def` (`*` included). */
  readonly params: PyExpr[];
  /**
   * Set when a request id comes before a required argument: the method then has two overloads,
   * the positional one of the reference SDK (`f(request_id, id)`) and one of keywords that leaves
   * the request id out (`f(id=...)`); `params` is the implementation's, and `require` names the
   * arguments it defaults and checks.
   */
  readonly overloads?: { readonly positional: PyExpr[]; readonly keywords: PyExpr[]; readonly require: string[] };
  /** The values tuple in `Operation.params` order. */
  readonly values: PyExpr;
  /** The `body=...` argument, if the operation takes a body. */
  readonly bodyArgument: PyExpr | undefined;
  readonly docArgs: string[];
}

/** Whether a required argument follows a request id: the method then needs overloads (see `Signature`). */
export function needsOverloads(op: IrOperation): boolean {
  const positional = [...op.parameters.filter((p) => p.required).map((p) => p.defaultsToUuid === true), ...(op.requestBody?.required ? [false] : [])];
  const first = positional.indexOf(true);
  return first >= 0 && positional.slice(first).some((uuid) => !uuid);
}

/** `text` ending with a full stop (empty stays empty). */
function sentence(text: string | undefined): string {
  const t = text?.trim() ?? '';
  return t === '' || /[.!?:]$/.test(t) ? t : `${t}.`;
}

function optional(type: string): string {
  return type.startsWith('Optional[') ? type : `Optional[${type}]`;
}

function signature(v: PyContext, op: IrOperation, imports: PyImports): Signature {
  const positional: Positional[] = [];
  const keywordOnly: PyExpr[] = [];
  const docArgs: string[] = [];
  const describe = (name: string, text: string | undefined, where: string): void => {
    docArgs.push(`${name}: ${text === undefined || text.trim() === '' ? where : `${text.trim()} (${where})`}`);
  };
  for (const p of op.parameters) {
    const name = v.name(p.propertyName);
    const type = v.type(p.schema, imports, 'controllers');
    const uuid = p.defaultsToUuid === true;
    if (p.required) positional.push({ name, type, required: true, uuid });
    else {
      imports.from('typing', 'Optional');
      keywordOnly.push(pyTypeExpr(`${name}: `, optional(type), ' = None'));
    }
    describe(name, uuid ? `${sentence(p.description)} Optional: a fresh UUID per call when left out (the same on its retries).`.trim() : p.description, `${p.in} parameter \`\`${p.name}\`\``);
  }
  const body = op.requestBody;
  let bodyArgument: PyExpr | undefined;
  if (body) {
    const name = v.name(body.propertyName);
    const type = v.type(body.schema, imports, 'controllers');
    const encoder = BODY_ENCODER[body.kind];
    imports.from('.._runtime.bodies', encoder.name);
    const encoderArgs = encoder.takesMediaType ? [name, pyString(body.mediaType)] : [name];
    positional.push({ name, type, required: body.required, uuid: false });
    // The conditional stays one piece of text: ruff would parenthesize it to split it, so a line
    // too long with it is left to ruff.
    bodyArgument = body.required ? pyCall(`body=${encoder.name}(`, encoderArgs) : `body=None if ${name} is None else ${encoder.name}(${encoderArgs.join(', ')})`;
    describe(name, body.description, `request body, ${body.mediaType}`);
  }
  imports.from('typing', 'Optional').from('.._runtime.operation', 'RequestOptions');
  if (positional.some((p) => p.uuid || !p.required)) imports.from('typing', 'Optional');
  docArgs.push('options: Per-call options: timeout, retry policy, extra headers.');
  const values = op.parameters.map((p) => v.name(p.propertyName));
  const tail = [...keywordOnly, 'options: Optional[RequestOptions] = None'];
  const declare = (p: Positional, loosen: boolean): PyExpr => (p.uuid || !p.required || loosen ? pyTypeExpr(`${p.name}: `, optional(p.type), ' = None') : pyTypeExpr(`${p.name}: `, p.type, ''));
  const shared = { values: pyTuple('', values), bodyArgument, docArgs };
  if (!needsOverloads(op)) return { params: [...positional.map((p) => declare(p, false)), '*', ...tail], ...shared };
  imports.from('typing', 'overload').from('.._runtime.request_ids', 'require_arguments');
  const first = positional.findIndex((p) => p.uuid);
  const loosened = positional.slice(first).filter((p) => p.required && !p.uuid);
  return {
    params: [...positional.map((p, i) => declare(p, i >= first)), '*', ...tail],
    overloads: {
      positional: [...positional.map((p) => (p.required ? pyTypeExpr(`${p.name}: `, p.type, '') : declare(p, false))), '*', ...tail],
      keywords: ['*', ...positional.map((p) => declare(p, false)), ...tail],
      require: loosened.map((p) => p.name),
    },
    ...shared,
  };
}

/** A Google-style section entry: first line indented 4, continuation lines 8, blank lines dropped. */
function indentEntry(text: string): string {
  const [first, ...rest] = text.split(/\r\n?|\n/).filter((l) => l.trim() !== '');
  return [`    ${first ?? ''}`, ...rest.map((l) => `        ${l.trim()}`)].join('\n');
}

function methodDoc(v: PyContext, op: IrOperation, sig: Signature, returns: string, returnsText: string): string {
  const sections: (string | undefined)[] = [op.summary, op.description];
  sections.push(['Args:', ...sig.docArgs.map((a) => indentEntry(a))].join('\n'));
  if (returns !== 'None') sections.push(`Returns:\n${indentEntry(returnsText)}`);
  const raises = op.errors.map((e) => indentEntry(`${v.name(e.className)}: HTTP ${e.status}${e.description ? `: ${e.description}` : ''}`));
  if (raises.length > 0) sections.push(['Raises:', ...raises].join('\n'));
  if (op.deprecated) sections.push('Deprecated.');
  return pyFunctionDocstring(sections, 8);
}

/** The module-level `PageSpec` of a paginated operation, in wire names (the runtime reads models by alias). */
function pageSpecConstant(v: PyContext, op: IrOperation, pages: IrPagination, imports: PyImports): string {
  imports.from('.._runtime.pagination', 'PageSpec');
  const args: PyExpr[] = [pyString(pages.style), pyString(pages.parameter.name)];
  if (pages.sizeParameter !== undefined) args.push(`size=${pyString(pages.sizeParameter.name)}`);
  if (pages.itemsPath.length > 0) args.push(pyTuple('items=', pages.itemsPath.map(pyString)));
  if (pages.nextCursorPath !== undefined) args.push(pyTuple('next=', pages.nextCursorPath.map(pyString)));
  if (pages.firstPage !== undefined) args.push(`first=${pages.firstPage}`);
  return pyAssignment(`${constantName(v, op)}_PAGES`, pyTypeExpr('', `PageSpec[${v.type(pages.itemSchema, imports, 'controllers')}]`, ''), pyCall('PageSpec(', args), 0);
}

function method(v: PyContext, op: IrOperation, imports: PyImports, asyncio: boolean): string {
  const sig = signature(v, op, imports);
  const result = resultOf(v, op, imports);
  const name = v.name(op.methodName);
  const pages = op.pagination;
  const constant = constantName(v, op);
  const args: PyExpr[] = [constant, sig.values];
  if (sig.bodyArgument !== undefined) args.push(sig.bodyArgument);
  args.push('options=options');
  if (op.servers) {
    imports.from('.._runtime.servers', 'operation_base_url');
    args.push(pyCall('base_url=operation_base_url(', [`${constant}_SERVERS`, 'self._http.base_url', 'self._http.server_variables']));
  }
  let type = result.type;
  let call: PyExpr;
  let returnsText = op.success?.description?.trim() || 'The response body.';
  let coroutine = asyncio;
  if (pages !== undefined) {
    const item = v.type(pages.itemSchema, imports, 'controllers');
    const [paginator, fn] = asyncio ? ['AsyncPaginator', 'paginate_async'] : ['SyncPage', 'paginate'];
    imports.from('.._runtime.pagination', paginator).from('.._runtime.pagination', fn);
    type = `${paginator}[${result.type}, ${item}]`;
    call = pyCall(`return ${fn}(`, ['self._http', constant, `${constant}_PAGES`, ...args.slice(1)]);
    returnsText = asyncio
      ? `${sentence(returnsText)} Await it for the first page (\`\`AsyncPage\`\`: \`\`items\`\`, \`\`body\`\`, \`\`has_next_page()\`\`, \`\`get_next_page()\`\`), or \`\`async for\`\` over it for the items of every page, requested one page at a time.`
      : `${sentence(returnsText)} The first page (\`\`items\`\`, \`\`body\`\`, \`\`has_next_page()\`\`, \`\`get_next_page()\`\`); iterating it gives the items of every page, requested one page at a time.`;
    coroutine = false; // the paginator is returned at once; awaiting or iterating it sends the requests
  } else {
    call = pyCall(`return ${asyncio ? 'await ' : ''}self._http.request(`, args);
  }
  const open = `${coroutine ? 'async ' : ''}def ${name}(`;
  // `*` is left out where nothing follows it (or where it would follow only `self`).
  const returns = pyTypeExpr('', type, '');
  const def = (params: PyExpr[], suffix: string): string =>
    pyStatement(pyDef(open, ['self', ...params.filter((p, i, all) => !(p === '*' && (i === all.length - 1 || (i === 0 && all.length === 1))))], returns, suffix), 4);
  const lines: string[] = [];
  if (sig.overloads) {
    lines.push(`    @overload\n${def(sig.overloads.positional, ': ...')}\n`);
    lines.push(`    @overload\n${def(sig.overloads.keywords, ': ...')}\n`);
  }
  const check = sig.overloads && sig.overloads.require.length > 0 ? `${pyStatement(pyCall('require_arguments(', [pyString(name), ...sig.overloads.require.map((n) => `${n}=${n}`)]), 8)}\n` : '';
  lines.push(`${def(sig.params, ':')}\n${methodDoc(v, op, sig, result.type, returnsText)}${check}${pyStatement(call, 8)}\n`);
  return lines.join('\n');
}

/** One module per service, built as they are iterated. */
export function* controllerModules(v: PyContext, header: string): Generator<ControllerModule> {
  for (const service of v.ir.services) yield controllerModule(v, service, header);
}

function controllerModule(v: PyContext, service: IrService, header: string): ControllerModule {
  const imports = new PyImports().from('__future__', 'annotations').from('functools', 'cached_property').from('.._runtime.http_client', 'HttpClient').from('.._runtime.http_client', 'AsyncHttpClient');
  imports.from('.._runtime.response', 'to_raw_response_wrapper').from('.._runtime.response', 'async_to_raw_response_wrapper');
  const className = v.name(service.className);
  const property = v.name(service.propertyName);
  const constants: string[] = [];
  for (const op of service.operations) {
    constants.push(operationConstant(v, op, imports));
    if (op.pagination) constants.push(pageSpecConstant(v, op, op.pagination, imports));
    if (op.servers) {
      imports.from('.._runtime.servers', 'ServerSpec');
      if (op.servers.some((s) => s.variables.length > 0)) imports.from('.._runtime.servers', 'ServerVariable');
      constants.push(pyStatement(pyTuple(`${constantName(v, op)}_SERVERS = `, op.servers.map((server) => serverSpecExpr(server.urlTemplate, server.variables)), true), 0));
    }
  }
  const description = proseOr(service.description, `Operations tagged \`\`${service.tag}\`\`.`);
  const classDoc = (how: string): string => pyDocstring([description, how], 4);
  const init = (http: string): string => `    def __init__(self, http: ${http}) -> None:\n        """Created by the client, which shares one HTTP client among its controllers."""\n        self._http = http\n`;
  const classes: string[] = [];
  for (const asyncio of [false, true]) {
    const cls = asyncio ? v.derivedName(service.className, 'async') : className;
    const raw = v.derivedName(service.className, asyncio ? 'asyncRaw' : 'raw');
    const access = asyncio ? `\`\`client.${property}\`\` of the asynchronous client` : `\`\`client.${property}\`\``;
    const doc = asyncio ? `The asyncio counterpart of :class:\`${className}\`; available as ${access}.` : `Available as ${access}.`;
    const methods = service.operations.map((op) => method(v, op, imports, asyncio));
    const first = service.operations[0];
    const example = first === undefined ? '' : ` (\`\`${asyncio ? 'await ' : ''}client.${property}.with_raw_response.${v.name(first.methodName)}(...)\`\`)`;
    const rawProperty = `    @cached_property\n${pyStatement(pyDef('def with_raw_response(', ['self'], raw, ':'), 4)}\n${pyDocstring([`The same methods, returning the HTTP response${example}: \`\`status_code\`\`, \`\`headers\`\`, \`\`http_response\`\`, and \`\`parse()\`\` for the typed body.`], 8)}        return ${raw}(self)\n`;
    classes.push(`class ${cls}:\n${classDoc(doc)}\n${init(asyncio ? 'AsyncHttpClient' : 'HttpClient')}\n${rawProperty}\n${methods.join('\n')}`);
    const wrapper = asyncio ? 'async_to_raw_response_wrapper' : 'to_raw_response_wrapper';
    const wrapped = service.operations.map((op) => pyStatement(pyCall(`self.${v.name(op.methodName)} = ${wrapper}(`, [`controller.${v.name(op.methodName)}`]), 8));
    classes.push(
      `class ${raw}:\n${pyDocstring([`\`\`${cls}.with_raw_response\`\`: the methods of :class:\`${cls}\`, each returning an \`\`APIResponse\`\` (\`\`status_code\`\`, \`\`headers\`\`, \`\`http_response\`\`; \`\`parse()\`\` gives the typed body). Errors raise as from the plain methods.`], 4)}\n${pyStatement(pyDef('def __init__(', ['self', `controller: ${cls}`], 'None', ':'), 4)}\n        """Wraps the methods of \`\`controller\`\`."""\n${wrapped.length > 0 ? wrapped.join('\n') : '        del controller'}\n`,
    );
  }
  const body = [constants.join('\n\n'), ...classes.map((c) => c.trimEnd())].filter((b) => b !== '').join('\n\n\n');
  return {
    path: `${v.settings.importName}/controllers/${v.name(service.fileName)}.py`,
    context: { header, docstring: pyDocstring([description]), imports: imports.block(), body },
  };
}
