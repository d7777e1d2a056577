/**
 * The validate stage: the official OpenAPI schema (3.0 / 3.1) plus the semantic checks that
 * generation depends on. Returns problems (errors and warnings) with pointers and locations;
 * the pipeline decides what is fatal.
 */
import type { LoadedSpec } from '../bundle';
import type { Problem } from '../problems';
import { schemaErrorsToProblems } from './schema-errors';
import { validateAgainstSchema } from './schema-validator';
import { checkDuplicateOperationIds, checkPathParameters, checkVersion } from './semantic-checks';

/** Validates a loaded (bundled) spec. Never throws for an invalid spec: it returns the problems. */
export async function validateSpec(spec: LoadedSpec): Promise<Problem[]> {
  const located = (problem: Omit<Problem, 'location'>): Problem => {
    const location = problem.pointer ? spec.locate(problem.pointer) : undefined;
    return location ? { ...problem, location } : problem;
  };
  // Notes of the load stage (Swagger 2.0 conversion) are reported with the validation problems.
  const loadWarnings = spec.warnings ?? [];
  const { version, problem } = checkVersion(spec.document);
  // With an unknown version there is no schema to check against.
  if (!version) return [...loadWarnings, located(problem as Omit<Problem, 'location'>)];

  const raw = await validateAgainstSchema(spec.document, version);
  const problems: Problem[] = [
    ...loadWarnings,
    ...(typeof raw === 'string'
      ? [{ severity: 'error', message: raw } as const]
      : schemaErrorsToProblems(raw, (pointer) => spec.locate(pointer), spec.document)),
  ];
  problems.push(...checkDuplicateOperationIds(spec.document).map(located));
  problems.push(...checkPathParameters(spec.document).map(located));
  return problems.sort(byLocation);
}

/** Reading order (file, line, column); problems without a location keep their place at the end. */
function byLocation(a: Problem, b: Problem): number {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return la ? -1 : lb ? 1 : 0;
  if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
  return la.line - lb.line || la.column - lb.column;
}
