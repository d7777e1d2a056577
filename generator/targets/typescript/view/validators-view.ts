/** `src/validators.ts`: the response-validation table (see `../../validation-table.ts`) as TypeScript. */
import { tsTemplateLiteral } from '../../../render/escape';
import { tableJson, validationTable, type JsonValue } from '../../validation-table';
import type { TsContext } from './context';

/** `schemasDeclaration` / `responsesDeclaration`: the two constants, each its table's JSON text parsed on load. */
export function validatorsView(v: TsContext): Record<string, string> {
  const ir = v.ir;
  const table = validationTable(ir.models, ir.services, (op) => v.operationId(op));
  const declaration = (name: string, type: string, value: Readonly<Record<string, JsonValue>>): string =>
    `const ${name} = JSON.parse(${tsTemplateLiteral(tableJson(value))}) as ${type};`;
  return {
    schemasDeclaration: declaration('SCHEMAS', 'Rules', table.schemas),
    responsesDeclaration: declaration('RESPONSES', 'Readonly<Record<string, Rules>>', table.responses),
  };
}
