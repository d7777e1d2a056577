#!/usr/bin/env node
/**
 * The Python environment the tests use: `<repo>/.venv`, created from the pinned
 * `test/python/requirements.txt` when it is missing or the requirements changed (a SHA-256 stamp in
 * `.venv/.requirements.sha256`). Run directly (`node scripts/test/venv.mjs`) it makes sure the venv
 * exists and prints its python; imported, `ensureVenv()` does the same and returns the path.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const venv = join(root, '.venv');
const bin = join(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
export const python = join(bin, 'python');
const requirements = join(root, 'test', 'python', 'requirements.txt');
const stamp = join(venv, '.requirements.sha256');

function sh(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function findPython() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 1)']);
    if (probe.status === 0) return candidate;
  }
  throw new Error('the tests need Python >= 3.9 with the venv module (python3 -m venv)');
}

/** Creates or refreshes the venv when needed; returns its python. */
export function ensureVenv() {
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return python;
  console.log('creating .venv from test/python/requirements.txt');
  rmSync(venv, { recursive: true, force: true });
  if (sh(findPython(), ['-m', 'venv', venv]) !== 0) throw new Error('python -m venv failed');
  const pip = ['-m', 'pip', '--disable-pip-version-check', '-q'];
  if (sh(python, [...pip, 'install', '-r', requirements]) !== 0) throw new Error('pip install -r test/python/requirements.txt failed');
  writeFileSync(stamp, `${wanted}\n`);
  return python;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureVenv());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
