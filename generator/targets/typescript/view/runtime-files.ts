/** Which runtime files an SDK ships: only the modules its API uses (see `IrFeatures`). */
import type { IrFeatures, IrService } from '../../../ir/types';

/** Runtime files of the client-credentials grant (token manager, token requests, stores). */
const CLIENT_CREDENTIALS_RUNTIME = [
  'node/',
  'redis/',
  'auth/browser.ts',
  'auth/cache-key.ts',
  'auth/client-credentials-manager.ts',
  'auth/client-credentials.ts',
  'auth/oauth-token.ts',
  'auth/single-flight.ts',
  'auth/token-request.ts',
  'auth/token-store.ts',
];

/** Parameter styles `serialize-styles.ts` implements (`simple` and `form` are in `serialize.ts`). */
export const EXTRA_PARAM_STYLES: ReadonlySet<string> = new Set(['label', 'matrix', 'deepObject', 'spaceDelimited', 'pipeDelimited']);

/** Whether an operation of the API has a parameter of a style in `EXTRA_PARAM_STYLES`. */
export function usesExtraParamStyles(services: readonly IrService[]): boolean {
  return services.some((s) => s.operations.some((op) => op.parameters.some((p) => p.style !== undefined && EXTRA_PARAM_STYLES.has(p.style))));
}

/** Whether the SDK has static credentials (API key, basic, bearer, token supplier): `secret-value.ts`. */
export function usesSecretValues(features: IrFeatures): boolean {
  return features.apiKeyAuth || features.basicAuth || features.bearerAuth;
}

/** Runtime files (prefixes, relative to `runtime/`) an SDK without the feature does not ship. */
export function excludedRuntime(features: IrFeatures, services: readonly IrService[] = []): string[] {
  return [
    ...(usesExtraParamStyles(services) ? [] : ['serialize-styles.ts']),
    ...(usesSecretValues(features) ? [] : ['auth/secret-value.ts']),
    // No operations: no responses to validate.
    ...(services.length > 0 ? [] : ['validate.ts']),
    ...(features.clientCredentials ? [] : CLIENT_CREDENTIALS_RUNTIME),
    ...(features.apiKeyAuth ? [] : ['auth/api-key.ts']),
    ...(features.basicAuth ? [] : ['auth/http-basic.ts']),
    ...(features.bearerAuth ? [] : ['auth/bearer-token.ts']),
    ...(features.bodyEncoders ? [] : ['body-encoders.ts']),
    ...(features.serverTemplates ? [] : ['servers.ts']),
    ...(features.pagination ? [] : ['pagination.ts']),
    ...(features.requestIds ? [] : ['uuid.ts']),
  ];
}
