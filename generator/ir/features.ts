/** Which runtime parts an SDK needs (see `IrFeatures`); unsupported schemes need none. */
import { serversNeedExpansion } from './servers';
import type { IrFeatures, IrSecurityScheme, IrServer, IrService } from './types';

export function featuresOf(schemes: readonly IrSecurityScheme[], services: readonly IrService[], servers: readonly IrServer[]): IrFeatures {
  const kinds = new Set(schemes.map((s) => s.implementation.kind));
  const operations = services.flatMap((s) => s.operations);
  const bodyKinds = new Set(operations.flatMap((op) => (op.requestBody ? [op.requestBody.kind] : [])));
  return {
    pagination: operations.some((op) => op.pagination !== undefined),
    requestIds: operations.some((op) => op.parameters.some((p) => p.defaultsToUuid === true)),
    serverTemplates:
      serversNeedExpansion(servers) ||
      operations.some((op) => op.servers !== undefined) ||
      // A token URL written as a server-variable template is expanded like a server URL.
      schemes.some((s) => s.kind === 'oauth2' && s.clientCredentials?.tokenUrlSource === 'serverVariables'),
    bodyEncoders: bodyKinds.has('form') || bodyKinds.has('multipart') || bodyKinds.has('binary'),
    clientCredentials: kinds.has('clientCredentials'),
    apiKeyAuth: kinds.has('apiKey'),
    basicAuth: kinds.has('basic'),
    bearerAuth: kinds.has('bearer') || kinds.has('tokenSupplier'),
  };
}
