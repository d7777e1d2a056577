/**
 * The intermediate representation: what the spec means for an SDK, in spec terms, shared by every
 * target. It holds facts (wire names, types as the spec states them, constraints, flags, which
 * error classes and services exist) and *name requests*, never a target's identifiers:
 *
 * - Every identifier an SDK needs is an `IrName` (see `./names.ts`): its role ("operation method",
 *   "model", "enum member" …), the spec text it comes from, and the scope it must be unique in.
 *   Each target's naming policy turns them into identifiers (`generator/naming`), in the order
 *   they were created, which is document order: the first comer keeps a name, so names stay
 *   stable as a spec grows.
 * - Types are the spec's: `integer` with its `format`, `string` with its `format`, `binary` for
 *   raw bytes; constraints (`minLength`, `pattern`, `minimum` …) and `readOnly`/`writeOnly` are
 *   kept as given. How a target types them is the target's decision, except the direction split:
 *   which way each model travels is a spec fact, so models come shaped per direction (a response
 *   model without `writeOnly` properties, request variants without `readOnly` ones; `./usage.ts`).
 *
 * Spec text (descriptions, enum values, URLs) is kept raw: escaping is the renderer's job.
 *
 * (Over 400 lines on purpose: this file holds only types, and the IR's whole shape in one place is
 * easier to review than the same declarations spread over several files.)
 */

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Kinds of namespace; a policy gives each its case rule and reserved names. */
export type IrScopeKind =
  /** Every type-level name of the SDK: client, models, API classes, error classes, params types. */
  | 'types'
  /** Methods of one API class. */
  | 'methods'
  /** Parameters (and the body) of one operation. */
  | 'params'
  /** Members of one enum. */
  | 'enumMembers'
  /** Properties of one model. */
  | 'properties'
  /** Members of the client: API properties and auth managers. */
  | 'clientMembers'
  /** Files of the API classes. */
  | 'apiFiles'
  /** Members of the environment enum. */
  | 'environments'
  /** Options of the client configuration that hold credentials. */
  | 'configOptions';

/** One namespace: names in it must differ. Compared by identity. */
export interface IrScope {
  readonly kind: IrScopeKind;
  /** Unique label, for debugging and error messages (`methods:charging`). */
  readonly key: string;
}

/** What the SDK implements for a security scheme (the provider kind; see `IrAuthImplementation`). */
export type IrAuthKind = 'clientCredentials' | 'apiKey' | 'bearer' | 'basic' | 'tokenSupplier';

/** Where an error class name comes from. */
export type IrErrorClassOrigin =
  /** The response body is this component schema. */
  | { readonly from: 'component'; readonly key: string }
  /** An inline body schema of a `components/responses` entry. */
  | { readonly from: 'response'; readonly responseName: string }
  /** An inline body schema of one operation's response. */
  | { readonly from: 'inline'; readonly operation: IrName; readonly status: string }
  /** A response without a body: one class per status. */
  | { readonly from: 'status'; readonly status: string };

/** The spec text a name comes from, by role. */
export type IrNameSource =
  /** The client class: from `info.title` (a target may use a configured name instead). */
  | { readonly role: 'client'; readonly title: string }
  /**
   * A component schema's model. `errorBody`: it is also the body of an error response, so a
   * policy may rename it when the error class would take its name.
   */
  | { readonly role: 'model'; readonly key: string; readonly errorBody: boolean }
  /**
   * An inline schema that needed a name, from its context: words (already PascalCase words of
   * the spec text: `Response`, `Item`, `200`) and the names of the enclosing operation or model.
   */
  | { readonly role: 'inlineModel'; readonly parts: readonly (string | IrName)[] }
  /**
   * The request variant of a model used both ways that has `readOnly`/`writeOnly` properties
   * (see `./usage.ts`): the model's name with the policy's suffix (`PetWritable`).
   */
  | { readonly role: 'requestModel'; readonly model: IrName }
  | { readonly role: 'apiClass' | 'apiProperty' | 'apiFile'; readonly tag: string }
  /** An operation's method: from the operationId, else from method and path. */
  | { readonly role: 'operation'; readonly operationId: string | undefined; readonly method: string; readonly path: string }
  /** The type of an operation's parameters object. */
  | { readonly role: 'paramsType'; readonly operation: IrName }
  | { readonly role: 'parameter'; readonly wireName: string }
  /** The request body among an operation's parameters. */
  | { readonly role: 'body' }
  /** A model property (targets that keep wire names ignore it). */
  | { readonly role: 'property'; readonly wireName: string }
  | { readonly role: 'enumMember'; readonly value: IrLiteralValue }
  | ({ readonly role: 'errorClass' } & IrErrorClassOrigin)
  /** An environment (server): `x-sdkgen-name`, else words of its description, else its position. */
  | { readonly role: 'environment'; readonly explicit: string | undefined; readonly description: string | undefined; readonly index: number }
  /** The client member holding a client-credentials scheme's token manager. */
  | { readonly role: 'authProperty'; readonly scheme: string }
  /** The configuration option holding a scheme's credentials; `onlyOfKind`: no other scheme has its kind. */
  | { readonly role: 'authOption'; readonly scheme: string; readonly kind: IrAuthKind; readonly onlyOfKind: boolean };

