/**
 * The view of `<package>/controllers/<module>.py`: one module per tag with the operations'
 * descriptions (module-level `Operation` constants, built once) and two classes over them: the
 * blocking controller (`ChargingController`, `client.charging`) and its asyncio counterpart
 * (`AsyncChargingController`), whose methods are the same with `async`/`await`.
 */
import type { IrBodyKind, IrOperation, IrParameter, IrService } from '../../../ir/types';
import { pyDocstring, pyString } from '../../../render/escape';
import type { PyContext } from './context';
import { PyImports } from './imports';
import { serverSpecLiteral } from './servers';

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

function paramSpec(p: IrParameter): string {
  const args = [pyString(p.name), pyString(p.in)];
  if (p.style !== undefined) args.push(`style=${pyString(p.style)}`);
  if (p.explode !== undefined) args.push(`explode=${p.explode ? 'True' : 'False'}`);
  if (p.allowReserved) args.push('allow_reserved=True');
  if (p.contentType !== undefined) args.push(`content_type=${pyString(p.contentType)}`);
  return `ParamSpec(${args.join(', ')})`;
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

function operationConstant(v: PyContext, op: IrOperation, imports: PyImports): string {
  const { type, kind, responseType } = resultOf(v, op, imports);
  imports.from('.._runtime.operation', 'Operation');
  const args = [pyString(v.operationId(op)), pyString(op.httpMethod), pyString(op.path)];
  if (op.parameters.length > 0) {
    imports.from('.._runtime.serialize', 'ParamSpec');
    args.push(`params=(${op.parameters.map(paramSpec).join(', ')},)`);
  }
  if (op.security.length > 0) {
    const alternatives = op.security.map((req) => `{${Object.entries(req).map(([scheme, scopes]) => `${pyString(scheme)}: (${scopes.map(pyString).join(', ')}${scopes.length === 1 ? ',' : ''})`).join(', ')}}`);
    args.push(`security=(${alternatives.join(', ')},)`);
  }
  if (op.errors.length > 0) {
    const errors = op.errors.map((e) => {
      const cls = v.name(e.className);
      imports.from(`..exceptions.${v.module(e.className)}`, cls);
      return `${pyString(e.status.toUpperCase() === 'DEFAULT' ? 'default' : e.status)}: ${cls}`;
    });
    args.push(`errors={${errors.join(', ')}}`);
  }
  if (kind !== 'json') args.push(`response_kind=${pyString(kind)}`);
  if (responseType !== undefined) args.push(`response_type=${responseType}`);
  return `${constantName(v, op)}: Operation[${type}] = Operation(${args.join(', ')})`;
}

interface Signature {
  /** Parameter declarations after `self`, as written in the `def` (`*` included). */
  readonly params: string[];
  /** The values tuple in `Operation.params` order. */
  readonly values: string;
  /** `body=...` argument, or `''`. */
  readonly bodyArgument: string;
  readonly docArgs: string[];
}

function signature(v: PyContext, op: IrOperation, imports: PyImports): Signature {
  const required: string[] = [];
  const keywordOnly: string[] = [];
  const docArgs: string[] = [];
  const describe = (name: string, text: string | undefined, where: string): void => {
    docArgs.push(`${name}: ${text === undefined || text.trim() === '' ? where : `${text.trim()} (${where})`}`);
  };
  for (const p of op.parameters) {
    const name = v.name(p.propertyName);
    const type = v.type(p.schema, imports, 'controllers');
    if (p.required) required.push(`${name}: ${type}`);
    else {
      imports.from('typing', 'Optional');
      keywordOnly.push(`${name}: ${type.startsWith('Optional[') ? type : `Optional[${type}]`} = None`);
    }
    describe(name, p.description, `${p.in} parameter \`\`${p.name}\`\``);
  }
  const body = op.requestBody;
  let bodyArgument = '';
  const positional = [...required];
  if (body) {
    const name = v.name(body.propertyName);
    const type = v.type(body.schema, imports, 'controllers');
    const encoder = BODY_ENCODER[body.kind];
    imports.from('.._runtime.bodies', encoder.name);
    const call = `${encoder.name}(${name}${encoder.takesMediaType ? `, ${pyString(body.mediaType)}` : ''})`;
    if (body.required) {
      positional.push(`${name}: ${type}`);
      bodyArgument = `body=${call}`;
    } else {
      imports.from('typing', 'Optional');
      positional.push(`${name}: ${type.startsWith('Optional[') ? type : `Optional[${type}]`} = None`);
      bodyArgument = `body=None if ${name} is None else ${call}`;
    }
    describe(name, body.description, `request body, ${body.mediaType}`);
  }
  imports.from('typing', 'Optional').from('.._runtime.operation', 'RequestOptions');
  docArgs.push('options: Per-call options: timeout, retry policy, extra headers.');
  const values = op.parameters.map((p) => v.name(p.propertyName));
  return {
    params: [...positional, '*', ...keywordOnly, 'options: Optional[RequestOptions] = None'],
    values: values.length === 0 ? '()' : `(${values.join(', ')}${values.length === 1 ? ',' : ''})`,
    bodyArgument,
    docArgs,
  };
}

/** A Google-style section entry: first line indented 4, continuation lines 8, blank lines dropped. */
function indentEntry(text: string): string {
  const [first, ...rest] = text.split(/\r\n?|\n/).filter((l) => l.trim() !== '');
  return [`    ${first ?? ''}`, ...rest.map((l) => `        ${l.trim()}`)].join('\n');
}

function methodDoc(v: PyContext, op: IrOperation, sig: Signature, returns: string): string {
  const sections: (string | undefined)[] = [op.summary, op.description];
  sections.push(['Args:', ...sig.docArgs.map((a) => indentEntry(a))].join('\n'));
  if (returns !== 'None') sections.push(`Returns:\n${indentEntry(op.success?.description?.trim() || 'The response body.')}`);
  if (op.errors.length > 0) {
    sections.push(['Raises:', ...op.errors.map((e) => indentEntry(`${v.name(e.className)}: HTTP ${e.status}${e.description ? `: ${e.description}` : ''}`))].join('\n'));
  }
  if (op.deprecated) sections.push('Deprecated.');
  return pyDocstring(sections, 8);
}

function method(v: PyContext, op: IrOperation, imports: PyImports, asyncio: boolean): string {
  const sig = signature(v, op, imports);
  const { type } = resultOf(v, op, imports);
  const name = v.name(op.methodName);
  const params = ['self', ...sig.params.filter((p, i, all) => !(p === '*' && i === all.length - 1))];
  const args = [constantName(v, op), sig.values];
  if (sig.bodyArgument !== '') args.push(sig.bodyArgument);
  args.push('options=options');
  if (op.servers) {
    imports.from('.._runtime.servers', 'operation_base_url');
    args.push(`base_url=operation_base_url(${constantName(v, op)}_SERVERS, self._http.base_url, self._http.server_variables)`);
  }
  const call = `${asyncio ? 'await ' : ''}self._http.request(${args.join(', ')})`;
  return `    ${asyncio ? 'async ' : ''}def ${name}(${params.join(', ')}) -> ${type}:\n${methodDoc(v, op, sig, type)}        return ${call}\n`;
}

export function controllerModules(v: PyContext, header: string): ControllerModule[] {
  return v.ir.services.map((service) => controllerModule(v, service, header));
}

function controllerModule(v: PyContext, service: IrService, header: string): ControllerModule {
  const imports = new PyImports().from('__future__', 'annotations').from('.._runtime.http_client', 'HttpClient').from('.._runtime.http_client', 'AsyncHttpClient');
  const className = v.name(service.className);
  const property = v.name(service.propertyName);
  const constants: string[] = [];
  for (const op of service.operations) {
    constants.push(operationConstant(v, op, imports));
    if (op.servers) {
      imports.from('.._runtime.servers', 'ServerSpec');
      if (op.servers.some((s) => s.variables.length > 0)) imports.from('.._runtime.servers', 'ServerVariable');
      constants.push(`${constantName(v, op)}_SERVERS = (${op.servers.map((server) => serverSpecLiteral(server.urlTemplate, server.variables)).join(', ')},)`);
    }
  }
  const description = service.description ?? `Operations tagged \`\`${service.tag}\`\`.`;
  const classDoc = (how: string): string => pyDocstring([description, how], 4);
  const sync = service.operations.map((op) => method(v, op, imports, false));
  const async = service.operations.map((op) => method(v, op, imports, true));
  const init = (http: string): string => `    def __init__(self, http: ${http}) -> None:\n        """Created by the client, which shares one HTTP client among its controllers."""\n        self._http = http\n`;
  const body = [
    constants.join('\n\n'),
    `class ${className}:\n${classDoc(`Available as \`\`client.${property}\`\`.`)}\n${init('HttpClient')}\n${sync.join('\n')}`,
    `class Async${className}:\n${classDoc(`The asyncio counterpart of :class:\`${className}\`; available as \`\`client.${property}\`\` of the asynchronous client.`)}\n${init('AsyncHttpClient')}\n${async.join('\n')}`,
  ].join('\n\n\n');
  return {
    path: `${v.settings.importName}/controllers/${v.name(service.fileName)}.py`,
    context: { header, docstring: pyDocstring([description]), imports: imports.block(), body },
  };
}
