/**
 * Collects everything the SDK could leak through (console output, error messages and stacks,
 * printed objects) so a test file can assert that no secret or token string appears in any of it.
 */
import { inspect } from 'node:util';

export class LeakWatch {
  readonly #texts: string[] = [];
  readonly #secrets = new Set<string>();
  #restore: (() => void) | undefined;

  /** Replaces console.* with recorders (output is kept, not printed). */
  captureConsole(): void {
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    for (const m of methods) {
      console[m] = (...args: unknown[]) => {
        this.#texts.push(
          args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '),
        );
      };
    }
    this.#restore = () =>
      methods.forEach((m, i) => (console[m] = originals[i] as typeof console.log));
  }

  restoreConsole(): void {
    this.#restore?.();
  }

  /** Console lines recorded so far. */
  get consoleTexts(): readonly string[] {
    return this.#texts;
  }

  /** Registers strings that must never appear (secrets, access tokens). */
  secret(...values: (string | undefined)[]): void {
    for (const v of values) if (v !== undefined && v !== '') this.#secrets.add(v);
  }

  /** Records an error's message, stack and inspect() output (including causes). */
  error(error: unknown): unknown {
    this.#texts.push(inspect(error, { depth: 5 }));
    if (error instanceof Error) this.#texts.push(error.message, error.stack ?? '');
    return error;
  }

  /** Records how an object prints: JSON, String(), inspect(). */
  printed(value: unknown): void {
    this.#texts.push(JSON.stringify(value) ?? '', String(value), inspect(value, { depth: 5 }));
  }

  /** Awaits `promise`, records and returns its rejection (fails if it resolves). */
  async rejection(promise: Promise<unknown>): Promise<Error> {
    try {
      await promise;
    } catch (error) {
      this.error(error);
      return error as Error;
    }
    throw new Error('expected a rejection');
  }

  /** Every registered secret that occurs in any recorded text. */
  leaks(): string[] {
    const found: string[] = [];
    for (const secret of this.#secrets) {
      const variants = [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ v: secret }).toString().slice(2),
      ];
      if (this.#texts.some((t) => variants.some((v) => t.includes(v))))
        found.push(secret.slice(0, 4) + '…');
    }
    return found;
  }
}
