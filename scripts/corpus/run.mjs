#!/usr/bin/env node
// Runs sdkgen over a corpus of real-world and edge-case OpenAPI descriptions and type-checks what
// it generates.
//
//   node scripts/corpus/run.mjs [--ci] [--filter SUBSTR]... [--json FILE] [--strict]
//                               [--concurrency N] [--install] [--build] [--clean] [--list]
//
// For each spec (listed in scripts/corpus/corpus.json):
//   1. `sdkgen generate -i SPEC -o OUT --package-name corpus-<slug>` in a child process (cwd: the
//      spec's folder, so the default --ref-root is that folder) with a timeout, OUT under <repo>/.tmp/corpus/ (gitignored; kept for inspection, --clean removes);
//   2. `tsc --strict --noEmit` over OUT (the generated tsconfig.json when there is one, otherwise
//      every .ts file with ES2022/Node16 options); @types/node resolves from <repo>/node_modules
//      because OUT lives inside the repository;
//   3. judges the result against the spec's `expect`:
//        compile — generate exits 0 and tsc reports no error;
//        reject  — generate exits 1 (a user error) with a message, no stack trace, no file content
//                  read from outside the spec folder, and writes nothing;
//        clean   — either of the above;
//   4. with `strict: "reject"` (specs sdkgen generates only by working around problems), runs
//      `sdkgen generate --strict` too, which must then be a clean rejection;
//   5. the Python target (unless --targets typescript): every spec that generates TypeScript must
//      generate a Python package too (`--target python -o OUT-python`) that passes `ruff check`,
//      `ruff format --check` and `mypy --strict` (Python 3.9) and imports, with its client built (the test venv, scripts/test/venv.mjs).
// Counts the `warning:` lines of each generate run. Prints a table and
// `N specs: G generated, C compiled, F failed; W warnings (K specs with warnings)`.
//
// Sources: `package` entries are files of npm packages pinned in sources/package.json; `github`
// entries are files of a public repository at a pinned commit, unpacked (never committed) under
// sources/github/<owner>+<name>@<commit>/ (see README.md: a session with the search tool's
// `fetch` can lay it out; without it those specs report "source not installed").
// Exit code: with --ci (the `ci: true` subset), 1 when any spec fails; otherwise 0 unless --strict.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFragment, isRootDocument, listSpecFiles, parseText } from './lib/check-spec.mjs';
import { checkPythonPackage } from './lib/python-check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const sourcesDir = path.join(here, 'sources');
const corpusFile = path.join(here, 'corpus.json');
const defaultSdkgen = path.join(repo, 'dist/generator/cli/main.js');
const tscJs = path.join(repo, 'node_modules/typescript/bin/tsc');
const outRoot = path.join(repo, '.tmp/corpus');

/** Strings that must never show up in sdkgen's output for the bad specs (leaked file content). */
const LEAK_MARKERS = ['root:x:0:0', '"@apidevtools/json-schema-ref-parser"'];

function usage(code) {
  const text = `Usage: node scripts/corpus/run.mjs [options]
  --ci               only the CI subset (ci: true); exit 1 if any of it fails
  --filter SUBSTR    only specs whose id contains SUBSTR (repeatable; OR)
  --json FILE        write the results as JSON
  --strict           exit 1 on any failure, also for the full corpus
  --concurrency N    specs run in parallel (default 2)
  --timeout S        override every spec's timeout (seconds, per step)
  --sdkgen PATH      CLI entry point (default dist/generator/cli/main.js)
  --install          run \`npm ci\` in scripts/corpus/sources when its node_modules is missing
  --build            run \`tsc -p .\` in the repository first
  --no-compile       skip the tsc step (and the Python checks)
  --targets LIST     typescript,python (default) or typescript: which targets to generate and check
  --clean            delete each output folder after its spec passes
  --list             print the selected specs and exit
  --quiet            no per-spec progress lines`;
  (code ? process.stderr : process.stdout).write(text + '\n');
  process.exit(code);
}

