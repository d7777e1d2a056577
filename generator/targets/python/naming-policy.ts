/**
 * The Python naming policy: how every name request of the IR becomes a Python identifier, in the
 * idiom of the reference SDK and PEP 8.
 *
 * - Casing: classes PascalCase (`ChargesessionStartBody`, `ChargingController`); functions,
 *   parameters, attributes, client members and options snake_case, with a digit run after letters
 *   its own word (`get_ev_locations`, `location_respone_object_v_2`); enum and environment
 *   members UPPER_SNAKE (`AVAILABLE`, `SIT`).
 * - An identifier never starts with a digit: `_` is added for functions and attributes
 *   (`2fa` → `_2fa`), `VALUE_` for enum members (`1` → `VALUE_1`).
 * - Reserved words: a class name that is a keyword in title case, a typing or pydantic name the
 *   generated modules import (`List`, `Optional`, `BaseModel`, `Field` …) or a name the SDK
 *   itself exports (`Configuration`, `APIException`, `OAuthToken` …) gets the suffix `Model`; a
 *   function, parameter or attribute that is a keyword (or a `BaseModel` attribute) gets `_`
 *   (`from` → `from_`, `json` → `json_`); so do the names pycodestyle calls ambiguous (`l`, and
 *   `I` and `O` as enum members; as classes they get `Model`).
 * - Collisions: first come, first served in document order; later ones get `2`, `3` … (`_2`,
 *   `_3` … for snake_case names); class and file names compare case-insensitively.
 * - Client class, error classes and option names follow the TypeScript rules in Python casing
 *   (`ShellevClient`, `BadRequestException`, `client_credentials_auth_credentials`).
 */
import type { NamingConfig } from '../../config/types';
import type { IrAuthKind, IrName, IrNameSource, IrScopeKind } from '../../ir/types';
import {
  NUMERIC_TEXT,
  environmentWords,
  operationWords,
  pascalWords,
  snakeWords,
  spellNumber,
  statusWords,
  titleWords,
  upperSnakeWords,
  type NamingPolicy,
  type ScopeRules,
  identifierSyntax,
} from '../../naming';

/** Python 3 keywords (and soft keywords that would confuse readers). */
export const PYTHON_KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
  'match', 'case', 'type',
];

/** Names generated modules import or that would shadow what they use (type level). */
const TYPE_NAMES = [
  'Any', 'Dict', 'List', 'Optional', 'Union', 'Literal', 'Annotated', 'Mapping', 'Sequence',
  'Tuple', 'Type', 'TypeVar', 'Generic', 'ClassVar', 'Enum', 'BaseModel', 'ConfigDict', 'Field',
  'RootModel', 'Discriminator', 'Tag', 'StrEnum', 'IntEnum', 'ValueEnum', 'Exception', 'BaseException', 'Object', 'Bytes', 'Str',
  'Int', 'Float', 'Bool', 'Date', 'Datetime', 'Time', 'Timedelta', 'Uuid', 'Decimal', 'Path',
  'Callable', 'Iterator', 'Iterable', 'Awaitable', 'Self',
];

/**
 * Builtin classes (exceptions and warnings, Python 3.9–3.13): a model named `Warning` would shadow
 * the builtin in its own module, and a lazily imported reference to it would resolve to the
 * builtin instead.
 */
const BUILTIN_CLASSES = [
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseExceptionGroup', 'BlockingIOError', 'BrokenPipeError',
  'BufferError', 'BytesWarning', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError',
  'ConnectionRefusedError', 'ConnectionResetError', 'DeprecationWarning', 'EOFError', 'Ellipsis', 'EncodingWarning',
  'EnvironmentError', 'ExceptionGroup', 'FileExistsError', 'FileNotFoundError', 'FloatingPointError', 'FutureWarning',
  'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError', 'IndexError', 'InterruptedError',
  'IsADirectoryError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError', 'ModuleNotFoundError',
  'NameError', 'NotADirectoryError', 'NotImplemented', 'NotImplementedError', 'OSError', 'OverflowError',
  'PendingDeprecationWarning', 'PermissionError', 'ProcessLookupError', 'PythonFinalizationError', 'RecursionError',
  'ReferenceError', 'ResourceWarning', 'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration', 'StopIteration',
  'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError', 'TimeoutError', 'TypeError',
  'UnboundLocalError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError',
  'UnicodeWarning', 'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError',
];

