/**
 * ruff formatting on worker threads: one worker per available CPU (at most four), each with its
 * own ruff instance, pulling batches of files from a shared queue. The queue holds the largest
 * files first (longest-processing-time-first): a multi-megabyte module (GitHub's `_validators.py`,
 * 3.7 MB, half a second of ruff) handed out last, or in a batch with 63 others, would keep one
 * worker busy long after the rest finished. Batches are bounded by size as well as by count.
 * Workers are started per call and ended when the queue is empty, so nothing keeps the process
 * alive afterwards.
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
parentPort.on('message', ({ start, codes }) => {
  const formatted = [];
  for (let i = 0; i < codes.length; i++) {
    try {
      formatted.push(workspace.format(codes[i]));
    } catch (error) {
      parentPort.postMessage({ start, failedAt: start + i, message: String(error) });
      return;
    }
  }
  parentPort.postMessage({ start, formatted });
});
`;

interface Reply {
  readonly start: number;
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

/** The formatted text of every source (`{ path, code }`), in order. */
export async function formatInWorkers(jobs: ReadonlyArray<{ readonly path: string; readonly code: string }>, setup: RuffSetup): Promise<string[]> {
  const results = new Array<string>(jobs.length);
  // Indexes into `jobs`, largest first; results still land at each job's own index.
  const queue = jobs.map((_, i) => i).sort((a, b) => (jobs[b]?.code.length ?? 0) - (jobs[a]?.code.length ?? 0) || a - b);
  const count = Math.max(1, Math.min(MAX_WORKERS, availableParallelism(), Math.ceil(jobs.length / BATCH)));
  const workerData = { ruffModule: setup.ruffModule, settings: setup.settings };
  const notPython = setup.notPython;
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () => {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const send = (): void => {
            if (next >= queue.length) return resolve();
            const start = next;
            let chars = 0;
            do chars += jobs[queue[next++] as number]?.code.length ?? 0;
            while (next < queue.length && next - start < BATCH && chars < BATCH_CHARS);
            worker.postMessage({ start, codes: queue.slice(start, next).map((index) => (jobs[index] as { code: string }).code) });
          };
          worker.on('message', (reply: Reply) => {
            if (reply.failedAt !== undefined) return reject(notPython(jobs[queue[reply.failedAt] as number]?.path ?? '?', reply.message));
            reply.formatted?.forEach((text, i) => (results[queue[reply.start + i] as number] = text));
            send();
          });
          worker.on('error', (error) => reject(new InternalError(`the ruff formatter thread failed: ${error.message}`, { cause: error })));
          worker.on('exit', (code) => {
            if (next < queue.length || code !== 0) reject(new InternalError(`the ruff formatter thread exited early (code ${code})`));
          });
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
