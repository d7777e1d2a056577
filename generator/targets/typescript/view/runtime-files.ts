/** Which runtime files an SDK ships: only the modules its API uses (see `IrFeatures`). */
import type { IrFeatures } from '../../../ir/types';

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

/** Runtime files (prefixes, relative to `runtime/`) an SDK without the feature does not ship. */
export function excludedRuntime(features: IrFeatures): string[] {
  return [
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
