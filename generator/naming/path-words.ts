/** Spec text → the words a name is made of, for names that are not simply one piece of text. */
import { pascalWords, splitWords } from './words';

/**
 * HTTP method + path → words, for operations without an operationId (`GET /pets/{id}` →
 * `get Pets By Id`), cased by each target (`getPetsById`, `get_pets_by_id`).
 */
export function operationWordsFromPath(method: string, path: string): string {
  const parts: string[] = [method.toLowerCase()];
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) parts.push('By', pascalWords(param[1] ?? ''));
    else parts.push(pascalWords(segment));
  }
  return parts.join(' ');
}

/** The words an operation's method is named from: its operationId when it has any, else method + path. */
export function operationWords(operationId: string | undefined, method: string, path: string): string {
  const usable = operationId !== undefined && splitWords(operationId).length > 0 && /[A-Za-z0-9]/.test(operationId);
  return usable ? operationId : operationWordsFromPath(method, path);
}

const ENV_STOP_WORDS = new Set([
  'server', 'servers', 'environment', 'env', 'url', 'endpoint', 'the', 'a', 'an', 'api', 'base',
  'host', 'for', 'of', 'is', 'this',
]);

/**
 * The words an environment is named from: `x-sdkgen-name`, else the first two telling words of the
 * server's description (`The production API server` → `production`); `undefined`: neither has any
 * (the target falls back to `Server<n>`).
 */
export function environmentWords(explicit: string | undefined, description: string | undefined): string | undefined {
  if (explicit !== undefined && splitWords(explicit).length > 0) return explicit;
  if (description === undefined) return undefined;
  const picked = splitWords(description)
    .filter((w) => !ENV_STOP_WORDS.has(w.toLowerCase()))
    .slice(0, 2)
    .join(' ');
  return picked === '' ? undefined : picked;
}
