/** `check`: is the output folder what `generate` would produce right now? */
import { resolveConfig, type ConfigFlags, type ResolvedConfig } from '../config';
import { generateFiles } from '../pipeline';
import type { Problem } from '../problems';
import { diffOutput, type OutputDiff } from '../write';

export interface CheckOptions extends ConfigFlags {
  readonly cwd?: string;
}

export interface CheckResult {
  readonly config: ResolvedConfig;
  /** Files `generate` would add, change or remove. */
  readonly diff: OutputDiff;
  readonly upToDate: boolean;
  /** Number of generated files compared. */
  readonly fileCount: number;
  readonly warnings: readonly Problem[];
  readonly timings: Readonly<Record<string, number>>;
}

/** Regenerates in memory and compares with the output folder; writes nothing. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const config = await resolveConfig(options, options.cwd ?? process.cwd());
  const result = await generateFiles(config);
  const start = performance.now();
  const diff = await diffOutput(config.output, result.files);
  const upToDate = diff.added.length + diff.changed.length + diff.removed.length === 0;
  return {
    config,
    diff,
    upToDate,
    fileCount: result.files.length,
    warnings: result.warnings,
    timings: { ...result.timings, compare: performance.now() - start },
  };
}
