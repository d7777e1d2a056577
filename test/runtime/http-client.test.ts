/**
 * HttpClient against a local node:http server: URL/param/body encoding, response reading,
 * error-class mapping, security selection, timeouts, retries and abort.
 */
import { getEventListeners } from 'node:events';
import type http from 'node:http';
import type { AuthProvider } from '../../templates/typescript/runtime/auth/auth-provider';
import {
  ApiException,
  ConfigurationException,
  TimeoutException,
} from '../../templates/typescript/runtime/errors';
import { jsonBody, textBody } from '../../templates/typescript/runtime/body';
import { binaryBody, formBody, multipartBody } from '../../templates/typescript/runtime/body-encoders';
import { buildUrl, HttpClient, resolveUrl } from '../../templates/typescript/runtime/http-client';
import { paramStyles } from '../../templates/typescript/runtime/serialize-styles';
import type { OperationRequest } from '../../templates/typescript/runtime/operation';
import { backoffDelay, parseRetryAfter } from '../../templates/typescript/runtime/retry';
import { startScriptedServer, type SeenRequest } from '../support/api-server';

type Script = (req: SeenRequest, res: http.ServerResponse) => void;
let script: Script = (_req, res) => res.end('{}');
let server: Awaited<ReturnType<typeof startScriptedServer>>;

beforeAll(async () => {
  server = await startScriptedServer((req, res) => script(req, res));
});
afterAll(() => server.stop());
beforeEach(() => {
  server.seen.length = 0;
  script = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
});

function op(overrides: Partial<OperationRequest> = {}): OperationRequest {
  return {
    operationId: 'testOp',
    method: 'GET',
    path: '/items',
    params: [],
    security: [],
    responseKind: 'json',
    errors: {},
    ...overrides,
  };
}

const client = (extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) =>
  new HttpClient({
    baseUrl: `${server.url}/api/`,
    retry: { initialDelayMs: 1, maxDelayMs: 50 },
    ...extra,
  });

class BadRequestException extends ApiException<{ code: string }> {}
class ClientErrorException extends ApiException {}
class FallbackException extends ApiException {}

