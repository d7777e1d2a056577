/**
 * The IR stage: turns a bundled OpenAPI 3.x document into the language-neutral `Ir` (see
 * `./types.ts`), making every decision on the way: names (through `generator/naming`), types,
 * flags, error classes, services, servers, security. Renderers only print it.
 *
 * Linear in the size of the document: every lookup is a map built once.
 */
import * as path from 'node:path';
import type { LoadedSpec } from '../bundle';
import type { ResolvedConfig } from '../config/types';
import type { ProblemSink } from '../problems';
import { CONFIGURATION_OPTIONS, NameScope, Namer, pascalWords, typeIdentifier, type AuthOptionKind } from '../naming';
import { BuildContext, childPointer, isObject, str, type Json, type JsonObject } from './context';
import { SchemaConverter } from './schemas';
import type {
  Ir,
  IrBodyKind,
  IrErrorClass,
  IrFeatures,
  IrHttpMethod,
  IrOAuthFlow,
  IrOperation,
  IrOperationError,
  IrParameter,
  IrParamLocation,
  IrRequestBody,
  IrResponse,
  IrResponseKind,
  IrSchema,
  IrAuthImplementation,
  IrSecurityRequirement,
  IrSecurityScheme,
  IrSecuritySchemeSource,
  IrServer,
  IrServerUrl,
  IrServerVariable,
  IrServerVariableOption,
  IrService,
} from './types';

export type * from './types';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const DEFAULT_TAG = 'default';

/** Reason phrases for error classes of body-less error responses (`404` → `NotFoundException`). */
const STATUS_NAMES: Readonly<Record<string, string>> = {
  '400': 'BadRequest', '401': 'Unauthorized', '402': 'PaymentRequired', '403': 'Forbidden',
  '404': 'NotFound', '405': 'MethodNotAllowed', '406': 'NotAcceptable', '408': 'RequestTimeout',
  '409': 'Conflict', '410': 'Gone', '411': 'LengthRequired', '412': 'PreconditionFailed',
  '413': 'PayloadTooLarge', '415': 'UnsupportedMediaType', '422': 'UnprocessableEntity',
  '423': 'Locked', '428': 'PreconditionRequired', '429': 'TooManyRequests',
  '500': 'InternalServerError', '501': 'NotImplemented', '502': 'BadGateway',
  '503': 'ServiceUnavailable', '504': 'GatewayTimeout', '4XX': 'ClientError', '5XX': 'ServerError',
  default: 'UnexpectedResponse',
};

export function buildIr(spec: LoadedSpec, config: ResolvedConfig, sink: ProblemSink): Ir {
  return new IrBuilder(spec, config, sink).build();
}

interface ErrorEntry {
  className: string;
  schema?: IrSchema;
  description?: string;
  usedBy: { operationId: string; status: string }[];
}

class IrBuilder {
  private readonly ctx: BuildContext;
  private readonly namer: Namer;
  private readonly schemas: SchemaConverter;
  private readonly errorsByKey = new Map<string, ErrorEntry>();
  private readonly errorList: ErrorEntry[] = [];
  private readonly clientName: string;

  constructor(
    spec: LoadedSpec,
    private readonly config: ResolvedConfig,
    sink: ProblemSink,
  ) {
    this.namer = new Namer(config.naming);
    const info = isObject(spec.document['info']) ? spec.document['info'] : {};
    this.clientName = this.namer.clientName(config.clientName, str(info['title']) ?? '', config.packageName);
    this.ctx = new BuildContext(spec, this.namer, sink, [this.clientName]);
    this.schemas = new SchemaConverter(this.ctx);
  }

  private get doc(): JsonObject {
    return this.ctx.document;
  }