export type IrNameRole = IrNameSource['role'];

/** A name request. `id` is its position in `Ir.names` (creation order, the order names are given out). */
export type IrName = IrNameSource & { readonly id: number; readonly scope: IrScope };

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

/** Documentation and flags shared by schema nodes, properties, parameters and operations. */
export interface IrDocs {
  readonly description?: string;
  readonly deprecated?: boolean;
}

/** Validation keywords as the spec gives them (3.0's boolean `exclusiveMinimum` normalized). */
export interface IrConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: { readonly value: number; readonly exclusive: boolean };
  readonly maximum?: { readonly value: number; readonly exclusive: boolean };
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

/** Keywords that document or constrain a schema. */
export interface IrSchemaMeta {
  readonly description?: string;
  readonly deprecated?: boolean;
  /** `default`, as JSON text. */
  readonly defaultJson?: string;
  /** `format` (`date-time`, `uuid`, `int64`, `binary` …). */
  readonly format?: string;
  /** `example`, as JSON text. */
  readonly exampleJson?: string;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  readonly constraints?: IrConstraints;
}

export type IrPrimitiveType = 'string' | 'number' | 'integer' | 'boolean';
export type IrLiteralValue = string | number | boolean | null;

/** A schema as a typed tree. `nullable` adds `null` to any node. */
export type IrSchema =
  | IrPrimitiveSchema
  | IrEnumSchema
  | IrObjectSchema
  | IrArraySchema
  | IrMapSchema
  | IrUnionSchema
  | IrIntersectionSchema
  | IrRefSchema
  | IrLiteralSchema
  | IrUnknownSchema;

interface IrSchemaBase {
  readonly nullable?: boolean;
  readonly meta?: IrSchemaMeta;
}

export interface IrPrimitiveSchema extends IrSchemaBase {
  readonly kind: 'primitive';
  readonly type: IrPrimitiveType;
  /** Raw bytes: `format: binary`, `contentEncoding: binary`, or a binary media type. */
  readonly binary?: boolean;
}

export interface IrEnumMember {
  readonly name: IrName;
  readonly value: string | number | boolean;
}

export interface IrEnumSchema extends IrSchemaBase {
  readonly kind: 'enum';
  readonly valueType: 'string' | 'number' | 'boolean';
  readonly members: readonly IrEnumMember[];
}

export interface IrProperty extends IrDocs {
  /** Wire name (as in the spec). */
  readonly name: string;
  /** The property's identifier, for targets that do not use wire names as they are. */
  readonly propertyName: IrName;
  /**
   * Listed in the schema's `required`. A `readOnly` property only appears in response models and a
   * `writeOnly` one only in request models (`./usage.ts`), so where it appears this holds.
   */
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly schema: IrSchema;
}

export interface IrObjectSchema extends IrSchemaBase {
  readonly kind: 'object';
  readonly properties: readonly IrProperty[];
  /** `additionalProperties` beside declared properties (`undefined`: none declared / `false`). */
  readonly additionalProperties?: IrSchema;
}

export interface IrArraySchema extends IrSchemaBase {
  readonly kind: 'array';
  readonly items: IrSchema;
}

/** An object with only `additionalProperties`: a string-keyed map. */
export interface IrMapSchema extends IrSchemaBase {
  readonly kind: 'map';
  readonly values: IrSchema;
}

export interface IrDiscriminator {
  readonly propertyName: string;
  /** Tag value → model, in spec order (explicit `mapping`, else the model's schema name). */
  readonly mapping: readonly { readonly value: string; readonly model: IrName }[];
}

export interface IrUnionVariant {
  readonly schema: IrSchema;
  /** With a discriminator: the tag value(s) this variant carries when the variant does not fix it itself. */
  readonly tagValues?: readonly string[];
}

