/** `ServerSpec(…)` literals of the runtime's `servers` module: environments, operation servers, templated token URLs. */
import { pyString } from '../../../render/escape';
import type { IrServerVariable } from '../../../ir/types';
import { pyCall, pyDisplay, pyFlat, pyTuple, type PyExpr } from './py-layout';

type Variable = Pick<IrServerVariable, 'name' | 'default' | 'enum'>;

/**
 * `ServerSpec("https://{region}.x", {"region": ServerVariable("eu", ("eu", "us",))})`, for
 * `py-layout`, after `prefix` (a dict key: `Environment.EU: `).
 */
export function serverSpecExpr(urlTemplate: string, variables: readonly Variable[], prefix = ''): PyExpr {
  const entries = variables.map((variable) => {
    const enumValues = variable.enum && variable.enum.length > 0 ? [pyTuple('', variable.enum.map(pyString), true)] : [];
    return pyCall(`${pyString(variable.name)}: ServerVariable(`, [pyString(variable.default), ...enumValues]);
  });
  return pyCall(`${prefix}ServerSpec(`, entries.length > 0 ? [pyString(urlTemplate), pyDisplay('', '{}', entries)] : [pyString(urlTemplate)]);
}

/** The same on one line (for templates that leave the layout to ruff). */
export function serverSpecLiteral(urlTemplate: string, variables: readonly Variable[]): string {
  return pyFlat(serverSpecExpr(urlTemplate, variables));
}
