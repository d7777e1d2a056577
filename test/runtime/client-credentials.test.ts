/**
 * OAuth 2.0 client credentials against a real authorization server (oidc-provider, child process)
 * and a protected API that introspects tokens (in-process).
 */
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
  ApiException,
  ConfigurationException,
  OAuthProviderException,
} from '../../templates/typescript/runtime/errors';
import { HttpClient } from '../../templates/typescript/runtime/http-client';
import type { RequestOptions } from '../../templates/typescript/runtime/operation';
import { startApiServer, startScriptedServer, type ApiServer } from '../support/api-server';
import { BASIC_CLIENT, POST_CLIENT, startOAuthServer, type OAuthServer } from '../support/oauth';
import { LeakWatch } from '../support/redaction';

let oauth: OAuthServer;
let api: ApiServer;
const watch = new LeakWatch();

beforeAll(async () => {
  watch.captureConsole();
  watch.secret(BASIC_CLIENT.secret, POST_CLIENT.secret);
  oauth = await startOAuthServer({ ttl: 3600 });
  api = await startApiServer(oauth);
}, 20_000);

afterAll(async () => {
  watch.restoreConsole();
  await api?.stop();
  await oauth?.stop();
});

beforeEach(async () => {
  await oauth.reset();
  api.reset();
});

/** A hand-written equivalent of a generated client with one `BearerAuth` operation. */
function makeClient(
  options: ClientCredentialsAuthCredentialsOptions = {},
  managerOptions: Partial<ClientCredentialsAuthManagerOptions> = {},
) {
  const credentials = new ClientCredentialsAuthCredentials({
    oAuthClientId: BASIC_CLIENT.id,
    oAuthClientSecret: BASIC_CLIENT.secret,
    tokenStore: new MemoryTokenStore(),
    ...options,
  });
  const manager = new ClientCredentialsAuthManager(credentials, {
    schemeName: 'BearerAuth',
    tokenUrl: oauth.tokenUrl,
    ...managerOptions,
  });
  const http = new HttpClient({ baseUrl: api.url, auth: { BearerAuth: manager }, retry: false });
  const call = (requestOptions?: RequestOptions) =>
    http.request<{ ok: boolean; scope?: string; aud?: string; clientId?: string }>(
      {
        operationId: 'getThings',
        method: 'GET',
        path: '/things',
        params: [],
        security: [{ BearerAuth: [] }],
        responseKind: 'json',
        errors: {},
      },
      requestOptions,
    );
  const remember = (token: OAuthToken | undefined): void => watch.secret(token?.accessToken);
  return { credentials, manager, http, call, remember };
}

async function tokenRequests(): Promise<number> {
  return (await oauth.stats()).tokenRequests;
}

describe('single-flight', () => {
  test('100 concurrent calls cause exactly one token request', async () => {
    const { call, manager, remember } = makeClient();
    const results = await Promise.all(Array.from({ length: 100 }, () => call()));
    remember(manager.token);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await tokenRequests()).toBe(1);
  });

  test('apply answers at once (no promise) while the token in memory is valid', async () => {
    const { call, manager, remember } = makeClient();
    await call();
    remember(manager.token);
    const headers = new Headers();
    const receipt = manager.apply({ url: new URL(api.url), headers, scopes: [] });
    expect(receipt).not.toBeInstanceOf(Promise);
    expect(receipt).toEqual({ accessToken: manager.token?.accessToken, fetched: false });
    expect(headers.get('authorization')).toBe(`Bearer ${manager.token?.accessToken}`);
    // The same token: the same receipt and header text, made once (not per call).
    const again = new Headers();
    expect(manager.apply({ url: new URL(api.url), headers: again, scopes: [] })).toBe(receipt);
    expect(again.get('authorization')).toBe(headers.get('authorization'));
    // A new token: a new receipt and header.
    await manager.clearToken();
    await call();
    remember(manager.token);
    const renewed = new Headers();
    const next = manager.apply({ url: new URL(api.url), headers: renewed, scopes: [] });
    expect(next).not.toBe(receipt);
    expect(next).toEqual({ accessToken: manager.token?.accessToken, fetched: false });
    expect(renewed.get('authorization')).toBe(`Bearer ${manager.token?.accessToken}`);
    expect(renewed.get('authorization')).not.toBe(headers.get('authorization'));
    // Without a token yet, it answers with a promise (a token request is needed).
    const fresh = makeClient().manager.apply({ url: new URL(api.url), headers: new Headers(), scopes: [] });
    expect(fresh).toBeInstanceOf(Promise);
    watch.secret((await fresh).accessToken);
    expect(await tokenRequests()).toBe(3);
  });

  test('a failed fetch is shared by concurrent callers and not cached', async () => {
    const { call } = makeClient({ oAuthClientSecret: 'definitely-wrong-secret' });
    watch.secret('definitely-wrong-secret');
    const errors = await Promise.all(Array.from({ length: 5 }, () => watch.rejection(call())));
    expect(errors.every((e) => e instanceof OAuthProviderException)).toBe(true);
    expect(await tokenRequests()).toBe(1);
    await watch.rejection(call());
    expect(await tokenRequests()).toBe(2);
  });
});

