/**
 * Every Shell EV operation, called through the committed generated SDK, against Prism mocking
 * spec/shell-ev.yaml in validation mode (`--errors`: a request that violates the spec is answered
 * with an error instead of a mock). The token comes from the real oidc-provider server.
 *
 * Responses are checked with `validateResponses: 'strict'`: Prism's mocks match the spec, so the
 * SDK's rules (generated from the same spec) must accept every one.
 *
 * The negative control proves the check can fail: a request without the required header is reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  ClientCredentialsAuthCredentials,
  ShellevClient,
} from '../../generated/typescript/src/index';
import { BASIC_CLIENT, startOAuthServer, type OAuthServer } from '../support/oauth';
import { stopChild } from '../support/processes';

const ROOT = join(__dirname, '..', '..');
const REQUEST_ID = '123e4567-e89b-12d3-a456-426614174000';
const SESSION_ID = 'c3e332f0-1bb2-4f50-a96b-e075bbb71e68';
const VIOLATION = /Request did not pass the validation rules/;

let oauth: OAuthServer;
let prism: ChildProcess;
let prismUrl: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startPrism(): Promise<void> {
  const port = await freePort();
  prismUrl = `http://127.0.0.1:${port}`;
  prism = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', join(ROOT, 'spec/shell-ev.yaml'),
      '-h', '127.0.0.1', '-p', String(port), '--errors'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const append = (chunk: Buffer): void => {
    log += chunk.toString('utf8');
  };
  prism.stdout?.on('data', append);
  prism.stderr?.on('data', append);
  const deadline = Date.now() + 45_000;
  while (!/Prism is listening/.test(log)) {
    if (Date.now() > deadline || prism.exitCode !== null) {
      throw new Error(`Prism did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  [oauth] = await Promise.all([startOAuthServer(), startPrism()]);
}, 60_000);

afterAll(async () => {
  if (prism) await stopChild(prism);
  await oauth?.stop();
});

function client(): ShellevClient {
  return new ShellevClient({
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthClientId: BASIC_CLIENT.id,
      oAuthClientSecret: BASIC_CLIENT.secret,
      oAuthTokenUrl: oauth.tokenUrl,
    }),
    // Prism serves the spec's paths at its root (it drops the server's `/ev` base path).
    baseUrl: prismUrl,
    retry: false,
    // Prism's mocks follow the spec, so the spec's own response rules must pass them.
    validateResponses: 'strict',
  });
}

/** One call per operation, with every kind of parameter the operation has. */
const calls: Array<[string, (c: ShellevClient) => Promise<unknown>]> = [
  ['start', (c) => c.charging.start({ requestId: REQUEST_ID, body: { evChargeNumber: 'NL-TNM-C00122045-K', evseId: 'NL*TNM*E02003451*0' } })],
  ['stop', (c) => c.charging.stop({ requestId: REQUEST_ID, sessionId: SESSION_ID })],
  ['getChargeSessionRetrieve', (c) => c.charging.getChargeSessionRetrieve({ requestId: REQUEST_ID, sessionId: SESSION_ID })],
  ['active', (c) => c.charging.active({ requestId: REQUEST_ID, emaId: 'NL-TNM-C0216599X-A' })],
  ['getEvLocations', (c) => c.locations.getEvLocations({
    requestId: REQUEST_ID, evseStatus: 'Available', connectorTypes: 'Type2', connectorMinPower: 11.5,
    authorizationMethods: 'RFIDToken', withOperatorName: true, pageNumber: 1, perPage: 50,
    country: ['NLD', 'DEU'], excludeCountry: ['FRA'],
  })],
  ['evLocationsById', (c) => c.locations.evLocationsById({ requestId: REQUEST_ID, id: '2057411', providerId: 'NL-TNM' })],
  ['nearbyLocations', (c) => c.locations.nearbyLocations({
    requestId: REQUEST_ID, latitude: 52.37, longitude: 4.89, limit: 10, withMaxPower: true, country: ['NLD'],
  })],
  ['locationsMarkers', (c) => c.locations.locationsMarkers({
    requestId: REQUEST_ID, west: 4.7, south: 52.2, east: 5.1, north: 52.5, zoom: '10', evseStatus: 'Occupied',
  })],
];

test.each(calls)('%s passes Prism request validation, and its response passes strict response validation', async (operation, call) => {
  const before = log.length;
  const result = await call(client());
  expect(result).toBeDefined();
  const requestLog = log.slice(before);
  expect(requestLog).not.toMatch(VIOLATION);
  expect(requestLog).toMatch(/The request passed the validation rules/);
  expect(operation).toBeTruthy();
});

test('negative control: a request without RequestId is reported as a violation', async () => {
  const before = log.length;
  const response = await fetch(`${prismUrl}/v2/charge-session/active?emaId=NL-TNM-C0216599X-A`, {
    headers: { authorization: 'Bearer x' },
  });
  await response.text();
  expect(response.ok).toBe(false);
  expect(log.slice(before)).toMatch(VIOLATION);
});
