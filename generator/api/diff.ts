/** `diff`: what changed in the generated SDK between two specs, and the semver bump it calls for. */
import { resolveConfig, type ConfigFlags } from '../config';
import { applyBump, bumpOf, compareIr, type ApiDiff } from '../diff';
import { buildIrFromConfig } from '../pipeline';
import type { Problem } from '../problems';

export interface DiffOptions extends Pick<ConfigFlags, 'config' | 'allowRemoteRefs' | 'refRoot' | 'packageName' | 'clientName'> {
  /** The older spec. */
  readonly from: string;
  /** The newer spec. */
  readonly to: string;
  readonly cwd?: string;
}

export interface DiffResult extends ApiDiff {
  readonly warnings: readonly Problem[];
}

/**
 * Builds the IR of both specs with the same settings (so names derive the same way) and compares
 * them. Throws `SpecError` when either spec is invalid, `ConfigError` for a bad config.
 */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const shared = {
    config: options.config,
    allowRemoteRefs: options.allowRemoteRefs,
    refRoot: options.refRoot,
    packageName: options.packageName,
    clientName: options.clientName,
  };
  const [before, after] = await Promise.all([
    resolveConfig({ ...shared, input: options.from }, cwd).then(buildIrFromConfig),
    resolveConfig({ ...shared, input: options.to }, cwd).then(buildIrFromConfig),
  ]);
  const changes = compareIr(before.ir, after.ir);
  const bump = bumpOf(changes);
  return {
    from: { spec: before.ir.specFileName, packageName: before.ir.packageName, version: before.ir.packageVersion },
    to: { spec: after.ir.specFileName, packageName: after.ir.packageName, version: after.ir.packageVersion },
    bump,
    suggestedVersion: applyBump(before.ir.packageVersion, bump),
    changes,
    warnings: [...before.warnings, ...after.warnings],
  };
}