describe('request building', () => {
  test('base path prefix, path/query/header/cookie params, per-call headers', async () => {
    // deepObject is one of the styles a client passes as `paramStyles` when its API uses them.
    await client({ headers: { 'user-agent': 'sdk/1', 'x-over': 'client' }, paramStyles }).request(
      op({
        path: '/items/{id}',
        params: [
          { name: 'id', in: 'path', value: 'a b/c' },
          { name: 'tags', in: 'query', value: ['x', 'y'] },
          {
            name: 'filter',
            in: 'query',
            value: { color: 'red' },
            style: 'deepObject',
            explode: true,
          },
          { name: 'RequestId', in: 'header', value: 'r-1' },
          { name: 'sid', in: 'cookie', value: 's1' },
        ],
      }),
      { headers: { 'x-over': 'call' } },
    );
    const req = server.seen[0] as SeenRequest;
    expect(req.url).toBe('/api/items/a%20b%2Fc?tags=x&tags=y&filter[color]=red');
    expect(req.headers['requestid']).toBe('r-1');
    expect(req.headers.cookie).toBe('sid=s1');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['user-agent']).toBe('sdk/1');
    expect(req.headers['x-over']).toBe('call');
  });

  test.each([
    ['json', 'application/json', { a: 1 }, 'application/json', '{"a":1}'],
    [
      'form',
      'application/x-www-form-urlencoded',
      { a: 'x y', b: [1, 2] },
      'application/x-www-form-urlencoded',
      'a=x+y&b=1&b=2',
    ],
    ['text', 'text/plain', 'hello', 'text/plain', 'hello'],
    [
      'binary',
      'application/octet-stream',
      new Uint8Array([1, 2, 3]),
      'application/octet-stream',
      '\u0001\u0002\u0003',
    ],
    ['binary', '*/*', new Blob(['blob']), 'application/octet-stream', 'blob'],
  ] as const)('%s body (%s)', async (kind, mediaType, value, contentType, raw) => {
    const encode = { json: jsonBody, form: formBody, text: textBody, binary: binaryBody }[kind];
    await client().request(op({ method: 'POST', body: encode(value, mediaType) }));
    const req = server.seen[0] as SeenRequest;
    expect(req.headers['content-type']).toBe(contentType);
    expect(req.body.toString('latin1')).toBe(raw);
  });

  test('multipart body: fetch sets the boundary; files and JSON parts', async () => {
    const file = new File(['file-content'], 'photo.png', { type: 'image/png' });
    await client().request(
      op({ method: 'POST', body: multipartBody({ name: 'n', meta: { a: 1 }, file }) }),
    );
    const req = server.seen[0] as SeenRequest;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const text = req.body.toString();
    expect(text).toContain('name="name"\r\n\r\nn');
    expect(text).toContain('filename="photo.png"');
    expect(text).toContain('{"a":1}');
  });

  // buildUrl concatenates strings on the hot path; it must give exactly what URL parsing gives.
  // The oracle: the base (keeping its path prefix, as OpenAPI requires) + the path, parsed.
  const joinUrl = (baseUrl: string, path: string): URL =>
    new URL((baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl) + (path.startsWith('/') ? path : `/${path}`));
  test.each([
    ['https://h/api', '/v1/items', []],
    ['https://h/api/', '/v1/items', ['a=1', 'b=2']],
    ['https://h', 'v1/items', ['q=x%20y']],
    ['https://h/api?key=1', '/v1/items', ['a=1']],
    ['https://h/api?key=1', '/v1/items', []],
    ['https://h/api', '/v1/a?b#c', ['d=1']],
    ['https://h/api', '/v1/items', ['reserved=a#b']],
    ['https://h/api', '/v1/ünï cödé/..', ['x=ü']],
    ['https://H:443/api', '/v1//x', []],
  ])('buildUrl(%s, %s, %j) equals the URL-parsed form', (base, path, query) => {
    const viaUrl = joinUrl(base, path);
    viaUrl.search = [viaUrl.search.slice(1), ...query].filter((p) => p !== '').join('&');
    expect(new URL(buildUrl(base, path, query)).href).toBe(viaUrl.href);
  });

  test.each([
    ['a header parameter value with a line break', { params: [{ name: 'X-Id', in: 'header' as const, value: 'a\r\nInjected: 1' }] }, {}],
    ['a per-call header value with NUL', {}, { headers: { 'x-a': 'a\u0000b' } }],
    ['a per-call header name that is not a token', {}, { headers: { 'bad name': 'v' } }],
    ['a header value outside Latin-1', {}, { headers: { 'x-a': 'snow ☃' } }],
  ])('%s is a TypeError before anything is sent (not a network error, not retried)', async (_what, overrides, options) => {
    await expect(client().request(op(overrides), options)).rejects.toThrow(TypeError);
    expect(server.seen).toHaveLength(0);
  });

  test('a bad header fails before auth is looked at (TypeError, not ConfigurationException)', async () => {
    const call = client({ auth: {} }).request(op({ security: [{ BearerAuth: [] }] }), {
      headers: { 'x-a': 'line\nbreak' },
    });
    await expect(call).rejects.toThrow(TypeError);
    expect(server.seen).toHaveLength(0);
  });

  test('an invalid client-wide header fails when the client is built', () => {
    expect(() => client({ headers: { 'x-a': 'line\nbreak' } })).toThrow(TypeError);
  });

  test('resolveUrl follows RFC 3986', () => {
    expect(resolveUrl('/v2/oauth/token', 'https://api.example.com/base/')).toBe(
      'https://api.example.com/v2/oauth/token',
    );
    expect(resolveUrl('token', 'https://api.example.com/base/')).toBe(
      'https://api.example.com/base/token',
    );
    expect(resolveUrl('https://auth.example.com/t', 'https://api.example.com')).toBe(
      'https://auth.example.com/t',
    );
  });
});

