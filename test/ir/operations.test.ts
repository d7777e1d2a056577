/**
 * The IR's operations in spec terms: the Shell EV spec's services, operations, parameters,
 * bodies, responses, error classes, security and servers, as facts and name requests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describeSchema, specText } from '../../generator/ir';
import { buildNeutral, doc } from './helpers';

const SHELL_EV = path.resolve(__dirname, '../../spec/shell-ev.yaml');

describe('Shell EV', () => {
  const document = parse(fs.readFileSync(SHELL_EV, 'utf8')) as Record<string, unknown>;
  const { ir, warnings } = buildNeutral(document);

  test('services by tag, operations by operationId, in document order', () => {
    expect(warnings).toEqual([]);
    expect(ir.client).toMatchObject({ role: 'client', title: 'Shell EV' });
    expect(ir.services.map((s) => [s.tag, s.className.role, s.propertyName.role, s.fileName.role])).toEqual([
      ['Charging', 'apiClass', 'apiProperty', 'apiFile'],
      ['Locations', 'apiClass', 'apiProperty', 'apiFile'],
    ]);
    expect(ir.services.flatMap((s) => s.operations.map((o) => o.operationId))).toEqual([
      'start', 'stop', 'getChargeSessionRetrieve', 'active', 'getEvLocations', 'evLocationsById', 'nearbyLocations', 'locationsMarkers',
    ]);
  });

  test('start: header parameter, optional JSON body, JSON response, six error classes', () => {
    const start = ir.services[0]?.operations[0];
    expect(start?.methodName).toMatchObject({ role: 'operation', operationId: 'start', method: 'post', path: '/v2/charge-session/start' });
    expect(start?.paramsTypeName).toMatchObject({ role: 'paramsType', operation: start?.methodName });
    expect(start).toMatchObject({
      httpMethod: 'POST',
      path: '/v2/charge-session/start',
      parameters: [{ name: 'RequestId', in: 'header', required: true, propertyName: { role: 'parameter', wireName: 'RequestId' } }],
      requestBody: { required: false, kind: 'json', mediaType: 'application/json', propertyName: { role: 'body' } },
      success: { status: '200', kind: 'json' },
      security: [{ BearerAuth: [] }],
    });
    expect(describeSchema(start?.parameters[0]?.schema ?? { kind: 'unknown' })).toBe('string (uuid)');
    expect(describeSchema(start?.requestBody?.schema ?? { kind: 'unknown' })).toBe('ChargesessionStartBody');
    expect(start?.errors.map((e) => [e.status, specText(e.className)])).toEqual([
      ['400', 'BadRequest'],
      ['401', 'Unauthorized'],
      ['404', 'V2ChargeSessionStart404Error'],
      ['429', 'TooManyRequests'],
      ['500', 'InternalServerError'],
      ['503', 'Serviceunavailable'],
    ]);
  });

  test('error classes: one per schema, shared, named from their component', () => {
    expect(ir.errors.map((e) => e.className)).toEqual([...new Set(ir.errors.map((e) => e.className))]);
    const internal = ir.errors.find((e) => specText(e.className) === 'InternalServerError');
    expect(internal?.className).toMatchObject({ role: 'errorClass', from: 'component', key: 'InternalServerError' });
    expect(internal?.usedBy).toHaveLength(7);
    // A component that is an error body is marked so a policy can keep its name free for the class.
    const body = ir.models.find((m) => m.specName === 'InternalServerError');
    expect(body?.name).toMatchObject({ role: 'model', key: 'InternalServerError', errorBody: true });
  });

  test('security scheme and servers', () => {
    expect(ir.securitySchemes).toMatchObject([
      {
        kind: 'oauth2',
        schemeName: 'BearerAuth',
        implementation: { kind: 'clientCredentials', option: { role: 'authOption', scheme: 'BearerAuth', kind: 'clientCredentials', onlyOfKind: true } },
        clientCredentials: { propertyName: { role: 'authProperty', scheme: 'BearerAuth' }, tokenUrl: '/v2/oauth/token' },
      },
    ]);
    expect(ir.servers.map((s) => [s.name, s.url])).toEqual([
      [expect.objectContaining({ role: 'environment', explicit: 'Sit', index: 0 }), 'https://api-test.shell.com/ev'],
      [expect.objectContaining({ role: 'environment', explicit: 'Production', index: 1 }), 'https://api.shell.com/ev'],
    ]);
    expect(ir.features.clientCredentials).toBe(true);
  });
});

test('response kinds are spec facts: JSON, text, raw bytes, none', () => {
  const { ir } = buildNeutral(
    doc({
      paths: {
        '/a': { get: { operationId: 'json', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } } },
        '/b': { get: { operationId: 'text', responses: { '200': { description: 'ok', content: { 'text/csv': {} } } } } },
        '/c': { get: { operationId: 'bytes', responses: { '200': { description: 'ok', content: { 'application/pdf': {} } } } } },
        '/d': { delete: { operationId: 'none', responses: { '204': { description: 'gone' } } } },
      },
    }),
  );
  const ops = ir.services.flatMap((s) => s.operations);
  expect(ops.map((o) => [o.operationId, o.success?.kind, o.success?.schema ? describeSchema(o.success.schema) : undefined])).toEqual([
    ['json', 'json', 'string'],
    ['text', 'text', 'string'],
    ['bytes', 'binary', 'binary'],
    ['none', 'none', undefined],
  ]);
});

test('an operation without an operationId is named from its method and path', () => {
  const { ir } = buildNeutral(doc({ paths: { '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }], responses: { '204': { description: 'ok' } } } } } }));
  const op = ir.services[0]?.operations[0];
  expect(op?.operationId).toBeUndefined();
  expect(op?.methodName).toMatchObject({ role: 'operation', operationId: undefined, method: 'get', path: '/pets/{id}' });
  expect(specText(op!.methodName)).toBe('get Pets By Id');
});
