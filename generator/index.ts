/**
 * sdkgen's programmatic API: the same operations as the CLI, returning results instead of
 * printing them.
 *
 * ```ts
 * import { generate } from 'sdkgen';
 * const { targets } = await generate({ input: 'openapi.yaml', output: 'sdk', packageName: 'my-api' });
 * ```
 */
export { generate, type GenerateOptions, type GenerateResult } from './api/generate';
export { check, type CheckOptions, type CheckResult } from './api/check';
export { validate, type ValidateOptions, type ValidateResult } from './api/validate';
export { init, type InitOptions, type InitResult } from './api/init';
export { diff, type DiffOptions, type DiffResult } from './api/diff';
export { compareIr, diffMarkdown, type ApiChange, type ApiDiff, type ChangeKind, type Impact } from './diff';
export { configSchemaFile } from './config';
export { SdkgenError, UserError, SpecError, ConfigError, UsageError, InternalError } from './errors';
export { formatProblem, type Problem, type SourceLocation } from './problems';
export type { ResolvedConfig, NamingConfig, TargetConfig, TargetId } from './config/types';
export type { ConfigFlags } from './config';
export type { WriteReport, OutputDiff } from './write';
export { generateFiles, renderTargetFiles, type GenerationResult, type TargetOutput } from './pipeline';
export { TARGET_IDS } from './targets';
export { loadSpec, type LoadedSpec, type LoadOptions } from './bundle';
export { resolveConfig } from './config';
export { writeOutput, diffOutput } from './write';
