/**
 * Swagger 2.0 → OpenAPI 3.0 with the maintained converter `swagger2openapi`, run on the resolved
 * (bundled) document so the later stages only ever see OpenAPI 3.
 *
 * The converter clones the document, so pointers of the result are mapped back to the Swagger
 * source by renaming the few places 3.0 moved things (`components/schemas` ← `definitions` …) and,
 * where a 3.0 node has no 2.0 counterpart (`requestBody`, `content/<type>`), by reporting the
 * nearest enclosing node that has one.
 */
import { SpecError } from '../errors';
import { formatPointer, parsePointer } from '../load/json-pointer';
import type { Problem, SourceLocation } from '../problems';

/** The part of `swagger2openapi`'s options and result sdkgen uses (the package has no typings). */
interface ConvertOptions {
  patch: boolean;
  warnOnly: boolean;
  warnProperty: string;
  resolve: boolean;
  text: string;
  patches?: number;
  openapi?: Record<string, unknown>;
}
interface Swagger2OpenApi {
  convertObj(swagger: Record<string, unknown>, options: ConvertOptions): Promise<ConvertOptions>;
}

/** Where the converter records a problem it worked around (removed again after reading). */
const WARN_PROPERTY = 'x-sdkgen-s2o-warning';

/** 3.0 component folders and their 2.0 homes. */
const MOVED: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['components', 'schemas'], ['definitions']],
  [['components', 'parameters'], ['parameters']],
  [['components', 'responses'], ['responses']],
  [['components', 'securitySchemes'], ['securityDefinitions']],
];

export interface ConvertedSpec {
  readonly document: Record<string, unknown>;
  readonly locate: (pointer: string) => SourceLocation | undefined;
  readonly warnings: readonly Problem[];
}

/**
 * Converts a resolved Swagger 2.0 document. `locateSource` locates pointers of the Swagger
 * document. Throws `SpecError` when the converter refuses the document.
 */
export async function convertSwagger2(
  swagger: Record<string, unknown>,
  locateSource: (pointer: string) => SourceLocation | undefined,
  file: string,
): Promise<ConvertedSpec> {
  const locate = (pointer: string): SourceLocation | undefined => locateConverted(pointer, locateSource);
  if (swagger.swagger !== '2.0') {
    const message = `unsupported Swagger version ${JSON.stringify(swagger.swagger)}; sdkgen converts Swagger 2.0 and reads OpenAPI 3.0/3.1`;
    const location = locateSource('#/swagger') ?? { file, line: 1, column: 1 };
    throw new SpecError(`${file}: ${message}`, [{ severity: 'error', message, pointer: '#/swagger', location }]);
  }
  // CommonJS package without typings; loaded on demand so OpenAPI 3 runs never pay for it.
  // A native `import()` of CommonJS exposes `module.exports` as `default`.
  const converter = (await import('swagger2openapi')).default as Swagger2OpenApi;
  const options: ConvertOptions = {
    // Fix what can be fixed (recorded in `patches`) and mark the rest instead of throwing.
    patch: true,
    warnOnly: true,
    warnProperty: WARN_PROPERTY,
    // Never fetch or read anything: `$ref`s were resolved (and vetted) by the bundle stage.
    resolve: false,
    // Otherwise the converter YAML-serialises the whole input up front, for nothing sdkgen uses.
    text: '-',
  };
  let result: ConvertOptions;
  try {
    result = await converter.convertObj(swagger, options);
  } catch (error) {
    const message = `cannot convert Swagger 2.0 to OpenAPI 3: ${(error as Error).message}`;
    throw new SpecError(`${file}: ${message}`, [{ severity: 'error', message, location: { file, line: 1, column: 1 } }]);
  }
  const document = result.openapi ?? {};
  const warnings: Problem[] = [];
  const warn = (message: string, pointer: string): void => {
    const location = locate(pointer);
    warnings.push({ severity: 'warning', message, pointer, ...(location ? { location } : {}) });
  };
  collectConverterWarnings(document, (message, segments) => warn(`Swagger 2.0 conversion: ${message}`, formatPointer(segments)));
  if ((result.patches ?? 0) > 0) {
    warn(`Swagger 2.0 conversion: ${String(result.patches)} small problem(s) of the document were patched (swagger2openapi)`, '#/swagger');
  }
  return { document, locate, warnings };
}

/** Finds (and removes) the converter's warning markers, in document order. Iterative: specs are deep. */
function collectConverterWarnings(document: unknown, report: (message: string, segments: string[]) => void): void {
  const stack: Array<{ node: unknown; segments: string[] }> = [{ node: document, segments: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { node, segments } = stack.pop() as (typeof stack)[number];
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (!Array.isArray(node) && typeof record[WARN_PROPERTY] === 'string') {
      report(record[WARN_PROPERTY] as string, segments);
      delete record[WARN_PROPERTY];
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ node: record[key], segments: [...segments, key] });
    }
  }
}

/** Locates a pointer of the converted document in the Swagger source (see the module comment). */
function locateConverted(pointer: string, locateSource: (pointer: string) => SourceLocation | undefined): SourceLocation | undefined {
  let segments = parsePointer(pointer);
  for (const [from, to] of MOVED) {
    if (from.every((s, i) => segments[i] === s)) {
      segments = [...to, ...segments.slice(from.length)];
      break;
    }
  }
  // `…/requestBody/content/<type>/schema` was a body parameter's schema; `…/content/<type>` was
  // the response itself: drop the 3.0-only steps.
  const mapped: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as string;
    if (s === 'content' && i + 1 < segments.length && mapped[mapped.length - 1] !== 'properties') {
      i++;
      continue;
    }
    mapped.push(s);
  }
  for (let n = mapped.length; n >= 0; n--) {
    const location = locateSource(formatPointer(mapped.slice(0, n)));
    if (location) return location;
  }
  return undefined;
}
