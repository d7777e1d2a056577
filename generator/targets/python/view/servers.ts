/** `ServerSpec(…)` literals of the runtime's `servers` module: environments, operation servers, templated token URLs. */
import { pyString } from '../../../render/escape';
import type { IrServerVariable } from '../../../ir/types';

/** `ServerSpec("https://{region}.x", {"region": ServerVariable("eu", ("eu", "us",))})`. */
export function serverSpecLiteral(urlTemplate: string, variables: readonly Pick<IrServerVariable, 'name' | 'default' | 'enum'>[]): string {
  const entries = variables.map((variable) => {
    const enumValues = variable.enum && variable.enum.length > 0 ? `, (${variable.enum.map(pyString).join(', ')},)` : '';
    return `${pyString(variable.name)}: ServerVariable(${pyString(variable.default)}${enumValues})`;
  });
  return entries.length > 0 ? `ServerSpec(${pyString(urlTemplate)}, {${entries.join(', ')}})` : `ServerSpec(${pyString(urlTemplate)})`;
}
