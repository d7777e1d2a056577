/**
 * The TypeScript naming policy, rule by rule (the words and scopes of `generator/naming`, and the
 * casings, reserved words and name shapes of `generator/targets/typescript/naming-policy.ts`).
 */
import { DEFAULT_NAMING } from '../../../generator/config/types';
import type { IrName, IrNameSource } from '../../../generator/ir';
import { NameScope, camelWords, operationWordsFromPath, pascalWords, splitWords } from '../../../generator/naming';
import {
  TypeScriptNamer,
  fileName,
  isIdentifier,
  isPropertyName,
  typeIdentifier,
  valueIdentifier,
} from '../../../generator/targets/typescript/naming-policy';

const operationNameFromPath = (method: string, path: string): string => camelWords(operationWordsFromPath(method, path));

/** An earlier name, resolved to `identifier` (for rules that build on another name). */
const earlier = new Map<IrName, string>();
function resolvedAs(identifier: string): IrName {
  const name = { role: 'operation', operationId: identifier, method: 'get', path: '/', id: -1, scope: { kind: 'methods', key: 'test' } } as IrName;
  earlier.set(name, identifier);
  return name;
}

/** The policy's rules by role, called the way the naming engine calls them. */
function namerFor(clientName?: string) {
  const ts = new TypeScriptNamer({ naming: DEFAULT_NAMING, clientName, packageName: 'testsdk' });
  const base = (source: IrNameSource): string => ts.base(source, (n) => earlier.get(n) ?? '');
  return {
    operationMethod: (id: string | undefined, method: string, path: string) => ts.operationMethod(id, method, path),
    errorClassForModel: (model: string) => ts.errorClassForModel(model),
    errorClassForInline: (method: string, status: string) => base({ role: 'errorClass', from: 'inline', operation: resolvedAs(method), status }),
    apiClass: (tag: string) => base({ role: 'apiClass', tag }),
    apiProperty: (tag: string) => base({ role: 'apiProperty', tag }),
    paramsType: (method: string) => base({ role: 'paramsType', operation: resolvedAs(method) }),
    paramProperty: (wireName: string) => base({ role: 'parameter', wireName }),
    authProperty: (scheme: string) => base({ role: 'authProperty', scheme }),
    enumMember: (value: string | number | boolean | null) => base({ role: 'enumMember', value }),
    environmentMember: (explicit: string | undefined, description: string | undefined, index: number) =>
      base({ role: 'environment', explicit, description, index }),
    clientName: (configured: string | undefined, title: string, packageName: string) =>
      new TypeScriptNamer({ naming: DEFAULT_NAMING, clientName: configured, packageName }).clientName(title),
  };
}

const namer = namerFor();

describe('splitWords', () => {
  test.each([
    ['getChargeSessionRetrieve', ['get', 'Charge', 'Session', 'Retrieve']],
    ['HTTPServer', ['HTTP', 'Server']],
    ['orders.capture', ['orders', 'capture']],
    ['All Fares', ['All', 'Fares']],
    ['delete-item', ['delete', 'item']],
    ['V2ChargeSessionStart404Error', ['V2', 'Charge', 'Session', 'Start404', 'Error']],
    ['été', ['ete']],
    ['日本', ['U65e5', 'U672c']],
    ['---', []],
  ])('%s', (text, words) => expect(splitWords(text)).toEqual(words));
});

describe('operation method names', () => {
  test.each([
    ['start', 'start'],
    ['getChargeSessionRetrieve', 'getChargeSessionRetrieve'],
    ['orders.capture', 'ordersCapture'],
    ['All Fares', 'allFares'],
    ['delete-item', 'deleteItem'],
    ['GetEVLocations', 'getEVLocations'],
    ['URL', 'url'],
    ['2fa-verify', '_2FaVerify'],
    ['delete', 'delete'],
    ['constructor', 'constructor_'],
    ['http', 'http_'],
    ['*/ evil', 'evil'],
  ])('%s → %s', (operationId, expected) => {
    const name = namer.operationMethod(operationId, 'get', '/x');
    expect(name).toBe(expected);
    expect(isIdentifier(name)).toBe(true);
  });

  test.each([
    ['get', '/pets/{id}', 'getPetsById'],
    ['post', '/pets', 'postPets'],
    ['get', '/', 'get'],
    ['delete', '/users/{user_id}/keys/{key-id}', 'deleteUsersByUserIdKeysByKeyId'],
  ])('missing operationId: %s %s → %s', (method, path, expected) => {
    expect(operationNameFromPath(method, path)).toBe(expected);
    expect(namer.operationMethod(undefined, method, path)).toBe(expected);
  });
});

