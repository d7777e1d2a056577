/** `_validators.py`: the response-validation table (see `../../validation-table.ts`) as Python. */
import { pyDocstring, pyString } from '../../../render/escape';
import { validationTable, type JsonValue } from '../../validation-table';
import type { PyContext } from './context';
import { PyImports } from './imports';
import { layoutLiteral } from './ruff-literal';

/**
 * Context of the module, and whether it is already as ruff formats it: the tables are laid out by
 * `./ruff-literal` when their data allows, else written on one line each for ruff to format.
 */
export function validatorsView(v: PyContext, header: string): { context: Record<string, string>; formatted: boolean } {
  const table = validationTable(v.ir.models, v.ir.services, (op) => v.operationId(op));
  const imports = new PyImports()
    .from('__future__', 'annotations')
    .from('typing', 'Dict')
    .module('httpx')
    .from('._runtime.logs', 'Log')
    .from('._runtime.validate', 'Rule')
    .from('._runtime.validate', 'check_response');
  const schemas = layoutLiteral('SCHEMAS: Dict[str, Rule] = ', table.schemas);
  const responses = layoutLiteral('RESPONSES: Dict[str, Dict[str, Rule]] = ', table.responses);
  const formatted = schemas !== undefined && responses !== undefined;
  const body = `${schemas ?? `SCHEMAS: Dict[str, Rule] = ${literal(table.schemas)}`}
"""Models by their API-definition name; rules refer to them with \`\`$ref\`\`."""

${responses ?? `RESPONSES: Dict[str, Dict[str, Rule]] = ${literal(table.responses)}`}
"""Operation id → 2xx status (\`\`200\`\`, \`\`2XX\`\`) → the rule of its body."""


def validate_response(mode: str, log: Log, operation_id: str, data: object, response: httpx.Response) -> None:
${pyDocstring(['Checks a 2xx body of ``operation_id`` (``warn``: logs; ``strict``: raises ``ResponseValidationException``).'], 4)}    by_status = RESPONSES.get(operation_id, {})
    rule = by_status.get(str(response.status_code), by_status.get("2XX"))
    check_response(mode, log, operation_id, rule, SCHEMAS, data, response)`; // the template ends the file with its newline
  const context = {
    header,
    docstring: pyDocstring([
      "The API definition's constraints on every 2xx response body, as data, for ``validate_responses``. The client imports this module only when validation is on; without it, neither these rules nor their checker (``_runtime/validate.py``) are loaded.",
    ]),
    imports: imports.block(),
    body,
  };
  return { context, formatted };
}

function literal(value: JsonValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(literal).join(', ')}]`;
  const entries = Object.entries(value as Record<string, JsonValue>);
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${literal(v)}`).join(', ')}}`;
}
