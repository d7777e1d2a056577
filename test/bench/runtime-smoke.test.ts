/**
 * Smoke test of the runtime benchmark (scripts/bench/runtime.mjs): one --quick run with few
 * requests. It checks that the harness generates and drives the Shell EV SDK against its loopback
 * servers, runs every overhead phase, and measures the runtime sizes — not the figures themselves,
 * which belong to the benchmark (this machine is shared and noisy).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('bench:runtime --quick drives the generated SDK and measures overhead, single flight and size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bench-rt-smoke-'));
  try {
    const out = join(dir, 'runtime.json');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const run = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'bench', 'runtime.mjs'), '--quick', '--requests', '300', '--batch', '50', '--concurrency', '50', '--out', out],
      { cwd: root, env, encoding: 'utf8', timeout: 110_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ratio SDK ÷ bare \d+\.\d+/);

    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.subject).toBe('sdk'); // the generated SDK, not the fallback
    expect(json.overhead.requestsPerSide).toBe(300);
    expect(json.overhead.ratio).toBeGreaterThan(0);
    expect(json.overhead.bareWithTimeoutRatio).toBeGreaterThan(0);
    expect(json.overhead.sdkWithoutTimeoutRatio).toBeGreaterThan(0);
    expect(json.overhead.sdkTokenRequests).toBe(1); // fetched once, then cached
    expect(json.overhead.unauthorized).toBe(0);
    expect(json.singleFlight).toMatchObject({ concurrentCalls: 50, tokenRequests: 1, rejected: 0 });
    const { shellEv, core, all } = json.size;
    for (const size of [shellEv, core, all]) expect(size.status).toBe('ok');
    // An SDK ships only what it uses: core < Shell EV (core + client credentials) < everything.
    expect(core.gzipBytes).toBeLessThan(shellEv.gzipBytes);
    expect(shellEv.gzipBytes).toBeLessThan(all.gzipBytes);
    expect(shellEv.modules).toContain('auth/client-credentials-manager.ts');
    expect(shellEv.modules).not.toContain('auth/api-key.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
