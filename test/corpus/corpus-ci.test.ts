/**
 * Runs the CI subset of the real-world corpus (scripts/corpus/run.mjs --ci): every edge-case
 * fixture, every bad fixture and the `ci: true` public specs of scripts/corpus/corpus.json go
 * through `sdkgen generate` and `tsc --strict --noEmit`.
 *
 * Each failing spec is one line of the assertion message (spec: first error), so a red run is a
 * list of generator defects. The public specs come from npm packages pinned in
 * scripts/corpus/sources (installed on first use with `npm ci`, hence --install).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/generator/cli/main.js');

interface SpecResult {
  id: string;
  expect: string;
  generate: string;
  compile: string;
  pass: boolean;
  firstError: string;
}

jest.setTimeout(30 * 60 * 1000);

describe('real-world corpus, CI subset', () => {
  let results: SpecResult[] = [];
  let output = '';

  beforeAll(() => {
    if (!fs.existsSync(cli)) {
      spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', repo], { stdio: 'inherit' });
    }
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-corpus-')), 'ci.json');
    const run = spawnSync(process.execPath, [path.join(repo, 'scripts/corpus/run.mjs'), '--ci', '--install', '--quiet', '--json', json], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 25 * 60 * 1000,
    });
    output = `${run.stdout}\n${run.stderr}`;
    if (fs.existsSync(json)) results = JSON.parse(fs.readFileSync(json, 'utf8')).results;
  });

  it('ran every spec of the subset', () => {
    expect(results.length).toBeGreaterThan(40);
    if (results.length === 0) throw new Error(`run.mjs produced no results:\n${output}`);
  });

  it('generated and compiled every valid spec, and rejected every invalid one cleanly', () => {
    const failures = results.filter((r) => !r.pass).map((r) => `${r.id} [${r.expect}; generate ${r.generate}, compile ${r.compile}]: ${r.firstError}`);
    expect(failures).toEqual([]);
  });
});
