/**
 * Loopback API + OAuth token server for the runtime benchmark. Run as a child process so its work
 * uses the other core and does not share the client's event loop:
 *
 *   node loopback-server.mjs            → prints {"port": N} once listening on 127.0.0.1
 *
 * Routes:
 *   POST …/oauth/token   client-credentials token endpoint (any path ending in /oauth/token);
 *                        counts requests; answers {access_token, token_type, expires_in: 3600}
 *                        after `tokenDelayMs` (default 0)
 *   GET  /__stats        {tokenRequests, apiRequests, unauthorized}
 *   POST /__reset        zero the counters; JSON body may set {tokenDelayMs}
 *   anything else        API: 401 without `Authorization: Bearer …`, else 200 with LOCATION_BODY
 *                        (./location-body.mjs, a small JSON body)
 *
 * The server ends itself when its stdin closes (the parent exited) or after MAX_LIFETIME_MS.
 */
import http from 'node:http';
import { LOCATION_BODY } from './location-body.mjs';

const MAX_LIFETIME_MS = Number(process.env.BENCH_SERVER_MAX_MS ?? 15 * 60_000);

const stats = { tokenRequests: 0, apiRequests: 0, unauthorized: 0 };
let tokenDelayMs = 0;
let issued = 0;

const bodyBuf = Buffer.from(LOCATION_BODY);

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const server = http.createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'POST' && path.endsWith('/oauth/token')) {
    stats.tokenRequests++;
    const form = new URLSearchParams(await readBody(req));
    const answer = () => {
      if (form.get('grant_type') !== 'client_credentials') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"error":"unsupported_grant_type"}');
        return;
      }
      issued++;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ access_token: `bench-token-${issued}`, token_type: 'Bearer', expires_in: 3600 }));
    };
    if (tokenDelayMs > 0) setTimeout(answer, tokenDelayMs);
    else answer();
    return;
  }
  if (path === '/__stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  if (path === '/__reset' && req.method === 'POST') {
    const cfg = JSON.parse((await readBody(req)) || '{}');
    stats.tokenRequests = 0;
    stats.apiRequests = 0;
    stats.unauthorized = 0;
    tokenDelayMs = Number(cfg.tokenDelayMs ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
    return;
  }
  stats.apiRequests++;
  if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
    stats.unauthorized++;
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
    res.end('{"code":"401","message":"Unauthorized"}');
    return;
  }
  // Drain any request body before answering, so keep-alive connections stay usable.
  if (req.method !== 'GET' && req.method !== 'HEAD') await readBody(req);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': bodyBuf.length });
  res.end(bodyBuf);
});
server.keepAliveTimeout = 60_000;
server.maxRequestsPerSocket = 0;

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

const stop = () => {
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
setTimeout(stop, MAX_LIFETIME_MS).unref();
process.on('SIGTERM', stop);
