/**
 * Runs one child process under a hard timeout and measures wall time, peak RSS and CPU time.
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -f`), which reads the rusage that wait4() returns for
 * the child: ru_maxrss covers the child and the descendants it waited for (the largest single
 * process, not a sum). Without /usr/bin/time the figures fall back to sampling /proc/<pid>/status
 * (VmHWM of the direct child only) every 25 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, createWriteStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Process groups of children still running; ended if the bench itself is interrupted. */
const live = new Set();
function killLive() {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  live.clear();
}
process.once('exit', killLive);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    killLive();
    process.exit(130);
  });
}

/** Child environment: the bench's own, minus NODE_OPTIONS (e.g. jest's flags) so tools run clean. */
function childEnv(extra) {
  const env = { ...process.env, ...(extra ?? {}) };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * @param {{cmd: string, args: string[], cwd?: string, env?: object, timeoutMs: number, logFile?: string}} o
 * @returns {Promise<{exitCode: number|null, signal: string|null, timedOut: boolean, wallMs: number,
 *   maxRssKb: number|null, userS: number|null, sysS: number|null, tail: string}>}
 */
export function measure(o) {
  return new Promise((resolve) => {
    const timeFile = o.logFile ? `${o.logFile}.time` : null;
    let cmd = o.cmd;
    let args = o.args;
    if (TIME_BIN && timeFile) {
      cmd = TIME_BIN;
      args = ['-f', '%e %M %U %S %x', '-o', timeFile, o.cmd, ...o.args];
    }
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: o.cwd,
      env: childEnv(o.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout can end the whole tree
    });
    if (child.pid) live.add(child.pid);
    const log = o.logFile ? createWriteStream(o.logFile) : null;
    let tail = '';
    const keep = (chunk) => {
      log?.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    let sampledHwm = null;
    const sampler = TIME_BIN
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) sampledHwm = Math.max(sampledHwm ?? 0, Number(m[1]));
          } catch {}
        }, 25);

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, o.timeoutMs);

    child.on('error', (err) => {
      keep(Buffer.from(`spawn error: ${err.message}\n`));
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      live.delete(child.pid);
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      log?.end();
      let maxRssKb = sampledHwm;
      let userS = null;
      let sysS = null;
      let exitCode = code;
      if (timeFile && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        const last = lines[lines.length - 1].trim().split(/\s+/).map(Number);
        if (last.length >= 5 && last.every(Number.isFinite)) {
          [, maxRssKb, userS, sysS] = last;
          exitCode = code === null ? null : last[4];
        } else if (/signal/i.test(lines.join(' '))) {
          // "Command terminated by signal 9": keep code from the wrapper
        }
        rmSync(timeFile, { force: true });
      }
      resolve({ exitCode, signal, timedOut, wallMs, maxRssKb, userS, sysS, tail });
    });
  });
}

/** Number of files and total bytes under a directory (0/0 when missing). */
export function dirStats(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** Runs a command to completion (for setup steps), bounded by a timeout; resolves {code, out}. */
export function runSimple(cmd, args, { cwd, timeoutMs = 600_000, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) live.add(child.pid);
    let out = '';
    const keep = (c) => (out = (out + c.toString()).slice(-20000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      out += `\n[timed out after ${timeoutMs} ms]`;
    }, timeoutMs);
    child.on('error', (e) => (out += `spawn error: ${e.message}`));
    child.on('close', (code) => {
      live.delete(child.pid);
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}
