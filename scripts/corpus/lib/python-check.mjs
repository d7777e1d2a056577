/**
 * The corpus's Python step for one spec: generate the Python target, then check the package the
 * way a user's CI would: `ruff check` and `ruff format --check` (by the package's pyproject.toml),
 * `mypy --strict` (Python 3.9, the oldest version the package supports) and an import of the package, its models and its client module with a client built, so import-time
 * failures (a model reference that does not resolve, a bad default) count as failures.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The import package of a generated Python SDK: the one folder of OUT with an `__init__.py`. */
function importPackage(outDir) {
  const found = fs.readdirSync(outDir, { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join(outDir, e.name, '__init__.py')));
  return found.length === 1 ? found[0].name : undefined;
}

/** `(module, class)` of the blocking client: `<package>/<name>_client.py`, its first `class X:`. */
function clientOf(outDir, pkg) {
  const file = fs.readdirSync(path.join(outDir, pkg)).find((f) => /^[a-z0-9_]+_client\.py$/.test(f));
  if (file === undefined) return undefined;
  const cls = /\nclass ([A-Za-z0-9_]+):/.exec(fs.readFileSync(path.join(outDir, pkg, file), 'utf8'))?.[1];
  return cls === undefined ? undefined : { module: `${pkg}.${file.slice(0, -3)}`, cls };
}

/** First meaningful line of a failed step, with the output folder cut out of paths. */
function firstLine(text, outDir) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /: error: /.test(l)) ?? lines.find((l) => /Error\b/.test(l)) ?? lines[0] ?? 'failed without output';
  return line.split(outDir + path.sep).join('');
}

/**
 * @param {{python: string, sdkgen: string, spec: string, outDir: string, packageName: string,
 *   cacheDir: string, timeoutMs: number, run: Function}} o
 * @returns {Promise<{status: 'ok'|'fail'|'timeout', errors: number, seconds: number, firstError: string}>}
 */
export async function checkPythonPackage(o) {
  let seconds = 0;
  const done = (status, firstError = '', errors = 0) => ({ status, errors, seconds, firstError });
  fs.rmSync(o.outDir, { recursive: true, force: true });
  const gen = await o.run(process.execPath, [o.sdkgen, 'generate', '--target', 'python', '-i', o.spec, '-o', o.outDir, '--package-name', o.packageName], {
    cwd: path.dirname(o.spec),
    timeoutMs: o.timeoutMs,
  });
  seconds += gen.seconds;
  if (gen.timedOut) return done('timeout', `generate timed out after ${gen.seconds.toFixed(0)} s`);
  if (gen.code !== 0) return done('fail', `generate exited ${gen.code}: ${firstLine(`${gen.stderr}\n${gen.stdout}`, o.outDir)}`);
  const pkg = importPackage(o.outDir);
  if (pkg === undefined) return done('fail', 'no import package (a folder with __init__.py) generated');
  const client = clientOf(o.outDir, pkg);
  if (client === undefined) return done('fail', `no <name>_client.py with a client class in ${pkg}/`);

  // ruff as the package's own CI would run it: lint and format checks by its pyproject.toml.
  for (const args of [['check', '--output-format', 'concise'], ['format', '--check']]) {
    const ruff = await o.run(o.python, ['-m', 'ruff', ...args, '--no-cache', '.'], { cwd: o.outDir, timeoutMs: o.timeoutMs, env: { NO_COLOR: '1' } });
    seconds += ruff.seconds;
    const label = `ruff ${args.slice(0, args[0] === 'check' ? 1 : 2).join(' ')}`;
    if (ruff.timedOut) return done('timeout', `${label} timed out after ${ruff.seconds.toFixed(0)} s`);
    const out = `${ruff.stdout}\n${ruff.stderr}`;
    if (ruff.code !== 0) return done('fail', `${label}: ${firstLine(out, o.outDir)}`, (out.match(/^(\S+:\d+:\d+: |Would reformat: )/gm) ?? []).length);
  }

  // mypy reads the generated pyproject.toml's [tool.mypy] too; the flags make the check explicit.
  // Type-checking a large SDK takes longer than generating it: three times the spec's timeout.
  const mypy = await o.run(o.python, ['-m', 'mypy', '--strict', '--python-version', '3.9', '--cache-dir', o.cacheDir, '--no-error-summary', pkg], {
    cwd: o.outDir,
    timeoutMs: o.timeoutMs * 3,
    env: { NO_COLOR: '1', MYPY_FORCE_COLOR: '0' },
  });
  seconds += mypy.seconds;
  const mypyOut = `${mypy.stdout}\n${mypy.stderr}`;
  if (mypy.timedOut) return done('timeout', `mypy timed out after ${mypy.seconds.toFixed(0)} s`);
  if (mypy.code !== 0) return done('fail', `mypy --strict: ${firstLine(mypyOut, o.outDir)}`, (mypyOut.match(/: error: /g) ?? []).length);

  const program = [
    'import importlib, sys',
    `sys.path.insert(0, ${JSON.stringify(o.outDir)})`,
    `importlib.import_module(${JSON.stringify(`${pkg}.models`)})`,
    `client = getattr(importlib.import_module(${JSON.stringify(client.module)}), ${JSON.stringify(client.cls)})`,
    'client(base_url="https://api.example.com").close()',
  ].join('\n');
  const imported = await o.run(o.python, ['-c', program], { cwd: o.outDir, timeoutMs: o.timeoutMs });
  seconds += imported.seconds;
  if (imported.timedOut) return done('timeout', `import timed out after ${imported.seconds.toFixed(0)} s`);
  if (imported.code !== 0) return done('fail', `import: ${firstLine(`${imported.stderr}\n${imported.stdout}`, o.outDir)}`);
  return done('ok');
}
