/**
 * The one naming module: every identifier and file name in a generated SDK comes from here.
 *
 * Rules (documented in the README, keep in sync):
 *
 * - Words: spec text is split into words on every character that is not an ASCII letter or digit
 *   and on case changes (`getChargeSessionRetrieve` → get/Charge/Session/Retrieve, `HTTPServer` →
 *   HTTP/Server). Letters with diacritics are folded to ASCII (`été` → `ete`); other non-ASCII
 *   characters separate words. When nothing is left, the code points are spelled (`日本` → `U65e5U672c`).
 * - camelCase: first word lower-cased (all of it when it is all capitals), later words get an
 *   upper-case first letter, the rest of each word is kept (`orders.capture` → `ordersCapture`,
 *   `All Fares` → `allFares`, `RequestId` → `requestId`).
 * - PascalCase: every word gets an upper-case first letter, the rest is kept (`ChargesessionStartBody`
 *   stays). `titleCase` (environment members) also lower-cases the rest (`SIT` → `Sit`).
 * - An identifier never starts with a digit: a leading `_` is added (`2fa` → `_2fa`).
 * - Reserved words: a type/class/value name that is a JavaScript reserved word, a TypeScript
 *   keyword or type name, a global the generated code uses (`Error`, `Date`, `Promise`, `Record`,
 *   `Blob` …) or a name the SDK itself exports (`Configuration`, `Environment`, `ApiException` …)
 *   gets a suffix: `Model` for type names (`Error` → `ErrorModel`), `_` for values and members
 *   (`constructor` → `constructor_`).
 * - Collisions inside one scope (methods of a class, properties of a params type, members of an
 *   enum, model names, file names) are resolved in document order: the first keeps the name, the
 *   next ones get `2`, `3` … appended (`getPets`, `getPets2`). Comparison is case-insensitive for
 *   file names and type names (case-insensitive file systems), exact otherwise.
 * - File names: kebab-case of the words (`[a-z0-9-]`), never empty, never `.` / `..` / slashes.
 * - Numeric enum members (and string members that are plain decimal numbers) keep sign and point:
 *   `-` → `Minus`, `.` → `_`, then the leading-digit rule (`1` → `_1`, `-1` → `Minus1`,
 *   `0.5` → `_0_5`, `-2.75` → `Minus2_75`, `1e-7` → `_1eMinus7`).
 * - Client class: `client.className` when configured, else title-case words of `info.title` +
 *   `Client` (`Shell EV` → `ShellEvClient`; not doubled when the title ends in `Client`), else the
 *   package name's words when the title has no ASCII letters or digits.
 * - Schemas of external files (multi-file specs) are named by the bundle stage after their `$ref`:
 *   the last pointer token (`pet.yaml#/NewPet` → `NewPet`) or the file name (`pet.yaml` → `Pet`).
 */
import type { NamingConfig } from '../config/types';

// ---------------------------------------------------------------------------------------------
// Words and casing
// ---------------------------------------------------------------------------------------------

/**
 * Words of each text seen so far. Large specs ask for the same few thousand texts (property names,
 * context hints) tens of thousands of times, and the splitting regexes dominated IR build time.
 * Bounded so a long-lived process (watch mode) cannot grow it without limit.
 */
const WORDS_CACHE = new Map<string, readonly string[]>();
const WORDS_CACHE_LIMIT = 50_000;

/** Splits any text into ASCII alphanumeric words (see the module comment). Do not mutate the result. */
export function splitWords(text: string): readonly string[] {
  let words = WORDS_CACHE.get(text);
  if (words === undefined) {
    if (WORDS_CACHE.size >= WORDS_CACHE_LIMIT) WORDS_CACHE.clear();
    words = Object.freeze(computeWords(text));
    WORDS_CACHE.set(text, words);
  }
  return words;
}

const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function charKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

/**
 * One pass over the text instead of a split plus three regex replaces per chunk (same result).
 * A word ends at every non-alphanumeric character and before: lower→Upper (`getPets` → get/Pets),
 * the last capital of an acronym followed by a lower-case letter (`HTTPServer` → HTTP/Server),
 * and a letter after a digit (`404Error` → 404/Error; `v2` stays one word).
 */