export interface IrUnionSchema extends IrSchemaBase {
  readonly kind: 'union';
  readonly source: 'oneOf' | 'anyOf';
  readonly variants: readonly IrUnionVariant[];
  readonly discriminator?: IrDiscriminator;
}

/** `allOf`. */
export interface IrIntersectionSchema extends IrSchemaBase {
  readonly kind: 'intersection';
  readonly parts: readonly IrSchema[];
}

/** A reference to a named model (`IrModel.name`, the same object). */
export interface IrRefSchema extends IrSchemaBase {
  readonly kind: 'ref';
  readonly model: IrName;
}

/** `const` (and single-value enums used as a discriminator tag). */
export interface IrLiteralSchema extends IrSchemaBase {
  readonly kind: 'literal';
  readonly value: IrLiteralValue;
}

/** Free-form, empty or unsupported schema. */
export interface IrUnknownSchema extends IrSchemaBase {
  readonly kind: 'unknown';
}

/** A named type: a component schema, or an inline enum/object that needed a name. */
export interface IrModel {
  readonly name: IrName;
  /**
   * The model in spec terms, for messages and `sdkgen diff`: the component key, or for inline
   * models their context (`getPets 200 Response`).
   */
  readonly specName: string;
  readonly origin: 'component' | 'inline';
  /** JSON pointer of the schema in the bundled document. */
  readonly pointer: string;
  readonly schema: IrSchema;
  /** For `allOf` of named object models only: the models it extends. */
  readonly extends?: readonly IrName[];
  /**
   * Whether request bodies/parameters and responses (success or error) reach the model, through
   * `$ref`s at any depth (see `./usage.ts`). Neither: no operation uses it (typed as if both).
   * The schema is already shaped for it: a response-only model has no `writeOnly` properties, a
   * request-only one no `readOnly` properties, so `required` holds as written.
   */
  readonly usage: IrUsage;
  /**
   * The schema as the spec gives it, before shaping by direction (what `sdkgen diff` compares: a
   * change of usage alone changes no spec fact). The same object as `schema` when nothing changed.
   */
  readonly specSchema: IrSchema;
  /** Set on a model used both ways that is split: its request variant (the model itself types responses). */
  readonly requestVariant?: IrName;
  /** Set on a request variant: the model it is the request side of. */
  readonly variantOf?: IrName;
}

