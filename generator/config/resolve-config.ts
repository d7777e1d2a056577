/**
 * Merges CLI flags > config file > defaults into the `ResolvedConfig` every stage works from.
 *
 * Targets: `--target X` generates X alone; else a config file's `targets` map lists the targets
 * (in file order); else TypeScript. Per target, a value comes from the flag (only when one target
 * is generated), else `targets.<target>.<key>`, else the file's top-level key (package, client,
 * naming; output and templates only when there is no `targets` map), else the default.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigError, UsageError } from '../errors';
import { isInside } from '../bundle/ref-policy';
import { isTargetId, TARGET_IDS, targetById } from '../targets';
import { readConfigFile, type FileConfig, type FileTargetSettings } from './config-file';
import { DEFAULT_CONFIG_FILE, embeddedDefault } from './defaults';
import { isValidIdentifierPart, isValidSemver } from './identifiers';
import type { ResolvedConfig, TargetConfig, TargetId } from './types';

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
  /** Generate this target only (`typescript`, `python`). */
  readonly target?: string;
  /** Problems sdkgen can work around are errors (`--strict`; `--no-strict` overrides `strict: true`). */
  readonly strict?: boolean;
}

/** Flags that set one target's values: with several targets they would be ambiguous. */
const PER_TARGET_FLAGS = [
  ['output', '--output'],
  ['templates', '--templates'],
] as const;

/** Resolves the configuration; throws `ConfigError` naming the offending flag or key. */
export async function resolveConfig(flags: ConfigFlags, cwd: string): Promise<ResolvedConfig> {
  const file = await findConfig(flags.config, cwd);
  const fromFile: FileConfig = file ? await readConfigFile(file) : {};
  const flagPath = (p: string | undefined): string | undefined => (p === undefined ? undefined : resolve(cwd, p));

  // The embedded default applies only when nothing names an input at all.
  const embedded = flags.input === undefined && fromFile.input === undefined ? embeddedDefault() : undefined;
  const input = flagPath(flags.input) ?? fromFile.input ?? (embedded as { input: string }).input;

  if (fromFile.targets !== undefined && (fromFile.output !== undefined || fromFile.templates !== undefined)) {
    throw new ConfigError(`${file}: with a 'targets' map, set 'output' and 'templates' per target (under targets.<target>)`);
  }
  const ids = selectedTargets(flags, fromFile);
  if (ids.length > 1) {
    for (const [key, flag] of PER_TARGET_FLAGS) {
      if (flags[key] !== undefined) {
        throw new UsageError(`${flag} sets one target's folder, but ${file} configures ${ids.join(' and ')}: add --target to choose one`);
      }
    }
  }
  const targets = ids.map((id) =>
    resolveTarget(id, {
      flags: { ...flags, output: flagPath(flags.output), templates: flagPath(flags.templates) },
      file,
      fromFile,
      embedded,
      input,
      cwd,
    }),
  );

  // Each folder's manifest lists one target's files: two targets in one folder (or one inside the
  // other) would each remove the other's files as no longer generated.
  for (const [i, a] of targets.entries()) {
    for (const b of targets.slice(i + 1)) {
      if (isInside(a.output, b.output) || isInside(b.output, a.output)) {
        throw new ConfigError(`${file ?? 'config'}: targets ${a.target} and ${b.target} need separate output folders (${a.output} and ${b.output} overlap)`);
      }
    }
  }

  const refRootGiven = flagPath(flags.refRoot) ?? fromFile.refRoot;
  if (refRootGiven !== undefined && !isDirectory(refRootGiven)) {
    throw new ConfigError(`ref root is not a folder: ${refRootGiven} (${origin(file, '--ref-root', 'refRoot')})`);
  }
  // Default: the working directory when the spec is inside it (refs may reach sibling folders
  // of the project), else only the spec's own folder.
  const refRoot = refRootGiven ?? (isInside(resolve(cwd), input) ? resolve(cwd) : dirname(input));

  return {
    input,
    allowRemoteRefs: flags.allowRemoteRefs ?? fromFile.allowRemoteRefs ?? false,
    refRoot,
    strict: flags.strict ?? fromFile.strict ?? false,
    targets,
  };
}

/** `--target`, else the file's `targets` map (validated), else TypeScript. */
function selectedTargets(flags: ConfigFlags, fromFile: FileConfig): TargetId[] {
  for (const entry of fromFile.targets ?? []) {
    if (!isTargetId(entry.id)) {
      throw new ConfigError(`${entry.where()}: unknown target 'targets.${entry.id}' (known targets: ${TARGET_IDS.join(', ')})`);
    }
  }
  if (flags.target !== undefined) {
    if (!isTargetId(flags.target)) throw new UsageError(`unknown target '${flags.target}' for --target (known targets: ${TARGET_IDS.join(', ')})`);
    return [flags.target];
  }
  const listed = (fromFile.targets ?? []).map((t) => t.id as TargetId);
  return listed.length > 0 ? listed : ['typescript'];
}

