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

test('no secret or token in any message, stack or log', () => {
  expect(watch.leaks()).toEqual([]);
});
