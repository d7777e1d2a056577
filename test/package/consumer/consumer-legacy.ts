// A TypeScript consumer on the classic `--module commonjs --moduleResolution node` (node10)
// setup, which ignores package.json "exports": types come from "types"/"typesVersions" only.
// Type-checked by test/package/consumer.test.ts. Never run.
import { ClientCredentialsAuthCredentials, ShellevClient } from 'shellev';
import { FileTokenStore } from 'shellev/node';

export const client = new ShellevClient({
  clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
    oAuthClientId: 'id',
    oAuthClientSecret: 'secret',
    tokenStore: new FileTokenStore('/tmp/tokens.json'),
  }),
});
