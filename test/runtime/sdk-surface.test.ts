/**
 * The daily surface of the generated Shell EV SDK (issue 13) against a local node:http server:
 * raw responses, error messages with the server's text, default headers and User-Agent, request
 * ids, hooks, logging, auto-pagination and the browser guard. Real client, real fetch, real
 * sockets; the token is given in the credentials (the token flow has its own suites).
 */
import type http from 'node:http';
import {
  ApiException,
  ClientCredentialsAuthCredentials,
  ConfigurationException,
  HookException,
  NotFoundException,
  ShellevClient,
  type ConfigurationOptions,
  type Logger,
} from '../../generated/typescript/src/index';
import { leveledLogger } from '../../templates/typescript/runtime/logger';
import { serverErrorText } from '../../templates/typescript/runtime/error-text';
import { startScriptedServer, type SeenRequest } from '../support/api-server';

type Script = (req: SeenRequest, res: http.ServerResponse) => void;
let script: Script;
let server: Awaited<ReturnType<typeof startScriptedServer>>;

beforeAll(async () => {
  server = await startScriptedServer((req, res) => script(req, res));
});
afterAll(() => server.stop());
beforeEach(() => {
  server.seen.length = 0;
  script = (_req, res) => json(res, 200, { requestId: 'r', status: 'SUCCESS', data: [] });
});

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const TOKEN = 'tok-SECRET-0123456789';
const client = (extra: Partial<ConfigurationOptions> = {}) =>
  new ShellevClient({
    baseUrl: `${server.url}/ev`,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthToken: { accessToken: TOKEN, tokenType: 'Bearer' },
    }),
    ...extra,
  });

/** A logger that keeps every line. */
function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') };
}

describe('raw responses', () => {
  test('awaiting gives the body; withResponse the body and the response; asResponse a readable response', async () => {
    script = (_req, res) => json(res, 200, { requestId: 'r1', status: 'SUCCESS', data: [] }, { 'x-ratelimit-remaining': '41' });
    const c = client();
    await expect(c.locations.evLocationsById({ id: 'x' })).resolves.toEqual({ requestId: 'r1', status: 'SUCCESS', data: [] });

    const { data, response } = await c.locations.evLocationsById({ id: 'x' }).withResponse();
    expect(data.requestId).toBe('r1');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('41');
    expect(response.url).toBe(`${server.url}/ev/v2/locations/x`);

    const raw = await c.locations.evLocationsById({ id: 'x' }).asResponse();
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/json');
    expect(await raw.json()).toEqual({ requestId: 'r1', status: 'SUCCESS', data: [] });
  });

  test('errors reject every form alike, keep status, headers and body, and quote the server', async () => {
    script = (_req, res) =>
      json(res, 404, { requestId: 'r', status: 'FAILED', errors: [{ code: 'E404', message: 'Location x not found' }] }, { 'x-trace': 't1' });
    const c = client();
    const error = await c.locations.evLocationsById({ id: 'x' }).withResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    const e = error as NotFoundException;
    expect(e.message).toBe('evLocationsById failed with HTTP 404 Not Found: Location x not found');
    expect(e.statusCode).toBe(404);
    expect(e.headers['x-trace']).toBe('t1');
    expect(e.body.errors?.[0]?.code).toBe('E404');
    await expect(c.locations.evLocationsById({ id: 'x' }).asResponse()).rejects.toBeInstanceOf(NotFoundException);
  });
});

