/**
 * The static-credential auth providers (API key, HTTP bearer, HTTP basic, token supplier) and
 * server URL handling, through `HttpClient` against a real node:http server on 127.0.0.1.
 */
import { inspect } from 'node:util';
import { ApiKeyAuthProvider } from '../../templates/typescript/runtime/auth/api-key';
import type { AuthProvider } from '../../templates/typescript/runtime/auth/auth-provider';
import {
  BearerTokenAuthProvider,
  type TokenSupplierContext,
} from '../../templates/typescript/runtime/auth/bearer-token';
import { BasicAuthProvider, base64Utf8 } from '../../templates/typescript/runtime/auth/http-basic';
import { redactOptions } from '../../templates/typescript/runtime/auth/secret-value';
import { ConfigurationException } from '../../templates/typescript/runtime/errors';
import { HttpClient } from '../../templates/typescript/runtime/http-client';
import type { OperationRequest } from '../../templates/typescript/runtime/operation';
import {
  clientBaseUrl,
  expandServerUrl,
  operationBaseUrl,
} from '../../templates/typescript/runtime/servers';
import { startScriptedServer, type SeenRequest } from '../support/api-server';

let server: Awaited<ReturnType<typeof startScriptedServer>>;
/** Statuses to answer with, in order; then 200. */
let statuses: number[] = [];

beforeAll(async () => {
  server = await startScriptedServer((_req, res) => {
    const status = statuses.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end('{}');
  });
});
afterAll(() => server.stop());
beforeEach(() => {
  server.seen.length = 0;
  statuses = [];
});

function op(overrides: Partial<OperationRequest> = {}): OperationRequest {
  return {
    operationId: 'op',
    method: 'GET',
    path: '/items',
    params: [{ name: 'q', in: 'query', value: 'a b[c]' }],
    security: [{ s: [] }],
    responseKind: 'json',
    errors: {},
    ...overrides,
  };
}

function client(auth: Record<string, AuthProvider | undefined>, baseUrl = `${server.url}/api`): HttpClient {
  return new HttpClient({ baseUrl, auth, retry: false });
}

const seen = (i = 0): SeenRequest => server.seen[i] as SeenRequest;

describe('ApiKeyAuthProvider', () => {
  test('header', async () => {
    await client({ s: new ApiKeyAuthProvider('k-1', { schemeName: 's', in: 'header', name: 'X-API-Key' }) }).request(op());
    expect(seen().headers['x-api-key']).toBe('k-1');
    expect(seen().url).toBe('/api/items?q=a%20b%5Bc%5D');
  });

  test('query: appended once per attempt, other parameters keep their encoding', async () => {
    statuses = [503];
    const http = new HttpClient({
      baseUrl: server.url,
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
      auth: { s: new ApiKeyAuthProvider('a+b/c=', { schemeName: 's', in: 'query', name: 'api key' }) },
    });
    await http.request(op());
    expect(server.seen.map((r) => r.url)).toEqual([
      '/items?q=a%20b%5Bc%5D&api%20key=a%2Bb%2Fc%3D',
      '/items?q=a%20b%5Bc%5D&api%20key=a%2Bb%2Fc%3D',
    ]);
  });

  test('cookie: joined with cookie parameters; cookie-octets kept, others encoded', async () => {
    const key = new ApiKeyAuthProvider('abc+/=', { schemeName: 's', in: 'cookie', name: 'SESSION' });
    await client({ s: key }).request(op({ params: [{ name: 'sid', in: 'cookie', value: 'x' }] }));
    expect(seen().headers.cookie).toBe('sid=x; SESSION=abc+/=');
    const spaced = new ApiKeyAuthProvider('a b;c', { schemeName: 's', in: 'cookie', name: 'SESSION' });
    await client({ s: spaced }).request(op({ params: [] }));
    expect(seen(1).headers.cookie).toBe('SESSION=a%20b%3Bc');
  });

  test('async supplier, called per request', async () => {
    let n = 0;
    const key = new ApiKeyAuthProvider(async () => `k${++n}`, { schemeName: 's', in: 'header', name: 'x-key' });
    const http = client({ s: key });
    await http.request(op());
    await http.request(op());
    expect(server.seen.map((r) => r.headers['x-key'])).toEqual(['k1', 'k2']);
  });

  test('never over plain http to other hosts; never printed; header injection refused without echo', async () => {
    const key = new ApiKeyAuthProvider('secret-key', { schemeName: 's', in: 'query', name: 'k' });
    const insecure = new HttpClient({ baseUrl: 'http://api.example.com', auth: { s: key } });
    const refused = await insecure.request(op()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigurationException);
    expect(inspect(refused)).not.toContain('secret-key');
    const printed = [JSON.stringify(key), String(key), inspect(key)].join(' ');
    expect(printed).not.toContain('secret-key');
    expect(printed).toContain('[REDACTED]');
    const bad = new ApiKeyAuthProvider('x\r\nInjected: 1', { schemeName: 's', in: 'header', name: 'k' });
    const error = await client({ s: bad }).request(op()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationException);
    expect(String((error as Error).message)).not.toContain('Injected');
  });

  test('unconfigured → the operation needs another alternative', async () => {
    const key = new ApiKeyAuthProvider(undefined, { schemeName: 's', in: 'header', name: 'k' });
    expect(key.isConfigured()).toBe(false);
    await expect(client({ s: key }).request(op())).rejects.toThrow(ConfigurationException);
    await client({ s: key }).request(op({ security: [{ s: [] }, {}] }));
    expect(seen().headers['k']).toBeUndefined();
  });
});

