/**
 * Smoke test of the runtime benchmark (scripts/bench/runtime.mjs): one --quick run with few
 * requests. It checks that the harness generates and drives the Shell EV SDK against its loopback
 * servers, runs every overhead phase (over loopback, and with fetch answered from memory), and
 * measures the runtime sizes — not the figures themselves, which belong to the benchmark (this
 * machine is shared and noisy).
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
    expect(run.stdout).toMatch(/same request with bare fetch \(60 s timeout signal\): ratio \d+\.\d+/);

    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.subject).toBe('sdk'); // the generated SDK, not the fallback
    expect(json.overhead.requestsPerSide).toBe(300);
    expect(json.overhead.processes).toBe(1);
    // Every pair ran: the headline (SDK vs bare fetch with the same 60 s timeout), the SDK without
    // a timeout vs bare fetch, the SDK vs bare fetch without one, and the timeout signal alone.
    const { headline, withoutTimeout, plain, timeoutCost } = json.overhead.pairs;
    expect(headline.sides).toEqual(['sdk', 'bareTimeout']);
    expect(withoutTimeout.sides).toEqual(['sdkNoTimeout', 'bare']);
    expect(plain.sides).toEqual(['sdk', 'bare']);
    expect(timeoutCost.sides).toEqual(['bareTimeout', 'bare']);
    for (const pair of [headline, withoutTimeout, plain, timeoutCost]) expect(pair.ratio).toBeGreaterThan(0);
    expect(json.overhead.ratio).toBe(headline.ratio);
    expect(json.overhead.sdkTokenRequests).toBe(1); // fetched once, then cached
    expect(json.overhead.unauthorized).toBe(0);
    // The targeted pairs again with fetch answered from memory: the SDK's own code per call.
    const memory = json.inMemory.pairs;
    expect(Object.keys(memory).sort()).toEqual(['headline', 'withoutTimeout']);
    expect(memory.headline.sides).toEqual(['sdk', 'bareTimeout']);
    expect(memory.withoutTimeout.sides).toEqual(['sdkNoTimeout', 'bare']);
    for (const pair of [memory.headline, memory.withoutTimeout]) {
      const [sdkSide, bareSide] = pair.sides;
      expect(pair.usPerRequest[sdkSide]).toBeGreaterThan(0);
      // No socket: a call answered from memory is cheaper than the same call over loopback.
      const overLoopback = json.overhead.pairs[pair === memory.headline ? 'headline' : 'withoutTimeout'];
      expect(pair.usPerRequest[bareSide]).toBeLessThan(overLoopback.usPerRequest[bareSide]);
      expect(Number.isFinite(pair.shareOfLoopbackCall)).toBe(true);
      // Heap bytes per call: a call reads and parses a ~1 KB body, so each side allocates some.
      expect(json.inMemory.bytesPerCall[sdkSide]).toBeGreaterThan(1000);
      expect(json.inMemory.bytesPerCall[bareSide]).toBeGreaterThan(1000);
      expect(pair.extraBytesPerCall).toBe(json.inMemory.bytesPerCall[sdkSide] - json.inMemory.bytesPerCall[bareSide]);
    }
    expect(run.stdout).toMatch(/The SDK's own code per call: .*\n.*\(\+-?\d+(\.\d+)? µs, -?\d+(\.\d+)?% of the loopback call\); heap allocated per call \d+ B vs \d+ B/);
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