  build(): Ir {
    const info = isObject(this.doc['info']) ? this.doc['info'] : {};
    const rawOps = this.collectOperations();

    // Component schemas used as error bodies whose name already ends in the error suffix are
    // renamed `XBody` so the class can be `X`; decide that before any name is taken.
    const renames = this.errorModelRenames(rawOps);
    this.schemas.declareComponents(renames);

    const securitySchemes = this.buildSecuritySchemes();
    const servers = this.buildServers();
    const services = this.buildServices(rawOps);
    this.schemas.convertComponents();

    const errors: IrErrorClass[] = this.errorList.map((e) => ({
      className: e.className,
      ...(e.schema ? { schema: e.schema } : {}),
      ...(e.description !== undefined ? { description: e.description } : {}),
      usedBy: e.usedBy,
    }));
    const description = str(info['description']);
    return {
      specFileName: path.basename(this.ctx.spec.path),
      info: {
        title: str(info['title']) ?? '',
        version: str(info['version']) ?? '0.0.0',
        ...(description !== undefined ? { description } : {}),
      },
      packageName: this.config.packageName,
      packageVersion: this.config.packageVersion ?? str(info['version']) ?? '0.0.0',
      clientName: this.clientName,
      servers,
      serverVariables: [...this.variableOptions.values()],
      securitySchemes,
      services,
      models: this.schemas.allModels(),
      errors,
      features: featuresOf(securitySchemes, services, servers),
    };
  }

  // ------------------------------------------------------------------------------------------
  // Operations
  // ------------------------------------------------------------------------------------------

  private collectOperations(): RawOperation[] {
    const ops: RawOperation[] = [];
    const paths = isObject(this.doc['paths']) ? this.doc['paths'] : {};
    for (const [route, rawItem] of Object.entries(paths)) {
      const itemPointer = childPointer('#/paths', route);
      const item = this.ctx.deref(rawItem, itemPointer);
      if (!item) continue;
      for (const method of HTTP_METHODS) {
        const op = item.node[method];
        if (!isObject(op)) continue;
        ops.push({ route, method, node: op, pointer: childPointer(item.pointer, method), pathItem: item.node, pathPointer: item.pointer });
      }
    }
    return ops;
  }

  private errorModelRenames(ops: readonly RawOperation[]): Map<string, string> {
    const renames = new Map<string, string>();
    const suffix = this.config.naming.errorClassSuffix;
    if (suffix === '') return renames;
    for (const op of ops) {
      const responses = isObject(op.node['responses']) ? op.node['responses'] : {};
      for (const [status, raw] of Object.entries(responses)) {
        if (isSuccess(status)) continue;
        const response = this.ctx.deref(raw, childPointer(op.pointer, 'responses', status));
        const media = response ? pickMedia(response.node['content']) : undefined;
        const ref = media && isObject(media.node['schema']) ? str(media.node['schema']['$ref']) : undefined;
        const key = ref?.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
        if (key === undefined) continue;
        const { renameModelTo } = this.namer.errorClassForModel(pascalWords(key));
        if (renameModelTo) renames.set(key, renameModelTo);
      }
    }
    return renames;
  }

  private buildServices(rawOps: readonly RawOperation[]): IrService[] {
    const tagDocs = new Map<string, string | undefined>();
    if (Array.isArray(this.doc['tags'])) {
      for (const tag of this.doc['tags']) {
        if (isObject(tag) && typeof tag['name'] === 'string') tagDocs.set(tag['name'], str(tag['description']));
      }
    }
    // Group by first tag, in order of first appearance.
    const groups = new Map<string, RawOperation[]>();
    for (const op of rawOps) {
      const tags = Array.isArray(op.node['tags']) ? op.node['tags'].filter((t): t is string => typeof t === 'string') : [];
      const tag = tags[0] ?? DEFAULT_TAG;
      let group = groups.get(tag);
      if (!group) groups.set(tag, (group = []));
      group.push(op);
    }
    const properties = new NameScope(false, ['config', 'constructor', ...this.authPropertyNames]);
    const files = new NameScope(true);
    const services: IrService[] = [];
    const classNames: string[] = [];
    for (const tag of groups.keys()) classNames.push(this.ctx.types.claim(this.namer.apiClass(tag)));
    let i = 0;
    for (const [tag, group] of groups) {
      const methods = new NameScope(false, ['constructor', 'http']);
      const operations = group.map((op) => this.buildOperation(op, methods));
      const description = tagDocs.get(tag);
      services.push({
        tag,
        className: classNames[i++] as string,
        propertyName: properties.claim(this.namer.apiProperty(tag)),
        fileName: files.claim(this.namer.apiFile(tag)),
        ...(description !== undefined ? { description } : {}),
        operations,
      });
    }
    return services;
  }

