#!/usr/bin/env node
/**
 * `npm run test:py`: the Python runtime's quality gates and tests.
 *
 * 1. Makes sure `<repo>/.venv` exists and matches `test/python/requirements.txt` (see
 *    `./venv.mjs`).
 * 2. Runs, each always: `mypy --strict` (Python 3.9 target) over templates/python/runtime,
 *    `ruff check` and `ruff format --check` over the runtime and test/python, and pytest.
 * Exits non-zero if any step failed. Extra arguments go to pytest.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureVenv, root } from './venv.mjs';

const config = join(root, 'test', 'python');

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

let python;
try {
  python = ensureVenv();
} catch (error) {
  console.error(`test:py: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const targets = ['templates/python/runtime', 'test/python'];
const steps = [
  ['mypy --strict', [python, '-m', 'mypy', '--config-file', join(config, 'mypy.ini'), 'runtime'], { cwd: join(root, 'templates', 'python') }],
  ['ruff check', [python, '-m', 'ruff', 'check', '--config', join(config, 'ruff.toml'), ...targets]],
  ['ruff format --check', [python, '-m', 'ruff', 'format', '--check', '--config', join(config, 'ruff.toml'), ...targets]],
  ['pytest', [python, '-m', 'pytest', '-c', join(config, 'pytest.ini'), '--rootdir', config, ...process.argv.slice(2)], { cwd: config }],
];
const failed = [];
for (const [name, [command, ...args], options] of steps) {
  console.log(`\n== test:py: ${name}`);
  if (sh(command, args, options) !== 0) failed.push(name);
}
console.log(failed.length === 0 ? '\ntest:py: all passed' : `\ntest:py: failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
