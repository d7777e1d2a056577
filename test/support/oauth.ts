/** Starts and drives the real oidc-provider authorization server (test/support/oauth-server.mjs). */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnJsonLine, stopChild } from './processes';

/** The test clients registered in oauth-server.mjs. */
export const BASIC_CLIENT = { id: 'basic-client', secret: 'b@sic:s3cret+/ &=%' } as const;
export const POST_CLIENT = { id: 'post-client', secret: 'post-secret-value' } as const;
export const API_CLIENT = { id: 'api-server', secret: 'api-server-secret' } as const;

/** Counters exposed by the server's `/__stats`. */
export interface OAuthStats {
  tokenRequests: number;
  lastTokenParams: Record<string, string> | null;
}

/** A running authorization server. */
export interface OAuthServer {
  readonly url: string;
  readonly tokenUrl: string;
  stats(): Promise<OAuthStats>;
  reset(): Promise<void>;
  /** Delays every token response by `tokenDelayMs`. */
  configure(settings: { tokenDelayMs: number }): Promise<void>;
  /** Revokes `token` (RFC 7009) as `client`. */
  revoke(token: string, client: { id: string; secret: string }): Promise<void>;
  /** RFC 7662 introspection as the API's client. */
  introspect(token: string): Promise<{ active: boolean } & Record<string, unknown>>;
  stop(): Promise<void>;
}

function basic(id: string, secret: string): string {
  const enc = (s: string): string => new URLSearchParams({ v: s }).toString().slice(2);
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

/** Spawns the server with access-token TTL `ttl` seconds. */
export async function startOAuthServer(options: { ttl?: number } = {}): Promise<OAuthServer> {
  const script = join(__dirname, 'oauth-server.mjs');
  const { child, message } = await spawnJsonLine<{ url: string }>(script, [
    JSON.stringify({ ttl: options.ttl ?? 3600 }),
  ]);
  return makeHandle(child, message.url);
}

function makeHandle(child: ChildProcess, url: string): OAuthServer {
  const post = (
    path: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    fetch(`${url}${path}`, { method: 'POST', body, headers, signal: AbortSignal.timeout(5000) });
  return {
    url,
    tokenUrl: `${url}/token`,
    async stats() {
      const res = await fetch(`${url}/__stats`, { signal: AbortSignal.timeout(5000) });
      return (await res.json()) as OAuthStats;
    },
    async reset() {
      await (await post('/__reset', '')).text();
    },
    async configure(settings) {
      await (await post('/__config', JSON.stringify(settings))).text();
    },
    async revoke(token, client) {
      const res = await post('/token/revocation', new URLSearchParams({ token }).toString(), {
        authorization: basic(client.id, client.secret),
        'content-type': 'application/x-www-form-urlencoded',
      });
      if (!res.ok) throw new Error(`revocation failed: ${res.status} ${await res.text()}`);
      await res.text();
    },
    async introspect(token) {
      const res = await post('/token/introspection', new URLSearchParams({ token }).toString(), {
        authorization: basic(API_CLIENT.id, API_CLIENT.secret),
        'content-type': 'application/x-www-form-urlencoded',
      });
      return (await res.json()) as { active: boolean } & Record<string, unknown>;
    },
    stop: () => stopChild(child),
  };
}
