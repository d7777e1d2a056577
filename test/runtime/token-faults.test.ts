/**
 * Token endpoint failure modes, against small node:http servers the tests control.
 */
import type http from 'node:http';
import { ClientCredentialsAuthCredentials } from '../../templates/typescript/runtime/auth/client-credentials';
import { ClientCredentialsAuthManager } from '../../templates/typescript/runtime/auth/client-credentials-manager';
import { MemoryTokenStore } from '../../templates/typescript/runtime/auth/token-store';
import { basicAuthorization } from '../../templates/typescript/runtime/auth/token-request';
import {
  NetworkException,
  OAuthProviderException,
  TimeoutException,
} from '../../templates/typescript/runtime/errors';
import { startScriptedServer, type SeenRequest } from '../support/api-server';
import { LeakWatch } from '../support/redaction';

const SECRET = 'fault-s\u00e9cret:+ /';
const TOKEN = 'tok-abcdefghijklmnop';
const watch = new LeakWatch();
const servers: { stop(): Promise<void> }[] = [];

beforeAll(() => {
  watch.captureConsole();
  watch.secret(SECRET, TOKEN);
});
afterAll(async () => {
  watch.restoreConsole();
  await Promise.all(servers.map((s) => s.stop()));
});

type Handler = (req: SeenRequest, res: http.ServerResponse, n: number) => void;

async function server(handler: Handler) {
  let n = 0;
  const s = await startScriptedServer((req, res) => handler(req, res, n++));
  servers.push(s);
  return s;
}

function manager(
  tokenUrl: string,
  extra: Partial<ConstructorParameters<typeof ClientCredentialsAuthCredentials>[0]> = {},
  timeout?: number,
) {
  const credentials = new ClientCredentialsAuthCredentials({
    oAuthClientId: 'fault client',
    oAuthClientSecret: SECRET,
    tokenStore: new MemoryTokenStore(),
    ...extra,
  });
  return new ClientCredentialsAuthManager(credentials, {
    schemeName: 'BearerAuth',
    tokenUrl,
    timeout,
    retry: { initialDelayMs: 10, maxDelayMs: 1500 },
  });
}

const json = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const goodToken = { access_token: TOKEN, token_type: 'bearer', expires_in: 60, scope: 'read' };

test('request format: Basic auth over form-encoded UTF-8 credentials, Accept, scope, params', async () => {
  const s = await server((_req, res) => json(res, 200, goodToken));
  const m = manager(`${s.url}/oauth/token`, {
    oAuthScopes: ['a', 'b'],
    tokenRequestParams: { audience: 'x' },
  });
  const token = await m.fetchToken({ resource: 'r' });
  expect(token).toMatchObject({
    accessToken: TOKEN,
    tokenType: 'Bearer',
    expiresIn: 60,
    scope: 'read',
  });
  expect(token.expiry).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 59);
  const req = s.seen[0] as SeenRequest;
  expect(req.method).toBe('POST');
  expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(req.headers.accept).toBe('application/json');
  const decoded = Buffer.from(String(req.headers.authorization).slice(6), 'base64').toString(
    'utf8',
  );
  expect(decoded).toBe('fault+client:fault-s%C3%A9cret%3A%2B+%2F');
  expect(Object.fromEntries(new URLSearchParams(req.body.toString()))).toEqual({
    grant_type: 'client_credentials',
    scope: 'a b',
    audience: 'x',
    resource: 'r',
  });
  expect(basicAuthorization('a', 'b')).toBe(`Basic ${Buffer.from('a:b').toString('base64')}`);
});

