/**
 * The intermediate representation: everything the spec means for an SDK, with every decision made
 * (names, types, flags, error classes, which files exist), and nothing tied to a target language.
 *
 * Names in the IR are final identifiers from `generator/naming` (valid in TypeScript and in most
 * C-like languages). Spec text (descriptions, enum values, URLs) is kept raw: escaping is the
 * renderer's job.
 */

/** Documentation and flags shared by schema nodes, properties, parameters and operations. */
export interface IrDocs {
  readonly description?: string;
  readonly deprecated?: boolean;
}

/** Keywords that only document a schema (kept for doc comments). */
export interface IrSchemaMeta {
  readonly description?: string;
  readonly deprecated?: boolean;
  /** `default`, as JSON text. */
  readonly defaultJson?: string;
  /** `format` (`date-time`, `uuid`, `binary` …). */
  readonly format?: string;
  /** `example`, as JSON text. */
  readonly exampleJson?: string;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
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
  /** `format: binary` (raw bytes: `Blob` in TypeScript). */
  readonly binary?: boolean;
}

export interface IrEnumMember {
  /** Identifier from the naming module (unique within the enum). */
  readonly name: string;
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
  /**
   * Required in every direction. A required `readOnly` property is absent from request bodies and
   * a required `writeOnly` one from responses, so they are not required here (see `requiredIn`).
   */
  readonly required: boolean;
  /**
   * Set when the spec requires the property but it is `readOnly` (present in `responses` only) or
   * `writeOnly` (present in `requests` only). One model serves both directions: the property is
   * optional and documented, rather than generating `Omit<>` request/response variants of every
   * model that reaches it (see the README, "readOnly and writeOnly").
   */
  readonly requiredIn?: 'responses' | 'requests';
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
  /** Tag value → model name, in spec order (explicit `mapping`, else the model's schema name). */
  readonly mapping: readonly { readonly value: string; readonly model: string }[];
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

/** A reference to a named model (`IrModel.name`). */
export interface IrRefSchema extends IrSchemaBase {
  readonly kind: 'ref';
  readonly model: string;
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
  readonly name: string;
  readonly origin: 'component' | 'inline';
  /** JSON pointer of the schema in the bundled document. */
  readonly pointer: string;
  readonly schema: IrSchema;
  /** For `allOf` of named object models only: the models it extends (`interface X extends A, B`). */
  readonly extends?: readonly string[];
}

export type IrParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface IrParameter extends IrDocs {
  /** Wire name. */
  readonly name: string;
  /** Property in the operation's params object (camelCase, unique per operation). */
  readonly propertyName: string;
  readonly in: IrParamLocation;
  readonly required: boolean;
  readonly schema: IrSchema;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** Set when the parameter is described by `content` (the value is JSON-encoded). */
  readonly contentType?: string;
}

export type IrBodyKind = 'json' | 'form' | 'multipart' | 'binary' | 'text';
export type IrResponseKind = 'json' | 'text' | 'blob' | 'none';

export interface IrRequestBody extends IrDocs {
  /** Property of the params object holding the body (`body`, unique per operation). */
  readonly propertyName: string;
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
  /** `IrErrorClass.className`. */
  readonly className: string;
  readonly description?: string;
}

/** One alternative of a security requirement: scheme name → scopes. */
export type IrSecurityRequirement = Readonly<Record<string, readonly string[]>>;

export type IrHttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export interface IrOperation extends IrDocs {
  /** The spec's operationId, or the derived method name when missing. */
  readonly operationId: string;
  /** Method on the service class (unique within the class). */
  readonly methodName: string;
  /** Type of the params object (`StartParams`). */
  readonly paramsTypeName: string;
  readonly httpMethod: IrHttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly pointer: string;
  readonly parameters: readonly IrParameter[];
  readonly requestBody?: IrRequestBody;
  readonly responses: readonly IrResponse[];
  /** The response the method returns (first 2xx by status; `undefined`: no 2xx declared → void). */
  readonly success?: IrResponse;
  readonly errors: readonly IrOperationError[];
  /**
   * Effective security (operation's, else the document's), in spec order. Empty: no auth. `{}`:
   * anonymous allowed. Unsupported and unknown schemes are left out of each requirement.
   */
  readonly security: readonly IrSecurityRequirement[];
  /** Own servers (operation-level, else path-level); absent: the client's. */
  readonly servers?: readonly IrServerUrl[];
}

/** A group of operations: one per tag (first tag of each operation), `default` for untagged ones. */
export interface IrService extends IrDocs {
  readonly tag: string;
  readonly className: string;
  /** Property of the client (`client.charging`). */
  readonly propertyName: string;
  /** File name without extension (`src/api/<fileName>.ts`). */
  readonly fileName: string;
  readonly operations: readonly IrOperation[];
}

/** One generated error class (shared by every operation/status using the same schema). */
export interface IrErrorClass extends IrDocs {
  readonly className: string;
  /** Type of `body` (absent: `unknown`). */
  readonly schema?: IrSchema;
  /** Where it is used, for docs: `operationId status`. */
  readonly usedBy: readonly { readonly operationId: string; readonly status: string }[];
}

export interface IrOAuthFlow {
  readonly kind: 'clientCredentials' | 'authorizationCode' | 'implicit' | 'password' | 'deviceAuthorization';
  readonly tokenUrl?: string;
  readonly authorizationUrl?: string;
  readonly refreshUrl?: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

/**
 * What the SDK generates for a security scheme: the runtime provider kind and the `Configuration`
 * option (from `Namer.authOption`) holding the user's credentials, or why nothing is generated.
 *
 * - `clientCredentials`: oauth2 with a client-credentials flow (other flows of the scheme are
 *   not needed then): the token manager, also a client property (see `clientCredentials`).
 * - `apiKey`: key in a header, query parameter or cookie (value or supplier).
 * - `bearer`: http `bearer` (token or supplier).
 * - `basic`: http `basic` (user name and password).
 * - `tokenSupplier`: other oauth2 flows and openIdConnect: the application supplies tokens.
 * - `unsupported`: other http schemes (digest …), mutualTLS, unknown types: requirements naming
 *   the scheme are generated without it (the caller authenticates through request headers).
 */
export type IrAuthImplementation =
  | {
      readonly kind: 'clientCredentials' | 'apiKey' | 'bearer' | 'basic' | 'tokenSupplier';
      /** `Configuration` option (unique among all options). */
      readonly option: string;
    }
  | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Runtime parts an SDK needs. Each flag adds runtime modules (and exports) to the output:
 * - `clientCredentials`: the token manager and its stores (and the `node` entry with the file store);
 * - `apiKeyAuth`, `basicAuth`: their providers;
 * - `bearerAuth`: the bearer/token-supplier provider (http bearer, other oauth2 flows, openIdConnect);
 * - `bodyEncoders`: encoders of form, multipart and binary request bodies (JSON and text are core);
 * - `serverTemplates`: server URL expansion (variables, relative URLs, operation-level servers).
 */
export interface IrFeatures {
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
        /** Auth manager property of the client (`bearerAuth`). */
        readonly propertyName: string;
        /** Configuration option holding the credentials. */
        readonly credentialsOption: string;
        readonly tokenUrl: string;
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

export interface IrServer extends IrDocs {
  /** Environment member (`Sit`, `Production`), unique. */
  readonly name: string;
  /** Environment value (`sit`), unique. */
  readonly value: string;
  /** URL with variables substituted by their defaults. */
  readonly url: string;
  /** URL as written (may contain `{variables}`). */
  readonly urlTemplate: string;
  readonly variables: readonly IrServerVariable[];
  /** No scheme (`/api/v1`, `{basePath}/api`, the implicit `/`): the caller must give `baseUrl`. */
  readonly relative: boolean;
}

/** A path- or operation-level server (no environment member). */
export type IrServerUrl = Omit<IrServer, 'name' | 'value'>;

/**
 * A server variable as a `serverVariables` option property: every variable of every server
 * (document, path and operation level), merged by name.
 */
export interface IrServerVariableOption extends IrDocs {
  /** Variable name as written (the property key). */
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
  readonly packageName: string;
  readonly packageVersion: string;
  readonly clientName: string;
  readonly servers: readonly IrServer[];
  /** Variables of all servers, merged by name, in order of appearance. */
  readonly serverVariables: readonly IrServerVariableOption[];
  readonly securitySchemes: readonly IrSecurityScheme[];
  readonly services: readonly IrService[];
  /** Named types in a stable order (components in document order, then inline ones as met). */
  readonly models: readonly IrModel[];
  readonly errors: readonly IrErrorClass[];
  /** What the SDK uses, so it ships (and its index exports) only the runtime modules it needs. */
  readonly features: IrFeatures;
}
