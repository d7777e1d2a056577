#!/usr/bin/env node
/**
 * What an API team pays when it regenerates: the GitHub spec (or SPEC) generated fresh, then
 * regenerated into the same folders with no change, then after a one-description spec change.
 * Both targets from one config; the fresh runs with an empty formatting cache, the others with the
 * cache the previous run left. Rounds interleave the three cases; medians printed.
 *
 *   node scripts/bench/regenerate.mjs [SPEC] [--runs 3]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lib/proc.mjs';
import { median } from './lib/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const spec = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? join(root, 'scripts/bench/peers/node_modules/@octokit/openapi/generated/api.github.com.json'));
const cli = join(root, 'dist', 'generator', 'cli', 'main.js');

const work = mkdtempSync(join(tmpdir(), 'sdkgen-regen-'));
const original = readFileSync(spec, 'utf8');
// Same file name: generated files name their spec in their header, so another name changes them all.
mkdirSync(join(work, 'changed'));
const changed = join(work, 'changed', basename(spec));
const doc = JSON.parse(original);
const firstSchema = Object.keys(doc.components?.schemas ?? {})[0];
if (firstSchema) doc.components.schemas[firstSchema].description = 'Changed by the regeneration benchmark.';
writeFileSync(changed, JSON.stringify(doc, null, /^\{\s*\n(\s+)/.exec(original)?.[1] ?? 0));

function config(name, input, out) {
  const file = join(work, `${name}.json`);
  const targets = { typescript: { output: join(out, 'typescript') }, python: { output: join(out, 'python') } };
  writeFileSync(file, JSON.stringify({ input, targets, package: { name: 'github-sdk' }, client: { className: 'GitHubClient' } }));
  return file;
}

async function run(label, configFile, cacheDir) {
  const m = await measure({ cmd: process.execPath, args: [cli, 'generate', '--config', configFile, '-q'], cwd: work, env: { SDKGEN_CACHE_DIR: cacheDir }, timeoutMs: 600_000 });
  if (m.exitCode !== 0) throw new Error(`${label}: sdkgen exited ${m.exitCode}`);
  return m.wallMs;
}

const times = { fresh: [], unchanged: [], changed: [] };
try {
  for (let r = 0; r < runs; r++) {
    const out = join(work, `out-${r}`);
    const cache = join(work, `cache-${r}`);
    times.fresh.push(await run('fresh', config(`fresh-${r}`, spec, out), cache));
    times.unchanged.push(await run('unchanged', config(`same-${r}`, spec, out), cache));
    times.changed.push(await run('changed', config(`changed-${r}`, changed, out), cache));
    // Kept until the end: removing thousands of files right before a run slows that run's file
    // creations on a disk that discards freed blocks online (see bench.mjs, benchSpec).
  }
  const fresh = median(times.fresh);
  console.log(`sdkgen generate, TypeScript + Python from ${spec.split('/').pop()}, median of ${runs}:`);
  for (const [name, label] of [['fresh', 'fresh folders, empty cache'], ['unchanged', 'regenerate, spec unchanged'], ['changed', 'regenerate, one description changed']]) {
    const t = median(times[name]);
    console.log(`  ${label.padEnd(38)} ${(t / 1000).toFixed(2)} s  (${(t / fresh).toFixed(2)} of fresh)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
