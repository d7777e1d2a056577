/** A simulated fleet: child processes running test/support/redis-fleet-child.mjs, driven by stdin. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from '../support/processes';

const CHILD = join(__dirname, '..', 'support', 'redis-fleet-child.mjs');

/** What a child answers to `calls`. */
export interface CallsResult {
  ok: number;
  failed: string[];
  tokens: string[];
  expiry: number | undefined;
  cacheKey: string;
  warnings: string[];
}

/** One child process with a line-per-command protocol. */
export class FleetProcess {
  readonly #child: ChildProcess;
  readonly #waiting: { resolve(line: string): void; reject(error: Error): void }[] = [];
  #buffer = '';
  #stderr = '';

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.stdout?.on('data', (chunk: Buffer) => {
      this.#buffer += chunk.toString();
      for (let i = this.#buffer.indexOf('\n'); i >= 0; i = this.#buffer.indexOf('\n')) {
        const line = this.#buffer.slice(0, i);
        this.#buffer = this.#buffer.slice(i + 1);
        this.#waiting.shift()?.resolve(line);
      }
    });
    child.once('exit', (code) => {
      for (const w of this.#waiting.splice(0)) w.reject(new Error(`fleet child exited (${code}): ${this.#stderr}`));
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.#stderr = (this.#stderr + chunk.toString()).slice(-4000)));
  }

  /** Spawns a child with `config` (see the child's header) and waits until it is ready. */
  static async start(config: Record<string, unknown>): Promise<FleetProcess> {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(config)], {
      env: childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const handle = new FleetProcess(child);
    await handle.#next(20_000);
    return handle;
  }

  /** Sends one command and resolves with its answer. */
  async send<T = Record<string, unknown>>(command: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
    const answer = this.#next(timeoutMs, JSON.stringify(command));
    this.#child.stdin?.write(`${JSON.stringify(command)}\n`);
    return JSON.parse(await answer) as T;
  }

  calls(n: number): Promise<CallsResult> {
    return this.send<CallsResult>({ op: 'calls', n });
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }

  #next(timeoutMs: number, what = 'start'): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fleet child silent for ${timeoutMs} ms after ${what}: ${this.#stderr}`)), timeoutMs);
      this.#waiting.push({
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }
}

/** Starts `count` processes at once (half on node-redis, half on ioredis unless `client` says). */
export function startFleet(count: number, config: (index: number) => Record<string, unknown>): Promise<FleetProcess[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => FleetProcess.start(config(i))));
}
