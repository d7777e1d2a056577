/** `sdkgen generate`: spec → SDK files in the output folder, once or on every change (`--watch`). */
import { Command } from 'commander';
import { generate, type GenerateResult } from '../../api/generate';
import { UsageError } from '../../errors';
import { displayPath, problemLines, timingLines } from '../format';
import type { CliIo, Verbosity } from '../io';
import { addGenerationOptions, addInputOptions, addStrictOption, addVerbosityOptions, verbosityOf, type GenerationFlags } from '../options';
import { createProgress } from '../progress';
import { reportError } from '../report-error';
import { paletteFor } from '../style';
import { targetById } from '../../targets';
import { watchLoop } from '../watch/session';

interface GenerateFlags extends GenerationFlags {
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly watch?: boolean;
}

export function generateCommand(io: CliIo): Command {
  const command = new Command('generate').description('generate the SDKs (TypeScript, Python) from an OpenAPI document');
  addInputOptions(command);
  addStrictOption(command, false);
  addGenerationOptions(command);
  command
    .option('--dry-run', 'show what would be written, removed or left unchanged; write nothing')
    .option('--force', 'overwrite files in the output folder that sdkgen did not generate')
    .option('-w, --watch', 'keep running: regenerate when the spec (any of its files), the config file or the templates folder change; Ctrl-C stops');
  addVerbosityOptions(command);
  command.addHelpText(
    'after',
    `
Only files sdkgen generated before (listed in <output>/.sdkgen-manifest.json) are replaced or
removed; other files in the output folder are left alone. Unchanged files are not rewritten.

With --watch, a change is picked up ~150 ms after the last save. An edit that breaks the spec or
config prints the error and leaves the last good output in place; the next good edit regenerates.

On a terminal, a progress line shows while a large spec is processed, and errors, warnings and
the summary are coloured (set NO_COLOR=1 to turn colours off).

Python output is formatted with ruff; what it formatted for an output folder is kept in
$SDKGEN_CACHE_DIR (default ~/.cache/sdkgen; "off" disables it), so a regeneration formats only
the modules that changed. The output is the same with or without the cache.`,
  );
  return command.action(async (flags: GenerateFlags) => {
    const verbosity = verbosityOf(flags);
    if (!flags.watch) {
      await generateOnce(flags, io, verbosity);
      return;
    }
    if (flags.dryRun) throw new UsageError('--watch and --dry-run cannot be used together');
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await watchLoop({
        build: () => generateOnce(flags, io, verbosity),
        report: (error) => void reportError(error, io),
        flags,
        io,
        signal: controller.signal,
        announce: verbosity !== 'quiet',
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });
}

/** One generation, with its warnings, timings and one-line summary. */
async function generateOnce(flags: GenerateFlags, io: CliIo, verbosity: Verbosity): Promise<void> {
  const started = performance.now();
  const progress = createProgress(io, verbosity);
  let result: GenerateResult;
  try {
    result = await generate({ ...flags, cwd: io.cwd, onStage: progress.stage });
  } finally {
    progress.done();
  }
  const { targets, warnings, timings } = result;
  if (verbosity !== 'quiet') io.stderr(problemLines(warnings, io.cwd, paletteFor(io, 'stderr')));
  if (verbosity === 'verbose') io.stderr(timingLines(timings));
  if (verbosity === 'quiet') return;
  const ms = Math.round(performance.now() - started);
  const green = paletteFor(io, 'stdout').success;
  // With several targets each line names its target; one TypeScript target reads as it always did.
  const several = targets.length > 1 || targets.some((t) => t.config.target !== 'typescript');
  for (const { config, report } of targets) {
    const dir = displayPath(config.output, io.cwd);
    const what = several ? `${config.packageName} (${targetById(config.target).label})` : config.packageName;
    if (report.dryRun) {
      for (const path of report.added) io.stdout(`would add:    ${path}\n`);
      for (const path of report.changed) io.stdout(`would change: ${path}\n`);
      for (const path of report.removed) io.stdout(`would remove: ${path}\n`);
      io.stdout(
        `Dry run for ${what} into ${dir}: ${report.written.length} to write, ` +
          `${report.unchanged.length} unchanged, ${report.removed.length} to remove; nothing written (${ms} ms)\n`,
      );
      continue;
    }
    io.stdout(
      `${green(
        `Generated ${what} into ${dir}: ${report.written.length} written, ` +
          `${report.unchanged.length} unchanged, ${report.removed.length} removed (${ms} ms)`,
      )}\n`,
    );
  }
}