  private buildOperation(raw: RawOperation, methods: NameScope): IrOperation {
    const { node, pointer } = raw;
    const operationIdRaw = str(node['operationId']);
    const methodName = methods.claim(this.namer.operationMethod(operationIdRaw, raw.method, raw.route));
    const operationId = operationIdRaw ?? methodName;
    const opWords = pascalWords(methodName);
    if (node['callbacks'] !== undefined) {
      this.ctx.warn('`callbacks` are not supported; they are ignored', childPointer(pointer, 'callbacks'));
    }

    // Parameters: path-level first, overridden by operation-level (same name + in).
    const merged = new Map<string, { node: JsonObject; pointer: string }>();
    const addParams = (list: Json | undefined, listPointer: string): void => {
      if (!Array.isArray(list)) return;
      list.forEach((p, index) => {
        const param = this.ctx.deref(p, childPointer(listPointer, index));
        if (!param) return;
        const name = str(param.node['name']);
        const location = str(param.node['in']);
        if (name === undefined || location === undefined) return;
        merged.set(`${location}\u0000${name}`, param);
      });
    };
    addParams(raw.pathItem['parameters'], childPointer(raw.pathPointer, 'parameters'));
    addParams(node['parameters'], childPointer(pointer, 'parameters'));

    const propScope = new NameScope(false);
    const requestBody = this.buildRequestBody(node, pointer, opWords, propScope);
    const parameters: IrParameter[] = [];
    for (const { node: p, pointer: pp } of merged.values()) {
      const param = this.buildParameter(p, pp, opWords, propScope);
      if (param) parameters.push(param);
    }

    const responses: IrResponse[] = [];
    const errors: IrOperationError[] = [];
    const rawResponses = isObject(node['responses']) ? node['responses'] : {};
    for (const status of Object.keys(rawResponses)) {
      const responsePointer = childPointer(pointer, 'responses', status);
      const resolved = this.ctx.deref(rawResponses[status], responsePointer);
      if (!resolved) continue;
      const response = this.buildResponse(status, resolved, opWords);
      responses.push(response);
      if (!isSuccess(status) && isErrorStatus(status)) {
        const className = this.errorClassFor(status, resolved, response, methodName, operationId, opWords);
        errors.push({ status, className, ...(response.description !== undefined ? { description: response.description } : {}) });
      }
    }
    const success = pickSuccess(responses);

    const security = this.securityOf(node, pointer);
    const servers = this.operationServers(raw);
    const needsParams = parameters.length > 0 || requestBody !== undefined;
    const paramsTypeName = needsParams ? this.ctx.types.claim(this.namer.paramsType(methodName)) : '';
    const summary = str(node['summary']);
    const description = str(node['description']);
    return {
      operationId,
      methodName,
      paramsTypeName,
      httpMethod: raw.method.toUpperCase() as IrHttpMethod,
      path: raw.route,
      ...(summary !== undefined && summary.trim() !== '' ? { summary } : {}),
      ...(description !== undefined && description.trim() !== '' ? { description } : {}),
      ...(node['deprecated'] === true ? { deprecated: true } : {}),
      pointer,
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses,
      ...(success ? { success } : {}),
      errors,
      security,
      ...(servers ? { servers } : {}),
    };
  }