describe('responses', () => {
  test.each([
    ['json', '{"a":1}', { a: 1 }],
    ['text', 'plain', 'plain'],
    ['none', 'ignored', undefined],
  ] as const)('responseKind %s', async (responseKind, body, expected) => {
    script = (_req, res) => res.end(body);
    expect(await client().request(op({ responseKind }))).toEqual(expected);
  });

  test('arrayBuffer and 204', async () => {
    script = (_req, res) => res.end('abc');
    const buffer = await client().request<ArrayBuffer>(op({ responseKind: 'arrayBuffer' }));
    expect(new TextDecoder().decode(buffer)).toBe('abc');
    script = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    expect(await client().request(op())).toBeUndefined();
  });

  test('a hand-made fetch response without a body: 204 and responseKind none read as undefined', async () => {
    // A `FetchLike` test double or polyfill may leave `body` out altogether.
    const bodiless = (status: number): Response =>
      ({ ok: true, status, statusText: '', headers: new Headers(), url: '' }) as unknown as Response;
    const c = client({ fetch: async () => bodiless(204), retry: false });
    expect(await c.request(op())).toBeUndefined();
    const none = client({ fetch: async () => bodiless(200), retry: false });
    expect(await none.request(op({ responseKind: 'none' }))).toBeUndefined();
  });

  test.each([
    [400, BadRequestException],
    [404, ClientErrorException],
    [503, FallbackException],
  ])('HTTP %i maps to its error class (exact, 4XX, default)', async (status, expected) => {
    script = (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/problem+json', 'X-Trace': 't1' });
      res.end('{"code":"E1"}');
    };
    const errors = {
      '400': BadRequestException,
      '4XX': ClientErrorException,
      default: FallbackException,
    };
    const error = await client({ retry: false })
      .request(op({ errors }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(expected);
    expect(error).toBeInstanceOf(ApiException);
    const api = error as ApiException<{ code: string }>;
    expect(api.name).toBe(expected.name);
    expect(api.statusCode).toBe(status);
    expect(api.body).toEqual({ code: 'E1' });
    expect(api.headers['x-trace']).toBe('t1');
    expect(api.message).toContain('testOp');
  });

  test('unmapped status → ApiException with the text body', async () => {
    script = (_req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('teapot');
    };
    const error = (await client()
      .request(op())
      .catch((e: unknown) => e)) as ApiException;
    expect(error.constructor).toBe(ApiException);
    expect(error.body).toBe('teapot');
  });
});

describe('security selection', () => {
  const provider = (configured: boolean): AuthProvider & { applied: number } => ({
    applied: 0,
    isConfigured: () => configured,
    async apply(target) {
      this.applied += 1;
      target.headers.set('authorization', 'Bearer test');
    },
  });

  test('first alternative whose schemes are all configured; {} allows anonymous', async () => {
    const a = provider(false);
    const b = provider(true);
    const c = client({ auth: { A: a, B: b } });
    await c.request(op({ security: [{ A: [] }, { B: ['read'] }] }));
    expect(b.applied).toBe(1);
    expect(server.seen[0]?.headers.authorization).toBe('Bearer test');
    await c.request(op({ security: [{ A: [] }, {}] }));
    expect(server.seen[1]?.headers.authorization).toBeUndefined();
    await c.request(op({ security: [] }));
    expect(a.applied).toBe(0);
  });

  test('no satisfiable alternative → ConfigurationException naming the scheme', async () => {
    const error = await client({ auth: {} })
      .request(op({ security: [{ BearerAuth: [] }] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationException);
    expect((error as Error).message).toContain('BearerAuth');
    expect(server.seen).toHaveLength(0);
  });
});

describe('timeouts, retries, abort', () => {
  test('timeout (client default and per-call override)', async () => {
    script = (_req, res) => setTimeout(() => res.end('{}'), 500);
    const error = await client({ timeout: 50, retry: false })
      .request(op())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutException);
    expect((error as TimeoutException).timeoutMs).toBe(50);
    expect(await client({ timeout: 50 }).request(op(), { timeout: 2000 })).toEqual({});
  });

  test.each([0, Infinity, 2 ** 31])('timeout %s means none: the call waits, and fetch gets no signal of ours', async (timeout) => {
    script = (_req, res) => setTimeout(() => res.end('{"late":true}'), 150);
    const signals: (AbortSignal | null | undefined)[] = [];
    const fetch = (input: string | URL, init?: RequestInit): Promise<Response> => {
      signals.push(init?.signal);
      return globalThis.fetch(input, init);
    };
    expect(await client({ timeout, fetch }).request(op())).toEqual({ late: true });
    expect(signals).toEqual([undefined]);
  });

  test('with a timeout, fetch gets a signal; with none, the caller\'s own signal is passed through', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const fetch = (input: string | URL, init?: RequestInit): Promise<Response> => {
      signals.push(init?.signal);
      return globalThis.fetch(input, init);
    };
    const caller = new AbortController();
    await client({ fetch }).request(op());
    await client({ fetch, timeout: 0 }).request(op(), { signal: caller.signal });
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[1]).toBe(caller.signal);
  });

  test('a caller signal reused for many calls keeps no listener of ours afterwards', async () => {
    const caller = new AbortController();
    const http = client();
    for (let i = 0; i < 20; i++) await http.request(op(), { signal: caller.signal });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    // …and while a call is in flight, aborting it still rejects with the caller's reason.
    script = (_req, res) => setTimeout(() => res.end('{}'), 500);
    const pending = http.request(op(), { signal: caller.signal });
    caller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });

  test.each([-1, Number.NaN])('timeout %s is a ConfigurationException, not a network error', async (timeout) => {
    await expect(client({ timeout }).request(op())).rejects.toThrow(ConfigurationException);
    expect(server.seen).toHaveLength(0);
  });

  test('GET retried on 503 with Retry-After; POST not retried; retry: false', async () => {
    let n = 0;
    script = (_req, res) => {
      n += 1;
      if (n % 2 === 1) {
        res.writeHead(503, { 'retry-after': '0' });
        res.end();
      } else res.end('{"ok":true}');
    };
    expect(await client().request(op())).toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
    n = 0;
    await expect(client().request(op({ method: 'POST' }))).rejects.toBeInstanceOf(ApiException);
    n = 0;
    await expect(client().request(op(), { retry: false })).rejects.toBeInstanceOf(ApiException);
    expect(server.seen).toHaveLength(4);
  });

  test('Retry-After is capped by maxDelayMs and bounded by maxRetries', async () => {
    script = (_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    };
    const started = Date.now();
    const error = (await client({ retry: { maxRetries: 2, maxDelayMs: 30 } })
      .request(op())
      .catch((e: unknown) => e)) as ApiException;
    expect(error.statusCode).toBe(429);
    expect(server.seen).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('abort signal rejects with its reason, during a request and during backoff', async () => {
    script = (_req, res) => setTimeout(() => res.end('{}'), 500);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(client().request(op(), { signal: controller.signal })).rejects.toThrow(
      'user cancelled',
    );

    script = (_req, res) => {
      res.writeHead(503, { 'retry-after': '10' });
      res.end();
    };
    const during = new AbortController();
    setTimeout(() => during.abort(new Error('stop waiting')), 50);
    const started = Date.now();
    await expect(
      client({ retry: { maxDelayMs: 10_000 } }).request(op(), { signal: during.signal }),
    ).rejects.toThrow('stop waiting');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('backoff arithmetic: full jitter and Retry-After forms', () => {
    const policy = {
      maxRetries: 3,
      initialDelayMs: 100,
      maxDelayMs: 1000,
      statusCodes: [],
      methods: [],
    };
    expect(backoffDelay(0, policy, null, 0, () => 0.999)).toBe(99);
    expect(backoffDelay(5, policy, null, 0, () => 0.999)).toBe(999);
    expect(backoffDelay(0, policy, null, 0, () => 0)).toBe(0);
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
