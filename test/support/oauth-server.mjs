/**
 * A real OAuth 2.0 authorization server (oidc-provider) for the runtime's integration tests.
 *
 * Run as a child process (oidc-provider is ESM-only): `node oauth-server.mjs '<json config>'`.
 * Config: { port?: number, ttl?: number (seconds, client-credentials access tokens), clients?: [...] }.
 * Prints one line `{"url": "http://127.0.0.1:<port>"}` on stdout when listening.
 *
 * Test hooks in front of the provider:
 *   GET  /__stats  -> { tokenRequests, lastTokenParams }  (client_secret is never recorded)
 *   POST /__reset  -> zeroes the counters
 *   POST /__config -> { tokenDelayMs } delays every token response (for refresh-ahead timing tests)
 */
import http from 'node:http';
import { Provider } from 'oidc-provider';

const config = JSON.parse(process.argv[2] ?? process.env.OAUTH_SERVER_CONFIG ?? '{}');
const ttl = Number(config.ttl ?? 3600);

/** Clients used by the tests: one per token endpoint auth method, plus the API's introspection client. */
const clients = config.clients ?? [
  {
    client_id: 'basic-client',
    client_secret: 'b@sic:s3cret+/ &=%',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'read write',
  },
  {
    client_id: 'post-client',
    client_secret: 'post-secret-value',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_post',
    scope: 'read write',
  },
  {
    client_id: 'api-server',
    client_secret: 'api-server-secret',
    grant_types: [],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  },
];

const stats = { tokenRequests: 0, lastTokenParams: null };
let tokenDelayMs = 0;
let provider;

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/__stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(stats));
    return;
  }
  if (path === '/__reset' && req.method === 'POST') {
    stats.tokenRequests = 0;
    stats.lastTokenParams = null;
    tokenDelayMs = 0;
    res.end('{}');
    return;
  }
  if (path === '/__config' && req.method === 'POST') {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      if (typeof body.tokenDelayMs === 'number') tokenDelayMs = body.tokenDelayMs;
      res.end('{}');
    });
    return;
  }
  if (path === '/token' && req.method === 'POST') {
    stats.tokenRequests += 1;
    if (tokenDelayMs > 0) {
      setTimeout(() => provider.callback()(req, res), tokenDelayMs);
      return;
    }
  }
  provider.callback()(req, res);
});

server.listen(config.port ?? 0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  provider = new Provider(issuer, {
    clients,
    // 'admin' exists but no test client may request it: asking for it yields invalid_scope.
    scopes: ['read', 'write', 'admin'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => false,
        getResourceServerInfo: (_ctx, resourceIndicator) => ({
          scope: 'read write',
          audience: resourceIndicator,
          accessTokenFormat: 'opaque',
          accessTokenTTL: ttl,
        }),
      },
    },
    ttl: { ClientCredentials: ttl },
  });
  // Record what the token endpoint received (minus the secret) so tests can check extra params.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.method === 'POST' && ctx.oidc?.params) {
      const params = { ...ctx.oidc.params };
      delete params.client_secret;
      for (const [k, v] of Object.entries(params)) if (v === undefined) delete params[k];
      stats.lastTokenParams = params;
    }
  });
  provider.on('server_error', (_ctx, err) => process.stderr.write(`server_error ${err}\n`));
  process.stdout.write(`${JSON.stringify({ url: issuer })}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