function computeWords(text: string): string[] {
  // ASCII needs no folding: NFKD and the combining-mark pass leave it unchanged.
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words: string[] = [];
  let start = -1;
  let previous = OTHER;
  for (let i = 0; i < folded.length; i++) {
    const kind = charKind(folded.charCodeAt(i));
    if (kind === OTHER) {
      if (start >= 0) words.push(folded.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (
      (previous === LOWER && kind === UPPER) ||
      (previous === UPPER && kind === UPPER && charKind(folded.charCodeAt(i + 1)) === LOWER) ||
      (previous === DIGIT && kind !== DIGIT)
    ) {
      words.push(folded.slice(start, i));
      start = i;
    }
    previous = kind;
  }
  if (start >= 0) words.push(folded.slice(start));
  if (words.length === 0) {
    const spelled = Array.from(text)
      .filter((ch) => /[^\x00-\x7f]/.test(ch) && /\S/u.test(ch))
      .map((ch) => `U${(ch.codePointAt(0) ?? 0).toString(16)}`);
    return spelled;
  }
  return words;
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function isAllUpper(word: string): boolean {
  return /^[A-Z0-9]+$/.test(word) && /[A-Z]/.test(word);
}

/** camelCase of the words of `text` (may start with a digit; see `identifier`). */
export function camelWords(text: string): string {
  const words = splitWords(text);
  return words
    .map((w, i) => {
      if (i > 0) return upperFirst(w);
      return isAllUpper(w) ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1);
    })
    .join('');
}

const PASCAL_CACHE = new Map<string, string>();

/** PascalCase of the words of `text` (may start with a digit; see `identifier`). */
export function pascalWords(text: string): string {
  // Memoized like `splitWords`: called for every property of every schema.
  let cased = PASCAL_CACHE.get(text);
  if (cased === undefined) {
    if (PASCAL_CACHE.size >= WORDS_CACHE_LIMIT) PASCAL_CACHE.clear();
    cased = splitWords(text).map(upperFirst).join('');
    PASCAL_CACHE.set(text, cased);
  }
  return cased;
}

/** Title case: every word `Xxxx` (`SIT` → `Sit`). */
export function titleWords(text: string): string {
  return splitWords(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** kebab-case of the words of `text`, `[a-z0-9-]` only. */
export function kebabWords(text: string): string {
  return splitWords(text)
    .map((w) => w.toLowerCase())
    .join('-');
}

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

const RESERVED_VALUE = new Set([...JS_RESERVED, ...TS_KEYWORDS]);
const RESERVED_TYPE = new Set(
  [...JS_RESERVED, ...TS_KEYWORDS, ...GLOBAL_TYPES, ...SDK_RESERVED_NAMES].map((n) => n.toLowerCase()),
);

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

/** True when a property key can be written without quotes. */
export function isPropertyName(name: string): boolean {
  return PROPERTY_NAME.test(name);
}

/** Makes a syntactically valid identifier from already-cased text; `fallback` when empty. */
function identifierSyntax(cased: string, fallback: string): string {
  let id = cased.replace(/[^A-Za-z0-9_$]/g, '');
  if (id === '') id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  return id;
}

/** A type/class name: PascalCase, not reserved (suffix `Model`). */
export function typeIdentifier(text: string, fallback = 'Unnamed'): string {
  const id = identifierSyntax(pascalWords(text), fallback);
  return RESERVED_TYPE.has(id.toLowerCase()) ? `${id}Model` : id;
}

/** A value (variable/member/method) name: camelCase, not reserved (suffix `_`). */
export function valueIdentifier(text: string, fallback = 'value'): string {
  const id = identifierSyntax(camelWords(text), fallback);
  return RESERVED_VALUE.has(id) ? `${id}_` : id;
}

// ---------------------------------------------------------------------------------------------
// Scopes (collision resolution)
// ---------------------------------------------------------------------------------------------

/**
 * One namespace: names are claimed in document order; a taken name gets `2`, `3` … appended.
 * Linear time overall (a per-base counter avoids rescanning).
 */
export class NameScope {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(
    private readonly caseInsensitive = false,
    reserved: Iterable<string> = [],
  ) {
    for (const name of reserved) this.taken.add(this.key(name));
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  /** Returns `base` or `base2`, `base3` …, whichever is free first, and takes it. */
  claim(base: string): string {
    let name = base;
    if (this.taken.has(this.key(name))) {
      const baseKey = this.key(base);
      let n = this.next.get(baseKey) ?? 2;
      while (this.taken.has(this.key(`${base}${n}`))) n++;
      this.next.set(baseKey, n + 1);
      name = `${base}${n}`;
    }
    this.taken.add(this.key(name));
    return name;
  }
}

// ---------------------------------------------------------------------------------------------
// The SDK namer (configured by `ResolvedConfig.naming`)
// ---------------------------------------------------------------------------------------------

/** HTTP method + path → words, for operations without an operationId (`GET /pets/{id}` → `getPetsById`). */
export function operationNameFromPath(method: string, path: string): string {
  const parts: string[] = [method.toLowerCase()];
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) parts.push('By', pascalWords(param[1] ?? ''));
    else parts.push(pascalWords(segment));
  }
  return camelWords(parts.join(' '));
}

const ENV_STOP_WORDS = new Set([
  'server', 'servers', 'environment', 'env', 'url', 'endpoint', 'the', 'a', 'an', 'api', 'base',
  'host', 'for', 'of', 'is', 'this',
]);

export class Namer {
  constructor(readonly config: NamingConfig) {}

  /** Method name of an operation (camelCase of the operationId, else method + path). */
  operationMethod(operationId: string | undefined, method: string, path: string): string {
    const base = operationId && splitWords(operationId).length > 0 && /[A-Za-z0-9]/.test(operationId)
      ? camelWords(operationId)
      : operationNameFromPath(method, path);
    const id = identifierSyntax(base, 'call');
    // `constructor` and the injected `http` field would clash with class members.
    return id === 'constructor' || id === 'http' ? `${id}_` : id;
  }

  /** Params type of an operation: `<Method>Params`. */
  paramsType(methodName: string): string {
    return typeIdentifier(`${methodName} Params`);
  }

  /** Model name of a component schema. */
  modelName(componentName: string): string {
    return typeIdentifier(componentName, 'Model');
  }

  /** Name of an inline schema from its context words (`<Operation><Status>Response`, `<Model><Property>`). */
  inlineModelName(...context: string[]): string {
    return typeIdentifier(context.join(' '), 'Model');
  }

  /** Error class for a component schema `X` → `X` + suffix, unless it already ends in the suffix. */
  errorClassForModel(modelName: string): { className: string; renameModelTo?: string } {
    const suffix = this.config.errorClassSuffix;
    if (suffix !== '' && modelName.endsWith(suffix) && modelName !== suffix) {
      return { className: modelName, renameModelTo: `${modelName}Body` };
    }
    return { className: typeIdentifier(`${modelName}${suffix}`) };
  }

  /** Error class for an inline error schema: `<Operation><Status>` + suffix. */
  errorClassForInline(methodName: string, status: string): string {
    return typeIdentifier(`${pascalWords(methodName)} ${status} ${this.config.errorClassSuffix}`);
  }

  /** API class of a tag: PascalCase(tag) + suffix. */
  apiClass(tag: string): string {
    return typeIdentifier(`${pascalWords(tag)}${this.config.apiClassSuffix}`, 'Default');
  }

  /** Client property of a tag: camelCase(tag). */
  apiProperty(tag: string): string {
    // Reserved words are fine as property names (`client.default`); the client's own members
    // (`config`, auth managers) are reserved by the caller's scope.
    return identifierSyntax(camelWords(tag), 'default');
  }

  /** File name (no extension) of a tag's API module. */
  apiFile(tag: string): string {
    return fileName(tag, 'default');
  }

  /** Property name of a parameter (camelCase of the wire name). */
  paramProperty(wireName: string): string {
    return identifierSyntax(camelWords(wireName), 'param');
  }

  /**
   * Member name of an enum value. Numbers (and strings that are plain decimal numbers) keep their
   * sign and decimal point, which word splitting would drop (`-1` and `1` would both be `_1`):
   * `-` → `Minus`, `.` → `_`, exponent sign likewise (`-1` → `Minus1`, `0.5` → `_0_5`,
   * `-2.75` → `Minus2_75`, `1e-7` → `_1eMinus7`, `1e+21` → `_1e21`).
   */
  enumMember(value: string | number | boolean | null): string {
    if (value === null) return 'Null';
    const text = String(value);
    if (text.trim() === '') return 'Empty';
    if (typeof value === 'number' || NUMERIC_TEXT.test(text)) {
      const spelled = numberMemberName(text.trim());
      if (spelled !== undefined) return spelled;
    }
    return identifierSyntax(pascalWords(text), 'Value');
  }

  /** Environment member name from `x-sdkgen-name`, else the description, else `Server<n>`. */
  environmentMember(explicit: string | undefined, description: string | undefined, index: number): string {
    if (explicit && splitWords(explicit).length > 0) {
      const id = identifierSyntax(titleWords(explicit), `Server${index + 1}`);
      if (id !== '') return id;
    }
    if (description) {
      const words = splitWords(description).filter((w) => !ENV_STOP_WORDS.has(w.toLowerCase()));
      const picked = words.slice(0, 2).join(' ');
      if (picked !== '') return identifierSyntax(titleWords(picked), `Server${index + 1}`);
    }
    return `Server${index + 1}`;
  }

  /** Auth manager property of a security scheme: camelCase(scheme name). */
  authProperty(schemeName: string): string {
    return identifierSyntax(camelWords(schemeName), 'auth');
  }

  /**
   * Configuration option of a security scheme. The only scheme of its kind in the document gets
   * the kind's fixed name (`clientCredentialsAuthCredentials`, `apiKey`, `bearerToken`,
   * `basicAuth`, `accessToken`); otherwise camelCase(scheme name), plus `Credentials` for client
   * credentials unless it already ends so (`partner` → `partnerCredentials`). Collisions with the
   * fixed options (`environment`, `baseUrl` …) or each other are resolved by the caller's scope.
   */
  authOption(kind: AuthOptionKind, schemeName: string, onlyOfKind: boolean): string {
    if (onlyOfKind) return AUTH_OPTION_NAMES[kind];
    const base = this.authProperty(schemeName);
    return kind === 'clientCredentials' && !base.endsWith('Credentials') ? `${base}Credentials` : base;
  }

  /**
   * Client class name: configured (`client.className` / `--client-name`), else the title's words in
   * title case + `Client` (`Shell EV` → `ShellEvClient`, `Petstore API` → `PetstoreApiClient`; a
   * title already ending in `Client` is not doubled), else the package name's (`@acme/pet-store` →
   * `PetStoreClient`) when the title has no usable words, else `ApiClient`.
   */
  clientName(configured: string | undefined, title: string, packageName: string): string {
    if (configured && isIdentifier(configured)) return configured;
    // A title without ASCII letters or digits would only give spelled code points (`U65e5…`).
    const usable = /[A-Za-z0-9]/.test(title.normalize('NFKD'));
    const base = usable ? titleWords(title) : pascalWords(packageName.replace(/^@[^/]*\//, ''));
    if (base === '') return 'ApiClient';
    return typeIdentifier(base.endsWith('Client') ? base : `${base}Client`, 'ApiClient');
  }
}

/** A plain decimal number as an enum value's text (`-1`, `0.5`, `1e-7`). */
const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** `-2.5e-3` → `Minus2_5eMinus3`; `undefined` when the text is not a number. */
function numberMemberName(text: string): string | undefined {
  if (!NUMERIC_TEXT.test(text)) return undefined;
  const spelled = text
    .replace(/^([-+]?)\./, '$10.')
    .replace(/^\+/, '')
    .replace(/^-/, 'Minus')
    .replace(/[eE]\+?/, 'e')
    .replace(/e-/, 'eMinus')
    .replace(/\./, '_');
  return /^[0-9]/.test(spelled) ? `_${spelled}` : spelled;
}

/** What the SDK implements for a security scheme (see `Namer.authOption`). */
export type AuthOptionKind = 'clientCredentials' | 'apiKey' | 'bearer' | 'basic' | 'tokenSupplier';

const AUTH_OPTION_NAMES: Readonly<Record<AuthOptionKind, string>> = {
  clientCredentials: 'clientCredentialsAuthCredentials',
  apiKey: 'apiKey',
  bearer: 'bearerToken',
  basic: 'basicAuth',
  tokenSupplier: 'accessToken',
};

/** Fixed `Configuration` options; auth options never take these names. */
export const CONFIGURATION_OPTIONS = [
  'environment', 'baseUrl', 'serverVariables', 'timeout', 'fetch', 'retry', 'allowInsecureHttp',
  'toOptions', 'cloneWith', 'toJSON', 'constructor',
];

/** A safe file name: kebab-case, `[a-z0-9-]`, never empty, never a path. */
export function fileName(text: string, fallback = 'file'): string {
  const name = kebabWords(text).replace(/[^a-z0-9-]/g, '');
  return name === '' ? fallback : name;
}
