/**
 * Builds `dist/` once before the test run, so CLI tests can spawn the compiled `sdkgen`.
 *
 * Skipped when the build is newer than every source file (keeps `npm test -- test/load` fast).
 * Type errors do not abort the run: `tsc` still emits, and a type error in one stage (possibly
 * another helper's work in progress) should not hide the results of every other test.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'dist', 'generator', 'cli', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

module.exports = async function globalSetup() {
  const sourcesChanged =
    !existsSync(marker) ||
    newestMtime(join(root, 'generator')) > statSync(marker).mtimeMs ||
    statSync(join(root, 'tsconfig.json')).mtimeMs > statSync(marker).mtimeMs;
  if (!sourcesChanged) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    process.stderr.write(`\n[global-setup] tsc reported errors (dist/ was still emitted):\n${output}\n`);
  }
  if (!existsSync(marker)) throw new Error('[global-setup] build produced no dist/generator/cli/main.js');
  // The built-in templates as `npm run build` precompiles them, from the dist/ just emitted.
  execFileSync(process.execPath, [join(root, 'scripts', 'build', 'compile-templates.mjs')], { cwd: root, stdio: 'pipe' });
};
