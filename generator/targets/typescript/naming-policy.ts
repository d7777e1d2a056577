/**
 * The TypeScript naming policy: how every name request of the IR becomes a TypeScript identifier.
 *
 * Rules (documented in the README, keep in sync):
 *
 * - Casing: types, classes and enum members PascalCase; methods, parameters, client members and
 *   options camelCase; API files kebab-case (`[a-z0-9-]`, never empty, never `.`/`..`/slashes);
 *   environment members title case (`SIT` → `Sit`). Model properties keep their wire names.
 * - An identifier never starts with a digit: a leading `_` is added (`2fa` → `_2fa`).
 * - Reserved words: a type/class name that is a JavaScript reserved word, a TypeScript keyword or
 *   type name, a global the generated code uses (`Error`, `Date`, `Promise`, `Record`, `Blob` …)
 *   or a name the SDK itself exports (`Configuration`, `Environment`, `ApiException` …) gets the
 *   suffix `Model` (`Error` → `ErrorModel`); a method named `constructor` or `http` (members of
 *   every API class) gets `_`.
 * - Collisions (see `generator/naming/engine.ts`): first come, first served in document order,
 *   later ones get `2`, `3` …; type names and file names compare case-insensitively
 *   (case-insensitive file systems), others exactly.
 * - Numeric enum members (and string members that are plain decimal numbers) keep sign and point
 *   (`1` → `_1`, `-1` → `Minus1`, `0.5` → `_0_5`, `-2.75` → `Minus2_75`, `1e-7` → `_1eMinus7`).
 * - Client class: the configured name (`client.className` / `--client-name`), else the title's
 *   words in title case + `Client` (`Shell EV` → `ShellEvClient`; not doubled when the title ends
 *   in `Client`), else the package name's words when the title has no ASCII letters or digits.
 * - Error classes: `<Schema>` + suffix (`BadRequest` → `BadRequestException`; a schema already
 *   ending in the suffix keeps its name for the class and its model becomes `<Schema>Body`),
 *   `<ResponseName>` + suffix for `components/responses`, `<Method><Status>` + suffix for inline
 *   bodies, the reason phrase + suffix for body-less responses (`NotFoundException`).
 * - Configuration options of security schemes: the only scheme of its kind gets the kind's fixed
 *   name (`clientCredentialsAuthCredentials`, `apiKey`, `bearerToken`, `basicAuth`,
 *   `accessToken`); otherwise camelCase(scheme name), plus `Credentials` for client credentials.
 */
import type { NamingConfig } from '../../config/types';
import type { IrAuthKind, IrName, IrNameSource, IrScopeKind } from '../../ir/types';
import {
  NUMERIC_TEXT,
  camelWords,
  environmentWords,
  kebabWords,
  operationWords,
  pascalWords,
  spellNumber,
  statusWords,
  titleWords,
  type NamingPolicy,
  type ScopeRules,
  identifierSyntax,
} from '../../naming';

// ---------------------------------------------------------------------------------------------
// Reserved names
// ---------------------------------------------------------------------------------------------

const JS_RESERVED = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface',
  'package', 'private', 'protected', 'public', 'await', 'async', 'arguments', 'eval', 'undefined',
  'NaN', 'Infinity',
];

const TS_KEYWORDS = [
  'abstract', 'any', 'as', 'asserts', 'bigint', 'boolean', 'declare', 'get', 'infer', 'is', 'keyof',
  'module', 'namespace', 'never', 'number', 'object', 'of', 'readonly', 'require', 'set', 'string',
  'symbol', 'type', 'unique', 'unknown', 'from', 'global', 'out', 'satisfies', 'accessor', 'override',
  'constructor', 'intrinsic',
];

/** Globals and utility types generated code relies on; a model with such a name would shadow them. */
const GLOBAL_TYPES = [
  'Array', 'ArrayBuffer', 'Blob', 'Boolean', 'Date', 'Error', 'File', 'FormData', 'Function',
  'Headers', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'PromiseLike', 'Record',
  'ReadonlyArray', 'Request', 'Response', 'Set', 'String', 'Symbol', 'URL', 'URLSearchParams',
  'AbortSignal', 'AbortController', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude',
  'Extract', 'NonNullable', 'ReturnType', 'Parameters', 'Awaited', 'InstanceType', 'Uint8Array',
  'TypeError', 'RangeError', 'Iterable', 'Element', 'Event', 'Node', 'Window', 'Document',
  'Location', 'Storage', 'Credential', 'PaymentMethod', 'Text', 'Image', 'Option', 'Audio',
  'globalThis', 'console', 'fetch', 'process', 'Buffer',
];

