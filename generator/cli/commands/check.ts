/** `sdkgen check`: fail when the output folder is not what `generate` would produce. */
import { Command } from 'commander';
import { check } from '../../api/check';
import { UserError } from '../../errors';
import { displayPath, problemLines, timingLines } from '../format';
import type { CliIo } from '../io';
import { paletteFor } from '../style';
import { addGenerationOptions, addInputOptions, addVerbosityOptions, verbosityOf, type GenerationFlags } from '../options';

export function checkCommand(io: CliIo): Command {
  const command = new Command('check').description(
    'regenerate in memory and compare with the output folder; exit 1 and list the stale files if they differ',
  );
  addInputOptions(command);
  addGenerationOptions(command);
  addVerbosityOptions(command);
  command.addHelpText('after', '\nUse it in CI to catch a spec change committed without regenerating. Writes nothing.');
  return command.action(async (flags: GenerationFlags) => {
    const verbosity = verbosityOf(flags);
    const result = await check({ ...flags, cwd: io.cwd });
    if (verbosity !== 'quiet') io.stderr(problemLines(result.warnings, io.cwd, paletteFor(io, 'stderr')));
    if (verbosity === 'verbose') io.stderr(timingLines(result.timings));
    const dir = displayPath(result.config.output, io.cwd);
    if (result.upToDate) {
      if (verbosity !== 'quiet') io.stdout(`${paletteFor(io, 'stdout').success(`${dir} is up to date (${result.fileCount} files)`)}\n`);
      return;
    }
    const { added, changed, removed } = result.diff;
    // The stale list is the point of the command: print it even with --quiet.
    for (const path of added) io.stdout(`added:   ${path}\n`);
    for (const path of changed) io.stdout(`changed: ${path}\n`);
    for (const path of removed) io.stdout(`removed: ${path}\n`);
    const count = added.length + changed.length + removed.length;
    throw new UserError(`${dir} is stale: ${count} file(s) differ from what sdkgen would generate; run \`sdkgen generate\``);
  });
}