describe('BasicAuthProvider', () => {
  test('UTF-8 user:password in base64, no Buffer', async () => {
    const basic = new BasicAuthProvider({ username: 'zoë', password: 'p@ss wörd:1' }, { schemeName: 'basic' });
    await client({ s: basic }).request(op());
    const header = seen().headers.authorization as string;
    expect(header).toBe(`Basic ${Buffer.from('zoë:p@ss wörd:1', 'utf8').toString('base64')}`);
    expect(base64Utf8('€')).toBe('4oKs');
    expect(JSON.stringify(basic)).not.toContain('wörd');
    expect(inspect(basic)).toContain('zoë');
  });

  test('a user name with a colon is refused', async () => {
    const basic = new BasicAuthProvider({ username: 'a:b', password: 'p' }, { schemeName: 'basic' });
    await expect(client({ s: basic }).request(op())).rejects.toThrow(ConfigurationException);
  });
});

describe('BearerTokenAuthProvider', () => {
  test('static token: sent; a 401 is not replayed', async () => {
    statuses = [401];
    const bearer = new BearerTokenAuthProvider('t-static', { schemeName: 'b' });
    await expect(client({ s: bearer }).request(op())).rejects.toMatchObject({ statusCode: 401 });
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer t-static']);
    expect(inspect(bearer)).not.toContain('t-static');
  });

  test('supplier: gets the scopes; a 401 calls it once more with forceRefresh and replays once', async () => {
    statuses = [401];
    const calls: TokenSupplierContext[] = [];
    const bearer = new BearerTokenAuthProvider(
      (context) => {
        calls.push(context);
        return `t${calls.length}`;
      },
      { schemeName: 'b' },
    );
    await client({ s: bearer }).request(op({ security: [{ s: ['read', 'write'] }] }));
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(calls).toEqual([
      { scopes: ['read', 'write'], forceRefresh: false },
      { scopes: ['read', 'write'], forceRefresh: true },
    ]);
  });

  test('supplier: a second 401 is final', async () => {
    statuses = [401, 401];
    let n = 0;
    const bearer = new BearerTokenAuthProvider(async () => `t${++n}`, { schemeName: 'b' });
    await expect(client({ s: bearer }).request(op())).rejects.toMatchObject({ statusCode: 401 });
    expect(server.seen).toHaveLength(2);
  });

  test('a supplier returning a non-string fails clearly', async () => {
    const bearer = new BearerTokenAuthProvider((() => undefined) as unknown as () => string, { schemeName: 'b' });
    await expect(client({ s: bearer }).request(op())).rejects.toThrow(/returned undefined/);
  });
});

