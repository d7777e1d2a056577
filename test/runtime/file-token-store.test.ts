/**
 * FileTokenStore: sharing between processes, concurrent writers, permissions, corrupt files.
 * Child processes run the real runtime, transpiled to ESM by test/support/compile-runtime.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

describe('tryLock (fleet-wide single flight)', () => {
  test('8 processes that find no token at once: exactly 1 token request', async () => {
    const file = join(workDir, 'fleet', 'tokens.json');
    await oauth.reset();
    await oauth.configure({ tokenDelayMs: 300 }); // the holder is still fetching while the others look
    const results = await Promise.all(Array.from({ length: 8 }, () => child(tokenChild(file))));
    await oauth.configure({ tokenDelayMs: 0 });
    expect((await oauth.stats()).tokenRequests).toBe(1);
    expect(new Set(results.map((r) => r['accessTokenSha256'])).size).toBe(1);
    // Every lock was released.
    expect(readdirSync(join(workDir, 'fleet')).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, 60_000);

  test('two processes try at the same moment: exactly one takes the lock', async () => {
    const file = join(workDir, 'race.json');
    const args = { mode: 'lock', file, key: 'cc-race', ttlMs: 5000, holdMs: 300, startAt: Date.now() + 500 };
    const results = await Promise.all([child(args), child(args)]);
    expect(results.map((r) => r['taken']).sort()).toEqual([false, true]);
    expect(existsSync(`${file}.cc-race.lock`)).toBe(false); // released
  }, 30_000);

  test('a stale lock of a killed process blocks until its expiry, then is taken over', async () => {
    const file = join(workDir, 'stale-fleet.json');
    const store = new FileTokenStore(file);
    writeFileSync(`${file}.cc-k.lock`, `long-gone-holder ${Date.now() + 300}`);
    expect(await store.tryLock('cc-k', 5000)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 350));
    const lock = await store.tryLock('cc-k', 5000);
    expect(lock).toBeDefined();
    expect(readFileSync(`${file}.cc-k.lock`, 'utf8')).not.toContain('long-gone-holder');
    expect(statSync(`${file}.cc-k.lock`).mode & 0o777).toBe(0o600);
    await lock?.release();
    expect(existsSync(`${file}.cc-k.lock`)).toBe(false);
    // An empty lock file (its holder died before writing) expires `ttl` after it was made.
    writeFileSync(`${file}.cc-e.lock`, '');
    expect(await store.tryLock('cc-e', 200)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 250));
    expect(await store.tryLock('cc-e', 200)).toBeDefined();
  });

  test("a release after expiry does not delete the next holder's lock", async () => {
    const file = join(workDir, 'late.json');
    const store = new FileTokenStore(file);
    const first = await store.tryLock('cc-l', 100);
    await new Promise((r) => setTimeout(r, 150));
    const second = await store.tryLock('cc-l', 5000);
    expect(second).toBeDefined();
    await first?.release();
    expect(existsSync(`${file}.cc-l.lock`)).toBe(true);
    expect(await store.tryLock('cc-l', 5000)).toBeUndefined();
    await second?.release();
    expect(existsSync(`${file}.cc-l.lock`)).toBe(false);
  });
});
