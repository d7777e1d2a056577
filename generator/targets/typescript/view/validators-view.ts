/** `src/validators.ts`: the response-validation table (see `../../validation-table.ts`) as TypeScript. */
import { tsString } from '../../../render/escape';
import { validationTable, type JsonValue } from '../../validation-table';
import { arr, obj, printNode, raw, type JsNode } from './layout';
import type { TsContext } from './context';
import { propertyKey } from './types';

/** `schemasEntry` / `responsesEntry`: the two constants' initializers, laid out as Prettier does. */
export function validatorsView(v: TsContext): Record<string, string> {
  const ir = v.ir;
  const table = validationTable(ir.models, ir.services, (op) => v.operationId(op));
  // Prettier keeps an object literal on the line of its `=` and breaks it inside.
  const declaration = (name: string, type: string, value: JsonValue): string => {
    const head = `const ${name}: ${type} = `;
    return `${head}${printNode(node(value), 0, head.length, 1)};`;
  };
  return {
    schemasDeclaration: declaration('SCHEMAS', 'Rules', table.schemas),
    responsesDeclaration: declaration('RESPONSES', 'Readonly<Record<string, Rules>>', table.responses),
  };
}

function node(value: JsonValue): JsNode {
  if (value === null || typeof value !== 'object') return raw(typeof value === 'string' ? tsString(value) : String(value));
  if (Array.isArray(value)) return arr((value as readonly JsonValue[]).map(node));
  return obj(Object.entries(value as Record<string, JsonValue>).map(([k, v]) => [propertyKey(k), node(v)] as const));
}
