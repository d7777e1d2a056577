/** Prints an error the way the CLI does and picks its exit code (shared by `run` and watch mode). */
import { CommanderError } from 'commander';
import { SdkgenError, SpecError } from '../errors';
import { problemLines } from './format';
import type { CliIo } from './io';
import { paletteFor } from './style';

export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** Reports `error` on stderr (a user error as one line plus its located problems); returns the exit code. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  const palette = paletteFor(io, 'stderr');
  if (error instanceof SdkgenError && error.exitCode !== EXIT_INTERNAL) {
    io.stderr(`${palette.error(`sdkgen: ${error.message}`)}\n`);
    if (error instanceof SpecError) io.stderr(problemLines(error.problems, io.cwd, palette));
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`${palette.error('sdkgen: internal error — please report it with the output below')}\n${stack}\n`);
  return EXIT_INTERNAL;
}
