/**
 * Minified + gzipped size of an SDK runtime: every `*.ts` of a runtime folder except `node/` and
 * `redis/` (the token stores of the `/node` and `/redis` entries, never reached from the main
 * one), `*.d.ts` and `*.test.ts`.
 *
 * Measured for (see runtime.mjs) the runtime folder of a generated SDK (`src/runtime/`: what that
 * SDK ships, since the generator leaves out the modules of features its API does not use) and
 * for `templates/typescript/runtime/` (every module: an SDK that uses every feature).
 *
 * The modules are bundled together with esbuild (ESM, minified, target ES2022, platform neutral)
 * from an entry that imports every module, tree shaking off, `sideEffects` ignored and a marker
 * statement in each module, so nothing is dropped. Imports that resolve into node/ or to node: builtins are left external and listed.
 * Gzip: node:zlib, level 9.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadEsbuild } from './subjects.mjs';

/** The marker property (see the onLoad hook below). */
const KEEP = '__keep';

function listTs(dir, base = dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const rel = relative(base, p);
    if (e.isDirectory()) {
      if (rel === 'node' || rel === 'redis') continue;
      out.push(...listTs(p, base));
    } else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out.sort();
}

/**
 * @param {{runtimeDir: string, limitBytes?: number}} o
 */
export async function measureRuntimeSize({ runtimeDir, limitBytes = 9 * 1024 }) {
  if (!existsSync(runtimeDir)) return { status: 'unavailable', reason: `${runtimeDir} missing` };
  let esbuild;
  try {
    esbuild = loadEsbuild();
  } catch (e) {
    return { status: 'unavailable', reason: `esbuild is not installed (npm ci installs it: ${e.message.split('\n')[0]})` };
  }
  const shipped = listTs(runtimeDir);
  const nodeDir = join(runtimeDir, 'node') + sep;
  // What a client loads: the modules the barrel reaches by static imports. A module only loaded by
  // a dynamic import (validate.ts, through ../validators.ts when `validateResponses` is on) is
  // shipped but not loaded; it is measured apart (`lazy`). No barrel (the template folder): all.
  const reachable = await staticallyReachable(esbuild, runtimeDir, nodeDir);
  const typeOnly = new Set();
  for (const f of shipped) {
    const { code } = await esbuild.transform(readFileSync(f, 'utf8'), { loader: 'ts', format: 'esm' });
    if (code.trim() === '') typeOnly.add(f); // types only: no code to load (counted as before)
  }
  const files = reachable === undefined ? shipped : shipped.filter((f) => reachable.has(f) || typeOnly.has(f));
  const lazyFiles = shipped.filter((f) => !files.includes(f));
  const externals = new Set();
  // Side-effect imports + treeShaking: false keep every module's full code without adding the
  // namespace objects and export tables that `export * as` would (bytes no real SDK carries).
  const entryOf = (list) => list.map((f) => `import ${JSON.stringify('./' + relative(runtimeDir, f).split(sep).join('/'))};`).join('\n');
  const entry = entryOf(files);
  const common = {
    stdin: { contents: entry, resolveDir: runtimeDir, sourcefile: 'runtime-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    ignoreAnnotations: true, // a generated package says "sideEffects": false; keep every module
    metafile: true,
    treeShaking: false,
    plugins: [
      {
        name: 'externals',
        setup(build) {
          build.onResolve({ filter: /^node:/ }, (a) => {
            externals.add(a.path);
            return { path: a.path, external: true };
          });
          build.onResolve({ filter: /^\.\.?\// }, (a) => {
            const abs = resolve(a.resolveDir, a.path);
            if ((abs + sep).startsWith(nodeDir) || abs.startsWith(nodeDir)) {
              externals.add(relative(runtimeDir, abs));
              return { path: a.path, external: true };
            }
            // './x.js' in the sources means './x.ts'
            if (abs.endsWith('.js')) {
              const ts = abs.slice(0, -3) + '.ts';
              if (existsSync(ts)) return { path: ts };
            }
            return undefined;
          });
          build.onResolve({ filter: /^[^./]/ }, (a) => {
            externals.add(a.path);
            return { path: a.path, external: true };
          });
          // esbuild drops a module of pure declarations (only functions and constants) that nothing
          // but the entry's side-effect import reaches, tree shaking off or not: a module only the
          // barrel re-exports (pagination.ts, uuid.ts, logger.ts) would not be counted. One marker
          // statement per module makes every module count (a few bytes; the same in every module,
          // so gzip all but removes them).
          build.onLoad({ filter: /\.ts$/ }, (a) => {
            const source = readFileSync(a.path, 'utf8');
            return { contents: `${source}\n;globalThis.${KEEP}=0;`, loader: 'ts' };
          });
        },
      },
    ],
  };
  let min;
  let plain;
  let withLazy;
  try {
    min = await esbuild.build({ ...common, minify: true });
    plain = await esbuild.build({ ...common, minify: false });
    if (lazyFiles.length > 0) {
      const stdin = { ...common.stdin, contents: entryOf(shipped) };
      withLazy = await esbuild.build({ ...common, stdin, minify: true });
    }
  } catch (e) {
    return { status: 'failed', reason: `esbuild: ${e.message.split('\n').slice(0, 3).join(' | ')}` };
  }
  const minified = min.outputFiles[0].contents;
  const gz = gzipSync(minified, { level: 9 }).length;
  const sourceBytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
  // Per-module share of the minified bundle (esbuild's bytesInOutput).
  const out = Object.values(min.metafile.outputs)[0];
  const perModule = Object.entries(out.inputs)
    .map(([p, v]) => ({ module: relative(runtimeDir, resolve(p)), minifiedBytes: v.bytesInOutput }))
    .filter((m) => !m.module.startsWith('..') && m.module !== 'runtime-entry.ts')
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
  return {
    status: 'ok',
    esbuild: esbuild.version,
    modules: files.map((f) => relative(runtimeDir, f)),
    sourceBytes,
    bundledBytes: plain.outputFiles[0].contents.length,
    minifiedBytes: minified.length,
    gzipBytes: gz,
    limitBytes,
    withinLimit: gz <= limitBytes,
    // Shipped but loaded only on demand (see above), and the size with them.
    lazyModules: lazyFiles.map((f) => relative(runtimeDir, f)),
    withLazyGzipBytes: withLazy === undefined ? gz : gzipSync(withLazy.outputFiles[0].contents, { level: 9 }).length,
    externals: [...externals].sort(),
    perModule,
  };
}

/**
 * The runtime modules `index.ts` (the barrel) reaches through static imports, as esbuild resolves
 * them (dynamic `import()`s are left out); `undefined` when the folder has no barrel.
 */
async function staticallyReachable(esbuild, runtimeDir, nodeDir) {
  const barrel = join(runtimeDir, 'index.ts');
  if (!existsSync(barrel)) return undefined;
  const result = await esbuild.build({
    entryPoints: [barrel],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    metafile: true,
    treeShaking: false,
    plugins: [
      {
        name: 'static-only',
        setup(build) {
          build.onResolve({ filter: /^node:|^[^./]/ }, (a) => ({ path: a.path, external: true }));
          build.onResolve({ filter: /^\.\.?\// }, (a) => {
            if (a.kind === 'dynamic-import') return { path: a.path, external: true };
            const abs = resolve(a.resolveDir, a.path);
            if (abs.startsWith(nodeDir)) return { path: a.path, external: true };
            const ts = abs.endsWith('.js') ? abs.slice(0, -3) + '.ts' : abs;
            return existsSync(ts) ? { path: ts } : undefined;
          });
        },
      },
    ],
  });
  return new Set(Object.keys(result.metafile.inputs).map((p) => resolve(p)));
}
