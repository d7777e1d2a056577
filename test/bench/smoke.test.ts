/**
 * Smoke test of the generator benchmark harness (scripts/bench/bench.mjs): one quick run of
 * sdkgen alone on the small synthetic spec. Needs no peers (quick mode never installs them);
 * checks that the harness prints a table row and writes valid JSON. Whether sdkgen itself
 * succeeds is the generator tests' business: a failure is a reported row, not a harness error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('bench --quick --only sdkgen prints a table row and writes valid JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bench-smoke-'));
  try {
    const out = join(dir, 'quick.json');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'bench', 'bench.mjs'), '--quick', '--only', 'sdkgen', '--out', out, '--timeout', '40'],
      { cwd: root, env, encoding: 'utf8', timeout: 55_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\| synthetic-1x \| \d+ +\| sdkgen +\|/m);

    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.schema).toBe('sdkgen-bench/1');
    expect(json.options.quick).toBe(true);
    const rows = json.results.filter((r: { tool: string }) => r.tool === 'sdkgen');
    expect(rows).toHaveLength(1);
    expect(rows[0].spec).toBe('synthetic-1x');
    expect(['ok', 'failed', 'unavailable']).toContain(rows[0].status);
    if (rows[0].status === 'ok') {
      expect(rows[0].medianMs).toBeGreaterThan(0);
      expect(rows[0].outputFiles).toBeGreaterThan(0);
    } else {
      expect(typeof rows[0].reason).toBe('string');
    }
    // Quick mode measures no peers.
    expect(Object.keys(json.tools)).toEqual(['sdkgen']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