  private buildParameter(p: JsonObject, pointer: string, opWords: string, scope: NameScope): IrParameter | undefined {
    const name = str(p['name']) as string;
    const location = str(p['in']) as string;
    if (!['path', 'query', 'header', 'cookie'].includes(location)) {
      this.ctx.warn(`parameter location \`${location}\` is not supported; the parameter is ignored`, pointer);
      return undefined;
    }
    if (location === 'header' && ['accept', 'content-type', 'authorization'].includes(name.toLowerCase())) {
      this.ctx.warn(`header parameter \`${name}\` is ignored (OpenAPI: set by the client)`, pointer);
      return undefined;
    }
    let schemaNode: Json | undefined = p['schema'];
    let schemaPointer = childPointer(pointer, 'schema');
    let contentType: string | undefined;
    if (schemaNode === undefined && isObject(p['content'])) {
      const media = pickMedia(p['content']);
      if (media) {
        contentType = media.mediaType;
        schemaNode = media.node['schema'];
        schemaPointer = childPointer(pointer, 'content', media.mediaType, 'schema');
      }
    }
    const schema = this.schemas.convert(schemaNode, schemaPointer, [opWords, pascalWords(name) || 'Param']);
    const description = str(p['description']);
    const style = str(p['style']);
    return {
      name,
      propertyName: scope.claim(this.namer.paramProperty(name)),
      in: location as IrParamLocation,
      required: location === 'path' || p['required'] === true,
      ...(description !== undefined ? { description } : {}),
      ...(p['deprecated'] === true ? { deprecated: true } : {}),
      schema,
      ...(style !== undefined ? { style } : {}),
      ...(typeof p['explode'] === 'boolean' ? { explode: p['explode'] } : {}),
      ...(p['allowReserved'] === true ? { allowReserved: true } : {}),
      ...(contentType !== undefined ? { contentType } : {}),
    };
  }

  private buildRequestBody(node: JsonObject, pointer: string, opWords: string, scope: NameScope): IrRequestBody | undefined {
    if (node['requestBody'] === undefined) return undefined;
    const resolved = this.ctx.deref(node['requestBody'], childPointer(pointer, 'requestBody'));
    if (!resolved) return undefined;
    const media = pickMedia(resolved.node['content']);
    if (!media) {
      this.ctx.warn('request body without content; it is ignored', resolved.pointer);
      return undefined;
    }
    const kind = bodyKind(media.mediaType);
    const schemaPointer = childPointer(resolved.pointer, 'content', media.mediaType, 'schema');
    let schema = this.schemas.convert(media.node['schema'], schemaPointer, [opWords, 'Request']);
    if (kind === 'binary' && schema.kind !== 'ref') schema = { kind: 'primitive', type: 'string', binary: true };
    const description = str(resolved.node['description']);
    return {
      propertyName: scope.claim('body'),
      required: resolved.node['required'] === true,
      mediaType: media.mediaType,
      kind,
      schema,
      ...(description !== undefined ? { description } : {}),
    };
  }

  private buildResponse(status: string, resolved: { node: JsonObject; pointer: string }, opWords: string): IrResponse {
    const description = str(resolved.node['description']);
    const media = pickMedia(resolved.node['content']);
    if (!media) {
      return { status, ...(description !== undefined ? { description } : {}), kind: 'none' };
    }
    const kind = responseKind(media.mediaType);
    const schemaPointer = childPointer(resolved.pointer, 'content', media.mediaType, 'schema');
    let schema: IrSchema;
    if (kind === 'blob') schema = { kind: 'primitive', type: 'string', binary: true };
    else if (kind === 'text' && media.node['schema'] === undefined) schema = { kind: 'primitive', type: 'string' };
    else {
      const role = isSuccess(status) ? 'Response' : 'Error';
      schema = this.schemas.convert(media.node['schema'], schemaPointer, [opWords, status, role]);
    }
    return { status, ...(description !== undefined ? { description } : {}), mediaType: media.mediaType, kind, schema };
  }

