/**
 * The client-credentials runtime under hostile conditions (issue 12): token endpoints that
 * redirect, send garbage lifetimes, oversized, endless or poisoned responses, or fail for a long
 * time; stores, callbacks and providers that hang; URLs that carry credentials. Every server here
 * is a loopback node:http server started by the test; the stores and callbacks are the kind of
 * broken user code the runtime must survive. Tests against the real authorization server (short
 * token lifetimes, credential isolation) are in client-credentials.test.ts.
 */
import type http from 'node:http';
import { inspect } from 'node:util';
import {
  ClientCredentialsAuthCredentials,
  type ClientCredentialsAuthCredentialsOptions,
} from '../../templates/typescript/runtime/auth/client-credentials';
import {
  ClientCredentialsAuthManager,
  type ClientCredentialsAuthManagerOptions,
} from '../../templates/typescript/runtime/auth/client-credentials-manager';
import type { OAuthToken } from '../../templates/typescript/runtime/auth/oauth-token';
import {
  MemoryTokenStore,
  type TokenStore,
} from '../../templates/typescript/runtime/auth/token-store';
import {
  ConfigurationException,
  OAuthProviderException,
  TimeoutException,
} from '../../templates/typescript/runtime/errors';
import { HttpClient } from '../../templates/typescript/runtime/http-client';
import type {
  OperationRequest,
  RequestOptions,
} from '../../templates/typescript/runtime/operation';
import type { FetchLike } from '../../templates/typescript/runtime/transport';
import { resolveUrl } from '../../templates/typescript/runtime/url';
import { startScriptedServer, type SeenRequest } from '../support/api-server';
import { LeakWatch } from '../support/redaction';

const SECRET = 'hostile-s3cret/+=&';
const TOKEN = 'tok-hostile-0123456789';
const URL_SECRET = 'url-pa55word';
const watch = new LeakWatch();
const servers: { stop(): Promise<void> }[] = [];
const MiB = 1024 * 1024;

beforeAll(() => {
  watch.captureConsole();
  watch.secret(SECRET, TOKEN, URL_SECRET);
});
afterAll(async () => {
  watch.restoreConsole();
  await Promise.all(servers.map((s) => s.stop()));
});

type Handler = (req: SeenRequest, res: http.ServerResponse, n: number) => void | Promise<void>;