describe('server error text in messages', () => {
  test.each([
    [{ errors: [{ message: 'first' }, { message: 'second' }] }, 'first'],
    [{ errors: [{ detail: 'the detail' }] }, 'the detail'],
    [{ title: 'Bad thing', status: 400 }, 'Bad thing'],
    [{ error: 'invalid_client', error_description: 'Client authentication failed' }, 'Client authentication failed'],
    [{ error: { message: 'nested' } }, 'nested'],
    ['plain text failure', 'plain text failure'],
    ['<html><body>502</body></html>', undefined],
    [{ code: 7 }, undefined],
    ['', undefined],
  ])('%j → %j', (body, expected) => {
    expect(serverErrorText(body)).toBe(expected);
  });

  test('credentials the server echoes are redacted, control characters removed, the length bounded', () => {
    const text = serverErrorText({
      message: `bad token Bearer ${TOKEN} for client_secret=s3cr3t-value; jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig and key ${'A'.repeat(40)}\r\ninjected`,
    }) as string;
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('eyJhbGci');
    expect(text).not.toContain('AAAA');
    expect(text).not.toMatch(/[\r\n]/);
    expect(text).toContain('[REDACTED]');
    // A request id stays readable.
    expect(serverErrorText({ message: 'request 123e4567-e89b-12d3-a456-426614174000 failed' })).toContain('123e4567-e89b-12d3-a456-426614174000');
    const long = serverErrorText({ message: 'word '.repeat(1000) }) as string;
    expect(long.length).toBe(200);
    expect(long.endsWith('…')).toBe(true);
  });

  test('an API error never carries the access token in its message', async () => {
    script = (req, res) => json(res, 400, { errors: [{ message: `rejected ${String(req.headers['authorization'])}` }] });
    const error = (await client().locations.evLocationsById({ id: 'x' }).catch((e: unknown) => e)) as ApiException;
    expect(error.message).toBe('evLocationsById failed with HTTP 400 Bad Request: rejected [REDACTED]');
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('default headers, User-Agent and request ids', () => {
  test('User-Agent names the package and version; client headers are sent; per-call headers win', async () => {
    await client({ headers: { 'x-team': 'fleet', 'X-Override': 'client' } }).locations.evLocationsById({ id: 'x' }, { headers: { 'x-override': 'call' } });
    const seen = server.seen[0]!.headers;
    expect(seen['user-agent']).toBe('shellev/2.2.0');
    expect(seen['x-team']).toBe('fleet');
    expect(seen['x-override']).toBe('call');
    await client({ headers: { 'user-agent': 'my-app/1.0' } }).locations.evLocationsById({ id: 'x' });
    expect(server.seen[1]!.headers['user-agent']).toBe('my-app/1.0');
  });

  test('RequestId defaults to a fresh UUID per call, the same on every retry of that call; a given one is sent as is', async () => {
    let calls = 0;
    script = (_req, res) => (++calls % 3 === 0 ? json(res, 200, { data: [] }) : json(res, 503, { errors: [{ message: 'busy' }] }));
    const c = client();
    await c.locations.evLocationsById({ id: 'x' });
    await c.locations.evLocationsById({ id: 'x' });
    const ids = server.seen.map((r) => r.headers['requestid']);
    expect(ids).toHaveLength(6);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(new Set(ids.slice(3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);

    server.seen.length = 0;
    script = (_req, res) => json(res, 200, {});
    await c.locations.evLocationsById({ id: 'x', requestId: '123e4567-e89b-12d3-a456-426614174000' });
    expect(server.seen[0]!.headers['requestid']).toBe('123e4567-e89b-12d3-a456-426614174000');
  });
});

describe('hooks', () => {
  test('beforeRequest, afterResponse and onError see the operation, attempt, request and response', async () => {
    let calls = 0;
    script = (_req, res) => (++calls === 1 ? json(res, 503, {}, { 'retry-after': '0' }) : json(res, 404, { errors: [{ message: 'gone' }] }));
    const events: string[] = [];
    const c = client({
      hooks: {
        beforeRequest: (request) => {
          events.push(`before ${request.operationId} #${request.attempt} ${request.method} ${request.url}`);
          // No credentials yet: hooks never see them.
          expect(request.headers['authorization']).toBeUndefined();
          request.headers['x-trace-id'] = `trace-${request.attempt}`;
        },
        afterResponse: async (request, response) => {
          events.push(`after #${request.attempt} ${response.status}`);
        },
        onError: (request, error) => {
          events.push(`error #${request.attempt} ${(error as Error).name}`);
        },
      },
    });
    await expect(c.locations.evLocationsById({ id: 'x' })).rejects.toBeInstanceOf(NotFoundException);
    expect(events).toEqual([
      `before evLocationsById #1 GET ${server.url}/ev/v2/locations/x`,
      'after #1 503',
      `before evLocationsById #2 GET ${server.url}/ev/v2/locations/x`,
      'after #2 404',
      'error #2 NotFoundException',
    ]);
    expect(server.seen.map((r) => r.headers['x-trace-id'])).toEqual(['trace-1', 'trace-2']);
    expect(server.seen[0]!.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  test('a hook that throws fails that call with a HookException, is not retried, and leaves other calls alone', async () => {
    const boom = new Error('tracing backend down');
    let fail = true;
    const c = client({
      hooks: {
        afterResponse: () => {
          if (fail) throw boom;
        },
      },
    });
    const error = (await c.locations.evLocationsById({ id: 'x' }).catch((e: unknown) => e)) as HookException;
    expect(error).toBeInstanceOf(HookException);
    expect(error.hook).toBe('afterResponse');
    expect(error.message).toBe('The afterResponse hook threw during evLocationsById');
    expect(error.cause).toBe(boom);
    expect(server.seen).toHaveLength(1);
    fail = false;
    await expect(c.locations.evLocationsById({ id: 'x' })).resolves.toBeDefined();

    const before = client({ hooks: { beforeRequest: () => Promise.reject(boom) } });
    await expect(before.locations.evLocationsById({ id: 'x' })).rejects.toMatchObject({ name: 'HookException', hook: 'beforeRequest' });
    expect(server.seen).toHaveLength(2); // nothing sent for the failed hook
  });
});

describe('logging', () => {
  test('leveledLogger passes only the levels at or above the threshold; unknown levels mean warn', () => {
    for (const [level, expected] of [
      ['off', []],
      ['error', ['error']],
      ['warn', ['error', 'warn']],
      ['info', ['error', 'warn', 'info']],
      ['debug', ['error', 'warn', 'info', 'debug']],
      ['chatty', ['error', 'warn']],
    ] as const) {
      const sink = recorder();
      const logger = leveledLogger(sink, level as never);
      logger.error('e');
      logger.warn('w');
      logger.info('i');
      logger.debug('d');
      expect([level, sink.lines.map((l) => l.split(' ')[0])]).toEqual([level, expected]);
    }
  });

  test('retries are logged at info, responses at debug, never a secret; logLevel comes from SHELLEV_LOG', async () => {
    let calls = 0;
    script = (_req, res) => (++calls === 1 ? json(res, 503, { errors: [{ message: `down ${TOKEN}` }] }) : json(res, 200, {}));
    const sink = recorder();
    process.env['SHELLEV_LOG'] = 'debug';
    try {
      const c = client({ logger: sink });
      expect(c.config.logLevel).toBe('debug');
      await c.locations.evLocationsById({ id: 'x' });
    } finally {
      delete process.env['SHELLEV_LOG'];
    }
    expect(sink.lines[0]).toBe('debug GET evLocationsById: HTTP 503 (attempt 1)');
    expect(sink.lines[1]).toMatch(/^info GET evLocationsById: HTTP 503, retry 1 in \d+ ms$/);
    expect(sink.lines[2]).toBe('debug GET evLocationsById: HTTP 200 (attempt 2)');
    expect(sink.lines.join('\n')).not.toContain(TOKEN);
    expect(client({ logger: sink }).config.logLevel).toBe('warn');
  });

  test("the token manager's warnings go to the client's logger, not to console", async () => {
    const sink = recorder();
    const store = {
      get: () => Promise.reject(new Error(`store down for ${TOKEN}`)),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const c = new ShellevClient({
        baseUrl: `${server.url}/ev`,
        logger: sink,
        clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({ oAuthClientId: 'id', oAuthClientSecret: 'sec', tokenStore: store }),
        fetch: async (input, init) => (String(input).includes('/oauth/token') ? Response.json({ access_token: 'fresh', token_type: 'Bearer', expires_in: 3600 }) : fetch(input, init)),
      });
      await c.locations.evLocationsById({ id: 'x' });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(sink.lines.some((l) => l.startsWith('warn [BearerAuth] token store get failed'))).toBe(true);
    expect(sink.lines.join('\n')).not.toContain(TOKEN);
    expect(sink.lines.join('\n')).not.toContain('sec');
  });
});

describe('auto-pagination (getEvLocations: pageNumber / perPage)', () => {
  const page = (n: number, size: number) => Array.from({ length: size }, (_, i) => ({ uid: `p${n}-${i}` }));

  test('iterates every item, one request per page, lazily, stopping at a short page', async () => {
    script = (req, res) => {
      const n = Number(new URL(req.url, 'http://x').searchParams.get('pageNumber') ?? '1');
      json(res, 200, { requestId: 'r', status: 'SUCCESS', data: n < 3 ? page(n, 2) : page(n, 1) });
    };
    const c = client();
    const seen: string[] = [];
    for await (const location of c.locations.getEvLocations({ perPage: 2, country: ['NLD'] })) {
      seen.push(location.uid ?? '');
      if (seen.length === 1) expect(server.seen).toHaveLength(1); // the next page only when needed
    }
    expect(seen).toEqual(['p1-0', 'p1-1', 'p2-0', 'p2-1', 'p3-0']);
    expect(server.seen.map((r) => new URL(r.url, 'http://x').search)).toEqual([
      '?perPage=2&country=NLD',
      '?pageNumber=2&perPage=2&country=NLD',
      '?pageNumber=3&perPage=2&country=NLD',
    ]);
    // Every page is its own call: its own request id.
    expect(new Set(server.seen.map((r) => r.headers['requestid'])).size).toBe(3);
  });

  test('stops at an empty page; breaking out early sends no more requests; awaiting gives the first page', async () => {
    script = (req, res) => {
      const n = Number(new URL(req.url, 'http://x').searchParams.get('pageNumber') ?? '1');
      json(res, 200, { data: n <= 2 ? page(n, 3) : [] });
    };
    const c = client();
    const all: unknown[] = [];
    for await (const item of c.locations.getEvLocations({ pageNumber: 1 })) all.push(item);
    expect(all).toHaveLength(6);
    expect(server.seen).toHaveLength(3);

    server.seen.length = 0;
    for await (const item of c.locations.getEvLocations()) {
      expect(item.uid).toBe('p1-0');
      break;
    }
    expect(server.seen).toHaveLength(1);

    const first = await c.locations.getEvLocations({ pageNumber: 2 });
    expect(first.data?.map((l) => l.uid)).toEqual(['p2-0', 'p2-1', 'p2-2']);
  });

  test('an error on a later page ends the loop with that error', async () => {
    script = (req, res) =>
      new URL(req.url, 'http://x').searchParams.get('pageNumber') === '2' ? json(res, 400, { errors: [{ message: 'no page 2' }] }) : json(res, 200, { data: page(1, 2) });
    const got: unknown[] = [];
    const loop = (async () => {
      for await (const item of client().locations.getEvLocations({ perPage: 2 })) got.push(item);
    })();
    await expect(loop).rejects.toThrow('getEvLocations failed with HTTP 400 Bad Request: no page 2');
    expect(got).toHaveLength(2);
  });
});

describe('client secrets in a browser', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });
  const options = (extra: Partial<ConfigurationOptions> = {}): ConfigurationOptions => ({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({ oAuthClientId: 'id', oAuthClientSecret: 'secret' }),
    ...extra,
  });

  test('refused unless dangerouslyAllowBrowser: true; a token without a secret is fine; Node is not a browser', () => {
    expect(() => new ShellevClient(options())).not.toThrow();
    (globalThis as { window?: unknown }).window = { document: {} };
    expect(() => new ShellevClient(options())).toThrow(ConfigurationException);
    expect(() => new ShellevClient(options())).toThrow(/BearerAuth: a client secret in a browser is readable by every visitor; set dangerouslyAllowBrowser/);
    expect(() => new ShellevClient(options({ dangerouslyAllowBrowser: true }))).not.toThrow();
    const tokenOnly = new ClientCredentialsAuthCredentials({ oAuthToken: { accessToken: 'at' } });
    expect(() => new ShellevClient({ clientCredentialsAuthCredentials: tokenOnly })).not.toThrow();
  });
});
