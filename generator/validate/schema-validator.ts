/**
 * Structural validation against the official OpenAPI JSON Schemas, through
 * `@seriousme/openapi-schema-validator` (ESM-only, hence the dynamic import).
 *
 * Compiling a schema costs more than validating a large spec, so `npm run build` compiles both
 * into `dist/generator/validate/standalone/` (scripts/build/compile-validators.mjs) and this module
 * uses those when they match the installed validator; otherwise (tests run from the sources, a
 * plain `tsc` build, an upgraded validator) it compiles once per process as before.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The fields of an Ajv error object that sdkgen reads. */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

type CompiledSchema = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

interface ValidatorInstance {
  validate(data: Record<string, unknown>): Promise<{ valid: boolean; errors?: SchemaError[] | string }>;
  /** Not in the package's typings, but stable since 2.x; used to skip its slow deep-clone ref check. */
  getAjvValidator?: (version: string) => CompiledSchema;
}

let validator: Promise<ValidatorInstance> | undefined;

const prebuiltByVersion = new Map<string, CompiledSchema | undefined>();

/** Build-time compiled validator of `version`, or `undefined` when absent or stale (looked up once). */
function prebuilt(version: '3.0' | '3.1'): CompiledSchema | undefined {
  if (!prebuiltByVersion.has(version)) prebuiltByVersion.set(version, loadPrebuilt(version));
  return prebuiltByVersion.get(version);
}

function loadPrebuilt(version: '3.0' | '3.1'): CompiledSchema | undefined {
  let compiled: CompiledSchema & { validatorVersion?: unknown };
  let installed: unknown;
  try {
    compiled = require(`./standalone/openapi-${version}.js`) as typeof compiled;
    const validatorDir = dirname(require.resolve('@seriousme/openapi-schema-validator'));
    installed = (JSON.parse(readFileSync(join(validatorDir, 'package.json'), 'utf8')) as { version?: unknown }).version;
  } catch {
    return undefined;
  }
  // Compiled from another version of the schemas: compile the installed ones instead.
  return compiled.validatorVersion === installed ? compiled : undefined;
}

function instance(): Promise<ValidatorInstance> {
  validator ??= import('@seriousme/openapi-schema-validator').then(
    // allErrors: report every problem in one run instead of making the user fix them one by one.
    ({ Validator }) => new Validator({ allErrors: true }) as unknown as ValidatorInstance,
  );
  return validator;
}

/**
 * Validates `document` against the schema of `version` (`3.0` or `3.1`).
 * Returns the raw errors (empty when valid); a string error means the validator refused the input.
 */
export async function validateAgainstSchema(
  document: Record<string, unknown>,
  version: '3.0' | '3.1',
): Promise<SchemaError[] | string> {
  const ready = prebuilt(version);
  if (ready) return ready(document) ? [] : [...(ready.errors ?? [])];
  const v = await instance();
  if (typeof v.getAjvValidator === 'function') {
    // `$ref` targets are already checked by the bundle stage; the package's own check
    // structured-clones the whole document, which costs hundreds of ms on large specs.
    const compiled = v.getAjvValidator(version);
    return compiled(document) ? [] : [...(compiled.errors ?? [])];
  }
  const result = await v.validate(document);
  if (result.valid) return [];
  return result.errors ?? 'the document is invalid';
}