async function server(handler: Handler) {
  let n = 0;
  const s = await startScriptedServer((req, res) => handler(req, res, n++));
  servers.push(s);
  return s;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const goodToken = (extra: Record<string, unknown> = {}) => ({
  access_token: TOKEN,
  token_type: 'Bearer',
  expires_in: 3600,
  ...extra,
});

function manager(
  tokenUrl: string,
  credentials: ClientCredentialsAuthCredentialsOptions = {},
  options: Partial<ClientCredentialsAuthManagerOptions> = {},
) {
  return new ClientCredentialsAuthManager(
    new ClientCredentialsAuthCredentials({
      oAuthClientId: 'hostile-client',
      oAuthClientSecret: SECRET,
      tokenStore: new MemoryTokenStore(),
      ...credentials,
    }),
    { schemeName: 'BearerAuth', tokenUrl, retry: false, ...options },
  );
}

const OPERATION: OperationRequest = {
  operationId: 'getThings',
  method: 'GET',
  path: '/things',
  params: [],
  security: [{ BearerAuth: [] }],
  responseKind: 'json',
  errors: {},
};

/** A protected API that accepts any bearer token and records what it was sent. */
async function api() {
  return server((req, res) => json(res, 200, { ok: true, auth: req.headers.authorization }));
}

function caller(baseUrl: string, m: ClientCredentialsAuthManager) {
  const http = new HttpClient({ baseUrl, auth: { BearerAuth: m }, retry: false });
  return (options?: RequestOptions) =>
    http.request<{ ok: boolean; auth?: string }>(OPERATION, options);
}

/** Rejects when `promise` has not settled within `ms`, so a hang fails the test instead of timing it out. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('1. redirects', () => {
  test.each([301, 302, 303, 307, 308])(
    'a token endpoint answering %i is not followed: no credentials or token leave for the target',
    async (status) => {
      const target = await server((_req, res) => json(res, 200, goodToken()));
      const endpoint = await server((_req, res) => {
        res.writeHead(status, { location: `${target.url}/steal` });
        res.end();
      });
      const store = new MemoryTokenStore();
      const m = manager(
        `${endpoint.url}/token`,
        { tokenEndpointAuthMethod: 'client_secret_post', tokenStore: store },
        { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 } },
      );
      const error = await watch.rejection(m.fetchToken());
      expect(error).toBeInstanceOf(OAuthProviderException);
      expect((error as OAuthProviderException).statusCode).toBe(status);
      expect((error as OAuthProviderException).error).toBe('invalid_response');
      expect(error.message).toContain('redirect');
      expect(inspect(error)).not.toContain(target.url);
      expect(target.seen).toHaveLength(0);
      expect(endpoint.seen).toHaveLength(1); // refused, not retried
      expect(m.token).toBeUndefined();
      expect(await store.get(m.cacheKey)).toBeUndefined();
    },
  );

  test('a fetch that follows redirects anyway: the token issued by the redirect target is refused', async () => {
    const target = await server((_req, res) => json(res, 200, goodToken()));
    const endpoint = await server((_req, res) => {
      res.writeHead(307, { location: `${target.url}/token` });
      res.end();
    });
    const following: FetchLike = (input, init) => fetch(input, { ...init, redirect: 'follow' });
    const store = new MemoryTokenStore();
    const m = manager(`${endpoint.url}/token`, { tokenStore: store }, { fetch: following });
    const error = await watch.rejection(m.fetchToken());
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.message).toContain('redirect');
    expect(target.seen).toHaveLength(1); // that fetch did follow; its result is not used
    expect(m.token).toBeUndefined();
    expect(await store.get(m.cacheKey)).toBeUndefined();
  });

  test('an opaque redirect (what a browser fetch returns for redirect: manual) is refused as a redirect', async () => {
    const seen: RequestInit[] = [];
    const browserLike: FetchLike = async (_input, init) => {
      seen.push(init ?? {});
      const response = new Response(null);
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(response, 'status', { value: 0 });
      return response;
    };
    const m = manager('https://auth.example.com/token', {}, { fetch: browserLike });
    const error = await watch.rejection(m.fetchToken());
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.message).toContain('redirect');
    expect(seen[0]?.redirect).toBe('manual');
  });

  test('API requests: a same-origin redirect keeps the bearer token, a cross-origin 307 drops it', async () => {
    const tokens = await server((_req, res) => json(res, 200, goodToken()));
    const foreign = await api();
    const origin = await server((req, res) => {
      if (req.url.startsWith('/things')) {
        res.writeHead(307, { location: '/moved' });
        res.end();
      } else if (req.url === '/moved') {
        res.writeHead(307, { location: `${foreign.url}/landing` });
        res.end();
      }
    });
    const result = await caller(origin.url, manager(tokens.url))();
    expect(result.ok).toBe(true);
    expect(origin.seen.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/things', `Bearer ${TOKEN}`],
      ['/moved', `Bearer ${TOKEN}`],
    ]);
    expect(foreign.seen).toHaveLength(1);
    expect(foreign.seen[0]?.headers.authorization).toBeUndefined();
  });
});

describe('2. expires_in that is not a number', () => {
  test.each<[string, unknown]>([
    ['null', null],
    ['an empty string', ''],
    ['true', true],
    ['false', false],
    ['an array', [60]],
    ['a non-numeric string', 'soon'],
  ])(
    'expires_in %s means "no expiry given": one token request for many calls',
    async (_name, value) => {
      const s = await server((_req, res) => json(res, 200, goodToken({ expires_in: value })));
      const m = manager(s.url);
      for (let i = 0; i < 5; i++) await m.getToken();
      expect(s.seen).toHaveLength(1);
      expect(m.token?.expiry).toBeUndefined();
      expect(m.token?.expiresIn).toBeUndefined();
    },
  );

  test('a numeric string still counts as the lifetime', async () => {
    const s = await server((_req, res) => json(res, 200, goodToken({ expires_in: '120' })));
    const token = await manager(s.url).getToken();
    expect(token.expiresIn).toBe(120);
  });
});

describe('4. token response size', () => {
  test('a 2 MiB access_token with Content-Length is refused, unread and unstored', async () => {
    const body = JSON.stringify(goodToken({ access_token: 'a'.repeat(2 * MiB) }));
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
    const store = new MemoryTokenStore();
    const m = manager(s.url, { tokenStore: store });
    const error = await watch.rejection(m.fetchToken());
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.message).toContain('1 MiB');
    expect((error as OAuthProviderException).body).toBeUndefined();
    expect(await store.get(m.cacheKey)).toBeUndefined();
  });

  test('a body of exactly 1 MiB is accepted; one byte more is refused', async () => {
    const sized = (bytes: number) => {
      const envelope = JSON.stringify(goodToken({ access_token: '' })).length;
      return JSON.stringify(goodToken({ access_token: 'b'.repeat(bytes - envelope) }));
    };
    const s = await server((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
      res.end(sized(req.url === '/exact' ? MiB : MiB + 1));
    });
    expect((await manager(`${s.url}/exact`).fetchToken()).accessToken).toHaveLength(
      MiB - JSON.stringify(goodToken({ access_token: '' })).length,
    );
    const error = await watch.rejection(manager(`${s.url}/over`).fetchToken());
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.message).toContain('1 MiB');
  });

  test('an endless body is cut off after 1 MiB and the connection is dropped', async () => {
    let closed = false;
    let sent = 0;
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => {
        closed = true;
      });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      res.write('{"access_token":"');
      const pump = (): void => {
        // Far more than the limit (and then never an end), written as fast as the client reads.
        while (!closed && sent < 64 * MiB) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    const started = Date.now();
    const error = await watch.rejection(manager(s.url, {}, { timeout: 8000 }).fetchToken());
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.message).toContain('1 MiB');
    expect(Date.now() - started).toBeLessThan(3000);
    for (let i = 0; i < 40 && !closed; i++) await sleep(25);
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(16 * MiB);
  });
});

describe('5. hung stores, callbacks and providers', () => {
  /** A store whose chosen operations never answer (a dead Redis or database behind it). */
  class HungStore implements TokenStore {
    readonly calls: string[] = [];
    readonly #memory = new MemoryTokenStore();
    constructor(private readonly hung: readonly ('get' | 'set' | 'delete')[]) {}
    get(key: string): Promise<OAuthToken | undefined> {
      this.calls.push('get');
      return this.hung.includes('get') ? new Promise(() => undefined) : this.#memory.get(key);
    }
    set(key: string, token: OAuthToken): Promise<void> {
      this.calls.push('set');
      return this.hung.includes('set')
        ? new Promise(() => undefined)
        : this.#memory.set(key, token);
    }
    delete(key: string): Promise<void> {
      this.calls.push('delete');
      return this.hung.includes('delete') ? new Promise(() => undefined) : this.#memory.delete(key);
    }
  }

  test("a hung store get ends with the caller's signal", async () => {
    const tokens = await server((_req, res) => json(res, 200, goodToken()));
    const resource = await api();
    // A client timeout far beyond the caller's patience (and short enough not to outlive the file).
    const m = manager(tokens.url, { tokenStore: new HungStore(['get']) }, { timeout: 2000 });
    const call = caller(resource.url, m);
    const reason = new Error('caller gave up');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 100);
    const started = Date.now();
    await expect(within(3000, call({ signal: controller.signal }))).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(resource.seen).toHaveLength(0);
  });

  test('a hung store get: after the client timeout the call goes to the token endpoint', async () => {
    const tokens = await server((_req, res) => json(res, 200, goodToken()));
    const resource = await api();
    const warnings: string[] = [];
    const m = manager(
      tokens.url,
      { tokenStore: new HungStore(['get']) },
      { timeout: 300, logger: { warn: (message: string) => warnings.push(message) } },
    );
    const started = Date.now();
    const result = await within(3000, caller(resource.url, m)());
    expect(result.auth).toBe(`Bearer ${TOKEN}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(warnings.some((w) => w.includes('token store get') && w.includes('300 ms'))).toBe(true);
    watch.printed(warnings);
  });

  test('a hung store set and a hung oAuthOnTokenUpdate: the call completes after the timeout', async () => {
    const tokens = await server((_req, res) => json(res, 200, goodToken()));
    const resource = await api();
    const warnings: string[] = [];
    const m = manager(
      tokens.url,
      {
        tokenStore: new HungStore(['set', 'delete']),
        oAuthOnTokenUpdate: () => new Promise(() => undefined),
      },
      { timeout: 200, logger: { warn: (message: string) => warnings.push(message) } },
    );
    const result = await within(3000, caller(resource.url, m)());
    expect(result.auth).toBe(`Bearer ${TOKEN}`);
    await within(3000, m.fetchToken());
    await within(3000, m.clearToken());
    expect(warnings.some((w) => w.includes('token store set'))).toBe(true);
    expect(warnings.some((w) => w.includes('oAuthOnTokenUpdate'))).toBe(true);
    // One warning per store outage: the hung delete (same outage, nothing worked since) is quiet…
    expect(warnings.filter((w) => w.includes('token store'))).toHaveLength(1);
    // …and a store that worked in between warns again.
    const other = manager(
      tokens.url,
      { tokenStore: new HungStore(['delete']) },
      { timeout: 200, logger: { warn: (message: string) => warnings.push(message) } },
    );
    await within(3000, caller(resource.url, other)());
    await within(3000, other.clearToken());
    expect(warnings.filter((w) => w.includes('token store delete'))).toHaveLength(1);
    watch.printed(warnings);
  });

  test("a hung oAuthTokenProvider: TimeoutException after the client timeout, or the caller's reason", async () => {
    const resource = await api();
    const m = manager(
      'https://auth.example.com/token',
      { oAuthTokenProvider: () => new Promise<OAuthToken>(() => undefined) },
      { timeout: 200 },
    );
    const call = caller(resource.url, m);
    const error = await watch.rejection(within(3000, call()));
    expect(error).toBeInstanceOf(TimeoutException);
    expect(error.message).toContain('oAuthTokenProvider');
    const reason = new Error('stop');
    const patient = manager(
      'https://auth.example.com/token',
      { oAuthTokenProvider: () => new Promise<OAuthToken>(() => undefined) },
      { timeout: 0 }, // no client timeout: only the signal ends the wait
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 100);
    await expect(within(3000, patient.getToken(controller.signal))).rejects.toBe(reason);
    expect(resource.seen).toHaveLength(0);
  });
});

describe('6. header-unsafe tokens', () => {
  test.each([
    ['CR LF', 'tok\r\nx-injected: 1'],
    ['a space', 'tok en'],
    ['a tab', 'tok\ten'],
    ['a NUL', 'tok\u0000en'],
    ['a Latin-1 letter', 'tök'],
    ['a non-Latin-1 character', 'tok€n'],
  ])(
    'an access_token with %s is refused on receipt with a typed error',
    async (_name, poisoned) => {
      watch.secret(poisoned);
      const tokens = await server((_req, res) =>
        json(res, 200, goodToken({ access_token: poisoned })),
      );
      const resource = await api();
      const store = new MemoryTokenStore();
      const m = manager(tokens.url, { tokenStore: store });
      const error = await watch.rejection(caller(resource.url, m)());
      expect(error).toBeInstanceOf(OAuthProviderException);
      expect((error as OAuthProviderException).error).toBe('invalid_response');
      expect(error.message).toContain('access_token');
      expect(await store.get(m.cacheKey)).toBeUndefined();
      expect(resource.seen).toHaveLength(0);
    },
  );

  test('visible ASCII beyond b64token (as some servers issue) is accepted', async () => {
    const unusual = 'v^1.1#i^1#p^3|r~1=';
    watch.secret(unusual);
    const tokens = await server((_req, res) =>
      json(res, 200, goodToken({ access_token: unusual })),
    );
    const resource = await api();
    expect((await caller(resource.url, manager(tokens.url))()).auth).toBe(`Bearer ${unusual}`);
  });

  test('a poisoned token in a store counts as absent: the call fetches a fresh one', async () => {
    const tokens = await server((_req, res) => json(res, 200, goodToken()));
    const resource = await api();
    const store = new MemoryTokenStore();
    const m = manager(tokens.url, { tokenStore: store });
    const future = Math.floor(Date.now() / 1000) + 3600;
    await store.set(m.cacheKey, {
      accessToken: 'stored\r\nx: y',
      tokenType: 'Bearer',
      expiry: future,
    });
    const result = await caller(resource.url, m)();
    expect(result.auth).toBe(`Bearer ${TOKEN}`);
    expect(tokens.seen).toHaveLength(1);
    expect((await store.get(m.cacheKey))?.accessToken).toBe(TOKEN);
  });

  test('a poisoned oAuthToken in the credentials is refused when they are created', () => {
    expect(
      () =>
        new ClientCredentialsAuthCredentials({
          oAuthToken: { accessToken: 'a\nb', tokenType: 'Bearer' },
        }),
    ).toThrow(TypeError);
  });
});

describe('7. credentials in URLs', () => {
  const withUserInfo = `https://svc-user:${URL_SECRET}@api.example.com/v1`;

  /** The ConfigurationException `run` throws, checked to carry the credential nowhere. */
  function refused(run: () => unknown): ConfigurationException {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = watch.error(error);
    }
    expect(thrown).toBeInstanceOf(ConfigurationException);
    const error = thrown as ConfigurationException;
    expect(error.cause).toBeUndefined();
    expect(inspect(error, { depth: 5 })).not.toContain(URL_SECRET);
    expect(inspect(error, { depth: 5 })).not.toContain('svc-user');
    return error;
  }

  test('a server URL with user info is refused when the client is created', () => {
    expect(refused(() => new HttpClient({ baseUrl: withUserInfo })).message).toContain(
      'https://api.example.com/v1',
    );
  });

  test('a token URL with user info is refused: the scheme default, oAuthTokenUrl, a resolved URL', () => {
    refused(() => manager(`${withUserInfo}/token`));
    refused(() => new ClientCredentialsAuthCredentials({ oAuthTokenUrl: `${withUserInfo}/token` }));
    // What the generated client does: the spec's relative token URL against the server URL.
    refused(() => manager(resolveUrl('/oauth/token', withUserInfo)));
  });

  test('an unparsable URL that holds a credential is refused without quoting it', () => {
    const broken = `https://svc-user:${URL_SECRET}@api example.com/`;
    refused(() => new HttpClient({ baseUrl: broken }));
    refused(() => manager(broken));
    refused(() => resolveUrl('/token', broken));
  });
});