describe('token endpoint', () => {
  test('wrong secret → OAuthProviderException invalid_client', async () => {
    const { manager } = makeClient({ oAuthClientSecret: 'wrong-secret-123' });
    watch.secret('wrong-secret-123');
    const error = (await watch.rejection(manager.fetchToken())) as OAuthProviderException;
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.name).toBe('OAuthProviderException');
    expect(error.error).toBe('invalid_client');
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('invalid_client');
  });

  test('unknown scope → invalid_scope', async () => {
    const { manager } = makeClient({ oAuthScopes: ['admin'] });
    const error = (await watch.rejection(manager.fetchToken())) as OAuthProviderException;
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.error).toBe('invalid_scope');
    expect(error.errorDescription).toBeDefined();
  });

  test('client_secret_basic with reserved characters in the secret, scopes granted', async () => {
    const { call, manager, remember } = makeClient({ oAuthScopes: ['write', 'read'] });
    const result = await call();
    remember(manager.token);
    expect(result.clientId).toBe(BASIC_CLIENT.id);
    expect(result.scope?.split(' ').sort()).toEqual(['read', 'write']);
    expect(manager.token?.tokenType).toBe('Bearer');
    expect(typeof manager.token?.expiry).toBe('number');
  });

  test('client_secret_post client works', async () => {
    const { call, manager, remember } = makeClient({
      oAuthClientId: POST_CLIENT.id,
      oAuthClientSecret: POST_CLIENT.secret,
      tokenEndpointAuthMethod: 'client_secret_post',
    });
    const result = await call();
    remember(manager.token);
    expect(result.clientId).toBe(POST_CLIENT.id);
    expect((await oauth.stats()).lastTokenParams).toMatchObject({ client_id: POST_CLIENT.id });
  });

  test('fetchToken(additionalParams) and tokenRequestParams reach the server', async () => {
    const { manager, remember } = makeClient({
      tokenRequestParams: { resource: 'https://api.one' },
    });
    remember(await manager.fetchToken());
    expect((await oauth.stats()).lastTokenParams).toMatchObject({ resource: 'https://api.one' });
    const token = await manager.fetchToken({ resource: 'https://api.two' });
    remember(token);
    expect((await oauth.stats()).lastTokenParams).toMatchObject({ resource: 'https://api.two' });
    expect((await oauth.introspect(token.accessToken))['aud']).toBe('https://api.two');
    expect(await tokenRequests()).toBe(2);
  });

  test('oAuthTokenProvider replaces the fetch; oAuthOnTokenUpdate sees every new token', async () => {
    const real = makeClient();
    const updates: OAuthToken[] = [];
    const seenLast: (OAuthToken | undefined)[] = [];
    const { call, manager } = makeClient({
      oAuthClientId: undefined,
      oAuthClientSecret: undefined,
      oAuthTokenProvider: async (last, mgr) => {
        seenLast.push(last);
        expect(mgr).toBeInstanceOf(ClientCredentialsAuthManager);
        const token = await real.manager.fetchToken();
        real.remember(token);
        return token;
      },
      oAuthOnTokenUpdate: (token) => {
        updates.push(token);
      },
    });
    await Promise.all(Array.from({ length: 10 }, () => call()));
    expect(seenLast).toEqual([undefined]);
    expect(updates).toHaveLength(1);
    const first = updates[0] as OAuthToken;
    await manager.fetchToken();
    expect(seenLast[1]?.accessToken).toBe(first.accessToken);
    expect(updates).toHaveLength(2);
    expect(await tokenRequests()).toBe(2);
  });

  test('a provider may call fetchToken() on the manager it is given: the token endpoint answers, once', async () => {
    // The reference SDK's docs show exactly this: a provider that loads a stored token, else
    // `auth_manager.fetch_token()`. With client id and secret configured, fetchToken() asks the
    // token endpoint, so the provider is not called again from inside itself.
    let calls = 0;
    const { call, remember } = makeClient({
      oAuthTokenProvider: async (_last, mgr) => {
        calls++;
        return mgr.fetchToken();
      },
    });
    await Promise.all(Array.from({ length: 5 }, () => call()));
    expect(calls).toBe(1);
    expect(await tokenRequests()).toBe(1);
    void remember;
  });
});