describe('security alternatives', () => {
  const key = new ApiKeyAuthProvider('k', { schemeName: 'A', in: 'header', name: 'x-a' });
  const basic = new BasicAuthProvider({ username: 'u', password: 'p' }, { schemeName: 'B' });
  const none = new BearerTokenAuthProvider(undefined, { schemeName: 'C' });

  test('AND: every scheme of the chosen alternative is applied', async () => {
    await client({ A: key, B: basic }).request(op({ security: [{ A: [], B: [] }] }));
    expect(seen().headers['x-a']).toBe('k');
    expect(seen().headers.authorization).toMatch(/^Basic /);
  });

  test('OR: the first alternative whose schemes are all configured', async () => {
    await client({ A: key, B: basic, C: none }).request(op({ security: [{ C: [] }, { A: [] }, { B: [] }] }));
    expect(seen().headers['x-a']).toBe('k');
    expect(seen().headers.authorization).toBeUndefined();
  });

  test('optional ({}): anonymous when nothing is configured, credentials when they are', async () => {
    await client({ C: none }).request(op({ security: [{}, { C: [] }] }));
    expect(seen().headers.authorization).toBeUndefined();
    const bearer = new BearerTokenAuthProvider('t', { schemeName: 'C' });
    // `{}` listed first still prefers configured credentials.
    await client({ C: bearer }).request(op({ security: [{}, { C: [] }] }));
    expect(seen(1).headers.authorization).toBe('Bearer t');
  });
});

describe('servers', () => {
  const server1 = {
    url: 'https://{tenant}.{region}.example.com/{basePath}',
    variables: { tenant: { default: 'demo' }, region: { default: 'eu', enum: ['eu', 'us'] }, basePath: { default: 'v2' } },
  };

  test('defaults, user values, enum check', () => {
    expect(expandServerUrl(server1)).toBe('https://demo.eu.example.com/v2');
    expect(expandServerUrl(server1, { tenant: 'acme', region: 'us' })).toBe('https://acme.us.example.com/v2');
    expect(() => expandServerUrl(server1, { region: 'mars' })).toThrow(/'eu', 'us'/);
  });

  test('relative server URLs need baseUrl', () => {
    expect(() => clientBaseUrl({ url: '/api/v1' }, { environment: 'default' })).toThrow(ConfigurationException);
    expect(() => clientBaseUrl({ url: '/api/v1' }, { environment: 'default' })).toThrow(/pass baseUrl/);
    expect(clientBaseUrl({ url: '/api/v1' }, { environment: 'x', baseUrl: 'https://h.example/api/v1' })).toBe('https://h.example/api/v1');
    expect(() => clientBaseUrl(server1, { environment: 'x', baseUrl: '/relative' })).toThrow(ConfigurationException);
    expect(clientBaseUrl(server1, { environment: 'x', serverVariables: { tenant: 't' } })).toBe('https://t.eu.example.com/v2');
  });

  test('operation servers: first one, variables, relative ones against the client base', async () => {
    expect(operationBaseUrl([{ url: '/v3' }], 'https://h.example/api/v2')).toBe('https://h.example/v3');
    expect(operationBaseUrl([{ url: 'https://{env}.x.example', variables: { env: { default: 'prod' } } }], 'https://h', { env: 'dev' })).toBe('https://dev.x.example');
    const key = new ApiKeyAuthProvider('k', { schemeName: 's', in: 'header', name: 'x-k' });
    const http = new HttpClient({ baseUrl: 'https://api.example.com', auth: { s: key }, retry: false });
    await http.request(op({ baseUrl: operationBaseUrl([{ url: `${server.url}/own` }], http.baseUrl) }));
    expect(seen().url).toBe('/own/items?q=a%20b%5Bc%5D');
    // The operation's own server is its API origin: the key goes there.
    expect(seen().headers['x-k']).toBe('k');
  });
});

test('redactOptions', () => {
  const out = redactOptions({ apiKey: 'sekret', token: () => 'x', timeout: 5, basic: undefined }, ['apiKey', 'token', 'basic']);
  expect(out).toEqual({ apiKey: '[REDACTED]', token: '[Function]', timeout: 5, basic: undefined });
});
