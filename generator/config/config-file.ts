/**
 * Reads and validates an `sdkgen.config.yaml` (against `sdkgen.config.schema.json`). Every
 * mistake is a `ConfigError` that names the key and where it stands (file:line:column); relative
 * paths are taken from the file's folder, so a config file means the same thing whatever
 * directory sdkgen runs from.
 */
import { dirname, resolve } from 'node:path';
import { ConfigError, SpecError } from '../errors';
import { loadSourceFile, type SourceDocument } from '../load';
import { assertValidConfig } from './config-schema';
import type { NamingConfig } from './types';

/** Settings a file may give per target, or at top level for every target. Paths are absolute. */
export interface FileTargetSettings {
  readonly output?: string;
  readonly templates?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly repository?: string;
  readonly homepage?: string;
  readonly clientName?: string;
  readonly naming?: Partial<NamingConfig>;
}

/** One entry of the `targets` map, with where it stands (for messages). */
export interface FileTarget {
  readonly id: string;
  readonly settings: FileTargetSettings;
  /** `file:line:column` of its key (computed on demand: positions need the file parsed again). */
  readonly where: () => string;
}

/** Values a config file may set; paths are absolute. */
export interface FileConfig extends FileTargetSettings {
  readonly input?: string;
  readonly allowRemoteRefs?: boolean;
  readonly refRoot?: string;
  readonly strict?: boolean;
  /** The `targets` map in file order (absent when the file has none). */
  readonly targets?: readonly FileTarget[];
}

/** Reads `file` (absolute). Throws `ConfigError` when it is missing, malformed or invalid. */
export async function readConfigFile(file: string): Promise<FileConfig> {
  let source: SourceDocument;
  try {
    source = await loadSourceFile(file);
  } catch (error) {
    if (error instanceof SpecError) {
      const first = error.problems[0];
      const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
      const detail = first ? first.message : error.message.replace(/^cannot read /, 'cannot read config file ');
      throw new ConfigError(`${where}${detail}`, { cause: error });
    }
    throw error;
  }
  const raw = source.value ?? {};
  assertValidConfig(raw, source);
  const values = leafValues(raw, []);
  const base = dirname(file);
  const allow = values.get('allowRemoteRefs');
  const strict = values.get('strict');
  const shared = targetSettings(values, [], base);
  const targetsNode = (raw as { targets?: unknown }).targets;
  const targets =
    targetsNode !== null && typeof targetsNode === 'object'
      ? Object.keys(targetsNode).map((id): FileTarget => {
          const where = (): string => {
            const loc = source.locate(['targets', id]);
            return loc ? `${loc.file}:${loc.line}:${loc.column}` : file;
          };
          return { id, settings: targetSettings(values, ['targets', id], base), where };
        })
      : undefined;
  return dropUndefined({
    ...shared,
    input: pathValue(values, ['input'], base),
    refRoot: pathValue(values, ['refRoot'], base),
    allowRemoteRefs: typeof allow === 'boolean' ? allow : undefined,
    strict: typeof strict === 'boolean' ? strict : undefined,
    targets,
  });
}

/** The target settings under `at` (`[]`: top level; `['targets', id]`: one target). */
function targetSettings(values: ReadonlyMap<string, string | boolean>, at: readonly string[], base: string): FileTargetSettings {
  const text = (...segments: string[]): string | undefined => textValue(values, [...at, ...segments]);
  const naming: { -readonly [K in keyof NamingConfig]?: string } = {};
  const apiSuffix = text('naming', 'apiClassSuffix');
  const errorSuffix = text('naming', 'errorClassSuffix');
  if (apiSuffix !== undefined) naming.apiClassSuffix = apiSuffix;
  if (errorSuffix !== undefined) naming.errorClassSuffix = errorSuffix;
  return dropUndefined({
    output: pathValue(values, [...at, 'output'], base),
    templates: pathValue(values, [...at, 'templates'], base),
    packageName: text('package', 'name'),
    packageVersion: text('package', 'version'),
    repository: text('package', 'repository'),
    homepage: text('package', 'homepage'),
    clientName: text('client', 'className'),
    naming: Object.keys(naming).length > 0 ? naming : undefined,
  });
}

function textValue(values: ReadonlyMap<string, string | boolean>, segments: readonly string[]): string | undefined {
  const v = values.get(segments.join('.'));
  return typeof v === 'string' ? v : undefined;
}

function pathValue(values: ReadonlyMap<string, string | boolean>, segments: readonly string[], base: string): string | undefined {
  const v = textValue(values, segments);
  return v === undefined ? undefined : resolve(base, v);
}

/**
 * Leaf values keyed by dotted path (`package.name`), from a value the schema accepted; a key with
 * no value (`key:`) means "not set" and is left out.
 */
function leafValues(value: unknown, at: readonly string[]): Map<string, string | boolean> {
  const out = new Map<string, string | boolean>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const segments = [...at, key];
    if (typeof child === 'string' || typeof child === 'boolean') out.set(segments.join('.'), child);
    else for (const [k, v] of leafValues(child, segments)) out.set(k, v);
  }
  return out;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
