/**
 * SDKs generated from the security and servers edge fixtures: they compile (`tsc --strict
 * --noUnusedLocals`), are Prettier-formatted, and put credentials and URLs on the wire as the
 * spec says (API key in query/cookie/header, HTTP basic and bearer, optional security, token
 * suppliers with one forced refresh after 401, server variables, operation servers, relative
 * servers needing `baseUrl`).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { parse } from 'yaml';
import type { GeneratedFile } from '../../../generator/render';
import { startScriptedServer, type SeenRequest } from '../../support/api-server';
import { buildNeutral, render } from '../../ir/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const EDGE = path.join(ROOT, 'test/fixtures/corpus/edge');
const TSC = path.join(ROOT, 'node_modules/.bin/tsc');
const PRETTIER = path.join(ROOT, 'node_modules/.bin/prettier');
const FIXTURES = ['security/schemes.yaml', 'security/oauth2-flows.yaml', 'security/oauth2-client-credentials.yaml', 'servers/server-variables.yaml', 'servers/relative-only.yaml', 'servers/no-servers.yaml'];

const made: string[] = [];
afterAll(() => {
  if (process.env['KEEP_RENDER_TMP']) return; // to inspect the generated SDKs
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function generate(rel: string): { dir: string; files: GeneratedFile[] } {
  const document = parse(fs.readFileSync(path.join(EDGE, rel), 'utf8')) as Record<string, unknown>;
  const files = render(buildNeutral(document, `/specs/${path.basename(rel)}`).ir, { packageName: 'edge-sdk' });
  const base = path.join(ROOT, '.tmp');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `security-${path.basename(rel, '.yaml')}-`));
  made.push(dir);
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.contents);
  }
  return { dir, files };
}

const generated = new Map<string, { dir: string; files: GeneratedFile[] }>();
const sdk = (rel: string) => {
  let entry = generated.get(rel);
  if (!entry) generated.set(rel, (entry = generate(rel)));
  return entry;
};

/** The generated index, loaded through Jest's TypeScript transform, and its client class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function load(rel: string): { mod: Record<string, any>; Client: any } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(sdk(rel).dir, 'src/index.ts')) as Record<string, unknown>;
  const name = Object.keys(mod).find((k) => k.endsWith('Client') && typeof mod[k] === 'function');
  return { mod, Client: mod[name as string] };
}

describe.each(FIXTURES)('%s', (rel) => {
  test('compiles with tsc --strict --noUnusedLocals and is Prettier-formatted', () => {
    const { dir, files } = sdk(rel);
    try {
      execFileSync(TSC, ['-p', dir, '--noEmit', '--strict', '--noUnusedLocals'], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc failed:\n${(error as { stdout?: string }).stdout ?? ''}`);
    }
    const own = files.map((f) => f.path).filter((p) => p.endsWith('.ts') && !(p.startsWith('src/runtime/') && p !== 'src/runtime/index.ts'));
    execFileSync(PRETTIER, ['--config', path.join(dir, '.prettierrc.json'), '--check', ...own], { cwd: dir, encoding: 'utf8' });
  });
});

describe('wire', () => {
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  let statuses: number[] = [];
  beforeAll(async () => {
    server = await startScriptedServer((_req, res) => {
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' });
      res.end('{"up":true}');
    });
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.seen.length = 0;
    statuses = [];
  });
  const last = (): SeenRequest => server.seen[server.seen.length - 1] as SeenRequest;

  test('schemes.yaml: API key in query, cookie and header; basic; bearer; optional; public; digest', async () => {
    const { Client } = load('security/schemes.yaml');
    const client = new Client({
      baseUrl: server.url,
      headerKey: 'h-key',
      queryKey: async () => 'q key+1',
      cookieKey: 'c0ok/e=',
      basicAuth: { username: 'ann', password: 'pässword' },
    });
    const api = client.default;

    await api.queryKey();
    expect(last().url).toBe('/query-key?api_key=q%20key%2B1');
    expect(last().headers['x-api-key']).toBeUndefined();

    await api.cookieKey();
    expect(last().headers.cookie).toBe('SESSION=c0ok/e=');

    await api.keyAndBasic();
    expect(last().headers['x-api-key']).toBe('h-key');
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('ann:pässword').toString('base64')}`);

    await api.usesGlobal();
    expect(last().headers['x-api-key']).toBe('h-key');

    // Optional security, nothing configured for it: anonymous.
    await api.optionalAuth();
    expect(last().headers.authorization).toBeUndefined();
    await api.publicEndpoint();
    expect(last().headers['x-api-key']).toBeUndefined();
    // Unsupported scheme (digest): sent without SDK credentials; headers come from the caller.
    await api.digest({ headers: { authorization: 'Digest username="ann"' } });
    expect(last().headers.authorization).toBe('Digest username="ann"');

    const printed = [JSON.stringify(client.config), inspect(client.config)].join('\n');
    for (const secret of ['h-key', 'c0ok/e=', 'pässword']) expect(printed).not.toContain(secret);
    expect(printed).toContain('[REDACTED]');
  });

  test('schemes.yaml: optional security sends a configured bearer token; missing credentials fail clearly', async () => {
    const { Client, mod } = load('security/schemes.yaml');
    const client = new Client({ baseUrl: server.url, bearerToken: 'b-token' });
    await client.default.optionalAuth();
    expect(last().headers.authorization).toBe('Bearer b-token');
    await client.default.usesGlobal();
    expect(last().headers.authorization).toBe('Bearer b-token');
    await expect(client.default.queryKey()).rejects.toBeInstanceOf(mod.ConfigurationException);
  });

  test('oauth2-flows.yaml: token suppliers get the scopes; a 401 forces one refresh and one replay', async () => {
    const { Client } = load('security/oauth2-flows.yaml');
    const calls: unknown[] = [];
    const client = new Client({
      baseUrl: server.url,
      oidc: (context: { scopes: string[]; forceRefresh: boolean }) => {
        calls.push(context);
        return `oidc-${calls.length}`;
      },
      codeOnly: 'static-code-token',
    });
    expect(client.allFlows).toBeDefined(); // client credentials win: a token manager property
    statuses = [401];
    await client.default.oidc();
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer oidc-1', 'Bearer oidc-2']);
    expect(calls).toEqual([
      { scopes: ['openid', 'email'], forceRefresh: false },
      { scopes: ['openid', 'email'], forceRefresh: true },
    ]);
    await client.default.codeOnly();
    expect(last().headers.authorization).toBe('Bearer static-code-token');
  });

  test('server-variables.yaml: defaults, serverVariables, operation servers, relative environment', async () => {
    const { Client, mod } = load('servers/server-variables.yaml');
    const urls: string[] = [];
    const fetch = async (input: string | URL) => {
      urls.push(String(input));
      return new Response(null, { status: 204 });
    };
    await new Client({ fetch }).default.plain();
    await new Client({ fetch, serverVariables: { tenant: 'acme', region: 'us', port: '8443' } }).default.plain();
    const withEnv = new Client({ fetch, serverVariables: { env: 'staging' } });
    await withEnv.default.other();
    await withEnv.default.listThings();
    await new Client({ fetch, environment: mod.Environment.Sandbox }).default.plain();
    expect(urls).toEqual([
      'https://demo.eu.example.com/v2/plain',
      'https://acme.us.example.com:8443/v2/plain',
      'https://staging.other.example.com/other',
      'https://things.example.com/api/things',
      'https://sandbox.example.com/v2/plain',
    ]);
    expect(mod.ENVIRONMENT_URLS[mod.Environment.ProductionTemplated]).toBe('https://demo.eu.example.com:443/v2');
    expect(() => new Client({ serverVariables: { region: 'mars' } })).toThrow(mod.ConfigurationException);
    expect(() => new Client({ environment: mod.Environment.RelativeTo })).toThrow(/relative.*baseUrl/);
  });

  test.each(['servers/relative-only.yaml', 'servers/no-servers.yaml'])('%s: baseUrl is required', async (rel) => {
    const { Client, mod } = load(rel);
    expect(() => new Client()).toThrow(mod.ConfigurationException);
    const client = new Client({ baseUrl: `${server.url}/root` });
    const service = Object.values(client).find((v) => v && typeof v === 'object' && !(v instanceof mod.Configuration)) as Record<string, () => Promise<unknown>>;
    const method = Object.getOwnPropertyNames(Object.getPrototypeOf(service)).find((m) => m !== 'constructor') as string;
    await service[method]?.();
    expect(last().url).toMatch(/^\/root\/(status|health)$/);
  });
});
