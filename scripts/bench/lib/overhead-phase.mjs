#!/usr/bin/env node
/**
 * One phase of the runtime overhead benchmark, run by runtime.mjs in a fresh process so that
 * phases cannot tilt each other (V8 optimizes fetch's code for the call shapes it has seen):
 *
 *   node overhead-phase.mjs '<json>'   → prints one JSON line: { label, per: { side: [µs…] } }
 *
 * <json>: { bundle, kind: 'sdk' | 'runtime', origin, clientName, sides: [...], requests, batch,
 * deadline, transport? }. Sides: `sdk` (the generated SDK, default configuration), `sdkNoTimeout`
 * (the same with `timeout: 0`), `bare` (fetch, token in hand), `bareTimeout` (fetch with an abort
 * signal and a 60 s timer). With `transport: 'memory'` the global fetch is ./in-memory-fetch.mjs
 * (no socket; the origin only names URLs), so the sides differ by their own code alone. With
 * `measure: 'bytes'` (and node's --expose-gc), it prints { bytes: { side: heap bytes per call } }.
 * `requests` per side in interleaved batches of `batch` sequential calls (the side that goes
 * first alternates), after a warm-up of up to 1,000 calls each.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { inMemoryFetch } from './in-memory-fetch.mjs';
import { bareSubject, runtimeSubject, sdkSubject } from './subjects.mjs';

const o = JSON.parse(process.argv[2]);
// Before any subject exists: the SDK and bare fetch both look the global up at call time.
if (o.transport === 'memory') globalThis.fetch = inMemoryFetch;
const mod = await import(pathToFileURL(o.bundle).href);
const ctx = { baseUrl: `${o.origin}/ev`, tokenUrl: `${o.origin}/v2/oauth/token`, clientName: o.clientName };
const client = (config = {}) => (o.kind === 'sdk' ? sdkSubject(mod, { ...ctx, config }) : runtimeSubject(mod, ctx));

async function bareToken() {
  const res = await fetch(`${o.origin}/v2/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return (await res.json()).access_token;
}

const make = {
  sdk: async () => client(),
  sdkNoTimeout: async () => client({ timeout: 0 }),
  bare: async () => bareSubject({ baseUrl: ctx.baseUrl, token: await bareToken() }),
  bareTimeout: async () => bareSubject({ baseUrl: ctx.baseUrl, token: await bareToken(), timeoutMs: 60_000 }),
};

async function timeBatch(subject, n) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await subject.call();
  return performance.now() - t0;
}

const sides = {};
for (const name of o.sides) sides[name] = await make[name]();
const warm = Math.min(1000, o.requests);
for (const side of Object.values(sides)) await timeBatch(side, warm); // the SDK fetches its token here
if (o.measure === 'bytes') {
  // Heap bytes allocated per call (run with --expose-gc and a young generation large enough that
  // no collection happens within a batch): the heap growth over a batch after a full collection,
  // the median of 7 batches per side.
  const bytes = {};
  for (const name of o.sides) {
    const rounds = [];
    for (let r = 0; r < 7; r++) {
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < o.batch; i++) await sides[name].call();
      rounds.push((process.memoryUsage().heapUsed - before) / o.batch);
    }
    bytes[name] = Math.round(rounds.sort((x, y) => x - y)[3]);
  }
  process.stdout.write(JSON.stringify({ bytes }) + '\n');
  process.exit(0);
}
const per = Object.fromEntries(o.sides.map((name) => [name, []]));
const batches = Math.max(1, Math.round(o.requests / o.batch));
let stopped;
for (let b = 0; b < batches; b++) {
  if (Date.now() > o.deadline) {
    stopped = `stopped after ${b} of ${batches} batches (time bound)`;
    break;
  }
  const order = b % 2 === 0 ? o.sides : [...o.sides].reverse();
  for (const name of order) per[name].push(((await timeBatch(sides[name], o.batch)) / o.batch) * 1000);
}
const label = Object.values(sides).find((s) => !s.label.startsWith('bare fetch'))?.label;
process.stdout.write(JSON.stringify({ label, per, stopped }) + '\n');