function parseArgs(argv) {
  const o = { ci: false, filters: [], json: undefined, strict: false, concurrency: 2, timeout: undefined,
    sdkgen: defaultSdkgen, install: false, build: false, compile: true, clean: false, list: false, quiet: false,
    targets: ['typescript', 'python'], python: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(2);
      return argv[++i];
    };
    switch (a) {
      case '--ci': o.ci = true; break;
      case '--filter': o.filters.push(next()); break;
      case '--json': o.json = path.resolve(next()); break;
      case '--strict': o.strict = true; break;
      case '--concurrency': o.concurrency = Math.max(1, Number(next()) || 1); break;
      case '--timeout': o.timeout = Number(next()); break;
      case '--sdkgen': o.sdkgen = path.resolve(next()); break;
      case '--install': o.install = true; break;
      case '--build': o.build = true; break;
      case '--no-compile': o.compile = false; break;
      case '--targets': o.targets = next().split(',').map((t) => t.trim()).filter(Boolean); break;
      case '--clean': o.clean = true; break;
      case '--list': o.list = true; break;
      case '--quiet': o.quiet = true; break;
      case '-h': case '--help': usage(0); break;
      default:
        if (a.startsWith('--filter=')) o.filters.push(a.slice(9));
        else if (a.startsWith('--json=')) o.json = path.resolve(a.slice(7));
        else if (a.startsWith('--targets=')) o.targets = a.slice(10).split(',').map((t) => t.trim()).filter(Boolean);
        else { process.stderr.write(`unknown option ${a}\n`); usage(2); }
    }
  }
  return o;
}

/** Expands corpus.json into a flat list of specs. */
export function loadCorpus(file = corpusFile) {
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8'));
  const defaults = corpus.defaults ?? {};
  const specs = [];
  for (const group of corpus.fixtures ?? []) {
    const dir = path.join(repo, group.dir);
    const groupName = path.basename(group.dir);
    for (const f of listSpecFiles(dir)) {
      const rel = path.relative(dir, f).split(path.sep).join('/');
      // edge/: only root documents (multi-file fragments are reached through $refs);
      // bad/: every file except declared fragments (most bad files are not documents at all).
      if (isFragment(f)) continue;
      if (group.expect !== 'reject' && !isRootDocument(f)) continue;
      const override = group.overrides?.[rel] ?? {};
      specs.push({
        id: `${groupName}/${rel}`, file: f, source: group.dir, ci: Boolean(override.ci ?? group.ci),
        expect: override.expect ?? group.expect ?? defaults.expect ?? 'compile',
        strict: 'strict' in override ? override.strict : group.strict,
        timeoutSeconds: override.timeoutSeconds ?? group.timeoutSeconds ?? defaults.timeoutSeconds ?? 180,
        why: override.why ?? group.why,
      });
    }
  }
  for (const s of corpus.specs ?? []) {
    const short = s.github ? s.github.split('/')[1] : s.package.replace(/^@[^/]+\//, '');
    specs.push({
      // A repository's folders say nothing a file name does not (`apis/TMF622_…/swaggers/TMF622-….json`).
      id: `${short}:${(s.github ? path.basename(s.path) : s.path.replace(/^api\//, '')).replace(/\.(json|ya?ml)$/, '')}`,
      file: s.github ? path.join(githubDir(s.github, s.commit), s.path) : path.join(sourcesDir, 'node_modules', s.package, s.path),
      source: s.github ? `github:${s.github}@${s.commit}` : s.package,
      ci: Boolean(s.ci), expect: s.expect ?? defaults.expect ?? 'compile', strict: s.strict,
      timeoutSeconds: s.timeoutSeconds ?? defaults.timeoutSeconds ?? 180, why: s.why,
    });
  }
  return specs;
}

/** Where the files of a pinned GitHub repository are unpacked (gitignored). */
export function githubDir(repo, commit) {
  return path.join(sourcesDir, 'github', `${repo.replace('/', '+')}@${commit}`);
}

function slugOf(id) {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'spec';
}

/** Counts operations and schemas of a spec (root document only); undefined when unparseable. */
function countSpec(file) {
  try {
    const doc = parseText(fs.readFileSync(file, 'utf8'), file);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return {};
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    let ops = 0;
    for (const item of [...Object.values(doc.paths ?? {}), ...Object.values(doc.webhooks ?? {})]) {
      if (item && typeof item === 'object') {
        if (typeof item.$ref === 'string' && methods.every((m) => !(m in item))) ops += 1; // path item $ref: counted as one
        for (const m of methods) if (item[m]) ops++;
      }
    }
    const schemas = Object.keys(doc.components?.schemas ?? doc.definitions ?? {}).length;
    return { ops, schemas };
  } catch {
    return {};
  }
}

/** Runs a command; resolves with { code, signal, stdout, stderr, timedOut, seconds }. */
function run(cmd, args, { cwd = repo, timeoutMs, env } = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const cap = 4 * 1024 * 1024;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { if (stdout.length < cap) stdout += d; });
    child.stderr.on('data', (d) => { if (stderr.length < cap) stderr += d; });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
    }, timeoutMs);
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, seconds: (performance.now() - start) / 1000 });
    });
  });
}

