/**
 * `SHELLEV_BASE_URL` overrides the default server when neither `environment` nor `baseUrl` is
 * given (as OpenAI's SDKs read `OPENAI_BASE_URL`); an explicit choice always wins. Checked on the
 * committed TypeScript SDK; the Python SDK has the same rule (test/python/sdk/test_client.py).
 */
import { Configuration, Environment, ENVIRONMENT_URLS, ShellevClient, type ConfigurationOptions } from '../../generated/typescript/src/index';
import { startApiServer, type ApiServer } from '../support/api-server';

let api: ApiServer;
const saved = process.env['SHELLEV_BASE_URL'];

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api.stop();
  if (saved === undefined) delete process.env['SHELLEV_BASE_URL'];
  else process.env['SHELLEV_BASE_URL'] = saved;
});

test.each<[string, ConstructorParameters<typeof Configuration>[0], 'env' | 'sit' | 'production' | 'given']>([
  ['nothing given: the variable wins', {}, 'env'],
  ['an environment given: the environment', { environment: Environment.Production }, 'production'],
  ['a baseUrl given: the baseUrl', { baseUrl: 'https://given.example/ev' }, 'given'],
])('%s', (_label, options, expected) => {
  process.env['SHELLEV_BASE_URL'] = 'https://from-env.example/ev';
  const config = new Configuration(options);
  const wanted = { env: 'https://from-env.example/ev', sit: ENVIRONMENT_URLS[Environment.Sit], production: ENVIRONMENT_URLS[Environment.Production], given: 'https://given.example/ev' }[expected];
  expect(config.baseUrlOverride ?? ENVIRONMENT_URLS[config.environment]).toBe(wanted);
  // cloneWith keeps "no environment chosen": the variable still applies to the copy.
  expect(config.cloneWith({ timeout: 1 }).baseUrlOverride).toBe(config.baseUrlOverride);
});

test('without the variable the default environment is used', () => {
  delete process.env['SHELLEV_BASE_URL'];
  // Credentials are a required option (every operation needs them); this only reads the URL.
  expect(new Configuration({} as ConfigurationOptions).baseUrlOverride).toBeUndefined();
});

test('a client built with no server settings sends its calls to SHELLEV_BASE_URL', async () => {
  process.env['SHELLEV_BASE_URL'] = api.url;
  const client = new ShellevClient({});
  await expect(client.locations.evLocationsById({ requestId: '123e4567-e89b-12d3-a456-426614174000', id: 'id0' })).rejects.toThrow(/credentials for BearerAuth/);
  // No credentials: refused before sending; with a public call the URL is what matters. The
  // token URL is resolved against the same base, which the manager reports.
  expect(client.bearerAuth.tokenUrl).toBe(new URL('/v2/oauth/token', api.url).toString());
});