describe('stores and restoring', () => {
  test('two managers with the same credentials share the default store: one token request', async () => {
    const opts = { oAuthScopes: ['read'], tokenStore: undefined };
    const a = makeClient(opts);
    const b = makeClient(opts);
    expect(a.manager.cacheKey).toBe(b.manager.cacheKey);
    await Promise.all([a.call(), b.call()]);
    await Promise.all([a.call(), b.call()]);
    a.remember(a.manager.token);
    expect(await tokenRequests()).toBe(1);
    expect(b.manager.token?.accessToken).toBe(a.manager.token?.accessToken);
  });

  test('a stored token (JSON round trip) is used and stored before any fetch', async () => {
    const first = makeClient();
    const token = await first.manager.fetchToken();
    first.remember(token);
    const store = new MemoryTokenStore();
    const restored = makeClient({
      oAuthToken: JSON.parse(JSON.stringify(token)),
      tokenStore: store,
    });
    await oauth.reset();
    expect((await restored.call()).ok).toBe(true);
    expect(await tokenRequests()).toBe(0);
    expect((await store.get(restored.manager.cacheKey))?.accessToken).toBe(token.accessToken);
  });

  test('cloneWith restores a token and keeps the other settings', async () => {
    const base = new ClientCredentialsAuthCredentials({
      oAuthClientId: 'id',
      oAuthClientSecret: 'clone-secret',
      oAuthScopes: ['read'],
    });
    const token = { accessToken: 'abc', tokenType: 'Bearer', expiry: 1 };
    const clone = base.cloneWith({ oAuthToken: token });
    expect(clone).not.toBe(base);
    expect(clone.oAuthClientSecret).toBe('clone-secret');
    expect(clone.oAuthScopes).toEqual(['read']);
    expect(clone.oAuthToken).toEqual(token);
    expect(base.oAuthToken).toBeUndefined();
  });
});

