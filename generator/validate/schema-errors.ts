/**
 * Turns Ajv's raw errors into problems a user can act on.
 *
 * The OpenAPI schemas are full of `oneOf: [Reference, Thing]` alternatives, so one mistake yields
 * a handful of errors (one per failed branch plus the `oneOf` itself). Only the errors that
 * point at the actual mistake are kept.
 */
import type { Problem } from '../problems';
import { formatPointer, parsePointer } from '../load/json-pointer';
import type { SchemaError } from './schema-validator';
import { workaroundFor } from './workarounds';

const COMBINATOR_KEYWORDS = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', 'not', '$ref', '$dynamicRef', 'false schema']);

/**
 * Converts and prunes errors; `locate` maps a pointer to its source position. Violations sdkgen
 * works around (`./workarounds.ts`) carry their workaround (warnings unless `--strict`).
 */
export function schemaErrorsToProblems(
  errors: readonly SchemaError[],
  locate: (pointer: string) => Problem['location'],
  document: Record<string, unknown> = {},
): Problem[] {
  const branches = mismatchedBranches(errors);
  const unpruned = errors.filter((error) => !isNoise(error, errors));
  const pruned = unpruned.filter((error) => !inMismatchedBranch(error, branches));
  const relevant = pruned.length > 0 ? pruned : unpruned;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of relevant.length > 0 ? relevant : errors) {
    const described = describe(error);
    const fix = workaroundFor(error, document);
    const message = fix?.message ?? described.message;
    const pointer = described.pointer;
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const location = locate(pointer);
    problems.push({
      // Worked around: a warning (`applyStrictness` makes it an error with --strict).
      severity: fix ? 'warning' : severityOf(error),
      message,
      pointer,
      ...(location ? { location } : {}),
      ...(fix && !isForeignRegex(error) ? { workaround: fix.workaround } : {}),
    });
  }
  return problems;
}

/**
 * Alternatives of a `oneOf` that cannot be what the author meant: their discriminating property
 * (`type: oauth2` against the apiKey scheme's `type: apiKey`) has the wrong value. Keyed by the
 * alternative's schema path (`#/definitions/APIKeySecurityScheme`), with the instance it was
 * tried on. Without this, one bad `tokenUrl` is reported along with every other scheme type's
 * missing properties.
 */
function mismatchedBranches(errors: readonly SchemaError[]): Array<{ schema: string; instance: string }> {
  const out: Array<{ schema: string; instance: string }> = [];
  for (const error of errors) {
    if (error.keyword !== 'enum' && error.keyword !== 'const') continue;
    const match = /^(.*)\/properties\/([^/]+)\/(enum|const)$/.exec(error.schemaPath);
    if (!match) continue;
    const instance = error.instancePath.slice(0, error.instancePath.lastIndexOf('/'));
    out.push({ schema: `${match[1]}/`, instance });
  }
  return out;
}

function inMismatchedBranch(error: SchemaError, branches: ReadonlyArray<{ schema: string; instance: string }>): boolean {
  return branches.some(
    (b) => error.schemaPath.startsWith(b.schema) && (error.instancePath === b.instance || error.instancePath.startsWith(`${b.instance}/`)),
  );
}

/**
 * A `pattern` that is not an ECMA-262 regular expression (`format: regex`; Ruby's `\A`/`\Z`
 * anchors in real specs) breaks nothing: the SDK never compiles patterns. Only a warning.
 */
function isForeignRegex(error: SchemaError): boolean {
  return error.keyword === 'format' && error.params.format === 'regex';
}

function severityOf(error: SchemaError): Problem['severity'] {
  return isForeignRegex(error) ? 'warning' : 'error';
}

/** An error is noise when a more specific error explains the same spot. */
function isNoise(error: SchemaError, all: readonly SchemaError[]): boolean {
  const path = error.instancePath;
  const hasOtherAtOrBelow = all.some(
    (other) =>
      other !== error &&
      !COMBINATOR_KEYWORDS.has(other.keyword) &&
      !isReferenceBranch(other) &&
      (other.instancePath === path || other.instancePath.startsWith(`${path}/`)),
  );
  if (COMBINATOR_KEYWORDS.has(error.keyword)) return hasOtherAtOrBelow || all.some((o) => o !== error && o.instancePath.startsWith(`${path}/`));
  // "must have required property '$ref'" comes from the Reference branch of a oneOf.
  if (isReferenceBranch(error)) return hasOtherAtOrBelow;
  // A type error on a container is noise when its children have errors (the other branch matched better).
  return false;
}

function isReferenceBranch(error: SchemaError): boolean {
  return error.keyword === 'required' && error.params.missingProperty === '$ref';
}

function describe(error: SchemaError): { pointer: string; message: string } {
  const base = parsePointer(`#${error.instancePath}`);
  const where = formatPointer(base);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      return { pointer: formatPointer([...base, name]), message: `unknown property '${name}'` };
    }
    case 'required':
      return { pointer: where, message: `missing required property '${String(error.params.missingProperty)}'` };
    case 'enum': {
      const allowed = Array.isArray(error.params.allowedValues)
        ? error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')
        : '';
      return { pointer: where, message: `must be one of ${allowed}` };
    }
    case 'format':
      if (isForeignRegex(error)) {
        return { pointer: where, message: 'pattern is not an ECMA-262 regular expression; it is ignored (the SDK does not check patterns)' };
      }
      return { pointer: where, message: error.message ?? `fails the '${error.keyword}' rule` };
    case 'pattern':
      return { pointer: where, message: `must match the pattern ${String(error.params.pattern)}` };
    default:
      return { pointer: where, message: error.message ?? `fails the '${error.keyword}' rule` };
  }
}