/** Names the SDK itself exports from its packages; a model or class may not take them. */
export const SDK_RESERVED_NAMES = [
  'APIException', 'SdkException', 'OAuthProviderException', 'NetworkException', 'TimeoutException',
  'ConfigurationException', 'ResponseParseException', 'ClientCredentialsAuthCredentials',
  'ClientCredentialsAuthManager', 'AsyncClientCredentialsAuthManager', 'OAuthToken', 'OAuthProviderErrorEnum', 'TokenStore',
  'AsyncTokenStore', 'MemoryTokenStore', 'FileTokenStore', 'RedisTokenStore', 'AsyncRedisTokenStore', 'TokenStoreLock', 'AsyncTokenStoreLock', 'RequestOptions',
  'RetryPolicy', 'HttpClient', 'AsyncHttpClient', 'Operation', 'ParamSpec', 'Configuration',
  'Environment', 'ProxySettings', 'ApiKeyCredentials', 'BasicAuthCredentials', 'BearerToken',
  'APIResponse', 'HookException', 'HookRequest', 'Hooks', 'LeveledLogger', 'SyncPage', 'AsyncPage',
  'AsyncPaginator', 'PageSpec',
];

/** Attributes of pydantic's `BaseModel`: a field with such a name would shadow them. */
const BASE_MODEL_ATTRIBUTES = [
  'copy', 'dict', 'json', 'construct', 'schema', 'schema_json', 'validate', 'fields',
  'parse_obj', 'parse_raw', 'parse_file', 'from_orm', 'update_forward_refs', 'model_config',
  'model_fields', 'model_computed_fields', 'model_extra', 'model_fields_set', 'model_construct',
  'model_copy', 'model_dump', 'model_dump_json', 'model_json_schema', 'model_parametrized_name',
  'model_post_init', 'model_rebuild', 'model_validate', 'model_validate_json', 'model_validate_strings',
  'to_dict', 'from_dict',
];

/** Members of every controller besides its operations. */
const CONTROLLER_MEMBERS = ['config', 'with_raw_response'];

/**
 * Parameter names every operation method has or uses: `self`, the per-call options, and the
 * module-level helpers its body calls (a parameter must not shadow them).
 */
const METHOD_LOCALS = [
  'self', 'options', 'json_body', 'text_body', 'form_body', 'multipart_body', 'binary_body',
  'operation_base_url', 'paginate', 'paginate_async', 'require_arguments',
];

/** Members of the client class besides the controllers and auth managers. */
const CLIENT_MEMBERS = ['config', 'close', 'from_environment', 'http_client'];

/** Fixed `Configuration` keywords (the reference SDK's, plus ours); auth options never take them. */
export const CONFIGURATION_OPTIONS = [
  'environment', 'base_url', 'server_variables', 'timeout', 'max_retries', 'backoff_factor',
  'retry_statuses', 'retry_methods', 'proxy_settings', 'http_client_instance',
  'async_http_client_instance', 'allow_insecure_http', 'logger', 'clone_with', 'to_dict',
  'headers', 'hooks', 'log_level',
];

/** Names pycodestyle calls ambiguous (`E741`–`E743`: `l`, `O` and `I` look like digits), escaped like keywords. */
const AMBIGUOUS = ['l', 'O', 'I'];

const KEYWORDS = new Set([...PYTHON_KEYWORDS, ...AMBIGUOUS]);
const RESERVED_TYPE = new Set(
  [...PYTHON_KEYWORDS.map((k) => pascalWords(k)), 'I', 'O', ...TYPE_NAMES, ...BUILTIN_CLASSES, ...SDK_RESERVED_NAMES].map((n) => n.toLowerCase()),
);
/** Builtins used in annotations: a field named so would shadow them in its class body. */
const ANNOTATION_BUILTINS = ['str', 'int', 'float', 'bool', 'bytes', 'object', 'list', 'dict', 'set', 'tuple', 'type', 'datetime', 'date'];

const RESERVED_ATTRIBUTE = new Set([...PYTHON_KEYWORDS, ...AMBIGUOUS, ...BASE_MODEL_ATTRIBUTES, ...ANNOTATION_BUILTINS]);

/** Python identifiers are ASCII letters, digits and `_` here. */
const NOT_IDENTIFIER = /[^A-Za-z0-9_]/g;