/** Each generated API file's table of what its operations' calls share (security, errors). */
export const OPERATION_CONSTANTS_NAME = 'OPERATION_CONSTANTS';

/**
 * Names the SDK itself exports or imports into generated modules (runtime barrel and generated
 * scaffolding). A model, error class or API class may not take them.
 */
export const SDK_RESERVED_NAMES = [
  'ApiException', 'ApiExceptionClass', 'OAuthProviderException', 'ClientCredentialsAuthCredentials',
  'ClientCredentialsAuthManager', 'OAuthToken', 'TokenStore', 'MemoryTokenStore', 'FileTokenStore',
  'RequestOptions', 'RetryOptions', 'HttpClient', 'HttpMethod', 'OperationRequest', 'Configuration',
  'ConfigurationOptions', 'Environment', 'ENVIRONMENT_URLS', 'resolveUrl', 'SdkException',
  'TimeoutException', 'NetworkException', 'RequestAbortedException', 'AbortedException',
  'ResponseValidationException', 'ParamSpec', 'BodySpec', 'ResponseKind', 'ErrorClassMap',
  'SecurityRequirement', 'ParamLocation', 'ParamStyle', 'AuthProvider', 'DEFAULT_RETRY',
  'ApiExceptionInit', 'OAuthErrorCode', 'OAuthProviderExceptionInit', 'ConfigurationException',
  'ResponseParseException', 'FetchLike', 'AuthManager', 'HttpClientOptions', OPERATION_CONSTANTS_NAME,
];

/** Fixed `Configuration` members; auth options never take these names. */
export const CONFIGURATION_OPTIONS = [
  'environment', 'baseUrl', 'serverVariables', 'timeout', 'fetch', 'retry', 'allowInsecureHttp',
  'toOptions', 'cloneWith', 'toJSON', 'constructor',
];

/** Members of every API class (the injected `HttpClient` is `http`). */
const API_CLASS_MEMBERS = ['constructor', 'http'];

/** Members of the client class besides the APIs and auth managers. */
const CLIENT_MEMBERS = ['config', 'constructor'];

const RESERVED_VALUE = new Set([...JS_RESERVED, ...TS_KEYWORDS]);
const RESERVED_TYPE = new Set(
  [...JS_RESERVED, ...TS_KEYWORDS, ...GLOBAL_TYPES, ...SDK_RESERVED_NAMES].map((n) => n.toLowerCase()),
);

// ---------------------------------------------------------------------------------------------
// Identifier syntax
// ---------------------------------------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be written as a bare property name / identifier. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * Unicode identifier names (ES2015). Generated identifiers are ASCII, but wire names used as
 * property keys are written bare whenever JavaScript allows it (`größe`, `名前`): Prettier
 * (quoteProps: as-needed) unquotes every key that is an identifier name, so a quoted one would
 * not be Prettier-formatted.
 */
const PROPERTY_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
/** The common case of `PROPERTY_NAME`, without its Unicode tables. */
const ASCII_PROPERTY_NAME = /^[A-Za-z$_][A-Za-z0-9$_]*$/;

/** True when a property key can be written without quotes. */
export function isPropertyName(name: string): boolean {
  return ASCII_PROPERTY_NAME.test(name) || PROPERTY_NAME.test(name);
}

/** Generated identifiers are ASCII letters, digits, `_` and `$`. */
const NOT_IDENTIFIER = /[^A-Za-z0-9_$]/g;

/** A type/class name: PascalCase, not reserved (suffix `Model`). */
export function typeIdentifier(text: string, fallback = 'Unnamed'): string {
  const id = identifierSyntax(pascalWords(text), fallback, NOT_IDENTIFIER);
  return RESERVED_TYPE.has(id.toLowerCase()) ? `${id}Model` : id;
}