function listTs(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m|c)?ts$/.test(e.name)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

function listAll(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((p) => !fs.statSync(path.join(dir, p)).isDirectory());
}

/** First meaningful line of a failed generate run. */
function firstGenerateError(r) {
  if (r.timedOut) return `timed out after ${r.seconds.toFixed(0)} s`;
  const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  // sdkgen prints a summary line, then one `error: file:line:col: …` line per problem; an internal
  // error prints `XxxError: message` and a stack. Prefer the most specific line.
  const line = lines.find((l) => /^error[: ]/i.test(l))
    ?? lines.find((l) => /^[A-Za-z]*Error\b.*:/.test(l))
    ?? lines.find((l) => /error|cannot|invalid|not |unsupported|refus|fail/i.test(l))
    ?? lines[0];
  return line ?? `exit code ${r.code}${r.signal ? ` (${r.signal})` : ''}, no output`;
}

function firstTscError(text, outDir) {
  const line = text.split('\n').find((l) => /error TS\d+/.test(l)) ?? text.split('\n').find((l) => l.trim());
  return line ? line.replace(outDir + path.sep, '').trim() : 'tsc failed without output';
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** The `warning: …` lines sdkgen printed (one per problem it worked around or noted). */
export function countWarnings(stderr) {
  return (stderr.match(/^warning: /gm) ?? []).length;
}

async function runSpec(spec, opts, slot = 0) {
  const counts = countSpec(spec.file);
  const result = {
    id: spec.id, file: path.relative(repo, spec.file), expect: spec.expect, ci: spec.ci,
    operations: counts.ops ?? null, schemas: counts.schemas ?? null,
    generate: 'skip', compile: 'skip', strict: 'skip', python: 'skip', exitCode: null, tsErrors: 0, pyErrors: 0, warnings: 0,
    seconds: 0, generateSeconds: 0, compileSeconds: 0, pythonSeconds: 0, firstError: '', pass: false, outDir: '',
  };
  if (!fs.existsSync(spec.file)) {
    result.generate = 'missing';
    result.firstError = spec.source.startsWith('test/')
      ? `fixture missing: ${result.file}`
      : spec.source.startsWith('github:')
        ? `source not installed: unpack ${spec.source.slice(7)} into ${path.relative(repo, path.dirname(spec.file))} (scripts/corpus/README.md)`
        : `source not installed: run \`npm ci\` in scripts/corpus/sources (or pass --install)`;
    return result;
  }
  const slug = slugOf(spec.id);
  const outDir = path.join(outRoot, slug);
  result.outDir = path.relative(repo, outDir);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const timeoutMs = (opts.timeout ?? spec.timeoutSeconds) * 1000;

  // cwd = the spec's folder, as a user generating from there: sdkgen's default --ref-root is the
  // working directory, so `$ref`s that climb out of the spec folder (bad/refs/sub/escape-inner.yaml)
  // really leave the allowed root.
  const gen = await run(process.execPath, [opts.sdkgen, 'generate', '-i', spec.file, '-o', outDir, '--package-name', `corpus-${slug}`.slice(0, 200)], { cwd: path.dirname(spec.file), timeoutMs });
  result.generateSeconds = gen.seconds;
  result.exitCode = gen.code;
  result.warnings = countWarnings(gen.stderr);
  const genOutput = `${gen.stdout}\n${gen.stderr}`;

  if (spec.expect === 'reject' || (spec.expect === 'clean' && gen.code !== 0)) {
    result.generate = gen.timedOut ? 'timeout' : gen.code === 0 ? 'ok' : 'rejected';
    const problems = [];
    if (gen.timedOut) problems.push(`timed out after ${gen.seconds.toFixed(0)} s`);
    else if (gen.code === 0) problems.push('generated an SDK for an invalid spec (exit code 0)');
    else if (gen.code !== 1) problems.push(`exit code ${gen.code ?? gen.signal}, expected 1 (user error)`);
    if (STACK_LINE.test(genOutput)) problems.push('printed a stack trace');
    if (!gen.timedOut && genOutput.trim() === '') problems.push('no error message');
    for (const marker of LEAK_MARKERS) if (genOutput.includes(marker)) problems.push(`leaked file content (${marker})`);
    if (gen.code !== 0 && listAll(outDir).length > 0) problems.push('left files in the output folder');
    result.seconds = gen.seconds;
    result.pass = problems.length === 0;
    const message = firstGenerateError(gen);
    result.firstError = problems.length ? `${problems.join('; ')} — ${message}` : `(rejected) ${message}`;
    return result;
  }

  if (gen.code !== 0) {
    result.generate = gen.timedOut ? 'timeout' : 'fail';
    result.firstError = firstGenerateError(gen) + (STACK_LINE.test(genOutput) && gen.code !== 70 ? ' [stack trace]' : '');
    result.seconds = gen.seconds;
    return result;
  }
  result.generate = 'ok';

  if (spec.strict === 'reject') {
    // Generated only by working around problems: --strict must refuse it, cleanly.
    const strictOut = `${outDir}-strict`;
    const st = await run(process.execPath, [opts.sdkgen, 'generate', '--strict', '-i', spec.file, '-o', strictOut], { cwd: path.dirname(spec.file), timeoutMs });
    const text = `${st.stdout}\n${st.stderr}`;
    const clean = st.code === 1 && !STACK_LINE.test(text) && /^error: /m.test(text) && listAll(strictOut).length === 0;
    result.strict = clean ? 'rejected' : `fail(exit ${st.code})`;
    fs.rmSync(strictOut, { recursive: true, force: true });
    if (!clean) {
      result.firstError = `--strict did not reject it cleanly: ${firstGenerateError(st)}`;
      result.seconds = gen.seconds + st.seconds;
      return result;
    }
  }

  if (!opts.compile) {
    result.seconds = gen.seconds;
    result.pass = true;
    return result;
  }
  const tsFiles = listTs(outDir);
  if (tsFiles.length === 0) {
    result.compile = 'fail';
    result.firstError = 'no .ts files generated';
    result.seconds = gen.seconds;
    return result;
  }
  const tsconfig = path.join(outDir, 'tsconfig.json');
  const common = ['--noEmit', '--strict', '--pretty', 'false'];
  const args = fs.existsSync(tsconfig)
    ? ['-p', tsconfig, ...common]
    : [...common, '--target', 'ES2022', '--module', 'Node16', '--moduleResolution', 'Node16', '--lib', 'ES2022,DOM',
       '--types', 'node', '--skipLibCheck', '--forceConsistentCasingInFileNames', ...tsFiles];
  const tsc = await run(process.execPath, ['--max-old-space-size=8192', tscJs, ...args], { cwd: outDir, timeoutMs });
  result.compileSeconds = tsc.seconds;
  result.seconds = gen.seconds + tsc.seconds;
  const tscOut = `${tsc.stdout}\n${tsc.stderr}`;
  result.tsErrors = (tscOut.match(/error TS\d+/g) ?? []).length;
  if (tsc.timedOut) {
    result.compile = 'timeout';
    result.firstError = `tsc timed out after ${tsc.seconds.toFixed(0)} s`;
  } else if (tsc.code !== 0) {
    result.compile = 'fail';
    result.firstError = firstTscError(tscOut, outDir);
  } else {
    result.compile = 'ok';
    result.pass = true;
  }
  if (result.pass && opts.targets.includes('python')) {
    const py = await checkPythonPackage({
      python: opts.python, sdkgen: opts.sdkgen, spec: spec.file, outDir: `${outDir}-python`,
      packageName: `corpus-${slug}`.slice(0, 200), cacheDir: path.join(outRoot, `.mypy-${slot}`), timeoutMs, run,
    });
    result.python = py.status;
    result.pyErrors = py.errors;
    result.pythonSeconds = py.seconds;
    result.seconds += py.seconds;
    if (py.status !== 'ok') {
      result.pass = false;
      result.firstError = `python: ${py.firstError}`;
    }
  }
  if (result.pass && opts.clean) {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(`${outDir}-python`, { recursive: true, force: true });
  }
  return result;
}

/** Runs `fn(item, index, worker)` over `items`, `n` at a time (`worker`: 0…n-1, e.g. a cache slot). */
async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async (_, worker) => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i, worker);
    }
  }));
  return results;
}

