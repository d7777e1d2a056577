// ESM consumer of the packed SDK (run by test/package/consumer.test.ts in a fresh project that
// installed the tarball). Makes one authorized call; prints one JSON line.
import {
  ApiException,
  ClientCredentialsAuthCredentials,
  Environment,
  OAuthProviderException,
  ShellevClient,
} from 'shellev';
import { FileTokenStore } from 'shellev/node';
import { readFile, stat } from 'node:fs/promises';

const env = process.env;
const store = new FileTokenStore(env.TOKEN_FILE);
const client = new ShellevClient({
  clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
    oAuthClientId: env.CLIENT_ID,
    oAuthClientSecret: env.CLIENT_SECRET,
    oAuthTokenUrl: env.TOKEN_URL,
    tokenStore: store,
  }),
  environment: Environment.Production,
  baseUrl: env.API_URL,
});

const result = await client.charging.active({ requestId: env.REQUEST_ID, emaId: 'NL-TNM-C00122045-K' });
const tokenFile = await readFile(env.TOKEN_FILE, 'utf8');
const mode = (await stat(env.TOKEN_FILE)).mode & 0o777;

console.log(
  JSON.stringify({
    format: 'esm',
    result,
    apiExceptionIsBase: OAuthProviderException.prototype instanceof ApiException,
    tokenFileHasToken: JSON.parse(tokenFile).version === 1 && Object.keys(JSON.parse(tokenFile).tokens).length === 1,
    tokenFileHasSecret: tokenFile.includes(env.CLIENT_SECRET),
    tokenFileMode: mode.toString(8),
  }),
);
