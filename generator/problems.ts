/** Problems found in a spec or config, with where they stand, for errors and warnings alike. */

/** A position in a source file (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** JSON pointer into the (bundled) document, e.g. `#/paths/~1pets/get/responses/200`. */
  readonly pointer?: string;
  readonly location?: SourceLocation;
  /**
   * Set on problems sdkgen works around when the meaning is clear (a dangling `$ref`, an `enum`
   * on a Parameter object …): what it does instead of stopping. Such a problem is a warning by
   * default and an error with `--strict` (see `applyStrictness`).
   */
  readonly workaround?: string;
}

/** Receives warnings and errors as stages find them. */
export type ProblemSink = (problem: Problem) => void;

/**
 * The problems as a run reports them: with `strict`, every problem sdkgen could work around is an
 * error; without it, a warning. Problems without a workaround keep their severity either way.
 */
export function applyStrictness(problems: readonly Problem[], strict: boolean): Problem[] {
  return problems.map((p) => (p.workaround === undefined ? p : { ...p, severity: strict ? 'error' : 'warning' }));
}

/** `file:line:column` when known, else the pointer, else nothing. */
export function formatWhere(problem: Problem): string {
  if (problem.location) {
    const { file, line, column } = problem.location;
    return `${file}:${line}:${column}`;
  }
  return problem.pointer ?? '';
}

/** The message, with what sdkgen does about it (a warning) or why it stops (`--strict`). */
function messageOf(problem: Problem): string {
  if (problem.workaround === undefined) return problem.message;
  return problem.severity === 'warning'
    ? `${problem.message}; ${problem.workaround} (an error with --strict)`
    : `${problem.message} (without --strict: ${problem.workaround})`;
}

/** One line per problem, as the CLI prints them. */
export function formatProblem(problem: Problem): string {
  const where = formatWhere(problem);
  return `${problem.severity}: ${where ? `${where}: ` : ''}${messageOf(problem)}`;
}
