/** Everything a generation depends on that the user may edit: config file, spec files, template overlays (every target's). */
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE, resolveConfig, type ConfigFlags, type ResolvedConfig } from '../../config';
import { specFiles } from './spec-files';

/** Files watched one by one, and folders watched as whole trees. */
export interface WatchedPaths {
  readonly files: readonly string[];
  readonly trees: readonly string[];
}

/**
 * The paths of the generation `flags` describe. The config file is watched even before it
 * exists (creating `./sdkgen.config.yaml` changes the generation); when the config is broken,
 * only it is returned and the caller keeps watching what it watched before.
 */
export async function watchedPaths(flags: ConfigFlags, cwd: string): Promise<WatchedPaths> {
  const configFile = resolve(cwd, flags.config ?? DEFAULT_CONFIG_FILE);
  let config: ResolvedConfig;
  try {
    config = await resolveConfig(flags, cwd);
  } catch {
    return { files: [configFile], trees: [] };
  }
  const spec = await specFiles(config.input, config.refRoot);
  const templates = config.targets.flatMap((t) => (t.templates ? [t.templates] : []));
  return { files: [configFile, ...spec], trees: [...new Set(templates)] };
}

/** Union of two path sets: a file dropped from a broken spec stays watched until it is fixed. */
export function mergePaths(a: WatchedPaths, b: WatchedPaths): WatchedPaths {
  return { files: [...new Set([...a.files, ...b.files])].sort(), trees: [...new Set([...a.trees, ...b.trees])].sort() };
}
