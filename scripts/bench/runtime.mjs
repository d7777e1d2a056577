#!/usr/bin/env node
/**
 * Runtime benchmark of the generated SDK (npm run bench:runtime).
 *
 *   node scripts/bench/runtime.mjs [--requests 10000] [--batch 100] [--processes 3]
 *        [--concurrency 1000] [--subject auto|sdk|runtime] [--quick] [--out FILE]
 *
 * 1. Overhead: Shell EV `evLocationsById` through the generated SDK with a cached token vs the
 *    same request with bare fetch, against a loopback node:http server (child process,
 *    127.0.0.1). The SDK's default configuration gives each request a 60 s timeout, so "the same
 *    request" with bare fetch carries the same: an AbortController signal and a 60 s timer. Pairs,
 *    each in its own process (sides sharing a process tilt each other) and each run --processes
 *    times (default 3; a process's own JIT and GC history moves its ratio by a few percent):
 *      headline  SDK (default)     vs bare fetch + 60 s timeout signal   (target ≤ 1.10)
 *      no timer  SDK (timeout: 0)  vs bare fetch                        (target ≤ 1.10)
 *      plain     SDK (default)     vs bare fetch without a timeout      (the timeout's price too)
 *      timeout   bare fetch + timeout signal vs bare fetch              (what Node's fetch charges)
 *    In a process: `--requests` per side, in interleaved batches of `--batch` sequential calls (the
 *    side that goes first alternates); its ratio is the median batch time of one side over the
 *    other's. Reported: the median of the processes' ratios, and each of them.
 *    Then the two targeted pairs once more with fetch answered from memory (lib/in-memory-fetch.mjs:
 *    no socket, no server), each --processes times: the difference left is the SDK's own code per
 *    call, reported in µs and as a share of the loopback call (not a target; on a shared machine
 *    the loopback batches move by ±10%, far more than that code costs), and the heap bytes each
 *    side allocates per call (one process, --expose-gc, a 64 MB young generation).
 * 2. Single flight: a fresh client (no token yet), `--concurrency` concurrent calls; the local
 *    token endpoint (answering after 50 ms) counts token requests (target exactly 1).
 * 3. Size, minified + gzipped: the runtime the Shell EV SDK loads (target ≤ 9 KB), the core every
 *    SDK carries, and every runtime module (see lib/runtime-size.mjs).
 *
 * The SDK is generated into a temp folder with the CLI (dist/, built when missing) and bundled
 * with esbuild (a dev dependency). With --subject auto, a generator failure falls back to the
 * runtime's HttpClient used directly (same request description), and the report says so.
 * Results: stdout and scripts/bench/results/runtime-latest.json (or --out).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runSimple } from './lib/proc.mjs';
import { measureRuntimeSize } from './lib/runtime-size.mjs';
import { median } from './lib/stats.mjs';
import { loadGeneratedSdk, loadRuntime, runtimeSubject, sdkSubject, writeJson } from './lib/subjects.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

const o = { requests: 10_000, batch: 100, processes: 3, concurrency: 1000, subject: 'auto', quick: false, out: join(here, 'results', 'runtime-latest.json') };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => argv[++i];
  if (a === '--requests') o.requests = Number(val());
  else if (a === '--batch') o.batch = Number(val());
  else if (a === '--processes') o.processes = Number(val());
  else if (a === '--concurrency') o.concurrency = Number(val());
  else if (a === '--subject') o.subject = val();
  else if (a === '--out') o.out = resolve(val());
  else if (a === '--quick') o.quick = true;
  else throw new Error(`unknown option ${a}`);
}
if (o.quick) {
  o.requests = Math.min(o.requests, 1000);
  o.processes = 1;
  o.concurrency = Math.min(o.concurrency, 100);
}
const log = (...a) => console.error('[bench:runtime]', ...a);
const notes = [];
const work = mkdtempSync(join(tmpdir(), 'sdkgen-bench-rt-'));
const DEADLINE = Date.now() + 10 * 60_000; // the whole run is bounded

function startServer() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(here, 'lib', 'loopback-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('loopback server did not start in 10 s')), 10_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const { port } = JSON.parse(line);
      resolvePromise({ child, origin: `http://127.0.0.1:${port}`, stop: () => child.stdin.end() });
    });
    child.on('error', reject);
  });
}

async function serverCall(origin, path, body) {
  const res = await fetch(origin + path, body ? { method: 'POST', body: JSON.stringify(body) } : {});
  return res.json();
}

async function getSubjectFactory(origin) {
  const baseUrl = `${origin}/ev`;
  const tokenUrl = `${origin}/v2/oauth/token`;
  const ctx = { baseUrl, tokenUrl, clientName: 'ShellEvClient' };
  let sdkError = null;
  if (o.subject !== 'runtime') {
    try {
      const sdkDir = join(work, 'shell-ev-sdk');
      await generateSdk(join(root, 'spec', 'shell-ev.yaml'), sdkDir, ['--package-name', 'shell-ev-sdk', '--client-name', 'ShellEvClient']);
      const mod = await loadGeneratedSdk({ sdkDir, work });
      sdkSubject(mod, ctx); // fail early if the adapter cannot drive it
      return { kind: 'sdk', bundle: join(work, 'sdk.bundle.mjs'), make: () => sdkSubject(mod, ctx) };
    } catch (e) {
      sdkError = e.message;
      if (o.subject === 'sdk') throw e;
      log(`generated SDK unavailable: ${sdkError}`);
    }
  }
  const mod = await loadRuntime({ root, work });
  if (sdkError) notes.push(`Generated SDK could not be used (${sdkError.slice(0, 400)}); measured the runtime's HttpClient directly with the OperationRequest the generated method would build.`);
  return { kind: 'runtime', bundle: join(work, 'runtime.bundle.mjs'), make: () => runtimeSubject(mod, ctx) };
}

/** Generates an SDK with the CLI (building sdkgen first when dist/ is missing). */
async function generateSdk(spec, outDir, extraArgs) {
  const cli = join(root, 'dist', 'generator', 'cli', 'main.js');
  if (!existsSync(cli)) {
    log('building sdkgen (tsc -p .)');
    const b = await runSimple(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root], { cwd: root, timeoutMs: 300_000 });
    if (b.code !== 0 && !existsSync(cli)) throw new Error(`build failed: ${b.out.split('\n').slice(0, 3).join(' | ')}`);
  }
  const g = await runSimple(process.execPath, [cli, 'generate', '-i', spec, '-o', outDir, ...extraArgs, '-q'], { cwd: work, timeoutMs: 120_000 });
  if (g.code !== 0) throw new Error(`sdkgen generate failed (exit ${g.code}): ${g.out.trim().split('\n').slice(0, 4).join(' | ')}`);
}

