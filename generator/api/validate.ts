/** `validate`: load, resolve and validate a spec; report every problem. */
import { loadSpec } from '../bundle';
import { resolveConfig, type ConfigFlags, type ResolvedConfig } from '../config';
import { SpecError } from '../errors';
import { applyStrictness, type Problem } from '../problems';
import { validateSpec } from '../validate';

export interface ValidateOptions extends Pick<ConfigFlags, 'input' | 'config' | 'allowRemoteRefs' | 'refRoot'> {
  readonly cwd?: string;
  /** Report problems sdkgen can work around as errors (default true: validate is strict). */
  readonly strict?: boolean;
}

export interface ValidateResult {
  readonly config: ResolvedConfig;
  /** Errors and warnings, with locations where known. */
  readonly problems: readonly Problem[];
  /** No errors (warnings allowed). */
  readonly valid: boolean;
}

/**
 * Validates the spec. Spec problems (parse errors, bad `$ref`s, schema violations) are returned,
 * not thrown; a bad configuration still throws `ConfigError`. Strict unless `strict: false`:
 * problems generation works around (dangling `$ref`s …) are errors here.
 */
export async function validate(options: ValidateOptions = {}): Promise<ValidateResult> {
  const config = await resolveConfig(options, options.cwd ?? process.cwd());
  const strict = options.strict ?? true;
  let problems: Problem[];
  try {
    problems = await validateSpec(await loadSpec(config.input, config));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    problems = error.problems.length > 0 ? [...error.problems] : [{ severity: 'error', message: error.message }];
  }
  problems = applyStrictness(problems, strict);
  return { config, problems, valid: !problems.some((p) => p.severity === 'error') };
}
