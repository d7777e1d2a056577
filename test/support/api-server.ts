/**
 * An in-process protected API for integration tests: checks `Authorization: Bearer` with the
 * authorization server's real introspection endpoint, counts requests, and injects faults.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthServer } from './oauth';

/** One request as the API saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A queued fault: the next matching request gets this status (and headers) instead. */
interface Fault {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Handle to the running API. */
export interface ApiServer {
  readonly url: string;
  /** Requests received (all paths). */
  readonly seen: SeenRequest[];
  /** Answers the next `count` requests with `status` (before auth is checked). */
  failNext(status: number, count?: number, headers?: Record<string, string>): void;
  /** Number of 401s sent. */
  unauthorizedCount(): number;
  reset(): void;
  stop(): Promise<void>;
}

/** Starts the API on 127.0.0.1, validating tokens against `oauth` (or accepting any when absent). */
export async function startApiServer(oauth?: OAuthServer): Promise<ApiServer> {
  const seen: SeenRequest[] = [];
  const faults: Fault[] = [];
  let unauthorized = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks), res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });

  async function handle(
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
  ): Promise<void> {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const fault = faults.shift();
    if (fault !== undefined) {
      res.writeHead(fault.status, fault.headers);
      res.end(fault.body);
      return;
    }
    const auth = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(auth);
    let introspection: Record<string, unknown> = {};
    if (oauth !== undefined) {
      const result = match ? await oauth.introspect(match[1] as string) : { active: false };
      if (!result.active) {
        unauthorized += 1;
        res.writeHead(401, {
          'content-type': 'application/json',
          'www-authenticate': 'Bearer error="invalid_token"',
        });
        res.end(JSON.stringify({ message: 'invalid token' }));
        return;
      }
      introspection = result;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ok: true,
        method: req.method,
        path: req.url,
        clientId: introspection['client_id'],
        scope: introspection['scope'],
        aud: introspection['aud'],
      }),
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    failNext(status, count = 1, headers = {}) {
      for (let i = 0; i < count; i++) {
        faults.push({
          status,
          headers: { 'content-type': 'application/json', ...headers },
          body: '{"fault":true}',
        });
      }
    },
    unauthorizedCount: () => unauthorized,
    reset() {
      seen.length = 0;
      faults.length = 0;
      unauthorized = 0;
    },
    stop: () => closeServer(server),
  };
}

/** Closes a server, dropping keep-alive connections so `close` cannot hang. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A tiny programmable server (fake token endpoints, foreign origins) on 127.0.0.1. */
export async function startScriptedServer(
  handler: (req: SeenRequest, res: http.ServerResponse) => void | Promise<void>,
): Promise<{ url: string; seen: SeenRequest[]; stop(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      seen.push(entry);
      void Promise.resolve(handler(entry, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, stop: () => closeServer(server) };
}