/** The directions a model is used in (see `IrModel.usage`). */
export interface IrUsage {
  readonly request: boolean;
  readonly response: boolean;
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export type IrParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface IrParameter extends IrDocs {
  /** Wire name. */
  readonly name: string;
  /** The parameter's identifier (unique among the operation's parameters and body). */
  readonly propertyName: IrName;
  readonly in: IrParamLocation;
  readonly required: boolean;
  readonly schema: IrSchema;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** Set when the parameter is described by `content` (the value is JSON-encoded). */
  readonly contentType?: string;
  /**
   * Set for a required header of `format: uuid` (a request id such as Shell EV's `RequestId`): the
   * SDK makes it optional and sends a fresh UUID per call when it is left out (the same on retries).
   */
  readonly defaultsToUuid?: true;
}

export type IrBodyKind = 'json' | 'form' | 'multipart' | 'binary' | 'text';
/** How a response body is read: JSON, text, raw bytes, or not at all. */
export type IrResponseKind = 'json' | 'text' | 'binary' | 'none';

export interface IrRequestBody extends IrDocs {
  /** The body's identifier among the operation's parameters. */
  readonly propertyName: IrName;
  readonly required: boolean;
  readonly mediaType: string;
  readonly kind: IrBodyKind;
  readonly schema: IrSchema;
}

export interface IrResponse {
  /** `200`, `4XX`, `default`. */
  readonly status: string;
  readonly description?: string;
  readonly mediaType?: string;
  readonly kind: IrResponseKind;
  /** Absent when the response has no body. */
  readonly schema?: IrSchema;
}

export interface IrOperationError {
  readonly status: string;
  /** `IrErrorClass.className` (the same object). */
  readonly className: IrName;
  readonly description?: string;
}

/** One alternative of a security requirement: scheme name → scopes. */
export type IrSecurityRequirement = Readonly<Record<string, readonly string[]>>;

export type IrHttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export interface IrOperation extends IrDocs {
  /** The spec's operationId, when it has one (targets name the operation by its method otherwise). */
  readonly operationId?: string;
  /** The operation's method (unique within its API class). */
  readonly methodName: IrName;
  /** The type of the parameters object; absent when the operation takes no parameters and no body. */
  readonly paramsTypeName?: IrName;
  readonly httpMethod: IrHttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly pointer: string;
  readonly parameters: readonly IrParameter[];
  readonly requestBody?: IrRequestBody;
  readonly responses: readonly IrResponse[];
  /** The response the method returns (first 2xx by status; `undefined`: no 2xx declared → nothing). */
  readonly success?: IrResponse;
  readonly errors: readonly IrOperationError[];
  /**
   * Effective security (operation's, else the document's), in spec order. Empty: no auth. `{}`:
   * anonymous allowed. Unsupported and unknown schemes are left out of each requirement.
   */
  readonly security: readonly IrSecurityRequirement[];
  /** Own servers (operation-level, else path-level); absent: the client's. */
  readonly servers?: readonly IrServerUrl[];
  /** How the operation pages, when the definition says (see `./pagination.ts`). */
  readonly pagination?: IrPagination;
}

/**
 * Pagination of an operation, from `x-sdkgen-pagination` (or `x-speakeasy-pagination`,
 * `x-fern-pagination`). `page`: the parameter is a page number (+1 per page); `offset`: an item
 * offset (+ the items received); `cursor`: the value found at `nextCursor` in the last response.
 */
export interface IrPagination {
  readonly style: 'page' | 'offset' | 'cursor';
  /** The parameter that moves from page to page. */
  readonly parameter: IrParameter;
  /** The page-size parameter: a page with fewer items than it asked for is the last. */
  readonly sizeParameter?: IrParameter;
  /** Property names from the success body to the items array (empty: the body is the array). */
  readonly itemsPath: readonly string[];
  /** The schema of one item. */
  readonly itemSchema: IrSchema;
  /** `cursor`: property names from the success body to the next cursor. */
  readonly nextCursorPath?: readonly string[];
  /** `page`: the number of the first page (default 1). */
  readonly firstPage?: number;
  /** The extension it was read from, for messages. */
  readonly source: string;
}

/** A group of operations: one per tag (first tag of each operation), `default` for untagged ones. */
export interface IrService extends IrDocs {
  readonly tag: string;
  readonly className: IrName;
  /** The client member holding the API (`client.charging`). */
  readonly propertyName: IrName;
  /** The API class's file (without folder and extension). */
  readonly fileName: IrName;
  readonly operations: readonly IrOperation[];
}

/** One generated error class (shared by every operation/status using the same schema). */
export interface IrErrorClass extends IrDocs {
  readonly className: IrName;
  /** Type of `body` (absent: unknown). */
  readonly schema?: IrSchema;
  /** Where it is used, for docs: the operation (its operationId, else its method) and the status. */
  readonly usedBy: readonly { readonly operationId?: string; readonly methodName: IrName; readonly status: string }[];
}

// ---------------------------------------------------------------------------------------------
// Security and servers
// ---------------------------------------------------------------------------------------------

export interface IrOAuthFlow {
  readonly kind: 'clientCredentials' | 'authorizationCode' | 'implicit' | 'password' | 'deviceAuthorization';
  readonly tokenUrl?: string;
  readonly authorizationUrl?: string;
  readonly refreshUrl?: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

/**
 * What the SDK generates for a security scheme: the runtime provider kind and the configuration
 * option holding the user's credentials, or why nothing is generated.
 *
 * - `clientCredentials`: oauth2 with a client-credentials flow (other flows of the scheme are
 *   not needed then): the token manager, also a client member (see `clientCredentials`).
 * - `apiKey`: key in a header, query parameter or cookie (value or supplier).
 * - `bearer`: http `bearer` (token or supplier).
 * - `basic`: http `basic` (user name and password).
 * - `tokenSupplier`: other oauth2 flows and openIdConnect: the application supplies tokens.
 * - `unsupported`: other http schemes (digest …), mutualTLS, unknown types: requirements naming
 *   the scheme are generated without it (the caller authenticates through request headers).
 */
export type IrAuthImplementation =
  | {
      readonly kind: IrAuthKind;
      /** Configuration option (unique among all options). */
      readonly option: IrName;
    }
  | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Runtime parts an SDK needs. Each flag adds runtime modules (and exports) to the output:
 * - `clientCredentials`: the token manager and its stores;
 * - `apiKeyAuth`, `basicAuth`: their providers;
 * - `bearerAuth`: the bearer/token-supplier provider (http bearer, other oauth2 flows, openIdConnect);
 * - `bodyEncoders`: encoders of form, multipart and binary request bodies (JSON and text are core);
 * - `serverTemplates`: server URL expansion (variables, relative URLs, operation-level servers).
 */
export interface IrFeatures {
  /** Some operation pages (`IrOperation.pagination`). */
  readonly pagination: boolean;
  /** Some parameter defaults to a fresh UUID (`IrParameter.defaultsToUuid`). */
  readonly requestIds: boolean;
  readonly clientCredentials: boolean;
  readonly apiKeyAuth: boolean;
  readonly basicAuth: boolean;
  readonly bearerAuth: boolean;
  readonly bodyEncoders: boolean;
  readonly serverTemplates: boolean;
}

export type IrSecurityScheme = IrSecuritySchemeSource & { readonly implementation: IrAuthImplementation };

/** A security scheme as the document defines it. */
export type IrSecuritySchemeSource =
  | (IrDocs & {
      readonly kind: 'oauth2';
      readonly schemeName: string;
      readonly flows: readonly IrOAuthFlow[];
      /** Set when the scheme has a client-credentials flow the SDK implements. */
      readonly clientCredentials?: {
        /** The client member holding the token manager (`bearerAuth`). */
        readonly propertyName: IrName;
        /** Configuration option holding the credentials. */
        readonly credentialsOption: IrName;
        /** As written; may be a server-variable template (`{apiRoot}/oauth2/token`), see `tokenUrlSource`. */
        readonly tokenUrl: string;
        /**
         * `literal`: a URL, absolute or relative to the server; `serverVariables`: a template whose
         * variables are all server variables, expanded with the client's server-variable values
         * at run time; `configuration`: a template naming other variables, so the user gives the
         * token URL (the SDK says so when a token is needed and none is set).
         */
        readonly tokenUrlSource: 'literal' | 'serverVariables' | 'configuration';
        readonly scopes: readonly { readonly name: string; readonly description: string }[];
      };
    })
  | (IrDocs & { readonly kind: 'openIdConnect'; readonly schemeName: string; readonly url: string })
  | (IrDocs & { readonly kind: 'other'; readonly schemeName: string; readonly type: string })
  | (IrDocs & {
      readonly kind: 'apiKey';
      readonly schemeName: string;
      readonly in: 'header' | 'query' | 'cookie';
      readonly name: string;
    })
  | (IrDocs & {
      readonly kind: 'http';
      readonly schemeName: string;
      readonly scheme: string;
      readonly bearerFormat?: string;
    });

export interface IrServerVariable extends IrDocs {
  readonly name: string;
  readonly default: string;
  readonly enum?: readonly string[];
}

/** A server of the document: one environment. */
export interface IrServer extends IrDocs {
  /** The environment's member name. */
  readonly name: IrName;
  /** URL with variables substituted by their defaults. */
  readonly url: string;
  /** URL as written (may contain `{variables}`). */
  readonly urlTemplate: string;
  readonly variables: readonly IrServerVariable[];
  /** No scheme (`/api/v1`, `{basePath}/api`, the implicit `/`): the caller must give `baseUrl`. */
  readonly relative: boolean;
}

/** A path- or operation-level server (no environment member). */
export type IrServerUrl = Omit<IrServer, 'name'>;

/**
 * A server variable as an option: every variable of every server (document, path and operation
 * level), merged by name.
 */
export interface IrServerVariableOption extends IrDocs {
  /** Variable name as written. */
  readonly name: string;
  /** Allowed values when every server declaring the variable restricts it (their union). */
  readonly enum?: readonly string[];
  /** Default of the first server declaring it, for docs. */
  readonly default: string;
}

export interface Ir {
  /** File name (no folders) of the root spec document, for headers. */
  readonly specFileName: string;
  readonly info: IrDocs & { readonly title: string; readonly version: string };
  /** The client class. */
  readonly client: IrName;
  readonly servers: readonly IrServer[];
  /** Variables of all servers, merged by name, in order of appearance. */
  readonly serverVariables: readonly IrServerVariableOption[];
  readonly securitySchemes: readonly IrSecurityScheme[];
  readonly services: readonly IrService[];
  /** Named types in a stable order (components in document order, then inline ones as met). */
  readonly models: readonly IrModel[];
  readonly errors: readonly IrErrorClass[];
  /** What the SDK uses, so it ships (and exports) only the runtime modules it needs. */
  readonly features: IrFeatures;
  /** Every name request, in creation order (`IrName.id` is the index). */
  readonly names: readonly IrName[];
}
