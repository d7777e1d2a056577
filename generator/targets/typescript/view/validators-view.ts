/** `src/validators.ts`: the response-validation table (see `../../validation-table.ts`) as TypeScript. */
import { validationTable, type JsonValue } from '../../validation-table';
import type { TsContext } from './context';
import { printJson } from './json-literal';

/** `schemasEntry` / `responsesEntry`: the two constants' initializers, laid out as Prettier does. */
export function validatorsView(v: TsContext): Record<string, string> {
  const ir = v.ir;
  const table = validationTable(ir.models, ir.services, (op) => v.operationId(op));
  // Prettier keeps an object literal on the line of its `=` and breaks it inside.
  const declaration = (name: string, type: string, value: JsonValue): string => {
    const head = `const ${name}: ${type} = `;
    return `${head}${printJson(value, 0, head.length, 1)};`;
  };
  return {
    schemasDeclaration: declaration('SCHEMAS', 'Rules', table.schemas),
    responsesDeclaration: declaration('RESPONSES', 'Readonly<Record<string, Rules>>', table.responses),
  };
}