function truncate(s, n) {
  const one = String(s).replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function table(results) {
  const cols = [
    ['spec', (r) => r.id],
    ['ops', (r) => r.operations ?? '-'],
    ['schemas', (r) => r.schemas ?? '-'],
    ['expect', (r) => r.expect],
    ['generate', (r) => r.generate],
    ['compile', (r) => (r.compile === 'fail' && r.tsErrors ? `fail(${r.tsErrors})` : r.compile)],
    ['strict', (r) => r.strict ?? 'skip'],
    ['python', (r) => (r.python === 'fail' && r.pyErrors ? `fail(${r.pyErrors})` : r.python ?? 'skip')],
    ['warns', (r) => r.warnings ?? 0],
    ['secs', (r) => r.seconds.toFixed(1)],
    ['result', (r) => (r.pass ? 'PASS' : 'FAIL')],
    ['first error', (r) => truncate(r.firstError, 140)],
  ];
  const rows = results.map((r) => cols.map(([, f]) => String(f(r))));
  const widths = cols.map(([h], i) => Math.max(h.length, ...rows.map((row) => (i === cols.length - 1 ? 0 : row[i].length))));
  const fmt = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(cols.map(([h]) => h)), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

export function summarize(results) {
  const generated = results.filter((r) => r.generate === 'ok').length;
  const compiled = results.filter((r) => r.compile === 'ok').length;
  const failed = results.filter((r) => !r.pass).length;
  const rejected = results.filter((r) => r.generate === 'rejected' && r.pass).length;
  const warnings = results.reduce((n, r) => n + (r.warnings ?? 0), 0);
  const warned = results.filter((r) => (r.warnings ?? 0) > 0).length;
  const python = results.filter((r) => r.python === 'ok').length;
  const pythonChecked = results.some((r) => r.python !== undefined && r.python !== 'skip');
  return { specs: results.length, generated, compiled, python, failed, rejectedAsExpected: rejected, warnings, specsWithWarnings: warned,
    line: `${results.length} specs: ${generated} generated, ${compiled} compiled${pythonChecked ? `, ${python} Python packages type-checked and imported` : ''}, ${failed} failed; ${warnings} warnings (${warned} specs with warnings)` };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let specs = loadCorpus();
  if (opts.ci) specs = specs.filter((s) => s.ci);
  if (opts.filters.length) specs = specs.filter((s) => opts.filters.some((f) => s.id.includes(f) || path.relative(repo, s.file).includes(f)));
  if (opts.list) {
    for (const s of specs) console.log(`${s.ci ? 'ci ' : '   '}${s.expect.padEnd(8)}${s.id}`);
    console.log(`${specs.length} specs`);
    return 0;
  }
  if (specs.length === 0) {
    console.error('no spec selected');
    return 2;
  }
  if (opts.install && specs.some((s) => !s.source.startsWith('test/')) && !fs.existsSync(path.join(sourcesDir, 'node_modules'))) {
    console.error('installing corpus sources (npm ci in scripts/corpus/sources)…');
    const r = await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: sourcesDir, timeoutMs: 900_000 });
    if (r.code !== 0) {
      console.error(r.stderr);
      return 1;
    }
  }
  if (opts.build) {
    const r = await run(process.execPath, [tscJs, '-p', path.join(repo, 'tsconfig.json')], { timeoutMs: 600_000 });
    if (r.code !== 0) console.error(`build failed (continuing with whatever dist/ holds):\n${r.stdout}${r.stderr}`);
  }
  if (!fs.existsSync(opts.sdkgen)) {
    console.error(`sdkgen CLI not found at ${path.relative(repo, opts.sdkgen)}: build it first (npx tsc -p .) or pass --build`);
  }
  const started = new Date();
  console.error(`running ${specs.length} spec(s), concurrency ${opts.concurrency}, outputs in ${path.relative(repo, outRoot)}/`);
  const bad = opts.targets.filter((t) => t !== 'typescript' && t !== 'python');
  if (bad.length > 0 || !opts.targets.includes('typescript')) {
    console.error(`--targets: typescript or typescript,python (got ${opts.targets.join(',')})`);
    return 2;
  }
  if (!opts.compile) opts.targets = ['typescript'];
  if (opts.targets.includes('python')) {
    // The test venv (mypy, pydantic, httpx at the pinned versions); created when missing.
    const venv = await run(process.execPath, [path.join(repo, 'scripts/test/venv.mjs')], { timeoutMs: 900_000 });
    opts.python = venv.stdout.trim().split('\n').pop();
    if (venv.code !== 0 || !opts.python) {
      console.error(`could not set up the Python venv (scripts/test/venv.mjs):\n${venv.stdout}${venv.stderr}`);
      return 1;
    }
  }
  const results = await pool(specs, opts.concurrency, async (spec, i, worker) => {
    const r = await runSpec(spec, opts, worker);
    if (!opts.quiet) {
      console.error(`[${String(i + 1).padStart(String(specs.length).length)}/${specs.length}] ${r.pass ? 'PASS' : 'FAIL'} ${r.id} (${r.seconds.toFixed(1)} s)${r.pass ? '' : ` — ${truncate(r.firstError, 160)}`}`);
    }
    return r;
  });
  const summary = summarize(results);
  console.log(table(results));
  console.log('');
  console.log(summary.line);
  if (summary.rejectedAsExpected) console.log(`(${summary.rejectedAsExpected} invalid spec(s) rejected as expected)`);
  const warned = results.filter((r) => r.warnings > 0).map((r) => `${r.id} ${r.warnings}`);
  if (warned.length) console.log(`warnings per spec: ${warned.join(', ')}`);
  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(opts.json, JSON.stringify({
      startedAt: started.toISOString(), seconds: (Date.now() - started.getTime()) / 1000,
      node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length,
      options: { ci: opts.ci, filters: opts.filters, strict: opts.strict, concurrency: opts.concurrency, targets: opts.targets },
      summary, results,
    }, null, 2) + '\n');
  }
  if (summary.failed > 0 && (opts.ci || opts.strict)) return 1;
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(70);
  });
}