interface TargetSources {
  readonly flags: ConfigFlags;
  readonly file: string | undefined;
  readonly fromFile: FileConfig;
  readonly embedded: ReturnType<typeof embeddedDefault> | undefined;
  readonly input: string;
  readonly cwd: string;
}

function resolveTarget(id: TargetId, sources: TargetSources): TargetConfig {
  const { flags, file, fromFile, embedded, input, cwd } = sources;
  const target = targetById(id);
  const entry = fromFile.targets?.find((t) => t.id === id);
  const own: FileTargetSettings = entry?.settings ?? {};
  // Top-level values are every target's defaults (output and templates only exist there without a
  // `targets` map, see `resolveConfig`).
  const shared: FileTargetSettings = fromFile;
  const key = (name: string): string => (entry ? `targets.${id}.${name}` : name);
  const from = (flag: string, name: string): string => origin(file, flag, key(name));

  const packageName =
    flags.packageName ?? own.packageName ?? shared.packageName ?? embedded?.packageName ?? target.packageNameFromFile(basename(input));
  const nameProblem = target.checkPackageName(packageName);
  if (nameProblem !== undefined) {
    throw new ConfigError(`invalid package name '${packageName}' (${from('--package-name', 'package.name')}): ${nameProblem}`);
  }
  const packageVersion = flags.packageVersion ?? own.packageVersion ?? shared.packageVersion;
  if (packageVersion !== undefined && !isValidSemver(packageVersion)) {
    throw new ConfigError(`invalid package version '${packageVersion}' (${from('--package-version', 'package.version')}): must be a semantic version like 1.2.3`);
  }
  const repository = own.repository ?? shared.repository;
  const repositoryProblem = repository === undefined ? undefined : urlProblem(repository, REPOSITORY_SCHEMES);
  if (repository !== undefined && repositoryProblem !== undefined) {
    throw new ConfigError(`invalid package repository '${shownUrl(repository)}' ('${key('package.repository')}' in ${file}): ${repositoryProblem}`);
  }
  const homepage = own.homepage ?? shared.homepage;
  const homepageProblem = homepage === undefined ? undefined : urlProblem(homepage, HOMEPAGE_SCHEMES);
  if (homepage !== undefined && homepageProblem !== undefined) {
    throw new ConfigError(`invalid package homepage '${shownUrl(homepage)}' ('${key('package.homepage')}' in ${file}): ${homepageProblem}`);
  }
  const clientName = flags.clientName ?? own.clientName ?? shared.clientName ?? embedded?.clientName;
  const classProblem = clientName === undefined ? undefined : target.checkClassName(clientName);
  if (clientName !== undefined && classProblem !== undefined) {
    throw new ConfigError(`invalid client class name '${clientName}' (${from('--client-name', 'client.className')}): ${classProblem}`);
  }
  const naming = { ...target.defaults.naming, ...shared.naming, ...own.naming };
  for (const [name, value] of Object.entries(naming)) {
    if (!isValidIdentifierPart(value)) {
      throw new ConfigError(`invalid naming.${name} '${value}' in ${file}: only letters, digits, _ and $ are allowed`);
    }
  }
  const templates = flags.templates ?? own.templates ?? shared.templates;
  if (templates !== undefined && !isDirectory(templates)) {
    throw new ConfigError(`templates folder not found: ${templates} (${from('--templates', 'templates')})`);
  }
  return {
    target: id,
    output: flags.output ?? own.output ?? shared.output ?? resolve(cwd, target.defaults.output),
    packageName,
    packageVersion,
    ...(repository !== undefined ? { repository } : {}),
    ...(homepage !== undefined ? { homepage } : {}),
    clientName,
    templates,
    naming,
  };
}

const HOMEPAGE_SCHEMES = ['http:', 'https:'];
/** What npm and PyPI accept as a repository URL. */
const REPOSITORY_SCHEMES = ['https:', 'http:', 'git+https:', 'git+ssh:', 'git+http:', 'ssh:', 'git:'];

/**
 * Why `text` is not an absolute URL with one of `schemes`, if it is not. Printable ASCII only (no
 * spaces, quotes or control characters): the value is written into package.json and
 * pyproject.toml, so nothing in it may change their structure, whatever the escaping.
 */
function urlProblem(text: string, schemes: readonly string[]): string | undefined {
  const rule = `must be an absolute URL (${schemes.map((s) => `${s}//`).join(', ')})`;
  if (!/^[\x21-\x7e]+$/.test(text) || /["'\\<>`{}|^]/.test(text)) return `${rule} without spaces, quotes or control characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return rule;
  }
  if (!schemes.includes(url.protocol) || url.host === '') return rule;
  // Credentials would be published with the package; an ssh user name (`git+ssh://git@host/…`) is not one.
  if (url.password !== '' || (url.username !== '' && !url.protocol.endsWith('ssh:'))) return `${rule} without credentials in it`;
  return undefined;
}

/** A rejected URL as shown in a message: bounded, control characters made visible. */
function shownUrl(text: string): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 200 ? `${visible.slice(0, 200)}…` : visible;
}

function origin(file: string | undefined, flag: string, key: string): string {
  return file ? `${flag} / '${key}' in ${file}` : flag;
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
