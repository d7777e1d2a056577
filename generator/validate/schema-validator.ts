/**
 * Structural validation against the official OpenAPI JSON Schemas, through
 * `@seriousme/openapi-schema-validator` (ESM-only, hence the dynamic import).
 *
 * The compiled schema is cached per process: compiling costs far more than validating.
 */

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
