/**
 * The generator pipeline, one stage per folder:
 *
 *   load (parse with source positions) → bundle ($refs) → validate → ir (target-neutral)
 *     → per target: naming (the target's policy) → view → render → write
 *
 * The spec is loaded, validated and turned into the IR once; every configured target is rendered
 * from that one IR. This file only composes the stages; each stage owns its logic and its tests.
 */
import type { ResolvedConfig, TargetConfig } from './config/types';
import { SpecError } from './errors';
import { applyStrictness, type Problem, type ProblemSink } from './problems';
import { loadSpec } from './bundle';
import { validateSpec } from './validate';
import { buildIr, type Ir } from './ir';
import { resolveNames } from './naming';
import { renderAndFormat, renderFormatting, startFormatting, type GeneratedFile } from './render';
import { targetById } from './targets';
import type { ViewInput } from './targets/types';
import { isValidSemver } from './config/identifiers';

export type { GeneratedFile } from './render';

/** One target's rendered files. */
export interface TargetOutput {
  readonly config: TargetConfig;
  readonly files: readonly GeneratedFile[];
}

export interface GenerationResult {
  /** One entry per configured target, in order. */
  readonly outputs: readonly TargetOutput[];
  /** Warnings found on the way (unsupported corners, fallbacks taken). */
  readonly warnings: readonly Problem[];
  /** Milliseconds per stage, for `--verbose` (`render typescript`, … per target). */
  readonly timings: Readonly<Record<string, number>>;
}

/** Optional hooks of a pipeline run. */
export interface PipelineHooks {
  /** Called as each stage starts (`load`, `validate`, `ir`, `render`), e.g. for a progress line. */
  readonly onStage?: (stage: string) => void;
}

type Timed = <T>(stage: string, run: () => T | Promise<T>) => Promise<T>;

function timer(timings: Record<string, number>, hooks: PipelineHooks): Timed {
  return async (stage, run) => {
    hooks.onStage?.(stage.split(' ')[0] as string);
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };
}

/**
 * load → validate → ir; shared by generation and `diff` (which compares two IRs). Problems sdkgen
 * can work around are warnings, or with `strict` errors that stop the run (see `applyStrictness`).
 */
async function irStages(config: ResolvedConfig, timed: Timed, sink: ProblemSink): Promise<Ir> {
  const spec = await timed('load', () =>
    loadSpec(config.input, { allowRemoteRefs: config.allowRemoteRefs, refRoot: config.refRoot }),
  );
  const problems = applyStrictness(await timed('validate', () => validateSpec(spec)), config.strict);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const strictOnly = errors.every((p) => p.workaround !== undefined) ? '; without --strict they are warnings' : '';
    throw new SpecError(`${config.input} is not a valid OpenAPI document (${errors.length} problem(s)${strictOnly})`, errors);
  }
  problems.forEach(sink);
  const irProblems: Problem[] = [];
  const ir = await timed('ir', () => buildIr(spec, (p) => irProblems.push(...applyStrictness([p], config.strict))));
  const irErrors = irProblems.filter((p) => p.severity === 'error');
  if (irErrors.length > 0) {
    throw new SpecError(`${config.input}: ${irErrors.length} problem(s) sdkgen works around without --strict`, irErrors);
  }
  irProblems.forEach(sink);
  return ir;
}

function warningSink(warnings: Problem[]): ProblemSink {
  return (problem) => {
    if (problem.severity === 'warning') warnings.push(problem);
  };
}

/** Runs the stages up to the IR (nothing rendered). Throws `SpecError` on invalid input. */
export async function buildIrFromConfig(config: ResolvedConfig): Promise<{ ir: Ir; warnings: readonly Problem[] }> {
  const warnings: Problem[] = [];
  const ir = await irStages(config, timer({}, {}), warningSink(warnings));
  return { ir, warnings };
}

/**
 * The version the packages get when the config sets none: the spec's `info.version` when it is a
 * semantic version (npm and PyPI both take those), else `0.0.0` (the IR warns about it): a hostile
 * or careless version string must not end up in package metadata.
 */
export function specPackageVersion(ir: Ir): string {
  return isValidSemver(ir.info.version) ? ir.info.version : '0.0.0';
}

/** The view input of one target: the IR, the names its naming policy gives, its config. */
export function viewInput(ir: Ir, config: TargetConfig, specVersion = specPackageVersion(ir)): ViewInput {
  const target = targetById(config.target);
  const names = resolveNames(ir.names, target.namingPolicy(config));
  return { ir, names, config, packageVersion: config.packageVersion ?? specVersion };
}

/** One target's files from an IR: its naming policy, its view, its templates (and overlay), its formatter. */
export async function renderTargetFiles(ir: Ir, config: TargetConfig, specVersion = specPackageVersion(ir)): Promise<GeneratedFile[]> {
  return renderAndFormat(targetById(config.target), viewInput(ir, config, specVersion), config.templates ? [config.templates] : []);
}

const formats = (target: TargetConfig): number => (targetById(target.target).formatter ? 1 : 0);

/** Runs every stage up to rendering, for every target; nothing is written. Throws `SpecError` on invalid input. */
export async function generateFiles(config: ResolvedConfig, hooks: PipelineHooks = {}): Promise<GenerationResult> {
  const timings: Record<string, number> = {};
  const warnings: Problem[] = [];
  const timed = timer(timings, hooks);
  const ir = await irStages(config, timed, warningSink(warnings));
  const specVersion = specPackageVersion(ir);
  // Targets with a formatter render first: a large output is formatted on worker threads
  // (Python's ruff), which go on while this thread renders the next target.
  const order = config.targets.map((target, index) => ({ target, index })).sort((a, b) => formats(b.target) - formats(a.target) || a.index - b.index);
  const pending: Promise<{ index: number; output: TargetOutput }>[] = [];
  try {
    for (const { target, index } of order) {
      const start = performance.now();
      hooks.onStage?.('render');
      const engine = targetById(target.target);
      const formatting = await startFormatting(engine, engine.runtime.outputDir(target), target.output);
      const rendered = renderFormatting(formatting, engine, viewInput(ir, target, specVersion), target.templates ? [target.templates] : []);
      const formatted = formatting.finish(rendered);
      pending.push(
        formatted.then((files) => {
          timings[`render ${target.target}`] = performance.now() - start;
          return { index, output: { config: target, files } };
        }),
      );
    }
  } catch (error) {
    // A later target failed to render: the formatting already under way is not awaited.
    for (const promise of pending) promise.catch(() => undefined);
    throw error;
  }
  const outputs: TargetOutput[] = [];
  for (const { index, output } of await Promise.all(pending)) outputs[index] = output;
  return { outputs, warnings, timings };
}
