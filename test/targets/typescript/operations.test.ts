import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { build, doc, tsType } from '../../ir/helpers';

const SHELL_EV = path.resolve(__dirname, '../../../spec/shell-ev.yaml');

describe('Shell EV', () => {
  const document = parse(fs.readFileSync(SHELL_EV, 'utf8')) as Record<string, unknown>;
  const { ir, warnings } = build(document, { packageName: 'shellev' });

  test('client, services, operations', () => {
    expect(warnings).toEqual([]);
    // No `client.className` here: derived from `info.title` (`Shell EV`). The repository's
    // sdkgen.config.yaml sets `ShellevClient` (see test/naming for the rule).
    expect(ir.client).toBe('ShellEvClient');
    expect(ir.services.map((s) => [s.className, s.propertyName, s.fileName])).toEqual([
      ['ChargingApi', 'charging', 'charging'],
      ['LocationsApi', 'locations', 'locations'],
    ]);
    expect(ir.services.flatMap((s) => s.operations.map((o) => o.methodName))).toHaveLength(8);
    const start = ir.services[0]?.operations[0];
    expect(start).toMatchObject({
      methodName: 'start',
      paramsTypeName: 'StartParams',
      httpMethod: 'POST',
      path: '/v2/charge-session/start',
      parameters: [{ name: 'RequestId', propertyName: 'requestId', in: 'header', required: true }],
      requestBody: { propertyName: 'body', required: false, kind: 'json', mediaType: 'application/json', schema: { kind: 'ref', model: 'ChargesessionStartBody' } },
      success: { status: '200', kind: 'json', schema: { kind: 'ref', model: 'InlineResponse202' } },
      security: [{ BearerAuth: [] }],
    });
    expect(start?.errors.map((e) => [e.status, e.className])).toEqual([
      ['400', 'BadRequestException'],
      ['401', 'UnauthorizedException'],
      ['404', 'V2ChargeSessionStart404ErrorException'],
      ['429', 'TooManyRequestsException'],
      ['500', 'InternalServerErrorException'],
      ['503', 'ServiceunavailableException'],
    ]);
  });

  test('one error class per schema, shared', () => {
    const names = ir.errors.map((e) => e.className);
    expect(new Set(names).size).toBe(names.length);
    expect(ir.errors.find((e) => e.className === 'InternalServerErrorException')?.usedBy.length).toBe(7);
  });

  test('security and servers', () => {
    expect(ir.securitySchemes).toMatchObject([
      { kind: 'oauth2', schemeName: 'BearerAuth', clientCredentials: { propertyName: 'bearerAuth', credentialsOption: 'clientCredentialsAuthCredentials', tokenUrl: '/v2/oauth/token' } },
    ]);
    // The environment's value is its member name lower-cased (see the TypeScript environment view).
    expect(ir.servers.map((s: { name: string; url: string }) => [s.name, s.name.toLowerCase(), s.url])).toEqual([
      ['Sit', 'sit', 'https://api-test.shell.com/ev'],
      ['Production', 'production', 'https://api.shell.com/ev'],
    ]);
    expect(ir.features.clientCredentials).toBe(true);
  });
});

describe('operations', () => {
  const { ir, warnings } = build(
    doc({
      schemas: {
        NotFoundException: { type: 'object', properties: { m: { type: 'string' } } },
      },
      paths: {
        '/pets/{id}': {
          parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }],
          get: {
            parameters: [
              { name: 'body', in: 'query', schema: { type: 'string' } },
              { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
              { name: 'x_trace', in: 'query', schema: { type: 'string' } },
              { name: 'Accept', in: 'header', schema: { type: 'string' } },
            ],
            requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } },
            responses: {
              '204': { description: 'none' },
              '404': { description: 'nf', content: { 'application/json': { schema: { $ref: '#/components/schemas/NotFoundException' } } } },
              '409': { description: 'conflict' },
              default: { description: 'oops', content: { 'application/json': { schema: { type: 'object', properties: { e: { type: 'string' } } } } } },
            },
          },
          delete: { operationId: 'getPetsById', responses: { '200': { description: 'ok' } } },
        },
        '/untagged': { post: { operationId: 'orders.capture', responses: { '201': { description: 'x', content: { 'application/octet-stream': {} } } } } },
      },
      extra: {
        security: [{ key: [] }],
        components: {
          schemas: { NotFoundException: { type: 'object', properties: { m: { type: 'string' } } } },
          securitySchemes: {
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
            oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://x/.well-known' },
          },
        },
      },
    }),
  );

  test('names, params, collisions', () => {
    const ops = ir.services[0]?.operations ?? [];
    expect(ir.services.map((s) => [s.className, s.propertyName])).toEqual([['DefaultApi', 'default']]);
    expect(ops.map((o) => o.methodName)).toEqual(['getPetsById', 'getPetsById2', 'ordersCapture']);
    expect(ops[0]?.parameters.map((p) => p.propertyName)).toEqual(['id', 'body2', 'xTrace', 'xTrace2']);
    expect(ops[0]?.requestBody?.propertyName).toBe('body');
    expect(ops[0]?.requestBody?.kind).toBe('text');
    expect(ops[0]?.success).toMatchObject({ status: '204', kind: 'none' });
    // The IR says 'binary' (raw bytes); the TypeScript runtime reads it as a Blob (responseKind 'blob').
    expect(ops[2]?.success).toMatchObject({ status: '201', kind: 'binary' });
  });

  test('error classes: suffix already present, inline, body-less', () => {
    const ops = ir.services[0]?.operations ?? [];
    expect(ops[0]?.errors.map((e) => [e.status, e.className])).toEqual([
      ['404', 'NotFoundException'],
      ['409', 'ConflictException'],
      ['default', 'GetPetsByIdDefaultException'],
    ]);
    expect(ir.models.map((m) => m.name)).toContain('NotFoundExceptionBody');
  });

  test('apiKey and openIdConnect schemes get providers (no warning); ignored headers warn', () => {
    expect(ir.securitySchemes.map((s) => [s.kind, s.implementation])).toEqual([
      ['apiKey', { kind: 'apiKey', option: 'apiKey' }],
      ['openIdConnect', { kind: 'tokenSupplier', option: 'accessToken' }],
    ]);
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/apiKey|openIdConnect/);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/Accept/);
    expect(ir.features.clientCredentials).toBe(false);
  });
});

describe('servers', () => {
  test('names from x-sdkgen-name, description, index; variables substituted', () => {
    const { ir } = build(
      doc({
        extra: {
          servers: [
            { url: 'https://{region}.x.com', description: 'Production server', variables: { region: { default: 'eu' } } },
            { url: 'https://b', 'x-sdkgen-name': 'Staging' },
            { url: 'https://c' },
            { url: 'https://d', description: 'Production' },
          ],
        },
      }),
    );
    // The environment's value is its member name lower-cased (see the TypeScript environment view).
    expect(ir.servers.map((s: { name: string; url: string }) => [s.name, s.name.toLowerCase(), s.url])).toEqual([
      ['Production', 'production', 'https://eu.x.com'],
      ['Staging', 'staging', 'https://b'],
      ['Server3', 'server3', 'https://c'],
      ['Production2', 'production2', 'https://d'],
    ]);
  });
});
