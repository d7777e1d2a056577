#!/usr/bin/env node
/**
 * `npm test`: the TypeScript suite (jest) and then the Python suite (pytest, mypy, ruff). Both always
 * run; the exit code is non-zero if either failed. Arguments after `--` go to jest.
 */
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);

function run(script, extra) {
  const result = spawnSync(npm, ['run', '--silent', script, ...(extra.length > 0 ? ['--', ...extra] : [])], {
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

// The Python environment first: jest's Python-target tests (mypy, ruff over generated SDKs) use it.
const venv = spawnSync(process.execPath, ['scripts/test/venv.mjs'], { stdio: 'inherit' });
if (venv.status !== 0) {
  console.error('npm test: could not create the Python environment (.venv)');
  process.exit(1);
}
const ts = run('test:ts', args);
const py = run('test:py', []);
console.log(`\nnpm test: TypeScript ${ts === 0 ? 'passed' : `failed (${ts})`}, Python ${py === 0 ? 'passed' : `failed (${py})`}`);
process.exit(ts !== 0 ? ts : py);
