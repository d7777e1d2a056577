/**
 * Reads and validates an `sdkgen.config.yaml`. Every mistake is a `ConfigError` that names the
 * key and where it stands (file:line:column); relative paths are taken from the file's folder,
 * so a config file means the same thing whatever directory sdkgen runs from.
 */
import { dirname, resolve } from 'node:path';
import { ConfigError, SpecError } from '../errors';
import { loadSourceFile, type SourceDocument } from '../load';
import type { NamingConfig } from './types';

/** Values a config file may set; paths are absolute. */
export interface FileConfig {
  readonly input?: string;
  readonly output?: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly clientName?: string;
  readonly templates?: string;
  readonly allowRemoteRefs?: boolean;
  readonly refRoot?: string;
  readonly naming?: Partial<NamingConfig>;
}

type Leaf = 'path' | 'string' | 'boolean';
type Shape = { readonly [key: string]: Leaf | Shape };

/** The accepted keys and their types, as written in the file. */
const SHAPE: Shape = {
  input: 'path',
  output: 'path',
  templates: 'path',
  refRoot: 'path',
  allowRemoteRefs: 'boolean',
  package: { name: 'string', version: 'string' },
  client: { className: 'string' },
  naming: { apiClassSuffix: 'string', errorClassSuffix: 'string' },
};

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
  const values = checkShape(raw, SHAPE, [], source);
  const base = dirname(file);
  const path = (segments: string[]): string | undefined => {
    const v = values.get(segments.join('.'));
    return typeof v === 'string' ? resolve(base, v) : undefined;
  };
  const text = (segments: string[]): string | undefined => {
    const v = values.get(segments.join('.'));
    return typeof v === 'string' ? v : undefined;
  };
  const naming: { -readonly [K in keyof NamingConfig]?: string } = {};
  const apiSuffix = text(['naming', 'apiClassSuffix']);
  const errorSuffix = text(['naming', 'errorClassSuffix']);
  if (apiSuffix !== undefined) naming.apiClassSuffix = apiSuffix;
  if (errorSuffix !== undefined) naming.errorClassSuffix = errorSuffix;
  const allow = values.get('allowRemoteRefs');
  return dropUndefined({
    input: path(['input']),
    output: path(['output']),
    templates: path(['templates']),
    refRoot: path(['refRoot']),
    allowRemoteRefs: typeof allow === 'boolean' ? allow : undefined,
    packageName: text(['package', 'name']),
    packageVersion: text(['package', 'version']),
    clientName: text(['client', 'className']),
    naming: Object.keys(naming).length > 0 ? naming : undefined,
  });
}

/** Checks `value` against `shape`; returns leaf values keyed by dotted path. */
function checkShape(
  value: unknown,
  shape: Shape,
  at: string[],
  source: SourceDocument,
): Map<string, string | boolean> {
  const out = new Map<string, string | boolean>();
  const fail = (segments: string[], message: string): never => {
    const loc = source.locate(segments);
    const where = loc ? `${loc.file}:${loc.line}:${loc.column}` : source.file;
    throw new ConfigError(`${where}: ${message}`);
  };
  const name = at.length > 0 ? `'${at.join('.')}'` : 'the config file';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(at, `${name} must be a mapping (key: value)`);
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const segments = [...at, key];
    const dotted = segments.join('.');
    const expected = shape[key];
    if (expected === undefined) {
      fail(segments, `unknown key '${dotted}' (known keys: ${Object.keys(shape).map((k) => [...at, k].join('.')).join(', ')})`);
    } else if (typeof expected === 'object') {
      if (child === null || child === undefined) continue;
      for (const [k, v] of checkShape(child, expected, segments, source)) out.set(k, v);
    } else if (child === null || child === undefined) {
      continue; // `key:` with no value means "not set".
    } else if (expected === 'boolean') {
      if (typeof child !== 'boolean') fail(segments, `'${dotted}' must be true or false, not ${JSON.stringify(child)}`);
      out.set(dotted, child as boolean);
    } else {
      if (typeof child !== 'string' || child === '') {
        fail(segments, `'${dotted}' must be a non-empty string${typeof child === 'number' ? ' (quote it)' : ''}, not ${JSON.stringify(child)}`);
      }
      out.set(dotted, child as string);
    }
  }
  return out;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
