/** `_validators.py`: the response-validation table (see `../../validation-table.ts`) as Python. */
import { pyDocstring, pyTripleQuoted } from '../../../render/escape';
import { tableJson, validationTable } from '../../validation-table';
import type { PyContext } from './context';
import { PyImports } from './imports';

/**
 * Context of the module, printed in ruff's style (`styled`): each table is its JSON text, one model
 * or operation a line, parsed on import (see `tableJson`). Those lines are as long as their rules
 * (ruff's formatter leaves the insides of strings alone; see `../line-length` for `E501`).
 */
export function validatorsView(v: PyContext, header: string): Record<string, string> {
  const table = validationTable(v.ir.models, v.ir.services, (op) => v.operationId(op));
  const imports = new PyImports()
    .from('__future__', 'annotations')
    .module('json')
    .from('typing', 'Dict')
    .module('httpx')
    .from('._runtime.logs', 'Log')
    .from('._runtime.validate', 'Rule')
    .from('._runtime.validate', 'check_response');
  const schemas = pyTripleQuoted(tableJson(table.schemas));
  const responses = pyTripleQuoted(tableJson(table.responses));
  const body = `SCHEMAS: Dict[str, Rule] = json.loads(${schemas})
"""Models by their API-definition name; rules refer to them with \`\`$ref\`\`."""

RESPONSES: Dict[str, Dict[str, Rule]] = json.loads(${responses})
"""Operation id → 2xx status (\`\`200\`\`, \`\`2XX\`\`) → the rule of its body."""


def validate_response(mode: str, log: Log, operation_id: str, data: object, response: httpx.Response) -> None:
${pyDocstring(['Checks a 2xx body of ``operation_id`` (``warn``: logs; ``strict``: raises ``ResponseValidationException``).'], 4)}    by_status = RESPONSES.get(operation_id, {})
    rule = by_status.get(str(response.status_code), by_status.get("2XX"))
    check_response(mode, log, operation_id, rule, SCHEMAS, data, response)`; // the template ends the file with its newline
  return {
    header,
    docstring: pyDocstring([
      "The API definition's constraints on every 2xx response body, as data, for ``validate_responses``. The client imports this module only when validation is on; without it, neither these rules nor their checker (``_runtime/validate.py``) are loaded.",
    ]),
    imports: imports.block(),
    body,
  };
}