  /** One class per distinct error schema (by pointer), shared between operations. */
  private errorClassFor(
    status: string,
    resolved: { node: JsonObject; pointer: string },
    response: IrResponse,
    methodName: string,
    operationId: string,
    opWords: string,
  ): string {
    const media = pickMedia(resolved.node['content']);
    const rawSchema = media && isObject(media.node['schema']) ? media.node['schema'] : undefined;
    const ref = rawSchema ? str(rawSchema['$ref']) : undefined;
    let key: string;
    let className: () => string;
    if (ref?.startsWith('#/components/schemas/')) {
      key = ref;
      const componentKey = ref.slice('#/components/schemas/'.length);
      className = () => this.namer.errorClassForModel(pascalWords(componentKey)).className;
    } else if (rawSchema && media) {
      key = childPointer(resolved.pointer, 'content', media.mediaType, 'schema');
      const responseComponent = /^#\/components\/responses\/([^/]+)$/.exec(resolved.pointer);
      className = responseComponent
        ? () => typeIdentifier(`${pascalWords(responseComponent[1] ?? '')}${this.config.naming.errorClassSuffix}`)
        : () => this.namer.errorClassForInline(methodName, status);
    } else {
      // No body: one class per status, shared (`NotFoundException`).
      key = `status:${status}`;
      className = () => typeIdentifier(`${STATUS_NAMES[status] ?? `Status${status}`}${this.config.naming.errorClassSuffix}`);
    }
    void opWords;
    let entry = this.errorsByKey.get(key);
    if (!entry) {
      entry = {
        className: this.ctx.types.claim(className()),
        ...(response.schema ? { schema: response.schema } : {}),
        ...(response.description !== undefined ? { description: response.description } : {}),
        usedBy: [],
      };
      this.errorsByKey.set(key, entry);
      this.errorList.push(entry);
    }
    entry.usedBy.push({ operationId, status });
    return entry.className;
  }

  /**
   * The effective requirements in spec order. Schemes the SDK cannot implement, and names that are
   * not schemes, are left out of each requirement (warned once each): a requirement of only such
   * schemes becomes `{}`, so the call goes out without SDK credentials and the caller can add
   * them through request headers, instead of failing on every call.
   */
  private securityOf(node: JsonObject, pointer: string): IrSecurityRequirement[] {
    const own = node['security'] !== undefined;
    const raw = own ? node['security'] : this.doc['security'];
    if (!Array.isArray(raw)) return [];
    const where = own ? childPointer(pointer, 'security') : '#/security';
    const result: IrSecurityRequirement[] = [];
    for (const requirement of raw) {
      if (!isObject(requirement)) continue;
      const entry: Record<string, readonly string[]> = {};
      for (const [scheme, scopes] of Object.entries(requirement)) {
        const supported = this.schemeSupport.get(scheme);
        if (supported === undefined) {
          if (!this.warnedUnknown.has(`${where}\u0000${scheme}`)) {
            this.warnedUnknown.add(`${where}\u0000${scheme}`);
            this.ctx.warn(`security requirement names unknown scheme \`${scheme}\`; it is left out`, where);
          }
          continue;
        }
        if (!supported) continue;
        entry[scheme] = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
      }
      result.push(entry);
    }
    return result;
  }

