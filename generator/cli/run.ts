/** Runs the CLI against an argument list and maps every outcome to an exit code. */
import { CommanderError } from 'commander';
import { SdkgenError } from '../errors';
import { SpecError } from '../errors';
import { problemLines } from './format';
import type { CliIo } from './io';
import { buildProgram } from './program';

export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** Runs `sdkgen <argv...>`; never throws, never exits the process. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    // No command: show what there is, and say it was a usage mistake.
    io.stderr(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version text).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof SdkgenError && error.exitCode !== EXIT_INTERNAL) {
    io.stderr(`sdkgen: ${error.message}\n`);
    if (error instanceof SpecError) io.stderr(problemLines(error.problems, io.cwd));
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`sdkgen: internal error — please report it with the output below\n${stack}\n`);
  return EXIT_INTERNAL;
}
