/**
 * Which violations of the OpenAPI schema sdkgen works around, and how: each becomes a warning
 * (an error with `--strict`, see `Problem.workaround`). Only violations whose meaning is clear
 * and that cannot change what a correct SDK does are listed; everything else stays an error.
 *
 * - a `format` the value does not meet (`uri-reference`, `email` …): kept as written; a token
 *   URL written as a server-variable template is expanded or configured (`../ir/token-url.ts`);
 * - a schema keyword on a Parameter object (`enum`, `type` …): read as part of its schema
 *   (`../ir/misplaced.ts`), also when the parameter has no `schema` at all;
 * - any other unknown property (not `x-`): ignored, as generation ignores it;
 * - a Response without `description`: the SDK does not need one.
 */
import { getAtPointer, parsePointer } from '../load/json-pointer';
import { misplacedKeywords, PARAMETER_SCHEMA_KEYWORDS } from '../ir/misplaced';
import { serverVariableNames, tokenUrlSource } from '../ir/token-url';
import type { SchemaError } from './schema-validator';

export interface Workaround {
  /** What sdkgen does instead of stopping. */
  readonly workaround: string;
  /** A clearer message than the schema's, when there is one. */
  readonly message?: string;
}

/** A Parameter object's place: `…/parameters/<i>` of a path item or operation, or a component. */
const PARAMETER = /^(\/paths\/[^/]+(\/[^/]+)?\/parameters\/\d+|\/components\/parameters\/[^/]+)$/;
/** A Response object's place: `…/responses/<status>` of an operation, or a component. */
const RESPONSE = /^(\/paths\/[^/]+\/[^/]+\/responses\/[^/]+|\/components\/responses\/[^/]+)$/;
const TOKEN_URL = /^\/components\/securitySchemes\/[^/]+\/flows\/[^/]+\/tokenUrl$/;
const OTHER_AUTH_URL = /^\/components\/securitySchemes\/[^/]+(\/flows\/[^/]+\/(authorizationUrl|refreshUrl)|\/openIdConnectUrl)$/;

/** The workaround for `error` in `document`, or `undefined` when it must stay an error. */
export function workaroundFor(error: SchemaError, document: Record<string, unknown>): Workaround | undefined {
  const path = error.instancePath;
  switch (error.keyword) {
    case 'format': {
      // A foreign `pattern` is a plain warning of its own (see `./schema-errors.ts`).
      if (error.params.format === 'regex') return undefined;
      const fix = formatWorkaround(path, document);
      const value = getAtPointer(document, parsePointer(`#${path}`));
      const format = String(error.params.format);
      return fix && typeof value === 'string' ? { ...fix, message: `${JSON.stringify(value)} is not a valid ${format}` } : fix;
    }
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      if (name.startsWith('x-')) return undefined;
      if (PARAMETER.test(path) && PARAMETER_SCHEMA_KEYWORDS.has(name)) {
        return { workaround: "sdkgen reads it as part of the parameter's schema" };
      }
      return { workaround: 'it is ignored' };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      if (missing === 'description' && RESPONSE.test(path)) return { workaround: 'the SDK does not need one' };
      if ((missing === 'schema' || missing === 'content') && PARAMETER.test(path)) {
        const parameter = getAtPointer(document, parsePointer(`#${path}`));
        const moved = parameter !== null && typeof parameter === 'object' ? misplacedKeywords(parameter as never) : [];
        if (moved.length > 0) {
          return {
            message: 'parameter has neither `schema` nor `content`',
            workaround: `sdkgen builds its schema from ${moved.map((k) => `\`${k}\``).join(', ')}`,
          };
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function formatWorkaround(path: string, document: Record<string, unknown>): Workaround | undefined {
  if (TOKEN_URL.test(path)) {
    const value = getAtPointer(document, parsePointer(`#${path}`));
    if (typeof value !== 'string') return undefined;
    switch (tokenUrlSource(value, serverVariableNames(document as never))) {
      case 'serverVariables':
        return { workaround: "a server-variable template: the SDK expands it with the client's server variables" };
      case 'configuration':
        return {
          workaround: 'a template of variables that are not server variables: the SDK asks for the token URL in the credentials (oAuthTokenUrl, o_auth_token_url) when it needs a token',
        };
      case 'literal':
        return { workaround: 'kept as written' };
    }
  }
  if (OTHER_AUTH_URL.test(path)) return { workaround: 'kept as written (the SDK does not call it)' };
  if (path.endsWith('/$ref')) return { workaround: 'it was resolved as written' };
  return { workaround: 'kept as written' };
}
