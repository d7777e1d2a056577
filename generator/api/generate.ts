/** `generate`: spec → files on disk, one output folder per target. */
import { resolveConfig, type ConfigFlags, type ResolvedConfig, type TargetConfig } from '../config';
import { generateFiles } from '../pipeline';
import type { Problem } from '../problems';
import { writeOutput, type WriteReport } from '../write';

export interface GenerateOptions extends ConfigFlags {
  /** Folder relative paths are taken from (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Report what would change without writing. */
  readonly dryRun?: boolean;
  /** Overwrite files in the output folder that sdkgen did not generate. */
  readonly force?: boolean;
  /** Called as each stage starts (`load`, `validate`, `ir`, `render`, `write`), e.g. for progress. */
  readonly onStage?: (stage: string) => void;
}

/** What was written for one target. */
export interface TargetReport {
  readonly config: TargetConfig;
  readonly report: WriteReport;
}

export interface GenerateResult {
  readonly config: ResolvedConfig;
  /** One report per target, in the configured order. */
  readonly targets: readonly TargetReport[];
  readonly warnings: readonly Problem[];
  /** Milliseconds per stage (`load`, `validate`, `ir`, `render <target>`, `write <target>`). */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Generates the SDKs described by `options` (flags > config file > defaults). Every target is
 * rendered in memory before anything is written.
 * Throws `SpecError`/`ConfigError`/`UserError` for bad input, `InternalError` for sdkgen bugs.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const config = await resolveConfig(options, options.cwd ?? process.cwd());
  const result = await generateFiles(config, { onStage: options.onStage });
  options.onStage?.('write');
  const timings: Record<string, number> = { ...result.timings };
  // The targets' folders are written side by side: writing is waiting on the disk, file by file.
  const targets: TargetReport[] = await Promise.all(
    result.outputs.map(async (output) => {
      const start = performance.now();
      const report = await writeOutput(output.config.output, output.files, { dryRun: options.dryRun, force: options.force });
      timings[`write ${output.config.target}`] = performance.now() - start;
      return { config: output.config, report };
    }),
  );
  return { config, targets, warnings: result.warnings, timings };
}