describe('8. background refresh against a failing token server', () => {
  test('backs off while serving the still-valid token, and starts afresh after a success', async () => {
    let mode: 'ok' | 'down' = 'ok';
    let issued = 0;
    const tokens = await server((_req, res) => {
      if (mode === 'down') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('unavailable');
      } else {
        json(res, 200, goodToken({ access_token: `${TOKEN}-${++issued}` }));
      }
    });
    const resource = await api();
    let offset = 0;
    const m = manager(
      tokens.url,
      { oAuthRefreshAhead: 0.5 },
      {
        clock: () => Date.now() + offset,
        retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 }, // 3 requests per attempt
        logger: { warn: () => undefined },
      },
    );
    const call = caller(resource.url, m);
    await call();
    expect(tokens.seen).toHaveLength(1);

    mode = 'down';
    offset = 2000_000; // inside the refresh-ahead window, far from expiry
    const started = Date.now();
    let calls = 0;
    while (Date.now() - started < 1500) {
      expect((await call()).auth).toBe(`Bearer ${TOKEN}-1`); // the valid token is still served
      calls++;
      await sleep(2);
    }
    expect(calls).toBeGreaterThan(100);
    // One attempt, one immediate retry, then waits of ≥ 0.5 s and ≥ 1 s: at most 4 attempts.
    expect(tokens.seen.length - 1).toBeLessThanOrEqual(4 * 3);

    mode = 'ok';
    offset += 120_000; // past the longest backoff (60 s)
    await call();
    for (let i = 0; i < 40 && m.token?.accessToken === `${TOKEN}-1`; i++) await sleep(25);
    expect(m.token?.accessToken).toBe(`${TOKEN}-2`);

    // After the success the schedule starts again: one failure, then an immediate retry.
    mode = 'down';
    offset += 2000_000;
    const before = tokens.seen.length;
    await call();
    for (let i = 0; i < 40 && tokens.seen.length < before + 3; i++) await sleep(25);
    await sleep(50);
    expect(tokens.seen.length).toBe(before + 3);
    await call();
    for (let i = 0; i < 40 && tokens.seen.length < before + 6; i++) await sleep(25);
    expect(tokens.seen.length).toBe(before + 6);
    await call();
    await sleep(100);
    expect(tokens.seen.length).toBe(before + 6); // now waiting ≥ 0.5 s
    expect(m.token?.accessToken).toBe(`${TOKEN}-2`);
  });
});

test('no secret or token in any message, stack or log', () => {
  expect(watch.leaks()).toEqual([]);
});