async function main() {
  const server = await startServer();
  const result = { startedAt: new Date().toISOString(), node: process.version, options: { ...o, out: undefined } };
  try {
    const factory = await getSubjectFactory(server.origin);
    result.subject = factory.kind;

    // ---------------------------------------------------------------- 1. overhead, cached token
    // Each pair runs in its own process (lib/overhead-phase.mjs), interleaving its two sides.
    // `measure: 'bytes'` needs gc() and a young generation that holds a whole batch (no collection
    // inside one), hence its node flags.
    const phase = async (sides, { transport = 'loopback', measure, batch = o.batch } = {}) => {
      await serverCall(server.origin, '/__reset', {});
      const args = { bundle: factory.bundle, kind: factory.kind, origin: server.origin, clientName: 'ShellEvClient', sides, requests: o.requests, batch, deadline: DEADLINE, transport, measure };
      const nodeArgs = measure === 'bytes' ? ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'] : [];
      const run = await runSimple(process.execPath, [...nodeArgs, join(here, 'lib', 'overhead-phase.mjs'), JSON.stringify(args)], { cwd: work, timeoutMs: 12 * 60_000 });
      const line = run.out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (run.code !== 0 || line === undefined) throw new Error(`${measure ?? 'overhead'} phase ${sides.join(' vs ')} (${transport}) failed (exit ${run.code}): ${run.out.trim().split('\n').slice(-3).join(' | ')}`);
      const out = JSON.parse(line);
      if (out.stopped) notes.push(`${sides.join(' vs ')}: ${out.stopped}`);
      return { ...out, stats: await serverCall(server.origin, '/__stats') };
    };
    const pairs = OVERHEAD_PAIRS.filter((p) => factory.kind === 'sdk' || !p.sides.includes('sdkNoTimeout'));
    const runs = Object.fromEntries(pairs.map((p) => [p.key, []]));
    for (let i = 0; i < o.processes; i++) {
      for (const pair of pairs) {
        log(`overhead ${i + 1}/${o.processes}: ${pair.label}`);
        runs[pair.key].push(await phase(pair.sides));
      }
    }
    const first = runs.headline[0];
    result.subjectLabel = first.label;
    const summaries = Object.fromEntries(pairs.map((pair) => [pair.key, summarizePair(pair, runs[pair.key])]));
    const headline = summaries.headline;
    const withoutTimeout = summaries.withoutTimeout;
    const batches = first.per.sdk.length;
    result.overhead = {
      requestsPerSide: batches * o.batch,
      batchSize: o.batch,
      batchesPerProcess: batches,
      processes: o.processes,
      ratio: headline.ratio,
      ratioMethod: 'per process: median batch µs per request of one side ÷ the other side\'s; reported: the median over processes',
      target: OVERHEAD_TARGET,
      meetsTarget: Object.values(summaries).every((pair) => !pair.target || pair.ratio <= OVERHEAD_TARGET),
      pairs: summaries,
      sdkTokenRequests: first.stats.tokenRequests - 1, // minus the bare side's own token; 1 = fetched once, then cached
      unauthorized: Object.values(runs).flat().reduce((n, r) => n + r.stats.unauthorized, 0),
    };
    log(`overhead: SDK vs the same request with bare fetch ${headline.ratio}${withoutTimeout ? `; without a timeout ${withoutTimeout.ratio}` : ''}`);

    // ---------------------------------------------------------------- 1b. the SDK's own code
    // The targeted pairs again, with fetch answering from memory: what is left is the SDK's code.
    const memoryPairs = pairs.filter((pair) => pair.target);
    const memoryRuns = Object.fromEntries(memoryPairs.map((p) => [p.key, []]));
    for (let i = 0; i < o.processes; i++) {
      for (const pair of memoryPairs) {
        log(`in memory ${i + 1}/${o.processes}: ${pair.label}`);
        memoryRuns[pair.key].push(await phase(pair.sides, { transport: 'memory' }));
      }
    }
    // Heap bytes each side allocates per call, in memory too (a young generation that holds a whole
    // batch, so no collection runs inside one): what drives the collector's share of the gap.
    const allSides = pairs.flatMap((p) => p.sides).filter((side, i, all) => all.indexOf(side) === i);
    const bytesPerCall = (await phase(allSides, { transport: 'memory', measure: 'bytes', batch: o.quick ? 300 : 2000 })).bytes;
    result.inMemory = {
      bytesPerCall,
      transport: 'fetch answered from memory (lib/in-memory-fetch.mjs): no socket, no server',
      pairs: Object.fromEntries(
        memoryPairs.map((pair) => {
          const summary = summarizePair(pair, memoryRuns[pair.key]);
          // The SDK's own cost as a share of the same bare call over loopback (pair side b).
          const [a, b] = pair.sides;
          const loopback = summaries[pair.key].usPerRequest[b];
          return [pair.key, { ...summary, target: false, shareOfLoopbackCall: round(summary.extraUsPerRequest / loopback, 3), extraBytesPerCall: bytesPerCall[a] - bytesPerCall[b] }];
        }),
      ),
    };

    // ---------------------------------------------------------------- 2. single flight
    await serverCall(server.origin, '/__reset', { tokenDelayMs: 50 });
    const cold = factory.make();
    const t0 = performance.now();
    const settled = await Promise.allSettled(Array.from({ length: o.concurrency }, () => cold.call()));
    const ms = performance.now() - t0;
    const stats2 = await serverCall(server.origin, '/__stats');
    const rejected = settled.filter((s) => s.status === 'rejected');
    result.singleFlight = {
      concurrentCalls: o.concurrency,
      tokenRequests: stats2.tokenRequests,
      target: 1,
      meetsTarget: stats2.tokenRequests === 1 && rejected.length === 0,
      fulfilled: settled.length - rejected.length,
      rejected: rejected.length,
      firstRejection: rejected[0]?.reason?.message,
      unauthorized: stats2.unauthorized,
      tokenDelayMs: 50,
      totalMs: round(ms, 1),
    };
    log(`single flight: ${o.concurrency} concurrent calls → ${stats2.tokenRequests} token request(s), ${rejected.length} rejected`);
  } catch (e) {
    result.error = e.stack ?? String(e);
    log(`FAILED: ${e.message}`);
  } finally {
    server.stop();
  }

  // ---------------------------------------------------------------- 3. size
  result.size = await measureSizes();
  result.notes = notes;

  // ---------------------------------------------------------------- report
  const lines = ['# sdkgen runtime benchmark', ''];
  if (result.overhead) {
    const ov = result.overhead;
    lines.push(`Subject: ${result.subjectLabel}`);
    lines.push(`Overhead (cached token; per process ${ov.requestsPerSide} requests per side in ${ov.batchesPerProcess} interleaved batches of ${ov.batchSize}; ${ov.processes} process(es) per pair; median over processes):`);
    for (const pair of Object.values(ov.pairs)) {
      const [a, b] = pair.sides;
      const each = pair.ratios.length > 1 ? ` (processes: ${pair.ratios.join(', ')})` : '';
      const verdict = pair.target ? ` — target ≤ ${OVERHEAD_TARGET}: ${pair.ratio <= OVERHEAD_TARGET ? 'met' : 'NOT met'}` : '';
      lines.push(`  ${pair.label}: ratio ${pair.ratio}${each}; ${SIDE_NAMES[a]} ${pair.usPerRequest[a]} µs, ${SIDE_NAMES[b]} ${pair.usPerRequest[b]} µs (+${pair.extraUsPerRequest} µs)${verdict}`);
    }
    lines.push(`  overall: ${ov.meetsTarget ? 'met' : 'NOT met'} (ratio SDK ÷ bare ${ov.ratio}); token requests made by the SDK in a process: ${ov.sdkTokenRequests} (1 = fetched once, then cached)`);
  }
  if (result.inMemory) {
    lines.push(`The SDK's own code per call: the same pairs with fetch answered from memory (no socket, no server; not a target, it shows what the loopback ratios are made of):`);
    for (const pair of Object.values(result.inMemory.pairs)) {
      const [a, b] = pair.sides;
      lines.push(`  ${pair.label}: ${SIDE_NAMES[a]} ${pair.usPerRequest[a]} µs, ${SIDE_NAMES[b]} ${pair.usPerRequest[b]} µs (+${pair.extraUsPerRequest} µs, ${round(pair.shareOfLoopbackCall * 100, 1)}% of the loopback call); heap allocated per call ${result.inMemory.bytesPerCall[a]} B vs ${result.inMemory.bytesPerCall[b]} B (+${pair.extraBytesPerCall} B)`);
    }
  }
  if (result.singleFlight) {
    const sf = result.singleFlight;
    lines.push(`Single flight: ${sf.concurrentCalls} concurrent calls, no token yet → ${sf.tokenRequests} token request(s) (target 1: ${sf.meetsTarget ? 'met' : 'NOT met'}), ${sf.fulfilled} ok / ${sf.rejected} failed, ${sf.totalMs} ms`);
  }
  if (result.error) lines.push(`ERROR: ${result.error.split('\n')[0]}`);
  lines.push('Runtime size, minified + gzipped, without node/, of what a client loads (target ≤ 9 KB for the Shell EV SDK):');
  for (const [key, label] of SIZE_LABELS) {
    const sz = result.size[key];
    if (sz.status !== 'ok') {
      lines.push(`  ${label}: ${sz.status}: ${sz.reason}`);
      continue;
    }
    const verdict = key === 'shellEv' ? ` (${sz.withinLimit ? 'met' : 'NOT met'})` : '';
    lines.push(`  ${label}: ${sz.gzipBytes} B (${(sz.gzipBytes / 1024).toFixed(2)} KB; ${sz.modules.length} modules, ${sz.minifiedBytes} B minified)${verdict}`);
    if (sz.lazyModules.length > 0) lines.push(`    + loaded on demand (${sz.lazyModules.join(', ')}): ${sz.withLazyGzipBytes} B with them`);
  }
  const shellEvSize = result.size.shellEv;
  if (shellEvSize.status === 'ok') {
    lines.push(`  largest in the Shell EV runtime (minified): ${shellEvSize.perModule.slice(0, 5).map((m) => `${m.module} ${m.minifiedBytes} B`).join(', ')}`);
  }
  for (const n of notes) lines.push(`Note: ${n}`);
  console.log(lines.join('\n'));
  mkdirSync(dirname(o.out), { recursive: true });
  writeJson(o.out, result);
  log(`wrote ${o.out}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(result.error ? 1 : 0);
}

/** SDK ÷ bare fetch, for every pair marked `target`. */
const OVERHEAD_TARGET = 1.1;

/** The overhead pairs (see the header); `target`: the pair must stay ≤ OVERHEAD_TARGET. */
const OVERHEAD_PAIRS = [
  { key: 'headline', sides: ['sdk', 'bareTimeout'], target: true, label: 'SDK (default, 60 s timeout) vs the same request with bare fetch (60 s timeout signal)' },
  { key: 'withoutTimeout', sides: ['sdkNoTimeout', 'bare'], target: true, label: 'SDK with timeout: 0 vs bare fetch' },
  { key: 'plain', sides: ['sdk', 'bare'], target: false, label: 'SDK (default) vs bare fetch without a timeout' },
  { key: 'timeoutCost', sides: ['bareTimeout', 'bare'], target: false, label: 'bare fetch + 60 s timeout signal vs bare fetch (what Node\'s fetch charges for a signal)' },
];

const SIDE_NAMES = { sdk: 'SDK', sdkNoTimeout: 'SDK (timeout: 0)', bare: 'bare fetch', bareTimeout: 'bare fetch + timeout' };

/** One pair over its processes: each process's ratio, their median, and median µs per side. */
function summarizePair(pair, processRuns) {
  const [a, b] = pair.sides;
  const ratios = processRuns.map((r) => round(median(r.per[a]) / median(r.per[b]), 3));
  const us = (side) => round(median(processRuns.map((r) => median(r.per[side]))), 1);
  return {
    label: pair.label,
    sides: pair.sides,
    target: pair.target,
    ratio: round(median(ratios), 3),
    ratios,
    usPerRequest: { [a]: us(a), [b]: us(b) },
    extraUsPerRequest: round(us(a) - us(b), 1),
  };
}

const SIZE_LABELS = [
  ['shellEv', 'Shell EV SDK (HTTP, client-credentials auth, errors)'],
  ['core', 'core every SDK carries (HTTP, errors; an API without auth)'],
  ['all', 'every runtime module (all auth kinds, form/multipart/binary bodies, server templates)'],
];

/** A one-operation API without auth or servers with variables: its SDK carries only the core. */
const CORE_SPEC = {
  openapi: '3.0.3',
  info: { title: 'Core', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The thing', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
};

/**
 * The runtime the generated Shell EV SDK ships (generated in step 1), the core (an SDK generated
 * here from CORE_SPEC), and every runtime module. A generated SDK leaves out the runtime modules
 * of features its API does not use.
 */
async function measureSizes() {
  const unavailable = (reason) => ({ status: 'unavailable', reason });
  const shellEvRuntime = join(work, 'shell-ev-sdk', 'src', 'runtime');
  const shellEv = existsSync(shellEvRuntime)
    ? await measureRuntimeSize({ runtimeDir: shellEvRuntime })
    : unavailable('the Shell EV SDK was not generated (see the overhead step)');
  let core;
  const coreDir = join(work, 'core-sdk');
  const specFile = join(work, 'core.json');
  writeJson(specFile, CORE_SPEC);
  try {
    await generateSdk(specFile, coreDir, ['--package-name', 'core-sdk']);
    core = await measureRuntimeSize({ runtimeDir: join(coreDir, 'src', 'runtime') });
  } catch (e) {
    core = unavailable(e.message);
  }
  const all = await measureRuntimeSize({ runtimeDir: join(root, 'templates', 'typescript', 'runtime') });
  return { shellEv, core, all };
}

function round(x, d) {
  return Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null;
}

main().catch((e) => {
  console.error(e);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
