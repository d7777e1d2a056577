// TypeScript (ESM) consumer of the packed SDK, type-checked with `tsc --strict --noEmit` under
// NodeNext and under Bundler resolution by test/package/consumer.test.ts. Never run.
import {
  ApiException,
  ClientCredentialsAuthCredentials,
  Configuration,
  Environment,
  ShellevClient,
  type ActiveParams,
  type ActiveResponse200Json,
  type OAuthToken,
  type TokenStore,
} from 'shellev';
import { FileTokenStore, type FileTokenStoreOptions } from 'shellev/node';

const storeOptions: FileTokenStoreOptions = { lockTimeoutMs: 1000 };
const tokenStore: TokenStore = new FileTokenStore('/tmp/tokens.json', storeOptions);

const client = new ShellevClient({
  clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
    oAuthClientId: 'id',
    oAuthClientSecret: 'secret',
    oAuthOnTokenUpdate: (token: OAuthToken) => {
      const access: string = token.accessToken;
      void access;
    },
    tokenStore,
  }),
  environment: Environment.Production,
});

const params: ActiveParams = { requestId: '123e4567-e89b-12d3-a456-426614174000', emaId: 'NL-TNM-C00122045-K' };
const response: ActiveResponse200Json = await client.charging.active(params);
void response;

// The operation types are precise, not `any`:
// @ts-expect-error emaId is required
await client.charging.active({ requestId: '123e4567-e89b-12d3-a456-426614174000' });
// @ts-expect-error no such operation
await client.charging.nonexistent();

const config: Configuration = client.config.cloneWith({ timeout: 5000 });
const again = new ShellevClient(config);
const token: OAuthToken = await again.bearerAuth.fetchToken();
void token;

try {
  await again.locations.getEvLocations({ requestId: '123e4567-e89b-12d3-a456-426614174000' });
} catch (error: unknown) {
  if (error instanceof ApiException) {
    const status: number = error.statusCode;
    void status;
  }
}

export {};
