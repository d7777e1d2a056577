/** Text the CLI prints; colours come only from the palette the caller passes (see `./style`). */
import { relative, isAbsolute } from 'node:path';
import { formatProblem, type Problem } from '../problems';
import { PLAIN, type Palette } from './style';

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** One line per problem, file paths shown relative to `cwd`; errors red, warnings yellow. */
export function problemLines(problems: readonly Problem[], cwd: string, palette: Palette = PLAIN): string {
  return problems
    .map((p) => (p.location ? { ...p, location: { ...p.location, file: displayPath(p.location.file, cwd) } } : p))
    .map((p) => `${(p.severity === 'error' ? palette.error : palette.warning)(formatProblem(p))}\n`)
    .join('');
}

/** `load 12 ms, validate 30 ms, ...` for `--verbose`. */
export function timingLines(timings: Readonly<Record<string, number>>): string {
  return Object.entries(timings)
    .map(([stage, ms]) => `timing: ${stage.padEnd(9)} ${Math.round(ms)} ms\n`)
    .join('');
}