/** A value (variable/member/method) name: camelCase, not reserved (suffix `_`). */
export function valueIdentifier(text: string, fallback = 'value'): string {
  const id = identifierSyntax(camelWords(text), fallback, NOT_IDENTIFIER);
  return RESERVED_VALUE.has(id) ? `${id}_` : id;
}

/** A safe file name: kebab-case, `[a-z0-9-]`, never empty, never a path. */
export function fileName(text: string, fallback = 'file'): string {
  const name = kebabWords(text).replace(/[^a-z0-9-]/g, '');
  return name === '' ? fallback : name;
}

// ---------------------------------------------------------------------------------------------
// Names by role
// ---------------------------------------------------------------------------------------------

const AUTH_OPTION_NAMES: Readonly<Record<IrAuthKind, string>> = {
  clientCredentials: 'clientCredentialsAuthCredentials',
  apiKey: 'apiKey',
  bearer: 'bearerToken',
  basic: 'basicAuth',
  tokenSupplier: 'accessToken',
};

/** What the policy needs from the target's settings. */
export interface TypeScriptNamingSettings {
  readonly naming: NamingConfig;
  /** `client.className` / `--client-name`, when configured. */
  readonly clientName: string | undefined;
  /** The npm name: the client's name when the title has no usable words. */
  readonly packageName: string;
}

/** The TypeScript identifiers of one SDK's names (see the module comment for the rules). */
export class TypeScriptNamer {
  constructor(private readonly settings: TypeScriptNamingSettings) {}

  private get suffixes(): NamingConfig {
    return this.settings.naming;
  }

  /** Method name of an operation (camelCase of the operationId, else method + path). */
  operationMethod(operationId: string | undefined, method: string, path: string): string {
    const id = identifierSyntax(camelWords(operationWords(operationId, method, path)), 'call', NOT_IDENTIFIER);
    // `constructor` and the injected `http` field would clash with class members.
    return API_CLASS_MEMBERS.includes(id) ? `${id}_` : id;
  }

  /** Model name of a component schema (`<Schema>Body` when its error class takes `<Schema>`). */
  modelName(componentName: string, errorBody: boolean): string {
    if (errorBody) {
      const renamed = this.errorClassForModel(pascalWords(componentName)).renameModelTo;
      if (renamed !== undefined) return renamed;
    }
    return typeIdentifier(componentName, 'Model');
  }

  /** Error class for a component schema `X` → `X` + suffix, unless it already ends in the suffix. */
  errorClassForModel(modelName: string): { className: string; renameModelTo?: string } {
    const suffix = this.suffixes.errorClassSuffix;
    if (suffix !== '' && modelName.endsWith(suffix) && modelName !== suffix) {
      return { className: modelName, renameModelTo: `${modelName}Body` };
    }
    return { className: typeIdentifier(`${modelName}${suffix}`) };
  }

  /**
   * Member name of an enum value. Numbers (and strings that are plain decimal numbers) keep their
   * sign and decimal point (see `spellNumber`).
   */
  enumMember(value: string | number | boolean | null): string {
    if (value === null) return 'Null';
    const text = String(value);
    if (text.trim() === '') return 'Empty';
    if (typeof value === 'number' || NUMERIC_TEXT.test(text)) {
      const spelled = spellNumber(text);
      if (spelled !== undefined) return /^[0-9]/.test(spelled) ? `_${spelled}` : spelled;
    }
    return identifierSyntax(pascalWords(text), 'Value', NOT_IDENTIFIER);
  }

