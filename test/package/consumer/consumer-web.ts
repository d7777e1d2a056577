// A web (browser, edge, Deno) consumer of the main entry: type-checked with lib ES2022 + DOM and
// no @types/node at all, so the main entry's declarations must need nothing from Node.
import { ClientCredentialsAuthCredentials, MemoryTokenStore, ShellevClient } from 'shellev';

const client = new ShellevClient({
  clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
    oAuthClientId: 'id',
    oAuthClientSecret: 'secret',
    tokenStore: new MemoryTokenStore(),
  }),
  fetch: (input, init) => fetch(input, init),
});

export const active = (): Promise<unknown> =>
  client.charging.active({ requestId: '123e4567-e89b-12d3-a456-426614174000', emaId: 'NL-TNM-C00122045-K' });
