/**
 * Request ids for header parameters of `format: uuid` the caller leaves out: a fresh version-4
 * UUID per call (generated code draws it once per call, so every retry of the call sends the same).
 */

/** `crypto.randomUUID()` where the runtime has it; else a v4 UUID from `Math.random` (Node 18). */
export function randomUuid(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID !== undefined) return crypto.randomUUID();
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (Number(c) ^ ((Math.random() * 16) >> (Number(c) / 4))).toString(16),
  );
}