describe('expiry and refresh-ahead', () => {
  test('an expired token (real 2 s TTL, skew 0) is refreshed exactly once', async () => {
    const short = await startOAuthServer({ ttl: 2 });
    try {
      const { manager, remember } = makeClient(
        { oAuthClockSkew: 0, oAuthRefreshAhead: 0 },
        {
          tokenUrl: short.tokenUrl,
        },
      );
      // The API introspects with the long-lived server; the HTTP path is the clock-driven test.
      const first = await manager.getToken();
      remember(first);
      expect(first.expiresIn).toBe(2);
      await new Promise((r) => setTimeout(r, 2100));
      expect(manager.isValid(first)).toBe(false);
      const tokens = await Promise.all(Array.from({ length: 20 }, () => manager.getToken()));
      tokens.forEach(remember);
      expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
      expect(tokens[0]?.accessToken).not.toBe(first.accessToken);
      expect((await short.stats()).tokenRequests).toBe(2);
    } finally {
      await short.stop();
    }
  }, 15_000);

  test('clock-driven expiry through API calls: exactly one refresh', async () => {
    let offset = 0;
    const { call, manager, remember } = makeClient(
      { oAuthClockSkew: 0, oAuthRefreshAhead: 0 },
      {
        clock: () => Date.now() + offset,
      },
    );
    await call();
    const first = manager.token;
    remember(first);
    offset = 3601_000;
    await Promise.all(Array.from({ length: 30 }, () => call()));
    remember(manager.token);
    expect(manager.token?.accessToken).not.toBe(first?.accessToken);
    expect(await tokenRequests()).toBe(2);
  });

  test('in the refresh-ahead window calls do not wait; one background refresh runs', async () => {
    let offset = 0;
    const { call, manager, remember } = makeClient(
      { oAuthRefreshAhead: 0.5 },
      {
        clock: () => Date.now() + offset,
      },
    );
    await call();
    const first = manager.token as OAuthToken;
    remember(first);
    offset = 2000_000; // past half of the 3600 s lifetime, well before expiry − skew
    await oauth.configure({ tokenDelayMs: 700 });
    const started = Date.now();
    const durations = await Promise.all(
      Array.from({ length: 20 }, async () => {
        await call();
        return Date.now() - started;
      }),
    );
    expect(Math.max(...durations)).toBeLessThan(500); // the 700 ms token request was not awaited
    expect(manager.token?.accessToken).toBe(first.accessToken);
    for (let i = 0; i < 50 && manager.token?.accessToken === first.accessToken; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    remember(manager.token);
    expect(manager.token?.accessToken).not.toBe(first.accessToken);
    expect(await tokenRequests()).toBe(1 + 1);
    await call();
    expect(await tokenRequests()).toBe(2);
  });

  test('a failed background refresh is logged without secrets and retried by the next call', async () => {
    let offset = 0;
    let failures = 1;
    const backing = makeClient();
    const warnings: string[] = [];
    const { call, manager } = makeClient(
      {
        oAuthClientId: 'provider-client',
        oAuthClientSecret: undefined,
        oAuthRefreshAhead: 600,
        oAuthTokenProvider: async () => {
          if (manager.token !== undefined && failures-- > 0) throw new Error('provider down');
          const token = await backing.manager.fetchToken();
          backing.remember(token);
          return token;
        },
      },
      { clock: () => Date.now() + offset, logger: { warn: (m: string) => warnings.push(m) } },
    );
    await call();
    const first = manager.token as OAuthToken;
    offset = 3100_000; // inside the 600 s window
    await call(); // starts the failing refresh, still served with the current token
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('background token refresh failed');
    expect(manager.token?.accessToken).toBe(first.accessToken);
    await call(); // tries again, succeeds in the background
    for (let i = 0; i < 40 && manager.token?.accessToken === first.accessToken; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(manager.token?.accessToken).not.toBe(first.accessToken);
    watch.printed(warnings);
  });
});

describe('tokens that live shorter than the clock skew', () => {
  test('30 s tokens with the default 60 s skew: reused, refreshed once ahead of expiry', async () => {
    const short = await startOAuthServer({ ttl: 30 });
    const requests = async () => (await short.stats()).tokenRequests;
    try {
      let offset = 0;
      const { manager, remember } = makeClient(
        {},
        { tokenUrl: short.tokenUrl, clock: () => Date.now() + offset },
      );
      const first = await manager.getToken();
      remember(first);
      expect(first.expiresIn).toBe(30);
      for (let i = 0; i < 20; i++) {
        expect((await manager.getToken()).accessToken).toBe(first.accessToken);
      }
      expect(manager.isValid(first)).toBe(true);
      expect(await requests()).toBe(1);
      // Effective skew 15 s (half the lifetime), refresh-ahead window 3 s (10 %) before that.
      offset = 10_000;
      await manager.getToken();
      await new Promise((r) => setTimeout(r, 100));
      expect(await requests()).toBe(1);
      offset = 13_000; // in the window: served at once, one background refresh
      expect((await manager.getToken()).accessToken).toBe(first.accessToken);
      for (let i = 0; i < 40 && manager.token?.accessToken === first.accessToken; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      remember(manager.token);
      expect(manager.token?.accessToken).not.toBe(first.accessToken);
      expect(await requests()).toBe(2);
      offset = 16_000; // past expiry − effective skew
      expect(manager.isValid(first)).toBe(false);
      expect(manager.isValid(manager.token)).toBe(true);
    } finally {
      await short.stop();
    }
  }, 20_000);
});

describe('credentials sharing a store', () => {
  const WRONG = 'not-the-right-secret-9';

  test("same client id, another secret: the default store never hands it the right one's token", async () => {
    watch.secret(WRONG);
    const shared = { tokenStore: undefined, oAuthScopes: ['write'] }; // the process-wide store
    const right = makeClient(shared);
    const wrong = makeClient({ ...shared, oAuthClientSecret: WRONG });
    expect(wrong.manager.cacheKey).not.toBe(right.manager.cacheKey);
    expect(makeClient(shared).manager.cacheKey).toBe(right.manager.cacheKey);
    await right.call();
    right.remember(right.manager.token);
    const error = (await watch.rejection(wrong.call())) as OAuthProviderException;
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.error).toBe('invalid_client');
    expect(wrong.manager.token).toBeUndefined();
    expect(await tokenRequests()).toBe(2);
    expect((await right.call()).ok).toBe(true);
    expect(await tokenRequests()).toBe(2);
  });

  test("concurrent calls with another secret do not join the right one's token request", async () => {
    watch.secret(WRONG);
    const store = new MemoryTokenStore();
    const right = makeClient({ tokenStore: store });
    const wrong = makeClient({ tokenStore: store, oAuthClientSecret: WRONG });
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => right.call()),
      ...Array.from({ length: 5 }, () => wrong.call()),
    ]);
    right.remember(right.manager.token);
    results.forEach((r) => r.status === 'rejected' && watch.error(r.reason));
    expect(results.map((r) => r.status)).toEqual([
      ...Array<string>(5).fill('fulfilled'),
      ...Array<string>(5).fill('rejected'),
    ]);
    expect(await tokenRequests()).toBe(2);
  });

  test('store keys hold no secret, only a 20-bit fingerprint of it', () => {
    // A store of the user's own (Redis, a database): it may be shared with other processes.
    const map = new Map<string, OAuthToken>();
    const store: TokenStore = {
      get: async (key) => map.get(key),
      set: async (key, token) => void map.set(key, token),
      delete: async (key) => void map.delete(key),
    };
    const { manager } = makeClient({ tokenStore: store });
    expect(manager.cacheKey).toMatch(/^cc-[0-9a-f]{16}-[0-9a-f]{5}$/);
    expect(manager.cacheKey).not.toContain(BASIC_CLIENT.secret);
    // The in-process store adds a tag made with a per-process random key (never persisted).
    expect(makeClient().manager.cacheKey).toMatch(/^cc-[0-9a-f]{16}-[0-9a-f]{5}-[0-9a-f]{16}$/);
  });
});

