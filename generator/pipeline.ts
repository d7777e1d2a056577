/**
 * The generator pipeline, one stage per folder:
 *
 *   load (parse with source positions) → bundle ($refs) → validate → ir (every decision) → render → write
 *
 * This file only composes the stages; each stage owns its logic and its tests.
 */
import type { ResolvedConfig } from './config/types';
import { SpecError } from './errors';
import type { Problem, ProblemSink } from './problems';
import { loadSpec } from './bundle';
import { validateSpec } from './validate';
import { buildIr } from './ir';
import { renderTypeScript, type GeneratedFile } from './render';

export interface GenerationResult {
  readonly files: readonly GeneratedFile[];
  /** Warnings found on the way (unsupported corners, fallbacks taken). */
  readonly warnings: readonly Problem[];
  /** Milliseconds per stage, for `--verbose`. */
  readonly timings: Readonly<Record<string, number>>;
}

/** Runs every stage up to rendering; nothing is written. Throws `SpecError` on invalid input. */
export async function generateFiles(config: ResolvedConfig): Promise<GenerationResult> {
  const timings: Record<string, number> = {};
  const warnings: Problem[] = [];
  const sink: ProblemSink = (problem) => {
    if (problem.severity === 'warning') warnings.push(problem);
  };
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };

  const spec = await timed('load', () =>
    loadSpec(config.input, { allowRemoteRefs: config.allowRemoteRefs, refRoot: config.refRoot }),
  );
  const problems = await timed('validate', () => validateSpec(spec));
  const errors = problems.filter((p) => p.severity === 'error');
  problems.filter((p) => p.severity === 'warning').forEach(sink);
  if (errors.length > 0) {
    throw new SpecError(`${config.input} is not a valid OpenAPI document (${errors.length} problem(s))`, errors);
  }
  const ir = await timed('ir', () => buildIr(spec, config, sink));
  const files = await timed('render', () =>
    renderTypeScript(ir, { templateDirs: config.templates ? [config.templates] : [] }),
  );
  return { files, warnings, timings };
}
