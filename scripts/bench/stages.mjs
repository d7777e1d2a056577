#!/usr/bin/env node
/**
 * Times sdkgen's pipeline stage by stage on one spec, through the built library (dist/), and goes
 * as far as the stages work: load → validate → ir → render (per target). Useful for profiling
 * while later stages are unfinished, and to see which stage owns the time:
 *
 *   node scripts/bench/stages.mjs SPEC [--runs 3] [--targets typescript,python]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/stages.mjs SPEC --runs 1
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const spec = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'spec', 'shell-ev.yaml'));
const runsIdx = args.indexOf('--runs');
const runs = runsIdx >= 0 ? Number(args[runsIdx + 1]) : 1;

const { resolveConfig } = require(join(root, 'dist/generator/config/index.js'));
const { loadSpec } = require(join(root, 'dist/generator/bundle/index.js'));
const { validateSpec } = require(join(root, 'dist/generator/validate/index.js'));
const { buildIr } = require(join(root, 'dist/generator/ir/index.js'));
const { renderTargetFiles } = require(join(root, 'dist/generator/pipeline.js'));
const targetsIdx = args.indexOf('--targets');
const targetIds = targetsIdx >= 0 ? args[targetsIdx + 1].split(',') : ['typescript'];

const configs = await Promise.all(
  targetIds.map((target) => resolveConfig({ input: spec, target, output: join(root, '.tmp', `stages-${target}`), packageName: 'bench-sdk', clientName: 'BenchClient' }, process.cwd())),
);
const config = { ...configs[0], targets: configs.flatMap((c) => c.targets) };
for (let r = 0; r < runs; r++) {
  const t = {};
  const step = async (name, fn) => {
    const s = performance.now();
    try {
      return await fn();
    } finally {
      t[name] = Math.round(performance.now() - s);
    }
  };
  let failed = null;
  try {
    const loaded = await step('load', () => loadSpec(config.input, { allowRemoteRefs: false, refRoot: config.refRoot }));
    const problems = await step('validate', () => validateSpec(loaded));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(`${errors.length} validation error(s): ${errors.slice(0, 3).map((e) => e.message).join(' | ')}`);
    const ir = await step('ir', () => buildIr(loaded, () => {}));
    t.files = 0;
    for (const target of config.targets) {
      const files = await step(`render ${target.target}`, () => renderTargetFiles(ir, target));
      t.files += files.length;
    }
  } catch (e) {
    failed = `${e.constructor?.name}: ${e.message}`.slice(0, 300);
  }
  const mem = process.memoryUsage();
  console.log(JSON.stringify({ run: r, ms: t, failed, heapUsedMb: Math.round(mem.heapUsed / 2 ** 20), rssMb: Math.round(mem.rss / 2 ** 20), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
