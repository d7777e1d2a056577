/** `diff`: what changed in the generated SDK between two specs, and the semver bump it calls for. */
import { resolveConfig, type ConfigFlags, type ResolvedConfig } from '../config';
import type { Ir } from '../ir';
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
 * Builds the IR of both specs with the same settings and compares them in spec terms. Throws
 * `SpecError` when either spec is invalid, `ConfigError` for a bad config.
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
  const side = async (input: string): Promise<{ ir: Ir; config: ResolvedConfig; warnings: readonly Problem[] }> => {
    const config = await resolveConfig({ ...shared, input }, cwd);
    return { config, ...(await buildIrFromConfig(config)) };
  };
  const [before, after] = await Promise.all([side(options.from), side(options.to)]);
  const changes = compareIr(before.ir, after.ir);
  const bump = bumpOf(changes);
  // Package names and versions are the first configured target's (every target shares the IR).
  const pkg = (side: { ir: Ir; config: ResolvedConfig }): { packageName: string; version: string } => {
    const target = side.config.targets[0];
    return { packageName: target?.packageName ?? '', version: target?.packageVersion ?? side.ir.info.version };
  };
  const [from, to] = [pkg(before), pkg(after)];
  return {
    from: { spec: before.ir.specFileName, ...from },
    to: { spec: after.ir.specFileName, ...to },
    bump,
    suggestedVersion: applyBump(from.version, bump),
    changes,
    warnings: [...before.warnings, ...after.warnings],
  };
}
