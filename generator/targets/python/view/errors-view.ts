/**
 * The view of `<package>/exceptions/<module>.py`: one `APIException` subclass per error class,
 * typed by its body schema, with the schema's model as `_body_model` (`error.model` then gives
 * the parsed body, or `None` when the server sent something else).
 */
import type { IrErrorClass } from '../../../ir/types';
import { pyDocstring } from '../../../render/escape';
import type { PyContext } from './context';
import { PyImports } from './imports';

export interface ErrorModule {
  readonly path: string;
  readonly context: Record<string, string>;
}

function errorBody(v: PyContext, e: IrErrorClass, imports: PyImports): string {
  const name = v.name(e.className);
  const statuses = [...new Set(e.usedBy.map((u) => u.status))].sort();
  const users = [...new Set(e.usedBy.map((u) => v.operationId(u)))].join(', ');
  const doc = pyDocstring([e.description, `Raised for HTTP ${statuses.join(', ')} responses of: ${users}.`], 4);
  imports.from('.._runtime.errors', 'APIException');
  if (e.schema === undefined) return `class ${name}(APIException[None]):\n${doc}`;
  const body = v.type(e.schema, imports, 'exceptions');
  return `class ${name}(APIException[${body}]):\n${doc}\n    _body_model = ${body}\n`;
}

/** One module per error class, built as they are iterated. */
export function* errorModules(v: PyContext, header: string): Generator<ErrorModule> {
  for (const e of v.ir.errors) {
    const imports = new PyImports().from('__future__', 'annotations');
    const body = errorBody(v, e, imports);
    yield {
      path: `${v.settings.importName}/exceptions/${v.module(e.className)}.py`,
      context: { header, docstring: pyDocstring([`The \`\`${v.name(e.className)}\`\` error of the API.`]), imports: imports.block(), body },
    };
  }
}
