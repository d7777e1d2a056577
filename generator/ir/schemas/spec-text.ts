/** Names in spec terms, for messages and `sdkgen diff` (targets name things their own way). */
import { operationWordsFromPath } from '../../naming';
import type { IrName } from '../types';

/**
 * A name as the spec would call it: a component's key, an operation's operationId (else method and
 * path), an inline model's context (`getPets 200 Response`), a tag, a wire name.
 */
export function specText(name: IrName): string {
  switch (name.role) {
    case 'model':
      return name.key;
    case 'inlineModel':
      return name.parts.map((part) => (typeof part === 'string' ? part : specText(part))).join(' ');
    case 'requestModel':
      // In spec terms the request variant is the schema it comes from.
      return specText(name.model);
    case 'operation':
      return name.operationId ?? operationWordsFromPath(name.method, name.path);
    case 'client':
      return name.title;
    case 'apiClass':
    case 'apiProperty':
    case 'apiFile':
      return name.tag;
    case 'paramsType':
      return `${specText(name.operation)} Params`;
    case 'parameter':
    case 'property':
      return name.wireName;
    case 'body':
      return 'body';
    case 'enumMember':
      return JSON.stringify(name.value);
    case 'errorClass':
      return name.from === 'component' ? name.key : name.from === 'response' ? name.responseName : name.from === 'inline' ? `${specText(name.operation)} ${name.status}` : name.status;
    case 'environment':
      return name.explicit ?? name.description ?? `server ${name.index + 1}`;
    case 'authProperty':
    case 'authOption':
      return name.scheme;
  }
}