/** A class name: PascalCase, not reserved (suffix `Model`). */
export function classIdentifier(text: string, fallback = 'Unnamed'): string {
  const id = identifierSyntax(pascalWords(text), fallback, NOT_IDENTIFIER);
  return RESERVED_TYPE.has(id.toLowerCase()) ? `${id}Model` : id;
}

/** A function, parameter or variable name: snake_case, not a keyword (suffix `_`). */
export function snakeIdentifier(text: string, fallback = 'value'): string {
  const id = identifierSyntax(snakeWords(text), fallback, NOT_IDENTIFIER);
  return KEYWORDS.has(id) ? `${id}_` : id;
}

/**
 * An attribute of a model: snake_case; a keyword, a builtin type name or a `BaseModel` attribute
 * gets the prefix `m`, as the reference SDK spells them (`type` → `mtype`); a leading digit gets
 * `field_` (pydantic treats names starting with `_` as private, not as fields).
 */
export function attributeIdentifier(text: string, fallback = 'field'): string {
  const id = identifierSyntax(snakeWords(text), fallback, NOT_IDENTIFIER, 'field_');
  return RESERVED_ATTRIBUTE.has(id) ? `m${id}` : id;
}

/** A module name for a class (`LocationResponeObjectV2` → `location_respone_object_v_2`). */
export function moduleName(className: string): string {
  return snakeIdentifier(className, 'module');
}

const AUTH_OPTION_NAMES: Readonly<Record<IrAuthKind, string>> = {
  clientCredentials: 'client_credentials_auth_credentials',
  apiKey: 'api_key',
  bearer: 'bearer_token',
  basic: 'basic_auth',
  tokenSupplier: 'access_token',
};

/** What the policy needs from the target's settings. */
export interface PythonNamingSettings {
  readonly naming: NamingConfig;
  readonly clientName: string | undefined;
  /** The distribution name: the client's name when the title has no usable words. */
  readonly packageName: string;
}

/** The Python identifiers of one SDK's names (see the module comment for the rules). */
export class PythonNamer {
  constructor(private readonly settings: PythonNamingSettings) {}

  /** Error class for a component schema `X` → `X` + suffix, unless it already ends in the suffix. */
  errorClassForModel(modelName: string): { className: string; renameModelTo?: string } {
    const suffix = this.settings.naming.errorClassSuffix;
    if (suffix !== '' && modelName.endsWith(suffix) && modelName !== suffix) {
      return { className: modelName, renameModelTo: `${modelName}Body` };
    }
    return { className: classIdentifier(`${modelName}${suffix}`) };
  }

  /**
   * Enum member: the value in capitals, each run of other characters one `_`, as the reference SDK
   * spells its constants (`FreePublic` → `FREEPUBLIC`, `PARKING_TIME`, `Out of order` →
   * `OUT_OF_ORDER`); numbers keep sign and point (`-1` → `MINUS1`, `0.5` → `VALUE_0_5`).
   */
  enumMember(value: string | number | boolean | null): string {
    if (value === null) return 'NULL';
    const raw = String(value);
    if (raw.trim() === '') return 'EMPTY';
    const text = typeof value === 'number' || NUMERIC_TEXT.test(raw) ? (spellNumber(raw) ?? raw) : raw;
    const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    const constant = folded.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
    const member = identifierSyntax(constant === '' ? upperSnakeWords(text) : constant, 'VALUE', NOT_IDENTIFIER, 'VALUE_');
    return KEYWORDS.has(member) ? `${member}_` : member;
  }

  clientName(title: string): string {
    const configured = this.settings.clientName;
    if (configured !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(configured)) return configured;
    const usable = /[A-Za-z0-9]/.test(title.normalize('NFKD'));
    const base = usable ? titleWords(title) : pascalWords(this.settings.packageName);
    if (base === '') return 'ApiClient';
    return classIdentifier(base.endsWith('Client') ? base : `${base}Client`, 'ApiClient');
  }

  authOption(kind: IrAuthKind, schemeName: string, onlyOfKind: boolean): string {
    if (onlyOfKind) return AUTH_OPTION_NAMES[kind];
    const base = snakeIdentifier(schemeName, 'auth');
    return kind === 'clientCredentials' && !base.endsWith('credentials') ? `${base}_credentials` : base;
  }