describe('type names', () => {
  test.each([
    ['ChargesessionStartBody', 'ChargesessionStartBody'],
    ['inline_response_202', 'InlineResponse202'],
    ['Error', 'ErrorModel'],
    ['Date', 'DateModel'],
    ['Promise', 'PromiseModel'],
    ['Record', 'RecordModel'],
    ['Configuration', 'ConfigurationModel'],
    ['ApiException', 'ApiExceptionModel'],
    ['string', 'StringModel'],
    ['404 error', '_404Error'],
    ['', 'Unnamed'],
    ['a.b/c', 'ABC'],
  ])('%s → %s', (text, expected) => {
    expect(typeIdentifier(text)).toBe(expected);
  });

  test('error classes', () => {
    expect(namer.errorClassForModel('BadRequest')).toEqual({ className: 'BadRequestException' });
    expect(namer.errorClassForModel('NotFoundException')).toEqual({
      className: 'NotFoundException',
      renameModelTo: 'NotFoundExceptionBody',
    });
    expect(namer.errorClassForInline('start', '404')).toBe('Start404Exception');
  });

  test('api classes, properties, params types, clients', () => {
    expect(namer.apiClass('charging')).toBe('ChargingApi');
    expect(namer.apiProperty('Locations')).toBe('locations');
    expect(namer.apiProperty('default')).toBe('default');
    expect(namer.apiClass('default')).toBe('DefaultApi');
    expect(namer.paramsType('start')).toBe('StartParams');
    expect(namer.paramProperty('RequestId')).toBe('requestId');
    expect(namer.paramProperty('X-Rate-Limit')).toBe('xRateLimit');
    expect(namer.authProperty('BearerAuth')).toBe('bearerAuth');
  });

  // `client.className` wins; else `info.title` (title case) + `Client`; else the package name.
  test.each<[string | undefined, string, string, string]>([
    ['ShellevClient', 'Shell EV', 'shellev', 'ShellevClient'],
    [undefined, 'Shell EV', 'shellev', 'ShellEvClient'],
    [undefined, 'Swagger Petstore', 'x', 'SwaggerPetstoreClient'],
    [undefined, 'GitHub v3 REST API', 'x', 'GitHubV3RestApiClient'],
    [undefined, 'Azure Key Vault Client', 'x', 'AzureKeyVaultClient'],
    [undefined, '2048 Game', 'x', '_2048GameClient'],
    [undefined, 'Uber API', 'x', 'UberApiClient'],
    [undefined, '日本', '@acme/pet-store', 'PetStoreClient'],
    [undefined, '', '@acme/pet-store', 'PetStoreClient'],
    [undefined, '', '---', 'ApiClient'],
    ['not a name', 'Shell EV', 'x', 'ShellEvClient'],
  ])('client class: configured %p, title %p, package %p → %s', (configured, title, pkg, expected) => {
    const name = namer.clientName(configured, title, pkg);
    expect(name).toBe(expected);
    expect(isIdentifier(name)).toBe(true);
  });

  test('values', () => {
    expect(valueIdentifier('class')).toBe('class_');
    expect(valueIdentifier('user name')).toBe('userName');
  });
});

