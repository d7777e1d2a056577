/**
 * The config file's JSON Schema (`sdkgen.config.schema.json`, shipped in the package so editors can
 * use it too) and validation against it. The schema is the one statement of which keys exist and
 * what they hold; this module only turns Ajv's findings into messages that name the key and
 * where it stands (`file:line:column`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError } from '../errors';
import type { SourceDocument } from '../load';
import { sdkgenPackage } from '../package-root';

/** Path of the schema inside the sdkgen package (listed in its npm `files`). */
export const CONFIG_SCHEMA_PATH = join('generator', 'config', 'sdkgen.config.schema.json');

/** Absolute path of the installed schema file. */
export function configSchemaFile(): string {
  return join(sdkgenPackage().root, CONFIG_SCHEMA_PATH);
}

/** What a value that fails a `pattern` is, and the rule it breaks (the schema's regex is not a message). */
const PATTERN_HINTS: Readonly<Record<string, { readonly label: string; readonly rule: string }>> = {
  'package.name': { label: 'package name', rule: 'must be a valid npm package name (lowercase, no spaces)' },
  'package.version': { label: 'package version', rule: 'must be a semantic version like 1.2.3' },
  'client.className': { label: 'client class name', rule: 'must be an identifier such as MyApiClient' },
  'naming.apiClassSuffix': { label: 'naming.apiClassSuffix', rule: 'only letters, digits, _ and $ are allowed' },
  'naming.errorClassSuffix': { label: 'naming.errorClassSuffix', rule: 'only letters, digits, _ and $ are allowed' },
};

/** How the schema is compiled, at build time and at run time alike. */
export function configAjvOptions(): { allErrors: false; verbose: true; strict: true } {
  // `verbose` keeps the failing sub-schema on each error, which lists the known keys.
  return { allErrors: false, verbose: true, strict: true };
}

/** The file `npm run build` writes next to this module (scripts/build/compile-config-validator.mjs). */
export const PRECOMPILED_CONFIG_VALIDATOR = 'config-validator.js';

/** What the build-time validator is keyed by: the options and the schema's text. */
export function configValidatorKey(schemaText: string): string {
  return createHash('sha256').update(JSON.stringify(configAjvOptions())).update('\0').update(schemaText).digest('hex');
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const text = readFileSync(configSchemaFile(), 'utf8');
  compiled = precompiledValidator(text) ?? compileValidator(text);
  return compiled;
}

/**
 * The validator the build compiled (Ajv's standalone code), when it was built from this very
 * schema text with these options and by the installed Ajv (whose error objects it makes):
 * loading Ajv and compiling at run time cost ~0.15 s, a seventh of generating both Shell EV SDKs.
 */
function precompiledValidator(schemaText: string): ValidateFunction | undefined {
  const file = join(__dirname, PRECOMPILED_CONFIG_VALIDATOR);
  if (!existsSync(file)) return undefined; // tests run from the sources; a plain `tsc` build
  const built = require(file) as ValidateFunction & { key?: unknown; ajvVersion?: unknown };
  if (built.key !== configValidatorKey(schemaText)) return undefined;
  const ajv = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as { version?: unknown };
  return built.ajvVersion === ajv.version ? built : undefined;
}

function compileValidator(schemaText: string): ValidateFunction {
  // Loaded here, not at the top: most runs have no config file or a build-time validator, and
  // loading Ajv costs ~60 ms (compiling the schema ~100 ms more).
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv(configAjvOptions()).compile(JSON.parse(schemaText) as Record<string, unknown>);
}

/** Validates a parsed config file; throws `ConfigError` for the first violation, located. */
export function assertValidConfig(value: unknown, source: SourceDocument): void {
  const validate = validator();
  if (validate(value)) return;
  const error = validate.errors?.[0];
  if (!error) throw new ConfigError(`${source.file}: invalid config file`);
  const segments = segmentsOf(error);
  const loc = source.locate(segments);
  const where = loc ? `${loc.file}:${loc.line}:${loc.column}` : source.file;
  throw new ConfigError(`${where}: ${messageOf(error, segments)}`);
}

/** Pointer segments of the offending key (for an unknown key: that key itself). */
function segmentsOf(error: ErrorObject): string[] {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  if (error.keyword === 'additionalProperties' && typeof extra === 'string') segments.push(extra);
  return segments;
}

function messageOf(error: ErrorObject, segments: readonly string[]): string {
  const dotted = segments.join('.');
  const name = segments.length > 0 ? `'${dotted}'` : 'the config file';
  const value: unknown = error.data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const parent = segments.slice(0, -1);
      const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      return `unknown key '${dotted}' (known keys: ${known.map((k) => [...parent, k].join('.')).join(', ')})`;
    }
    case 'type': {
      const expected = String((error.params as { type?: unknown }).type);
      if (expected.startsWith('object')) return `${name} must be a mapping (key: value)`;
      if (expected.startsWith('boolean')) return `${name} must be true or false, not ${JSON.stringify(value)}`;
      return `${name} must be a non-empty string${typeof value === 'number' ? ' (quote it)' : ''}, not ${JSON.stringify(value)}`;
    }
    case 'minLength':
      return `${name} must be a non-empty string, not ${JSON.stringify(value)}`;
    case 'pattern': {
      // Hints are keyed by the last two segments, so `targets.python.package.name` finds `package.name`'s.
      const hint = PATTERN_HINTS[segments.slice(-2).join('.')];
      return hint ? `invalid ${hint.label} '${String(value)}' (${name}): ${hint.rule}` : `${name} ${error.message ?? 'is invalid'}`;
    }
    default:
      return `${name} ${error.message ?? 'is invalid'}`;
  }
}