describe('401 replay', () => {
  test('a revoked cached token → 401 → one refetch shared by 50 calls, each replayed once', async () => {
    const { call, manager, remember } = makeClient();
    await call();
    const revoked = manager.token as OAuthToken;
    remember(revoked);
    await oauth.revoke(revoked.accessToken, BASIC_CLIENT);
    api.reset();
    await oauth.reset();
    const results = await Promise.all(Array.from({ length: 50 }, () => call()));
    remember(manager.token);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await tokenRequests()).toBe(1);
    expect(api.unauthorizedCount()).toBe(50);
    expect(manager.token?.accessToken).not.toBe(revoked.accessToken);
  });

  test('a 401 with a freshly fetched token is not replayed; replay never loops', async () => {
    const { call, manager, remember } = makeClient();
    api.failNext(401, 1);
    const fresh = await watch.rejection(call());
    remember(manager.token);
    expect(fresh).toBeInstanceOf(ApiException);
    expect((fresh as ApiException).statusCode).toBe(401);
    expect(api.seen).toHaveLength(1);

    api.reset();
    await oauth.reset();
    api.failNext(401, 5);
    await watch.rejection(call()); // cached → 401 → refetch → replay → 401 → stop
    remember(manager.token);
    expect(api.seen).toHaveLength(2);
    expect(await tokenRequests()).toBe(1);
  });
});

