/** `sdkgen check`: fail when the output folder is not what `generate` would produce. */
import { Command } from 'commander';
import { check } from '../../api/check';
import { UserError } from '../../errors';
import { displayPath, problemLines, timingLines } from '../format';
import type { CliIo } from '../io';
import { paletteFor } from '../style';
import { addGenerationOptions, addInputOptions, addStrictOption, addVerbosityOptions, verbosityOf, type GenerationFlags } from '../options';

export function checkCommand(io: CliIo): Command {
  const command = new Command('check').description(
    'regenerate in memory and compare with the output folder; exit 1 and list the stale files if they differ',
  );
  addInputOptions(command);
  addStrictOption(command, false);
  addGenerationOptions(command);
  addVerbosityOptions(command);
  command.addHelpText('after', '\nChecks every configured target (or the one --target names). Use it in CI to catch a spec change\ncommitted without regenerating. Writes nothing.');
  return command.action(async (flags: GenerationFlags) => {
    const verbosity = verbosityOf(flags);
    const result = await check({ ...flags, cwd: io.cwd });
    if (verbosity !== 'quiet') io.stderr(problemLines(result.warnings, io.cwd, paletteFor(io, 'stderr')));
    if (verbosity === 'verbose') io.stderr(timingLines(result.timings));
    const stale: string[] = [];
    for (const target of result.targets) {
      const dir = displayPath(target.config.output, io.cwd);
      if (target.upToDate) {
        if (verbosity !== 'quiet') io.stdout(`${paletteFor(io, 'stdout').success(`${dir} is up to date (${target.fileCount} files)`)}\n`);
        continue;
      }
      const { added, changed, removed } = target.diff;
      // The stale list is the point of the command: print it even with --quiet.
      const prefix = result.targets.length > 1 ? `${dir}/` : '';
      for (const path of added) io.stdout(`added:   ${prefix}${path}\n`);
      for (const path of changed) io.stdout(`changed: ${prefix}${path}\n`);
      for (const path of removed) io.stdout(`removed: ${prefix}${path}\n`);
      stale.push(`${dir} is stale: ${added.length + changed.length + removed.length} file(s) differ from what sdkgen would generate`);
    }
    if (stale.length > 0) throw new UserError(`${stale.join('; ')}; run \`sdkgen generate\``);
  });
}
