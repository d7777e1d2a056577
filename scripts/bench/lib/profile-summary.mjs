#!/usr/bin/env node
/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by file, plus the
 * total (inclusive) time of the heaviest functions.
 *
 *   node scripts/bench/lib/profile-summary.mjs PROFILE.cpuprofile [--top 25] [--json]
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 25;
if (!file) {
  console.error('usage: profile-summary.mjs PROFILE.cpuprofile [--top N] [--json]');
  process.exit(2);
}
const prof = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from samples × time deltas.
const self = new Map();
let total = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});

const short = (url) => (url || '(native)').replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^\/work\/main\//, '');
const key = (n) => `${n.callFrame.functionName || '(anonymous)'}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const byFn = new Map();
const byFile = new Map();
const inclusive = new Map();
for (const [id, t] of self) {
  const n = nodes.get(id);
  const k = key(n);
  byFn.set(k, (byFn.get(k) ?? 0) + t);
  const f = short(n.callFrame.url);
  byFile.set(f, (byFile.get(f) ?? 0) + t);
  // inclusive: add t to every distinct function on the stack
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = key(nodes.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    inclusive.set(kk, (inclusive.get(kk) ?? 0) + t);
  }
}
const sort = (m) => [...m].sort((a, b) => b[1] - a[1]);
const ms = (us) => (us / 1000).toFixed(1);
const pct = (us) => ((100 * us) / total).toFixed(1);

if (args.includes('--json')) {
  console.log(JSON.stringify({
    totalMs: total / 1000,
    selfByFunction: sort(byFn).slice(0, top).map(([k, t]) => ({ fn: k, ms: t / 1000 })),
    selfByFile: sort(byFile).slice(0, top).map(([k, t]) => ({ file: k, ms: t / 1000 })),
    inclusive: sort(inclusive).slice(0, top).map(([k, t]) => ({ fn: k, ms: t / 1000 })),
  }, null, 2));
} else {
  console.log(`total sampled: ${ms(total)} ms`);
  console.log(`\n## self time by function (top ${top})`);
  for (const [k, t] of sort(byFn).slice(0, top)) console.log(`${ms(t).padStart(9)} ms ${pct(t).padStart(5)}%  ${k}`);
  console.log(`\n## self time by file (top ${top})`);
  for (const [k, t] of sort(byFile).slice(0, top)) console.log(`${ms(t).padStart(9)} ms ${pct(t).padStart(5)}%  ${k}`);
  console.log(`\n## inclusive time by function (top ${top})`);
  for (const [k, t] of sort(inclusive).slice(0, top)) console.log(`${ms(t).padStart(9)} ms ${pct(t).padStart(5)}%  ${k}`);
}
