#!/usr/bin/env node
/**
 * `npm run test:py`: the Python runtime's quality gates and tests.
 *
 * 1. Makes sure `<repo>/.venv` exists and matches `test/python/requirements.txt` (a SHA-256 stamp in
 *    `.venv/.requirements.sha256`); creates or refreshes it with `python3 -m venv` + pip otherwise.
 * 2. Runs, each always: `mypy --strict` (Python 3.9 target) over templates/python/runtime,
 *    `ruff check` and `ruff format --check` over the runtime and test/python, and pytest.
 * Exits non-zero if any step failed. Extra arguments go to pytest.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const venv = join(root, '.venv');
const bin = join(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
const python = join(bin, 'python');
const requirements = join(root, 'test', 'python', 'requirements.txt');
const stamp = join(venv, '.requirements.sha256');
const config = join(root, 'test', 'python');

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function findPython() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 1)']);
    if (probe.status === 0) return candidate;
  }
  console.error('test:py needs Python >= 3.9 with the venv module (python3 -m venv)');
  process.exit(1);
}

function ensureVenv() {
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return;
  console.log('test:py: creating .venv from test/python/requirements.txt');
  rmSync(venv, { recursive: true, force: true });
  if (sh(findPython(), ['-m', 'venv', venv]) !== 0) process.exit(1);
  const pip = [python, '-m', 'pip', '--disable-pip-version-check', '-q'];
  if (sh(pip[0], [...pip.slice(1), 'install', '-r', requirements]) !== 0) process.exit(1);
  writeFileSync(stamp, `${wanted}\n`);
}

ensureVenv();
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
