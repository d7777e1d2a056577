/**
 * FileTokenStore: sharing between processes, concurrent writers, permissions, corrupt files.
 * Child processes run the real runtime, transpiled to ESM by test/support/compile-runtime.ts.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTokenStore } from '../../templates/typescript/runtime/node/file-token-store';
import { compileRuntime } from '../support/compile-runtime';
import { BASIC_CLIENT, startOAuthServer, type OAuthServer } from '../support/oauth';
import { runNode } from '../support/processes';

const CHILD = join(__dirname, '..', 'support', 'file-store-child.mjs');
let oauth: OAuthServer;
let runtime: { dir: string; cleanup(): void };
let workDir: string;

beforeAll(async () => {
  runtime = compileRuntime();
  workDir = mkdtempSync(join(tmpdir(), 'sdkgen-filestore-'));
  oauth = await startOAuthServer();
}, 20_000);

afterAll(async () => {
  await oauth?.stop();
  runtime?.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

async function child(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await runNode(CHILD, [JSON.stringify({ runtimeDir: runtime.dir, ...args })]);
  if (result.code !== 0) throw new Error(`child failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

/** Arguments for a child that gets a token through a manager backed by `file`. */
function tokenChild(file: string) {
  return {
    mode: 'token',
    tokenUrl: oauth.tokenUrl,
    clientId: BASIC_CLIENT.id,
    clientSecret: BASIC_CLIENT.secret,
    file,
  };
}

test('a second process reuses the token the first stored: no second token request', async () => {
  const file = join(workDir, 'shared', 'tokens.json');
  const args = tokenChild(file);
  const first = await child(args);
  expect((await oauth.stats()).tokenRequests).toBe(1);
  const second = await child(args);
  expect(second['accessTokenSha256']).toBe(first['accessTokenSha256']);
  expect((await oauth.stats()).tokenRequests).toBe(1);

  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(BASIC_CLIENT.secret);
  expect(text).not.toContain(encodeURIComponent(BASIC_CLIENT.secret));
  expect(statSync(file).mode & 0o777).toBe(0o600);
}, 30_000);

test('a process with the same client id but another secret does not reuse the stored token', async () => {
  const file = join(workDir, 'secrets', 'tokens.json');
  const args = tokenChild(file);
  const wrongSecret = 'another-secret-7';
  const before = (await oauth.stats()).tokenRequests;
  const first = await child(args);
  expect((await oauth.stats()).tokenRequests).toBe(before + 1);
  const wrong = await child({ ...args, clientSecret: wrongSecret });
  expect(wrong).toEqual({ error: 'OAuthProviderException', code: 'invalid_client' });
  expect((await oauth.stats()).tokenRequests).toBe(before + 2);
  const again = await child(args); // the right secret still shares across processes
  expect(again['accessTokenSha256']).toBe(first['accessTokenSha256']);
  expect((await oauth.stats()).tokenRequests).toBe(before + 2);

  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(wrongSecret);
  expect(text).not.toContain(BASIC_CLIENT.secret);
  expect(Object.keys((JSON.parse(text) as { tokens: object }).tokens)).toEqual([first['cacheKey']]);
  expect(first['cacheKey']).toMatch(/^cc-[0-9a-f]{16}-[0-9a-f]{5}$/);
}, 30_000);

test('8 concurrent writer processes: valid JSON, no lost update, mode 0600', async () => {
  const file = join(workDir, 'concurrent.json');
  const writers = Array.from({ length: 8 }, (_, writer) =>
    child({ mode: 'write', file, writer, count: 10 }),
  );
  await Promise.all(writers);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { tokens: Record<string, unknown> };
  expect(Object.keys(parsed.tokens)).toHaveLength(80);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const store = new FileTokenStore(file);
  expect((await store.get('writer-7-key-9'))?.accessToken).toBe('token-7-9');
}, 30_000);

test('a corrupt file warns once (without its contents) and is treated as empty', async () => {
  const file = join(workDir, 'corrupt.json');
  writeFileSync(file, '{"tokens": {"k": {"accessToken": "leaky-token-value"');
  const warnings: string[] = [];
  const store = new FileTokenStore(file, { logger: { warn: (m: string) => warnings.push(m) } });
  expect(await store.get('k')).toBeUndefined();
  expect(await store.get('k')).toBeUndefined();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(file);
  expect(warnings[0]).not.toContain('leaky-token-value');
  await store.set('k', { accessToken: 'fresh', tokenType: 'Bearer' });
  expect((await store.get('k'))?.accessToken).toBe('fresh');
  await store.delete('k');
  expect(await store.get('k')).toBeUndefined();
});

test('a stale lock left by a crashed process is taken over', async () => {
  const file = join(workDir, 'stale.json');
  writeFileSync(`${file}.lock`, '99999');
  const store = new FileTokenStore(file, { staleLockMs: 100, lockTimeoutMs: 3000 });
  await new Promise((r) => setTimeout(r, 150));
  await store.set('k', { accessToken: 'a', tokenType: 'Bearer' });
  expect((await store.get('k'))?.accessToken).toBe('a');
});