test('basic authorization of any text: form encoding leaves ASCII, so btoa never throws', () => {
  // Non-Latin-1 (btoa alone would throw on it), a lone surrogate, controls, and every ASCII character.
  const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
  for (const [id, secret] of [['cli€nt', 's\u00e9cr\u20acte 😀'], ['\ud800x', ascii]] as const) {
    const pair = `${new URLSearchParams({ v: id }).toString().slice(2)}:${new URLSearchParams({ v: secret }).toString().slice(2)}`;
    expect(basicAuthorization(id, secret)).toBe(`Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  }
});

test('client_secret_post puts the credentials in the form', async () => {
  const s = await server((_req, res) => json(res, 200, goodToken));
  await manager(s.url, { tokenEndpointAuthMethod: 'client_secret_post' }).fetchToken();
  const req = s.seen[0] as SeenRequest;
  expect(req.headers.authorization).toBeUndefined();
  const form = new URLSearchParams(req.body.toString());
  expect(form.get('client_id')).toBe('fault client');
  expect(form.get('client_secret')).toBe(SECRET);
});

test('token server down → NetworkException naming the URL, after bounded retries', async () => {
  const s = await startScriptedServer(() => undefined);
  const url = `${s.url}/oauth/token?api_key=hidden`;
  await s.stop();
  const error = await watch.rejection(manager(url).fetchToken());
  expect(error).toBeInstanceOf(NetworkException);
  expect(error.message).toContain(`${s.url}/oauth/token`);
  expect(error.message).toContain('ECONNREFUSED');
  expect(error.message).not.toContain('hidden');
});

test('slow token server → TimeoutException naming the URL', async () => {
  const s = await server((_req, res) => setTimeout(() => json(res, 200, goodToken), 1500));
  const m = manager(`${s.url}/token`, {}, 100);
  const started = Date.now();
  const error = await watch.rejection(m.fetchToken());
  expect(error).toBeInstanceOf(TimeoutException);
  expect(error.message).toContain(`${s.url}/token`);
  expect(Date.now() - started).toBeLessThan(1400);
});

test('500 then 200 → succeeds after a retry', async () => {
  const s = await server((_req, res, n) =>
    n === 0 ? json(res, 500, { oops: 1 }) : json(res, 200, goodToken),
  );
  expect((await manager(s.url).fetchToken()).accessToken).toBe(TOKEN);
  expect(s.seen).toHaveLength(2);
});

test('429 with Retry-After is honoured', async () => {
  const s = await server((_req, res, n) =>
    n === 0 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, goodToken),
  );
  const started = Date.now();
  await manager(s.url).fetchToken();
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

test.each([
  ['an HTML page', 200, 'text/html', '<html><body>Login</body></html>', 'not a JSON object'],
  ['an HTML error page', 404, 'text/html', '<html>Not found</html>', 'non-OAuth response'],
  [
    'JSON without access_token',
    200,
    'application/json',
    '{"token_type":"Bearer"}',
    'without an access_token',
  ],
  [
    'token_type mac',
    200,
    'application/json',
    JSON.stringify({ ...goodToken, token_type: 'mac' }),
    "token_type 'mac'",
  ],
  [
    'an OAuth error',
    400,
    'application/json',
    '{"error":"unauthorized_client"}',
    'unauthorized_client',
  ],
])(
  '%s → OAuthProviderException with a clear message',
  async (_name, status, type, body, expected) => {
    const s = await server((_req, res) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    });
    const error = await watch.rejection(manager(s.url).fetchToken());
    expect(error).toBeInstanceOf(OAuthProviderException);
    expect(error.message).toContain(expected);
    expect(error.message).toContain(s.url);
    expect((error as OAuthProviderException).statusCode).toBe(status);
  },
);

test('no secret or token in any message, stack or log', () => {
  expect(watch.leaks()).toEqual([]);
});

describe('a token URL the API definition leaves to the deployment (`{nrfApiRoot}/oauth2/token`)', () => {
  test('asking for a token says to set oAuthTokenUrl, and sends nothing', async () => {
    const m = manager('{nrfApiRoot}/oauth2/token');
    await expect(m.getToken()).rejects.toThrow(
      "Cannot obtain a token for BearerAuth: its token URL '{nrfApiRoot}/oauth2/token' is not an absolute URL; set oAuthTokenUrl in the credentials",
    );
  });

  test('oAuthTokenUrl in the credentials is used instead', async () => {
    const s = await server((_req, res) => json(res, 200, goodToken));
    const m = manager('{nrfApiRoot}/oauth2/token', { oAuthTokenUrl: `${s.url}/oauth2/token` });
    await expect(m.getToken()).resolves.toMatchObject({ accessToken: TOKEN });
    expect(s.seen.map((r) => r.url)).toEqual(['/oauth2/token']);
  });

  test('a pre-obtained token needs no token URL at all', async () => {
    const m = manager('{nrfApiRoot}/oauth2/token', { oAuthClientId: undefined, oAuthClientSecret: undefined, oAuthToken: { accessToken: TOKEN } });
    await expect(m.getToken()).resolves.toMatchObject({ accessToken: TOKEN });
  });
});