describe('enum members', () => {
  test.each<[string | number | boolean | null, string]>([
    ['Available', 'Available'],
    ['Out of order', 'OutOfOrder'],
    ['SUCCESS', 'SUCCESS'],
    ['start-requested', 'StartRequested'],
    ['2XL', '_2XL'],
    ['', 'Empty'],
    ['   ', 'Empty'],
    ['café', 'Cafe'],
    ['☕', 'U2615'],
    [1, '_1'],
    // Numbers keep sign and decimal point: `-` → `Minus`, `.` → `_`, exponent likewise.
    [-1, 'Minus1'],
    [0, '_0'],
    [0.5, '_0_5'],
    [-3.75, 'Minus3_75'],
    [1e21, '_1e21'],
    [1e-7, '_1eMinus7'],
    [-2147483648, 'Minus2147483648'],
    // Strings that are plain decimal numbers are spelled the same way.
    ['-1', 'Minus1'],
    ['+1', '_1'],
    ['0.5', '_0_5'],
    ['.5', '_0_5'],
    ['-.5', 'Minus0_5'],
    ['1.5.2', '_152'],
    [true, 'True'],
    [null, 'Null'],
  ])('%p → %s', (value, expected) => expect(namer.enumMember(value)).toBe(expected));

  test('numeric members stay distinct: -1, 1, 0.5, 5, -0.5', () => {
    const scope = new NameScope();
    expect([-1, 1, 0.5, 5, -0.5].map((v) => scope.claim(namer.enumMember(v)))).toEqual(['Minus1', '_1', '_0_5', '_5', 'Minus0_5']);
  });

  test('duplicates after casing get numeric suffixes in order', () => {
    const scope = new NameScope();
    expect(['a b', 'A-B', 'a_b', 'x'].map((v) => scope.claim(namer.enumMember(v)))).toEqual(['AB', 'AB2', 'AB3', 'X']);
  });
});

describe('environment members', () => {
  test.each<[string | undefined, string | undefined, number, string]>([
    ['Sit', 'whatever', 0, 'Sit'],
    ['PRODUCTION', undefined, 1, 'Production'],
    [undefined, 'SIT (test) environment', 0, 'SitTest'],
    [undefined, 'Production server', 1, 'Production'],
    [undefined, undefined, 2, 'Server3'],
    [undefined, '*/ ', 0, 'Server1'],
  ])('%p / %p → %s', (explicit, description, index, expected) => {
    expect(namer.environmentMember(explicit, description, index)).toBe(expected);
  });
});

describe('NameScope', () => {
  test('collisions get 2, 3 … in order; case-insensitive scopes compare folded', () => {
    const scope = new NameScope();
    expect(['getPets', 'getPets', 'getPets', 'getPets2'].map((n) => scope.claim(n))).toEqual([
      'getPets',
      'getPets2',
      'getPets3',
      'getPets22',
    ]);
    const files = new NameScope(true);
    expect(files.claim('Pets')).toBe('Pets');
    expect(files.claim('pets')).toBe('pets2');
  });

  test('reserved names are never handed out', () => {
    const scope = new NameScope(false, ['body']);
    expect(scope.claim('body')).toBe('body2');
  });

  test('linear time on many collisions', () => {
    const scope = new NameScope();
    const start = performance.now();
    for (let i = 0; i < 20000; i++) scope.claim('x');
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('file names', () => {
  test.each([
    ['Charging', 'charging'],
    ['../etc/passwd', 'etc-passwd'],
    ['..', 'default'],
    ['/', 'default'],
    ['Pet Store', 'pet-store'],
    ['a\\b', 'a-b'],
    ['CON', 'con'],
  ])('%s → %s', (text, expected) => {
    const name = fileName(text, 'default');
    expect(name).toBe(expected);
    expect(name).toMatch(/^[a-z0-9-]+$/);
  });
});

test('camel/pascal words', () => {
  expect(camelWords('RequestId')).toBe('requestId');
  expect(pascalWords('charging')).toBe('Charging');
});

describe('property keys: bare when JavaScript allows it (Prettier unquotes every identifier name)', () => {
  test.each<[string, boolean]>([
    ['name', true],
    ['größe', true],
    ['名前', true],
    ['$ref', true],
    ['_x', true],
    ['default', true],
    ['x-name', false],
    ['2fa', false],
    ['a b', false],
    ['', false],
    ['☕', false],
  ])('%p → %p', (key, bare) => expect(isPropertyName(key)).toBe(bare));
});
