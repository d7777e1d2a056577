/** Enumerates the operations of a bundled document (shared by the semantic checks). */
import { formatPointer, getAtPointer, parsePointer } from '../load/json-pointer';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationSite {
  readonly path: string;
  readonly method: (typeof HTTP_METHODS)[number];
  readonly pointer: string;
  readonly operation: Record<string, unknown>;
  /** Parameters of the path item followed by those of the operation, internal `$ref`s followed. */
  readonly parameters: ReadonlyArray<{ readonly value: Record<string, unknown>; readonly pointer: string }>;
}

/** Every operation under `#/paths`, in document order. */
export function listOperations(document: Record<string, unknown>): OperationSite[] {
  const paths = asRecord(document.paths);
  if (!paths) return [];
  const sites: OperationSite[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = formatPointer(['paths', path]);
    const item = follow(document, rawItem);
    if (!item) continue;
    const shared = parametersOf(document, item.parameters, `${itemPointer}/parameters`);
    for (const method of HTTP_METHODS) {
      const operation = asRecord(item[method]);
      if (!operation) continue;
      const pointer = `${itemPointer}/${method}`;
      sites.push({
        path,
        method,
        pointer,
        operation,
        parameters: [...shared, ...parametersOf(document, operation.parameters, `${pointer}/parameters`)],
      });
    }
  }
  return sites;
}

function parametersOf(
  document: Record<string, unknown>,
  raw: unknown,
  pointer: string,
): Array<{ value: Record<string, unknown>; pointer: string }> {
  if (!Array.isArray(raw)) return [];
  const out: Array<{ value: Record<string, unknown>; pointer: string }> = [];
  raw.forEach((entry, index) => {
    const value = follow(document, entry);
    if (value) out.push({ value, pointer: `${pointer}/${index}` });
  });
  return out;
}

/** Follows internal `$ref` chains (bounded, so a ref loop cannot hang the check). */
export function follow(document: Record<string, unknown>, value: unknown): Record<string, unknown> | undefined {
  let current = asRecord(value);
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) return undefined;
    current = asRecord(getAtPointer(document, parsePointer(ref)));
  }
  return current;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
