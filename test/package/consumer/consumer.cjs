// CommonJS consumer of the packed SDK (run by test/package/consumer.test.ts in a fresh project that
// installed the tarball). Makes one authorized call and one with a wrong secret; prints one JSON line.
const {
  ApiException,
  ClientCredentialsAuthCredentials,
  MemoryTokenStore,
  OAuthProviderException,
  ShellevClient,
} = require('shellev');
const { FileTokenStore } = require('shellev/node');

async function main() {
  const env = process.env;
  const client = new ShellevClient({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthClientId: env.CLIENT_ID,
      oAuthClientSecret: env.CLIENT_SECRET,
      oAuthTokenUrl: env.TOKEN_URL,
    }),
    baseUrl: env.API_URL,
  });
  const result = await client.charging.active({ requestId: env.REQUEST_ID, emaId: 'NL-TNM-C00122045-K' });

  const wrong = new ShellevClient({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthClientId: env.CLIENT_ID,
      oAuthClientSecret: 'not-the-secret-4711',
      oAuthTokenUrl: env.TOKEN_URL,
      // Its own store: the default process-wide store is keyed without the secret, so it would
      // hand this client the token the first one fetched.
      tokenStore: new MemoryTokenStore(),
    }),
    baseUrl: env.API_URL,
  });
  const error = await wrong.charging.active({ requestId: env.REQUEST_ID, emaId: 'NL-TNM-C00122045-K' }).then(
    () => undefined,
    (e) => e,
  );

  console.log(
    JSON.stringify({
      format: 'cjs',
      result,
      fileTokenStore: typeof FileTokenStore,
      wrongSecret: {
        isOAuthProviderException: error instanceof OAuthProviderException,
        isApiException: error instanceof ApiException,
        error: error && error.error,
        leaksSecret: String(error && error.message).includes('not-the-secret-4711'),
      },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
