#!/usr/bin/env node
/**
 * Token-sharing benchmark (npm run bench:fleet): what a fleet costs the token endpoint, and what
 * RedisTokenStore costs a call.
 *
 *   node scripts/bench/token-fleet.mjs [--lifetime 3] [--sizes 1,8,32] [--calls 2000]
 *
 * 1. Token requests: a simulated fleet of 1, 8 and 32 processes (the runtime transpiled from
 *    templates/typescript/runtime, one ClientCredentialsAuthManager each, 10 concurrent callers
 *    per process calling getToken() back to back) runs for 1.5 token lifetimes against a loopback
 *    token endpoint (expires_in = --lifetime s, answering after 50 ms, counting requests); once with
 *    each process's own MemoryTokenStore, once with a RedisTokenStore on a real redis-server
 *    (started on a free loopback port, no persistence). No clock skew (a token is used for its
 *    whole lifetime), default refresh-ahead (the last 10 %): ideally 2 tokens per fleet.
 * 2. Latency of a cached-token call: one process, a loopback API, --calls calls per side in
 *    interleaved batches of 100 with MemoryTokenStore and with RedisTokenStore (token cached in
 *    memory in both); the median per call, and the Redis commands the Redis side issued meanwhile
 *    (INFO commandstats), which must be 0: the hot path is in memory.
 * Needs /usr/bin/redis-server (or REDIS_SERVER) and the dev dependencies (typescript, redis).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { createClient } from 'redis';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const o = { lifetime: 3, sizes: [1, 8, 32], calls: 2000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--lifetime') o.lifetime = Number(argv[++i]);
  else if (argv[i] === '--sizes') o.sizes = argv[++i].split(',').map(Number);
  else if (argv[i] === '--calls') o.calls = Number(argv[++i]);
  else throw new Error(`unknown option ${argv[i]}`);
}

/** The runtime as plain ESM in a temp folder (children are plain node). */
function compileRuntime() {
  const src = join(root, 'templates', 'typescript', 'runtime');
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-fleet-runtime-'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  for (const file of walk(src).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return out;
}

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-fleet-redis-'));
  const child = spawn(process.env.REDIS_SERVER ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: () => 50 } });
  client.on('error', () => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await client.connect();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    client,
    async stop() {
      await client.quit().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback token endpoint (expires_in = lifetime, 50 ms per answer) that counts requests. */
async function startTokenServer(lifetime) {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/token' || req.url === '/token-long') {
        count += 1;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ access_token: `tok-${count}-${Math.random().toString(36).slice(2)}`, token_type: 'Bearer', expires_in: req.url === '/token' ? lifetime : 3600 }));
        }, 50);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, count: () => count, reset: () => (count = 0), stop: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

function runChild(args) {
  const child = spawn(process.execPath, [join(here, 'fleet', 'child.mjs'), JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  return new Promise((resolvePromise, reject) => child.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`fleet child exited ${code}`)))));
}

const runtimeDir = compileRuntime();
const redis = await startRedis();
const tokens = await startTokenServer(o.lifetime);
const base = { runtimeDir, tokenUrl: `${tokens.url}/token`, apiUrl: tokens.url, redisUrl: redis.url };
try {
  const rows = [];
  for (const size of o.sizes) {
    const row = { processes: size };
    for (const store of ['memory', 'redis']) {
      await redis.client.flushAll();
      tokens.reset();
      // Everyone starts together, after every process has loaded (so start-up does not spread them).
      const startAt = Date.now() + 1500 + size * 60;
      await Promise.all(Array.from({ length: size }, () => runChild({ ...base, mode: 'load', store, startAt, durationMs: o.lifetime * 1500 })));
      row[store] = tokens.count();
    }
    rows.push(row);
  }
  console.log(`\nToken requests over ${o.lifetime * 1.5} s (1.5 token lifetimes of ${o.lifetime} s, no clock skew, refresh ahead in the last 10 %; 10 callers per process):`);
  console.log('| processes | MemoryTokenStore | RedisTokenStore |');
  console.log('| ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.processes} | ${r.memory} | ${r.redis} |`);

  await redis.client.flushAll();
  await redis.client.sendCommand(['CONFIG', 'RESETSTAT']);
  // A long-lived token: no refresh may fall into the measured calls.
  const latency = await runChild({ ...base, tokenUrl: `${tokens.url}/token-long`, mode: 'latency', calls: o.calls });
  console.log(`\nCached-token call (loopback API, median of ${o.calls} calls per side, interleaved batches of 100):`);
  console.log('| store | median µs per call | getToken() median µs | Redis commands during the calls |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| MemoryTokenStore | ${latency.memoryCallUs.toFixed(1)} | ${latency.memoryGetUs.toFixed(2)} | – |`);
  console.log(`| RedisTokenStore | ${latency.redisCallUs.toFixed(1)} | ${latency.redisGetUs.toFixed(2)} | ${latency.redisCommands} |`);
  console.log(`\nAdded latency of RedisTokenStore on a cached-token call: ${(latency.redisCallUs - latency.memoryCallUs).toFixed(1)} µs (median difference; noise level)`);
} finally {
  await tokens.stop();
  await redis.stop();
  rmSync(runtimeDir, { recursive: true, force: true });
}
