/** `generate`: spec → files on disk. */
import { resolveConfig, type ConfigFlags, type ResolvedConfig } from '../config';
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

export interface GenerateResult {
  readonly config: ResolvedConfig;
  readonly report: WriteReport;
  readonly warnings: readonly Problem[];
  /** Milliseconds per stage (`load`, `validate`, `ir`, `render`, `write`). */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Generates the SDK described by `options` (flags > config file > defaults).
 * Throws `SpecError`/`ConfigError`/`UserError` for bad input, `InternalError` for sdkgen bugs.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const config = await resolveConfig(options, options.cwd ?? process.cwd());
  const result = await generateFiles(config, { onStage: options.onStage });
  options.onStage?.('write');
  const start = performance.now();
  const report = await writeOutput(config.output, result.files, { dryRun: options.dryRun, force: options.force });
  return { config, report, warnings: result.warnings, timings: { ...result.timings, write: performance.now() - start } };
}
