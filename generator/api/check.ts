/** `check`: are the output folders what `generate` would produce right now? */
import { resolveConfig, type ConfigFlags, type ResolvedConfig, type TargetConfig } from '../config';
import { generateFiles } from '../pipeline';
import type { Problem } from '../problems';
import { diffOutput, type OutputDiff } from '../write';

export interface CheckOptions extends ConfigFlags {
  readonly cwd?: string;
}

/** One target's comparison. */
export interface TargetCheck {
  readonly config: TargetConfig;
  /** Files `generate` would add, change or remove. */
  readonly diff: OutputDiff;
  readonly upToDate: boolean;
  /** Number of generated files compared. */
  readonly fileCount: number;
}

export interface CheckResult {
  readonly config: ResolvedConfig;
  /** One entry per target, in the configured order. */
  readonly targets: readonly TargetCheck[];
  /** Every target is up to date. */
  readonly upToDate: boolean;
  readonly warnings: readonly Problem[];
  readonly timings: Readonly<Record<string, number>>;
}

/** Regenerates every target in memory and compares with its output folder; writes nothing. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const config = await resolveConfig(options, options.cwd ?? process.cwd());
  const result = await generateFiles(config);
  const start = performance.now();
  const targets: TargetCheck[] = [];
  for (const output of result.outputs) {
    const diff = await diffOutput(output.config.output, output.files);
    const upToDate = diff.added.length + diff.changed.length + diff.removed.length === 0;
    targets.push({ config: output.config, diff, upToDate, fileCount: output.files.length });
  }
  return {
    config,
    targets,
    upToDate: targets.every((t) => t.upToDate),
    warnings: result.warnings,
    timings: { ...result.timings, compare: performance.now() - start },
  };
}
