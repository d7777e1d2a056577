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
}

/** Receives warnings and errors as stages find them. */
export type ProblemSink = (problem: Problem) => void;

/** `file:line:column` when known, else the pointer, else nothing. */
export function formatWhere(problem: Problem): string {
  if (problem.location) {
    const { file, line, column } = problem.location;
    return `${file}:${line}:${column}`;
  }
  return problem.pointer ?? '';
}

/** One line per problem, as the CLI prints them. */
export function formatProblem(problem: Problem): string {
  const where = formatWhere(problem);
  return `${problem.severity}: ${where ? `${where}: ` : ''}${problem.message}`;
}
