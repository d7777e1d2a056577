/** Runs the CLI against an argument list and maps every outcome to an exit code. */
import type { CliIo } from './io';
import { buildProgram } from './program';
import { EXIT_OK, EXIT_USAGE, reportError } from './report-error';

export { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, EXIT_USER } from './report-error';

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
    return reportError(error, io);
  }
}
