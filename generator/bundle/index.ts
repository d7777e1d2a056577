/**
 * The load + bundle stages: read the root spec, follow its `$ref`s safely, and produce one
 * OpenAPI 3 document that only has internal `#/...` references (schemas of other files moved to
 * `components/schemas`; Swagger 2.0 converted), plus a way back to source positions.
 */
import { resolve as resolvePath } from 'node:path';
import { SpecError } from '../errors';
import type { Problem, SourceLocation } from '../problems';
import { crawlRefs } from './crawl';
import { hoistExternalSchemas } from './hoist-schemas';
import { bundleWithLibrary } from './library-bundle';
import { indexOrigins, multiSourceLocator, singleSourceLocator } from './locate';
import { SourceSet } from './source-set';
import { convertSwagger2 } from './swagger2';
import { unresolvedRefs } from './unresolved-refs';

export interface LoadOptions {
  /** Fetch `http(s)://` `$ref`s; refused otherwise. */
  readonly allowRemoteRefs: boolean;
  /** Absolute folder; local `$ref`s may not read outside it. */
  readonly refRoot: string;
}

export interface LoadedSpec {
  /** Absolute path of the root document. */
  readonly path: string;
  /** The bundled OpenAPI 3.x document: only internal `#/...` `$ref`s remain. */
  readonly document: Record<string, unknown>;
  /** Where a JSON pointer of `document` (e.g. `#/paths/~1pets/get`) stands in the sources. */
  locate(pointer: string): SourceLocation | undefined;
  /** Problems found on the way that do not stop generation (dangling `$ref`s, Swagger 2.0 conversion notes). */
  readonly warnings?: readonly Problem[];
  /**
   * The `$ref` values of `document` that resolve to nothing, already reported (with their source
   * location) as dangling: the IR types them `unknown` without warning about them again.
   */
  readonly danglingRefs?: ReadonlySet<string>;
}

/**
 * Loads `input` and everything it references. Throws `SpecError` (with every problem, located)
 * when a document cannot be parsed, or a `$ref` is refused or cannot be read. A `$ref` to
 * nothing (a missing pointer or file) is a warning with a workaround, in `warnings`.
 */
export async function loadSpec(input: string, options: LoadOptions): Promise<LoadedSpec> {
  const path = resolvePath(input);
  const sources = new SourceSet(resolvePath(options.refRoot), options.allowRemoteRefs);
  const root = await sources.root(path);
  const value = root.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError(`${path} does not contain an OpenAPI document (expected a mapping at the top level)`, [
      { severity: 'error', message: 'expected a mapping with an `openapi` key', location: { file: path, line: 1, column: 1 } },
    ]);
  }
  // Swagger 2.0 is resolved like OpenAPI 3, then converted (see `./swagger2.ts`).
  const swagger = 'swagger' in value;

  const crawl = await crawlRefs(root, sources);
  const errors = crawl.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new SpecError(`cannot resolve the $refs of ${path} (${errors.length} problem(s))`, crawl.problems);
  }
  let resolved: Omit<LoadedSpec, 'path'>;
  if (!crawl.hasExternalRefs) {
    // Fast path: one self-contained document (the common case for big published specs).
    resolved = { document: value as Record<string, unknown>, locate: singleSourceLocator(root) };
  } else {
    const origins = indexOrigins(await sources.all());
    const document = await bundleWithLibrary(root, sources, crawl);
    hoistExternalSchemas(document, origins, root, swagger ? ['definitions'] : ['components', 'schemas']);
    resolved = { document, locate: multiSourceLocator(document, root, origins) };
  }
  if (swagger) resolved = await convertSwagger2(resolved.document, resolved.locate, path);
  const warnings = [...crawl.problems, ...(resolved.warnings ?? [])];
  const danglingRefs = crawl.dangling.length > 0 ? unresolvedRefs(resolved.document) : undefined;
  return { path, ...resolved, warnings, ...(danglingRefs ? { danglingRefs } : {}) };
}