  /** Operation-level servers, else path-level ones; `undefined` when neither is a non-empty list. */
  private operationServers(raw: RawOperation): IrServerUrl[] | undefined {
    const fromOp = Array.isArray(raw.node['servers']) && raw.node['servers'].length > 0;
    const fromPath = !fromOp && Array.isArray(raw.pathItem['servers']) && raw.pathItem['servers'].length > 0;
    if (!fromOp && !fromPath) return undefined;
    const list = (fromOp ? raw.node['servers'] : raw.pathItem['servers']) as Json[];
    const servers: IrServerUrl[] = [];
    list.forEach((s) => {
      const server = this.serverUrl(s);
      if (server) servers.push(server);
    });
    return servers.length > 0 ? servers : undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Security schemes and servers
  // ------------------------------------------------------------------------------------------

  /** Scheme name → whether the SDK implements it (absent: not a scheme). */
  private readonly schemeSupport = new Map<string, boolean>();
  private readonly warnedUnknown = new Set<string>();
  private authPropertyNames: string[] = [];

  private buildSecuritySchemes(): IrSecurityScheme[] {
    const components = isObject(this.doc['components']) ? this.doc['components'] : {};
    const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
    const planned: { source: IrSecuritySchemeSource; plan: SchemePlan; pointer: string }[] = [];
    for (const [schemeName, raw] of Object.entries(schemes)) {
      const pointer = childPointer('#/components/securitySchemes', schemeName);
      const resolved = this.ctx.deref(raw, pointer);
      if (!resolved) continue;
      const source = this.schemeSource(schemeName, resolved.node);
      planned.push({ source, plan: planScheme(source), pointer });
    }
    // "Only scheme of its kind" decides the option name, so count before naming.
    const perKind = new Map<string, number>();
    for (const { plan } of planned) if (plan.kind !== 'unsupported') perKind.set(plan.kind, (perKind.get(plan.kind) ?? 0) + 1);

    const props = new NameScope(false, ['config', 'constructor']);
    const options = new NameScope(false, CONFIGURATION_OPTIONS);
    const result: IrSecurityScheme[] = [];
    for (const { source, plan, pointer } of planned) {
      const schemeName = source.schemeName;
      this.schemeSupport.set(schemeName, plan.kind !== 'unsupported');
      if (plan.kind === 'unsupported') {
        this.ctx.warn(`security scheme \`${schemeName}\`: ${plan.reason}`, pointer);
        result.push({ ...source, implementation: plan });
        continue;
      }
      const option = options.claim(this.namer.authOption(plan.kind, schemeName, perKind.get(plan.kind) === 1));
      if (plan.kind === 'clientCredentials' && source.kind === 'oauth2') {
        const cc = source.flows.find((f) => f.kind === 'clientCredentials');
        const propertyName = props.claim(this.namer.authProperty(schemeName));
        this.authPropertyNames.push(propertyName);
        result.push({
          ...source,
          clientCredentials: { propertyName, credentialsOption: option, tokenUrl: cc?.tokenUrl ?? '', scopes: cc?.scopes ?? [] },
          implementation: { kind: 'clientCredentials', option },
        });
        continue;
      }
      result.push({ ...source, implementation: { kind: plan.kind, option } });
    }
    return result;
  }

  /** The scheme as the document defines it (no SDK decisions yet). */
  private schemeSource(schemeName: string, s: JsonObject): IrSecuritySchemeSource {
    const description = str(s['description']);
    const docs = description !== undefined ? { description } : {};
    const type = str(s['type']) ?? '';
    if (type === 'oauth2') {
      const flowsNode = isObject(s['flows']) ? s['flows'] : {};
      const flows: IrOAuthFlow[] = [];
      for (const kind of OAUTH_FLOWS) {
        const f = flowsNode[kind];
        if (!isObject(f)) continue;
        const scopes = isObject(f['scopes'])
          ? Object.entries(f['scopes']).map(([name, d]) => ({ name, description: typeof d === 'string' ? d : '' }))
          : [];
        const tokenUrl = str(f['tokenUrl']);
        const authorizationUrl = str(f['authorizationUrl']);
        const refreshUrl = str(f['refreshUrl']);
        flows.push({
          kind,
          ...(tokenUrl !== undefined ? { tokenUrl } : {}),
          ...(authorizationUrl !== undefined ? { authorizationUrl } : {}),
          ...(refreshUrl !== undefined ? { refreshUrl } : {}),
          scopes,
        });
      }
      return { kind: 'oauth2', schemeName, flows, ...docs };
    }
    if (type === 'openIdConnect') return { kind: 'openIdConnect', schemeName, url: str(s['openIdConnectUrl']) ?? '', ...docs };
    if (type === 'apiKey') {
      const where = str(s['in']);
      return { kind: 'apiKey', schemeName, in: where === 'query' || where === 'cookie' ? where : 'header', name: str(s['name']) ?? '', ...docs };
    }
    if (type === 'http') {
      const bearerFormat = str(s['bearerFormat']);
      return {
        kind: 'http',
        schemeName,
        scheme: (str(s['scheme']) ?? '').toLowerCase(),
        ...(bearerFormat !== undefined ? { bearerFormat } : {}),
        ...docs,
      };
    }
    return { kind: 'other', schemeName, type, ...docs };
  }

  private buildServers(): IrServer[] {
    const raw = Array.isArray(this.doc['servers']) && this.doc['servers'].length > 0 ? this.doc['servers'] : [{ url: '/' }];
    const members = new NameScope(true);
    const servers: IrServer[] = [];
    raw.forEach((s, index) => {
      const server = this.serverUrl(s);
      if (!server || !isObject(s)) return;
      const name = members.claim(this.namer.environmentMember(str(s['x-sdkgen-name']), server.description, index));
      servers.push({ name, value: name.toLowerCase(), ...server });
    });
    return servers;
  }

  /** One server object: URL with defaults substituted, variables (also collected for the option). */
  private serverUrl(s: Json): IrServerUrl | undefined {
    if (!isObject(s)) return undefined;
    const urlTemplate = str(s['url']) ?? '/';
    const description = str(s['description']);
    const variables: IrServerVariable[] = [];
    const vars = isObject(s['variables']) ? s['variables'] : {};
    for (const [name, v] of Object.entries(vars)) {
      if (!isObject(v)) continue;
      const d = str(v['description']);
      const variable: IrServerVariable = {
        name,
        default: String(v['default'] ?? ''),
        ...(Array.isArray(v['enum']) ? { enum: v['enum'].map((e) => String(e)) } : {}),
        ...(d !== undefined ? { description: d } : {}),
      };
      variables.push(variable);
      this.collectVariable(variable);
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

  /** Variables merged by name: an enum only when every declaration has one (their union). */
  private readonly variableOptions = new Map<string, IrServerVariableOption>();

  private collectVariable(v: IrServerVariable): void {
    const known = this.variableOptions.get(v.name);
    if (known === undefined) {
      this.variableOptions.set(v.name, {
        name: v.name,
        default: v.default,
        ...(v.enum && v.enum.length > 0 ? { enum: v.enum } : {}),
        ...(v.description !== undefined ? { description: v.description } : {}),
      });
      return;
    }
    const { enum: knownEnum, ...rest } = known;
    const merged = knownEnum && v.enum && v.enum.length > 0 ? [...new Set([...knownEnum, ...v.enum])] : undefined;
    this.variableOptions.set(v.name, { ...rest, ...(merged ? { enum: merged } : {}) });
  }
}

/** True when the client must compute its base URL at run time (variables or a relative URL). */
export function serversNeedExpansion(servers: readonly IrServer[]): boolean {
  return servers.some((s) => s.relative || s.variables.length > 0);
}

/** Runtime parts the schemes and operations need (see `IrFeatures`); unsupported schemes need none. */
function featuresOf(schemes: readonly IrSecurityScheme[], services: readonly IrService[], servers: readonly IrServer[]): IrFeatures {
  const kinds = new Set(schemes.map((s) => s.implementation.kind));
  const operations = services.flatMap((s) => s.operations);
  const bodyKinds = new Set(operations.flatMap((op) => (op.requestBody ? [op.requestBody.kind] : [])));
  return {
    serverTemplates: serversNeedExpansion(servers) || operations.some((op) => op.servers !== undefined),
    bodyEncoders: bodyKinds.has('form') || bodyKinds.has('multipart') || bodyKinds.has('binary'),
    clientCredentials: kinds.has('clientCredentials'),
    apiKeyAuth: kinds.has('apiKey'),
    basicAuth: kinds.has('basic'),
    bearerAuth: kinds.has('bearer') || kinds.has('tokenSupplier'),
  };
}

const OAUTH_FLOWS = ['clientCredentials', 'authorizationCode', 'implicit', 'password', 'deviceAuthorization'] as const;

type SchemePlan = Exclude<IrAuthImplementation, { option: string }> | { kind: AuthOptionKind };

/** Which provider implements a scheme (the option name is chosen afterwards). */
function planScheme(source: IrSecuritySchemeSource): SchemePlan {
  switch (source.kind) {
    case 'oauth2': {
      const cc = source.flows.find((f) => f.kind === 'clientCredentials');
      // A client-credentials flow wins: the SDK can then get tokens by itself.
      return cc?.tokenUrl !== undefined ? { kind: 'clientCredentials' } : { kind: 'tokenSupplier' };
    }
    case 'openIdConnect':
      return { kind: 'tokenSupplier' };
    case 'apiKey':
      return source.name === '' ? { kind: 'unsupported', reason: 'apiKey scheme without `name`; no auth code is generated for it' } : { kind: 'apiKey' };
    case 'http':
      if (source.scheme === 'bearer') return { kind: 'bearer' };
      if (source.scheme === 'basic') return { kind: 'basic' };
      return {
        kind: 'unsupported',
        reason: `HTTP authentication scheme \`${source.scheme}\` is not supported; operations requiring it are generated without it (send the \`Authorization\` header through \`RequestOptions.headers\`)`,
      };
    case 'other':
      return {
        kind: 'unsupported',
        reason:
          source.type === 'mutualTLS'
            ? 'mutualTLS is configured in the transport (a `fetch` with a client certificate), not by the SDK; operations requiring it are generated without it'
            : `security scheme type \`${source.type}\` is not supported; operations requiring it are generated without it`,
      };
  }
}

interface RawOperation {
  route: string;
  method: (typeof HTTP_METHODS)[number];
  node: JsonObject;
  pointer: string;
  pathItem: JsonObject;
  pathPointer: string;
}

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

function isErrorStatus(status: string): boolean {
  return /^[45](\d\d|XX)$/i.test(status) || status === 'default';
}

function pickSuccess(responses: readonly IrResponse[]): IrResponse | undefined {
  const successes = responses.filter((r) => isSuccess(r.status));
  successes.sort((a, b) => a.status.localeCompare(b.status));
  return successes.find((r) => r.schema !== undefined) ?? successes[0];
}

/** Preferred media type of a `content` map: JSON, then form, multipart, text, anything else. */
function pickMedia(content: Json | undefined): { mediaType: string; node: JsonObject } | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  if (types.length === 0) return undefined;
  const rank = (t: string): number => {
    const m = t.toLowerCase();
    if (m === 'application/json' || m.startsWith('application/json;')) return 0;
    if (/\+json\b/.test(m) || m.endsWith('/json')) return 1;
    if (m.startsWith('application/x-www-form-urlencoded')) return 2;
    if (m.startsWith('multipart/')) return 3;
    if (m.startsWith('text/')) return 4;
    if (m === '*/*') return 6;
    return 5;
  };
  const best = types.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const node = content[best];
  return { mediaType: best, node: isObject(node) ? node : {} };
}

function bodyKind(mediaType: string): IrBodyKind {
  const m = mediaType.toLowerCase();
  if (m.includes('json')) return 'json';
  if (m.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/')) return 'text';
  return 'binary';
}

function responseKind(mediaType: string): IrResponseKind {
  const m = mediaType.toLowerCase();
  if (m.includes('json') || m === '*/*') return 'json';
  if (m.startsWith('text/')) return 'text';
  return 'blob';
}
