/**
 * Child process for FileTokenStore tests. argv[2] is JSON:
 *   { mode: 'token', runtimeDir, tokenUrl, clientId, clientSecret, file }
 *     -> gets a token through a manager backed by the file; prints {"accessTokenSha256", "cacheKey"},
 *        or {"error": <class name>, "code": <OAuth error code>} when the token is refused
 *   { mode: 'write', runtimeDir, file, writer, count }
 *     -> sets `count` distinct keys as fast as possible; prints {"done": true}
 *   { mode: 'lock', runtimeDir, file, key, ttlMs, holdMs, startAt }
 *     -> at `startAt` (epoch ms) tries `tryLock(key, ttlMs)`, holds a taken lock `holdMs`, releases
 *        it; prints {"taken": boolean}
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = JSON.parse(process.argv[2]);
const load = (p) => import(pathToFileURL(join(args.runtimeDir, p)).href);
const { FileTokenStore } = await load('node/file-token-store.js');
const store = new FileTokenStore(args.file);

if (args.mode === 'token') {
  const { ClientCredentialsAuthCredentials } = await load('auth/client-credentials.js');
  const { ClientCredentialsAuthManager } = await load('auth/client-credentials-manager.js');
  const credentials = new ClientCredentialsAuthCredentials({
    oAuthClientId: args.clientId,
    oAuthClientSecret: args.clientSecret,
    tokenStore: store,
  });
  const manager = new ClientCredentialsAuthManager(credentials, {
    schemeName: 'BearerAuth',
    tokenUrl: args.tokenUrl,
  });
  let token;
  try {
    token = await manager.getToken();
  } catch (error) {
    // Only the class and the OAuth code: a refusal is an expected outcome, not a child failure.
    process.stdout.write(`${JSON.stringify({ error: error.name, code: error.error })}\n`);
    process.exit(0);
  }
  const accessTokenSha256 = createHash('sha256').update(token.accessToken).digest('hex');
  process.stdout.write(`${JSON.stringify({ accessTokenSha256, cacheKey: manager.cacheKey })}\n`);
} else if (args.mode === 'lock') {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, args.startAt - Date.now())));
  const lock = await store.tryLock(args.key, args.ttlMs);
  if (lock !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, args.holdMs));
    await lock.release();
  }
  process.stdout.write(`${JSON.stringify({ taken: lock !== undefined })}\n`);
} else {
  for (let i = 0; i < args.count; i++) {
    await store.set(`writer-${args.writer}-key-${i}`, {
      accessToken: `token-${args.writer}-${i}`,
      tokenType: 'Bearer',
      expiresIn: 3600,
      expiry: Math.floor(Date.now() / 1000) + 3600,
    });
  }
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
}
