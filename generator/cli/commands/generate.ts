/** `sdkgen generate`: spec → SDK files in the output folder. */
import { Command } from 'commander';
import { generate } from '../../api/generate';
import { displayPath, problemLines, timingLines } from '../format';
import type { CliIo } from '../io';
import { addGenerationOptions, addInputOptions, addVerbosityOptions, verbosityOf, type GenerationFlags } from '../options';

interface GenerateFlags extends GenerationFlags {
  readonly dryRun?: boolean;
  readonly force?: boolean;
}

export function generateCommand(io: CliIo): Command {
  const command = new Command('generate').description('generate the TypeScript SDK from an OpenAPI document');
  addInputOptions(command);
  addGenerationOptions(command);
  command
    .option('--dry-run', 'show what would be written, removed or left unchanged; write nothing')
    .option('--force', 'overwrite files in the output folder that sdkgen did not generate');
  addVerbosityOptions(command);
  command.addHelpText(
    'after',
    `
Only files sdkgen generated before (listed in <output>/.sdkgen-manifest.json) are replaced or
removed; other files in the output folder are left alone. Unchanged files are not rewritten.`,
  );
  return command.action(async (flags: GenerateFlags) => {
    const verbosity = verbosityOf(flags);
    const started = performance.now();
    const { config, report, warnings, timings } = await generate({ ...flags, cwd: io.cwd });
    if (verbosity !== 'quiet') io.stderr(problemLines(warnings, io.cwd));
    if (verbosity === 'verbose') io.stderr(timingLines(timings));
    if (verbosity === 'quiet') return;
    const dir = displayPath(config.output, io.cwd);
    const ms = Math.round(performance.now() - started);
    if (report.dryRun) {
      for (const path of report.added) io.stdout(`would add:    ${path}\n`);
      for (const path of report.changed) io.stdout(`would change: ${path}\n`);
      for (const path of report.removed) io.stdout(`would remove: ${path}\n`);
      io.stdout(
        `Dry run for ${config.packageName} into ${dir}: ${report.written.length} to write, ` +
          `${report.unchanged.length} unchanged, ${report.removed.length} to remove; nothing written (${ms} ms)\n`,
      );
      return;
    }
    io.stdout(
      `Generated ${config.packageName} into ${dir}: ${report.written.length} written, ` +
        `${report.unchanged.length} unchanged, ${report.removed.length} removed (${ms} ms)\n`,
    );
  });
}
