/**
 * Error classes of the generator.
 *
 * The split matters to users and to the CLI: a `UserError` is something the user can fix (a bad
 * spec, a bad config, a bad flag) and maps to a clear message and exit code 1 (2 for usage); an
 * `InternalError` is a fault in sdkgen itself and is reported with a stack trace and a request to
 * file a bug.
 */
import type { Problem } from './problems';

/** Base class of every error sdkgen raises on purpose. */
export abstract class SdkgenError extends Error {
  abstract readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Something the user can fix: bad input, bad config, unsafe request. Exit code 1. */
export class UserError extends SdkgenError {
  readonly exitCode: number = 1;
}

/** The spec cannot be read, parsed, resolved or validated. Carries every problem found. */
export class SpecError extends UserError {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The configuration (file or flags) is invalid. */
export class ConfigError extends UserError {}

/** The command line itself is wrong (unknown flag, conflicting options). Exit code 2. */
export class UsageError extends UserError {
  override readonly exitCode: number = 2;
}

/** A bug in sdkgen: an invariant did not hold. Never caused by user input alone. */
export class InternalError extends SdkgenError {
  readonly exitCode: number = 70;
}