  base(source: IrNameSource, resolved: (earlier: IrName) => string): string {
    const { apiClassSuffix, errorClassSuffix } = this.settings.naming;
    switch (source.role) {
      case 'client':
        return this.clientName(source.title);
      case 'model': {
        if (source.errorBody) {
          const renamed = this.errorClassForModel(pascalWords(source.key)).renameModelTo;
          if (renamed !== undefined) return renamed;
        }
        return classIdentifier(source.key, 'Model');
      }
      case 'inlineModel':
        return classIdentifier(source.parts.map((p) => (typeof p === 'string' ? p : pascalWords(resolved(p)))).join(' '), 'Model');
      case 'requestModel':
        // As hey-api names request variants (`PetWritable`).
        return classIdentifier(`${pascalWords(resolved(source.model))} Writable`, 'Model');
      case 'apiClass':
        return classIdentifier(`${pascalWords(source.tag)}${apiClassSuffix}`, 'Default');
      case 'apiProperty':
        return snakeIdentifier(source.tag, 'default');
      case 'apiFile':
        return snakeIdentifier(`${pascalWords(source.tag)}${apiClassSuffix}`, 'default');
      case 'operation':
        return snakeIdentifier(operationWords(source.operationId, source.method, source.path), 'call');
      case 'paramsType':
        return classIdentifier(`${pascalWords(resolved(source.operation))} Params`);
      case 'parameter':
        return snakeIdentifier(source.wireName, 'param');
      case 'body':
        return 'body';
      case 'property':
        return attributeIdentifier(source.wireName);
      case 'enumMember':
        return this.enumMember(source.value);
      case 'errorClass':
        switch (source.from) {
          case 'component':
            return this.errorClassForModel(pascalWords(source.key)).className;
          case 'response':
            return classIdentifier(`${pascalWords(source.responseName)}${errorClassSuffix}`);
          case 'inline':
            return classIdentifier(`${pascalWords(resolved(source.operation))} ${source.status} ${errorClassSuffix}`);
          case 'status':
            return classIdentifier(`${statusWords(source.status)}${errorClassSuffix}`);
        }
      // falls through (unreachable: every origin returns)
      case 'environment': {
        const words = environmentWords(source.explicit, source.description);
        return words === undefined ? `SERVER_${source.index + 1}` : identifierSyntax(upperSnakeWords(words), `SERVER_${source.index + 1}`, NOT_IDENTIFIER, 'SERVER_');
      }
      case 'authProperty':
        return snakeIdentifier(source.scheme, 'auth');
      case 'authOption':
        return this.authOption(source.kind, source.scheme, source.onlyOfKind);
    }
  }
}

const snake = (reserved: readonly string[]): ScopeRules => ({ caseInsensitive: false, reserved, counterSeparator: '_' });

const SCOPES: Readonly<Record<IrScopeKind, ScopeRules>> = {
  types: { caseInsensitive: true, reserved: [] },
  methods: snake(CONTROLLER_MEMBERS),
  params: snake(METHOD_LOCALS),
  enumMembers: snake([]),
  properties: snake([]),
  clientMembers: snake(CLIENT_MEMBERS),
  // Controller modules share a folder with `base_controller.py`.
  apiFiles: { caseInsensitive: true, reserved: ['base_controller', '__init__'], counterSeparator: '_' },
  environments: { caseInsensitive: true, reserved: [], counterSeparator: '_' },
  configOptions: snake(CONFIGURATION_OPTIONS),
};

/** The policy the naming engine runs for the Python target. */
export function pythonNamingPolicy(settings: PythonNamingSettings): NamingPolicy {
  const namer = new PythonNamer(settings);
  return {
    base: (name, resolved) => namer.base(name, resolved),
    scope: (kind) => SCOPES[kind],
    derived: (name, identifier) => pythonDerivedNames(name, identifier),
  };
}

/**
 * The classes the Python view makes from a name's class: the asyncio client, and each
 * controller's asyncio counterpart and raw-response wrappers. They share the package's namespace
 * (`controllers/__init__.py` exports them all), so they are claimed with the class itself: tags
 * `Pets` and `AsyncPets` cannot both make an `AsyncPetsController`.
 */
export function pythonDerivedNames(name: IrNameSource, identifier: string): Readonly<Record<string, string>> | undefined {
  switch (name.role) {
    case 'client':
      return { async: `Async${identifier}` };
    case 'apiClass':
      return {
        async: `Async${identifier}`,
        raw: `${identifier}WithRawResponse`,
        asyncRaw: `Async${identifier}WithRawResponse`,
      };
    default:
      return undefined;
  }
}
