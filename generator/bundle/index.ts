/**
 * The load + bundle stages: read the root spec, follow its `$ref`s safely, and produce one
 * document that only has internal `#/...` references, plus a way back to source positions.
 */
import { resolve as resolvePath } from 'node:path';
import { SpecError } from '../errors';
import type { SourceLocation } from '../problems';
import { crawlRefs } from './crawl';
import { bundleWithLibrary } from './library-bundle';
import { indexOrigins, multiSourceLocator, singleSourceLocator } from './locate';
import { SourceSet } from './source-set';

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
}

/**
 * Loads `input` and everything it references. Throws `SpecError` (with every problem, located)
 * when a document cannot be parsed, a `$ref` cannot be resolved, or a `$ref` is refused.
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
  if ('swagger' in value) {
    throw new SpecError(
      `${path} is a Swagger ${String((value as Record<string, unknown>).swagger)} document; Swagger 2.0 is not supported yet ` +
        '(convert it to OpenAPI 3 first, e.g. with swagger2openapi)',
      [{ severity: 'error', message: 'Swagger 2.0 is not supported yet', pointer: '#/swagger', location: root.locate(['swagger']) ?? { file: path, line: 1, column: 1 } }],
    );
  }

  const crawl = await crawlRefs(root, sources);
  if (crawl.problems.length > 0) {
    throw new SpecError(`cannot resolve the $refs of ${path} (${crawl.problems.length} problem(s))`, crawl.problems);
  }
  if (!crawl.hasExternalRefs) {
    // Fast path: one self-contained document (the common case for big published specs).
    return { path, document: value as Record<string, unknown>, locate: singleSourceLocator(root) };
  }
  const origins = indexOrigins(await sources.all());
  const document = await bundleWithLibrary(root, sources);
  return { path, document, locate: multiSourceLocator(document, root, origins) };
}
