/**
 * Opt-in response validation (issue 13). The interpreter (`runtime/validate.ts`) case by case,
 * from the table the Python interpreter runs too (test/fixtures/validation/cases.json); then the
 * generated Shell EV SDK against a local node:http server answering bodies that break the spec:
 * `off` returns them silently, `warn` returns them and logs one warning naming the paths, `strict`
 * throws `ResponseValidationException` naming the path.
 */
import * as fs from 'node:fs';
import type http from 'node:http';
import * as path from 'node:path';
import {
  ApiException,
  ClientCredentialsAuthCredentials,
  ResponseValidationException,
  SdkException,
  ShellevClient,
  type ConfigurationOptions,
  type Logger,
} from '../../generated/typescript/src/index';
import { validate, type Rule, type Rules } from '../../templates/typescript/runtime/validate';
import { startScriptedServer, type SeenRequest } from '../support/api-server';

interface Cases {
  readonly schemas: Rules;
  readonly cases: readonly [string, Rule, unknown, readonly [string, string][] | string][];
}
const table = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'validation', 'cases.json'), 'utf8'),
) as Cases;

describe('the interpreter, per constraint', () => {
  test.each(table.cases)('%s', (_name, rule, value, expected) => {
    const found = validate(value, rule, table.schemas).map((v) => [v.path, v.rule]);
    if (typeof expected === 'string') expect(`${found.length} violations`).toBe(expected);
    else expect(found).toEqual(expected);
  });
});

// ------------------------------------------------------------------ the generated SDK, end to end

type Script = (req: SeenRequest, res: http.ServerResponse) => void;
let script: Script;
let server: Awaited<ReturnType<typeof startScriptedServer>>;
beforeAll(async () => {
  server = await startScriptedServer((req, res) => script(req, res));
});
afterAll(() => server.stop());

const REQUEST_ID = '123e4567-e89b-12d3-a456-426614174000';
const SECRET = 'tok-SECRET-0123456789';
/** A `stop` response that breaks the spec four ways (the secret-looking value must not be logged). */
const BROKEN = { status: 'PAUSED', extra: SECRET, data: [{ sessionId: 'x'.repeat(40) }] };

function answer(body: unknown): void {
  script = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') };
}

const client = (extra: Partial<ConfigurationOptions>) =>
  new ShellevClient({
    baseUrl: `${server.url}/ev`,
    retry: false,
    clientCredentialsAuthCredentials: new ClientCredentialsAuthCredentials({
      oAuthToken: { accessToken: 'token-0123456789', tokenType: 'Bearer' },
    }),
    ...extra,
  });

const stop = (c: ShellevClient) => c.charging.stop({ requestId: REQUEST_ID, sessionId: REQUEST_ID });

describe('validateResponses', () => {
  beforeEach(() => {
    script = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(BROKEN));
    };
  });

  test('off (the default): the data, nothing logged', async () => {
    const logger = recorder();
    await expect(stop(client({ logger, logLevel: 'debug' }))).resolves.toEqual(BROKEN);
    expect(logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  test('warn: the data, and one warning naming every path and rule (never a value)', async () => {
    const logger = recorder();
    await expect(stop(client({ logger, validateResponses: 'warn' }))).resolves.toEqual(BROKEN);
    expect(logger.lines).toEqual([
      'warn stop: HTTP 200 response does not match the spec: $.requestId (required), $.status (enum), ' +
        '$.extra (additionalProperties), $.data (additionalProperties)',
    ]);
    expect(logger.lines.join('\n')).not.toContain(SECRET);
  });

  test('strict: ResponseValidationException with the path, violations, status and response', async () => {
    const error = await stop(client({ validateResponses: 'strict' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationException);
    expect(error).toBeInstanceOf(ApiException);
    expect(error).toBeInstanceOf(SdkException);
    const e = error as ResponseValidationException;
    expect(e.path).toBe('$.requestId');
    expect(e.violations.map((v) => `${v.path} ${v.rule}`)).toEqual([
      '$.requestId required',
      '$.status enum',
      '$.extra additionalProperties',
      '$.data additionalProperties',
    ]);
    expect(e.statusCode).toBe(200);
    expect(e.response.status).toBe(200);
    expect(e.body).toEqual(BROKEN);
    expect(e.message).not.toContain(SECRET);
    expect(e.message).toMatch(/^stop: HTTP 200 response does not match the spec: \$\.requestId \(required\)/);
  });

  test('strict: a valid body passes; a too-long string and nested paths are named', async () => {
    const ok = { requestId: REQUEST_ID, status: 'SUCCESS' };
    script = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok));
    };
    await expect(stop(client({ validateResponses: 'strict' }))).resolves.toEqual(ok);

    answer({ requestId: REQUEST_ID, status: 'SUCCESS', data: [{ sessionId: 'y'.repeat(37) }] });
    const c = client({ validateResponses: 'strict' });
    const error = (await c.charging.start({
      requestId: REQUEST_ID,
      body: { evChargeNumber: 'NL-TNM-C00122045-K', evseId: 'NL*TNM*E02003451*0' },
    }).catch((e: unknown) => e)) as ResponseValidationException;
    expect(error).toBeInstanceOf(ResponseValidationException);
    expect(error.violations.map((v) => `${v.path} ${v.rule}`)).toEqual([
      '$.data[0].sessionId maxLength',
      '$.data[0].sessionId pattern',
    ]);
    expect(error.statusCode).toBe(200);
  });

  test('the SHELLEV_VALIDATE_RESPONSES environment variable sets the default; the option wins', async () => {
    process.env['SHELLEV_VALIDATE_RESPONSES'] = 'strict';
    try {
      await expect(stop(client({}))).rejects.toBeInstanceOf(ResponseValidationException);
      await expect(stop(client({ validateResponses: 'off' }))).resolves.toEqual(BROKEN);
      expect(client({}).config.cloneWith({ validateResponses: 'warn' }).validateResponses).toBe('warn');
    } finally {
      delete process.env['SHELLEV_VALIDATE_RESPONSES'];
    }
    expect(client({}).config.validateResponses).toBe('off');
  });
});
