/**
 * ruff formatting on worker threads: one per available CPU but the one rendering (at least one, at
 * most four), each with its own ruff instance. Sources are queued as the view renders them and
 * sent in batches (bounded by count and by size) to the worker with the least text outstanding,
 * so the workers format the first modules while this thread still renders the rest (on a machine
 * with spare cores; where two threads share one, as on the bench machine, that gains little).
 *
 * Batches are pushed, not pulled: this thread is busy rendering while the workers run and reads
 * their replies only when it is done, so a worker could not ask for more in between. Workers are
 * started when the pool is made (their WebAssembly compiles while the view goes on) and ended by
 * `close`, so nothing keeps the process alive afterwards.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../errors';

/** Files and characters per message: large enough that messaging costs little, small enough to balance. */
const BATCH = 64;
const BATCH_CHARS = 256 * 1024;
const MAX_WORKERS = 4;

/**
 * The worker's program (evaluated, CommonJS): load ruff, then answer each batch of sources with
 * their formatted text, or with the index and message of the first that does not parse.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ruff = require(workerData.ruffModule);
const workspace = new ruff.Workspace(workerData.settings, ruff.PositionEncoding.Utf16);
parentPort.on('message', ({ id, codes }) => {
  const formatted = [];
  for (let i = 0; i < codes.length; i++) {
    try {
      formatted.push(workspace.format(codes[i]));
    } catch (error) {
      parentPort.postMessage({ id, failedAt: i, message: String(error) });
      return;
    }
  }
  parentPort.postMessage({ id, formatted });
});
`;

interface Reply {
  readonly id: number;
  readonly formatted?: readonly string[];
  readonly failedAt?: number;
  readonly message?: string;
}

/** What a worker needs to build the same formatter as the calling thread. */
export interface RuffSetup {
  /** Absolute path of the `@astral-sh/ruff-wasm-nodejs` module. */
  readonly ruffModule: string;
  readonly settings: Readonly<Record<string, string | number>>;
  /** The error for a job ruff could not parse. */
  readonly notPython: (path: string, cause: unknown) => Error;
}

/** One source to format, and where its formatted text goes. */
export interface PoolJob {
  readonly path: string;
  readonly code: string;
  readonly done: (formatted: string) => void;
}

interface Batch {
  readonly jobs: readonly PoolJob[];
  readonly chars: number;
}

interface Lane {
  readonly worker: Worker;
  /** Characters sent and not yet answered: where the next batch goes. */
  load: number;
  readonly sent: Map<number, Batch>;
}

export class RuffPool {
  readonly #setup: RuffSetup;
  readonly #lanes: Lane[];
  #queued: PoolJob[] = [];
  #queuedChars = 0;
  #nextId = 0;
  #outstanding = 0;
  #failure: Error | undefined;
  #settled: (() => void) | undefined;

  // One CPU is this thread's: it goes on rendering while the workers format.
  constructor(setup: RuffSetup, workers = Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1))) {
    this.#setup = setup;
    const workerData = { ruffModule: setup.ruffModule, settings: setup.settings };
    this.#lanes = Array.from({ length: workers }, () => this.#lane(new Worker(WORKER_SOURCE, { eval: true, workerData })));
  }

  /** Queues a source; it is sent with the next full batch (or by `settle`). */
  add(job: PoolJob): void {
    this.#queued.push(job);
    this.#queuedChars += job.code.length;
    if (this.#queued.length >= BATCH || this.#queuedChars >= BATCH_CHARS) this.#send();
  }

  /** Sends what is queued and resolves when every job is done; rejects with the first failure. */
  settle(): Promise<void> {
    this.#send();
    return new Promise<void>((resolve, reject) => {
      this.#settled = () => (this.#failure === undefined ? resolve() : reject(this.#failure));
      if (this.#outstanding === 0 || this.#failure !== undefined) this.#settled();
    });
  }

  /** Ends the workers (also after a failure, or when rendering failed half way). */
  async close(): Promise<void> {
    await Promise.all(this.#lanes.map((lane) => lane.worker.terminate()));
  }

  #lane(worker: Worker): Lane {
    const lane: Lane = { worker, load: 0, sent: new Map() };
    worker.on('message', (reply: Reply) => this.#receive(lane, reply));
    worker.on('error', (error) => this.#fail(new InternalError(`the ruff formatter thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (lane.sent.size > 0) this.#fail(new InternalError(`the ruff formatter thread exited early (code ${code})`));
    });
    // Idle workers must not keep the process alive if `close` is never reached.
    worker.unref();
    return lane;
  }

  #send(): void {
    if (this.#queued.length === 0) return;
    const batch: Batch = { jobs: this.#queued, chars: this.#queuedChars };
    this.#queued = [];
    this.#queuedChars = 0;
    const lane = this.#lanes.reduce((least, next) => (next.load < least.load ? next : least));
    const id = this.#nextId++;
    lane.sent.set(id, batch);
    lane.load += batch.chars;
    this.#outstanding++;
    lane.worker.ref();
    lane.worker.postMessage({ id, codes: batch.jobs.map((job) => job.code) });
  }

  #receive(lane: Lane, reply: Reply): void {
    const batch = lane.sent.get(reply.id);
    if (batch === undefined) return;
    lane.sent.delete(reply.id);
    lane.load -= batch.chars;
    if (lane.sent.size === 0) lane.worker.unref();
    this.#outstanding--;
    if (reply.failedAt !== undefined) this.#fail(this.#setup.notPython(batch.jobs[reply.failedAt]?.path ?? '?', reply.message));
    else reply.formatted?.forEach((text, i) => batch.jobs[i]?.done(text));
    if (this.#outstanding === 0) this.#settled?.();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#settled?.();
  }
}