  /** Client class name (see the module comment). */
  clientName(title: string): string {
    const configured = this.settings.clientName;
    if (configured && isIdentifier(configured)) return configured;
    // A title without ASCII letters or digits would only give spelled code points (`U65e5…`).
    const usable = /[A-Za-z0-9]/.test(title.normalize('NFKD'));
    const base = usable ? titleWords(title) : pascalWords(this.settings.packageName.replace(/^@[^/]*\//, ''));
    if (base === '') return 'ApiClient';
    return typeIdentifier(base.endsWith('Client') ? base : `${base}Client`, 'ApiClient');
  }

  /** Configuration option of a security scheme (see the module comment). */
  authOption(kind: IrAuthKind, schemeName: string, onlyOfKind: boolean): string {
    if (onlyOfKind) return AUTH_OPTION_NAMES[kind];
    const base = this.authProperty(schemeName);
    return kind === 'clientCredentials' && !base.endsWith('Credentials') ? `${base}Credentials` : base;
  }

  /** Auth manager property of a security scheme: camelCase(scheme name). */
  authProperty(schemeName: string): string {
    return identifierSyntax(camelWords(schemeName), 'auth', NOT_IDENTIFIER);
  }

  /** The identifier `source` asks for, before collisions. */
  base(source: IrNameSource, resolved: (earlier: IrName) => string): string {
    const { apiClassSuffix, errorClassSuffix } = this.suffixes;
    switch (source.role) {
      case 'client':
        return this.clientName(source.title);
      case 'model':
        return this.modelName(source.key, source.errorBody);
      case 'inlineModel':
        return typeIdentifier(inlineParts(source.parts, resolved).join(' '), 'Model');
      case 'requestModel':
        // As hey-api names request variants (`PetWritable`).
        return typeIdentifier(`${resolved(source.model)} Writable`, 'Model');
      case 'apiClass':
        return typeIdentifier(`${pascalWords(source.tag)}${apiClassSuffix}`, 'Default');
      case 'apiProperty':
        // Reserved words are fine as property names (`client.default`).
        return identifierSyntax(camelWords(source.tag), 'default', NOT_IDENTIFIER);
      case 'apiFile':
        return fileName(source.tag, 'default');
      case 'operation':
        return this.operationMethod(source.operationId, source.method, source.path);
      case 'paramsType':
        return typeIdentifier(`${resolved(source.operation)} Params`);
      case 'parameter':
        return identifierSyntax(camelWords(source.wireName), 'param', NOT_IDENTIFIER);
      case 'body':
        return 'body';
      case 'property':
        return source.wireName;
      case 'enumMember':
        return this.enumMember(source.value);
      case 'errorClass':
        switch (source.from) {
          case 'component':
            return this.errorClassForModel(pascalWords(source.key)).className;
          case 'response':
            return typeIdentifier(`${pascalWords(source.responseName)}${errorClassSuffix}`);
          case 'inline':
            return typeIdentifier(`${pascalWords(resolved(source.operation))} ${source.status} ${errorClassSuffix}`);
          case 'status':
            return typeIdentifier(`${statusWords(source.status)}${errorClassSuffix}`);
        }
      // falls through (unreachable: every origin returns)
      case 'environment': {
        const fallback = `Server${source.index + 1}`;
        const words = environmentWords(source.explicit, source.description);
        return words === undefined ? fallback : identifierSyntax(titleWords(words), fallback, NOT_IDENTIFIER);
      }
      case 'authProperty':
        return this.authProperty(source.scheme);
      case 'authOption':
        return this.authOption(source.kind, source.scheme, source.onlyOfKind);
    }
  }
}

/**
 * Context parts of an inline model's name: words as given; an operation contributes its method
 * name as PascalCase words, a model its name.
 */
function inlineParts(parts: readonly (string | IrName)[], resolved: (earlier: IrName) => string): string[] {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    const name = resolved(part);
    return part.role === 'operation' ? pascalWords(name) : name;
  });
}

const SCOPES: Readonly<Record<IrScopeKind, ScopeRules | undefined>> = {
  types: { caseInsensitive: true, reserved: [] },
  methods: { caseInsensitive: false, reserved: API_CLASS_MEMBERS },
  params: { caseInsensitive: false, reserved: [] },
  enumMembers: { caseInsensitive: false, reserved: [] },
  // Model properties are wire names, written as property keys: nothing to resolve.
  properties: undefined,
  clientMembers: { caseInsensitive: false, reserved: CLIENT_MEMBERS },
  apiFiles: { caseInsensitive: true, reserved: [] },
  environments: { caseInsensitive: true, reserved: [] },
  configOptions: { caseInsensitive: false, reserved: CONFIGURATION_OPTIONS },
};

/** The policy the naming engine runs for the TypeScript target. */
export function typescriptNamingPolicy(settings: TypeScriptNamingSettings): NamingPolicy {
  const namer = new TypeScriptNamer(settings);
  return {
    base: (name, resolved) => namer.base(name, resolved),
    scope: (kind) => SCOPES[kind],
  };
}
