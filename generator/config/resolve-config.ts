/**
 * Merges CLI flags > config file > defaults into the `ResolvedConfig` every stage works from.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigError } from '../errors';
import { isInside } from '../bundle/ref-policy';
import { readConfigFile, type FileConfig } from './config-file';
import { DEFAULT_CONFIG_FILE, DEFAULT_OUTPUT, embeddedDefault } from './defaults';
import { isValidClassName, isValidIdentifierPart, isValidNpmName, isValidSemver, npmNameFromFile } from './identifiers';
import { DEFAULT_NAMING, type ResolvedConfig } from './types';

/** Options as they come from the command line (or the programmatic API); paths relative to `cwd`. */
export interface ConfigFlags {
  readonly input?: string;
  readonly output?: string;
  readonly config?: string;
  readonly templates?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly clientName?: string;
  readonly allowRemoteRefs?: boolean;
  readonly refRoot?: string;
}

/** Resolves the configuration; throws `ConfigError` naming the offending flag or key. */
export async function resolveConfig(flags: ConfigFlags, cwd: string): Promise<ResolvedConfig> {
  const file = await findConfig(flags.config, cwd);
  const fromFile: FileConfig = file ? await readConfigFile(file) : {};
  const flagPath = (p: string | undefined): string | undefined => (p === undefined ? undefined : resolve(cwd, p));
  const origin = (flag: string, key: string): string => (file ? `${flag} / '${key}' in ${file}` : flag);

  // The embedded default applies only when nothing names an input at all.
  const embedded = flags.input === undefined && fromFile.input === undefined ? embeddedDefault() : undefined;
  const input = flagPath(flags.input) ?? fromFile.input ?? (embedded as { input: string }).input;

  const packageName = flags.packageName ?? fromFile.packageName ?? embedded?.packageName ?? npmNameFromFile(basename(input));
  if (!isValidNpmName(packageName)) {
    throw new ConfigError(`invalid package name '${packageName}' (${origin('--package-name', 'package.name')}): must be a valid npm package name (lowercase, no spaces)`);
  }
  const packageVersion = flags.packageVersion ?? fromFile.packageVersion;
  if (packageVersion !== undefined && !isValidSemver(packageVersion)) {
    throw new ConfigError(`invalid package version '${packageVersion}' (${origin('--package-version', 'package.version')}): must be a semantic version like 1.2.3`);
  }
  const clientName = flags.clientName ?? fromFile.clientName ?? embedded?.clientName;
  if (clientName !== undefined && !isValidClassName(clientName)) {
    throw new ConfigError(`invalid client class name '${clientName}' (${origin('--client-name', 'client.className')}): must be a TypeScript identifier such as MyApiClient`);
  }
  const naming = { ...DEFAULT_NAMING, ...fromFile.naming };
  for (const [key, value] of Object.entries(naming)) {
    if (!isValidIdentifierPart(value)) {
      throw new ConfigError(`invalid naming.${key} '${value}' in ${file}: only letters, digits, _ and $ are allowed`);
    }
  }

  const templates = flagPath(flags.templates) ?? fromFile.templates;
  if (templates !== undefined && !isDirectory(templates)) {
    throw new ConfigError(`templates folder not found: ${templates} (${origin('--templates', 'templates')})`);
  }
  const refRootGiven = flagPath(flags.refRoot) ?? fromFile.refRoot;
  if (refRootGiven !== undefined && !isDirectory(refRootGiven)) {
    throw new ConfigError(`ref root is not a folder: ${refRootGiven} (${origin('--ref-root', 'refRoot')})`);
  }
  // Default: the working directory when the spec is inside it (refs may reach sibling folders
  // of the project), else only the spec's own folder.
  const refRoot = refRootGiven ?? (isInside(resolve(cwd), input) ? resolve(cwd) : dirname(input));

  return {
    input,
    output: flagPath(flags.output) ?? fromFile.output ?? resolve(cwd, DEFAULT_OUTPUT),
    packageName,
    packageVersion,
    clientName,
    templates,
    allowRemoteRefs: flags.allowRemoteRefs ?? fromFile.allowRemoteRefs ?? false,
    refRoot,
    naming,
  };
}

/** `--config FILE` (must exist), else `./sdkgen.config.yaml` when present, else none. */
async function findConfig(flag: string | undefined, cwd: string): Promise<string | undefined> {
  if (flag !== undefined) {
    const file = resolve(cwd, flag);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${file} (--config)`);
    return file;
  }
  const candidate = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
