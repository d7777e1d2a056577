/**
 * The seed's complete example (../shared/seed/oauth-2-client-credentials-grant.md), in TypeScript,
 * against the committed generated SDK, a real OAuth 2.0 authorization server (oidc-provider, started
 * by the test) and a local API that checks bearer tokens by introspection:
 *
 *   fetch a token → store it (through the update callback) → restore it into a new client → call.
 */
import {
  ApiException,
  ClientCredentialsAuthCredentials,
  Configuration,
  Environment,
  MemoryTokenStore,
  OAuthProviderException,
  ShellevClient,
  type OAuthToken,
} from '../../generated/typescript/src/index';
import { startApiServer, type ApiServer } from '../support/api-server';
import { BASIC_CLIENT, startOAuthServer, type OAuthServer } from '../support/oauth';

const REQUEST_ID = '123e4567-e89b-12d3-a456-426614174000';

let oauth: OAuthServer;
let api: ApiServer;

beforeAll(async () => {
  oauth = await startOAuthServer();
  api = await startApiServer(oauth);
});

afterAll(async () => {
  await api?.stop();
  await oauth?.stop();
});

beforeEach(async () => {
  await oauth.reset();
  api.reset();
});

/** A "database" of saved tokens, as the seed's save/load functions. */
function makeDatabase(): { save(token: OAuthToken): void; load(): OAuthToken | undefined; saves: number } {
  let saved: string | undefined;
  const db = {
    saves: 0,
    save(token: OAuthToken) {
      saved = JSON.stringify(token); // tokens are plain JSON data
      db.saves += 1;
    },
    load() {
      return saved === undefined ? undefined : (JSON.parse(saved) as OAuthToken);
    },
  };
  return db;
}

function newClient(onTokenUpdate?: (token: OAuthToken) => void): ShellevClient {
  return new ShellevClient({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthClientId: BASIC_CLIENT.id,
      oAuthClientSecret: BASIC_CLIENT.secret,
      // The API under test is local; its token endpoint is the real authorization server's.
      oAuthTokenUrl: oauth.tokenUrl,
      // A store per client: the default store is shared process-wide, so tests stay independent.
      tokenStore: new MemoryTokenStore(),
      ...(onTokenUpdate ? { oAuthOnTokenUpdate: onTokenUpdate } : {}),
    }),
    environment: Environment.Production,
    baseUrl: api.url,
  });
}

test('fetch → store → restore → authorized call, with exactly one token request', async () => {
  const db = makeDatabase();
  let client = newClient((token) => db.save(token));

  // obtain access token, needed for client to be authorized
  const previousToken = db.load();
  expect(previousToken).toBeUndefined();
  try {
    const token = await client.bearerAuth.fetchToken();
    const credentials = client.config.clientCredentialsAuthCredentials!.cloneWith({ oAuthToken: token });
    const config: Configuration = client.config.cloneWith({ clientCredentialsAuthCredentials: credentials });
    client = new ShellevClient(config);
  } catch (error) {
    if (error instanceof OAuthProviderException || error instanceof ApiException) throw error;
    throw error;
  }
  expect(db.saves).toBe(1); // stored through the callback
  const stored = db.load()!;
  expect(stored.accessToken).toEqual(expect.any(String));
  expect(stored.tokenType.toLowerCase()).toBe('bearer');
  expect(typeof stored.expiry).toBe('number');

  // the client is now authorized: the call carries the fetched token
  await client.charging.start({
    requestId: REQUEST_ID,
    body: { evChargeNumber: 'NL-TNM-C00122045-K', evseId: 'NL*TNM*E02003451*0' },
  });
  const startCall = api.seen.find((r) => r.url.startsWith('/v2/charge-session/start'));
  expect(startCall?.method).toBe('POST');
  expect(startCall?.headers.authorization).toBe(`Bearer ${stored.accessToken}`);
  expect(startCall?.headers['requestid']).toBe(REQUEST_ID);
  expect(JSON.parse(startCall!.body.toString('utf8'))).toEqual({
    evChargeNumber: 'NL-TNM-C00122045-K',
    evseId: 'NL*TNM*E02003451*0',
  });

  // a new process: restore the stored token into a fresh client built from the token alone
  const restored = new ShellevClient({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({ oAuthToken: db.load()! }),
    environment: Environment.Production,
    baseUrl: api.url,
  });
  await restored.locations.getEvLocations({ requestId: REQUEST_ID, country: ['NLD', 'DEU'] });
  const locationsCall = api.seen.find((r) => r.url.startsWith('/v2/locations'));
  expect(locationsCall?.headers.authorization).toBe(`Bearer ${stored.accessToken}`);
  expect(locationsCall?.url).toBe('/v2/locations?country=NLD&country=DEU');

  expect(api.unauthorizedCount()).toBe(0);
  expect((await oauth.stats()).tokenRequests).toBe(1); // fetched once, reused by both clients
});

test('calls fetch a token automatically when none is held, and reuse it', async () => {
  const client = newClient();
  await client.charging.active({ requestId: REQUEST_ID, emaId: 'NL-TNM-C00122045-K' });
  await client.charging.active({ requestId: REQUEST_ID, emaId: 'NL-TNM-C00122045-K' });
  const bearer = api.seen.map((r) => r.headers.authorization);
  expect(bearer).toHaveLength(2);
  expect(bearer[0]).toMatch(/^Bearer .+/);
  expect(bearer[1]).toBe(bearer[0]);
  expect((await oauth.stats()).tokenRequests).toBe(1);
});

test('a wrong secret surfaces as OAuthProviderException (invalid_client), secret not in the message', async () => {
  const client = new ShellevClient({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthClientId: BASIC_CLIENT.id,
      oAuthClientSecret: 'not-the-secret-4711',
      oAuthTokenUrl: oauth.tokenUrl,
    }),
    baseUrl: api.url,
  });
  const error = await client.bearerAuth.fetchToken().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthProviderException);
  expect(error).toBeInstanceOf(ApiException);
  expect((error as OAuthProviderException).error).toBe('invalid_client');
  expect(String((error as Error).message)).not.toContain('not-the-secret-4711');
});
