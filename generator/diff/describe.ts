/** One sentence per change, for Markdown and plain text alike (the caller says how code is quoted). */
import type { ApiChange } from './types';

/** Quotes an identifier, type or value (Markdown: an escaped code span; plain text: backticks). */
export type CodeQuoter = (text: string) => string;

/** `client.x.y: new required query parameter `page`` and the like. */
export function describeChange(c: ApiChange, code: CodeQuoter): string {
  const t = code(c.target);
  const m = c.member === undefined ? '' : code(c.member);
  const param = `${c.detail ?? ''} parameter ${m}`.trim();
  const fromTo = `from ${code(c.from ?? '')} to ${code(c.to ?? '')}`;
  switch (c.kind) {
    case 'operation-added':
      return `Added ${t}${c.route ? ` (${code(c.route)})` : ''}`;
    case 'operation-removed':
      return `Removed ${t}${c.route ? ` (${code(c.route)})` : ''}`;
    case 'parameter-added':
      return `${t}: new ${c.to ?? ''} ${param}`;
    case 'parameter-removed':
      return `${t}: removed ${param}`;
    case 'parameter-type-changed':
      return `${t}: type of ${param} changed ${fromTo}`;
    case 'parameter-required-changed':
      return `${t}: ${param} is now ${c.to ?? ''} (was ${c.from ?? ''})`;
    case 'body-added':
      return `${t}: new ${c.to && c.to !== '' ? 'request body ' + code(c.to) : 'request body'}`;
    case 'body-removed':
      return `${t}: request body removed (was ${code(c.from ?? '')})`;
    case 'body-type-changed':
      return `${t}: request body type changed ${fromTo}`;
    case 'body-required-changed':
      return `${t}: request body is now ${c.to ?? ''} (was ${c.from ?? ''})`;
    case 'response-type-changed':
      return `${t}: return type changed ${fromTo}`;
    case 'errors-changed':
      return `${t}: error responses changed ${fromTo}`;
    case 'model-added':
      return `Added model ${t}`;
    case 'model-removed':
      return `Removed model ${t}`;
    case 'model-type-changed':
      return `Model ${t} changed ${fromTo}`;
    case 'property-added':
      return `${t}: new ${c.to ?? ''} property ${m}`;
    case 'property-removed':
      return `${t}: removed property ${m}`;
    case 'property-type-changed':
      return `${t}: type of property ${m} changed ${fromTo}`;
    case 'property-required-changed':
      return `${t}: property ${m} is now ${c.to ?? ''} (was ${c.from ?? ''})`;
    case 'enum-value-added':
      return `${t}: new value ${m}`;
    case 'enum-value-removed':
      return `${t}: removed value ${m}`;
  }
}