describe('transport security', () => {
  test('client credentials are never sent over plain http to a non-loopback host', async () => {
    const fetchCalls: string[] = [];
    const fakeFetch = async (input: string | URL): Promise<Response> => {
      fetchCalls.push(String(input));
      return new Response(JSON.stringify({ access_token: 'x', token_type: 'Bearer' }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const { manager } = makeClient(
      {},
      { tokenUrl: 'http://auth.example.com/token', fetch: fakeFetch },
    );
    const error = await watch.rejection(manager.fetchToken());
    expect(error).toBeInstanceOf(ConfigurationException);
    expect(error.message).toContain('http://auth.example.com/token');
    expect(error.message).toContain('allowInsecureHttp');
    expect(fetchCalls).toHaveLength(0);
    const allowed = makeClient(
      {},
      {
        tokenUrl: 'http://auth.example.com/token',
        fetch: fakeFetch,
        allowInsecureHttp: true,
      },
    );
    await allowed.manager.fetchToken();
    expect(fetchCalls).toHaveLength(1);
  });

  test('the bearer token is not sent to a plain-http non-loopback API', async () => {
    const { manager } = makeClient();
    const http = new HttpClient({
      baseUrl: 'http://api.example.com',
      auth: { BearerAuth: manager },
    });
    const error = await watch.rejection(
      http.request({
        operationId: 'x',
        method: 'GET',
        path: '/x',
        params: [],
        security: [{ BearerAuth: [] }],
        responseKind: 'json',
        errors: {},
      }),
    );
    expect(error).toBeInstanceOf(ConfigurationException);
    expect(await tokenRequests()).toBe(0);
  });

  test('a redirect to another origin does not carry the bearer token', async () => {
    const foreign = await startScriptedServer((_req, res) => {
      res.end('{}');
    });
    const redirecting = await startScriptedServer((_req, res) => {
      res.writeHead(302, { location: `${foreign.url}/landing` });
      res.end();
    });
    try {
      const { manager, remember } = makeClient();
      const http = new HttpClient({ baseUrl: redirecting.url, auth: { BearerAuth: manager } });
      await http.request({
        operationId: 'x',
        method: 'GET',
        path: '/x',
        params: [],
        security: [{ BearerAuth: [] }],
        responseKind: 'json',
        errors: {},
      });
      remember(manager.token);
      expect(redirecting.seen[0]?.headers.authorization).toMatch(/^Bearer /);
      expect(foreign.seen).toHaveLength(1);
      expect(foreign.seen[0]?.headers.authorization).toBeUndefined();
    } finally {
      await foreign.stop();
      await redirecting.stop();
    }
  });
});

describe('redaction', () => {
  test('credentials and manager print without secrets or tokens', async () => {
    const { credentials, manager, remember } = makeClient();
    remember(await manager.getToken());
    const withToken = credentials.cloneWith({ oAuthToken: manager.token as OAuthToken });
    for (const value of [credentials, withToken, manager]) watch.printed(value);
    expect(inspect(credentials)).toContain('[REDACTED]');
    expect(JSON.stringify(withToken)).toContain('[REDACTED]');
    expect(String(credentials)).toBe(
      `ClientCredentialsAuthCredentials(clientId=${BASIC_CLIENT.id})`,
    );
    expect(inspect(withToken)).not.toContain(manager.token?.accessToken);
    expect(withToken.oAuthClientSecret).toBe(BASIC_CLIENT.secret); // getters still give the value
  });

  test('no secret or token appeared in any console output, error message or stack', () => {
    const probe = new LeakWatch(); // the detector itself works
    probe.secret('s3cr3t');
    probe.printed({ nested: { value: 'xx s3cr3t xx' } });
    expect(probe.leaks()).toHaveLength(1);
    expect(watch.leaks()).toEqual([]);
  });
});
