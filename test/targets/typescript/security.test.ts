/**
 * IR decisions for security schemes and servers: which provider each scheme gets, option names,
 * effective per-operation requirements, server variables and operation-level servers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Ir, IrOperation } from '../../../generator/ir';
import { build, doc, tsType } from '../../ir/helpers';

const EDGE = path.resolve(__dirname, '../../fixtures/corpus/edge');
const fixture = (rel: string): { ir: Ir; warnings: string[] } => {
  const { ir, warnings } = build(parse(fs.readFileSync(path.join(EDGE, rel), 'utf8')) as Record<string, unknown>);
  return { ir, warnings: warnings.map((w) => w.message) };
};
const ops = (ir: Ir): Map<string, IrOperation> =>
  new Map(ir.services.flatMap((s) => s.operations.map((o) => [o.operationId, o] as const)));
const implementations = (ir: Ir) => ir.securitySchemes.map((s) => [s.schemeName, s.implementation]);

describe('security/schemes.yaml', () => {
  const { ir, warnings } = fixture('security/schemes.yaml');
  const byId = ops(ir);

  test('one provider and option per scheme; unsupported ones say why', () => {
    expect(implementations(ir)).toEqual([
      ['headerKey', { kind: 'apiKey', option: 'headerKey' }],
      ['queryKey', { kind: 'apiKey', option: 'queryKey' }],
      ['cookieKey', { kind: 'apiKey', option: 'cookieKey' }],
      ['bearer', { kind: 'bearer', option: 'bearerToken' }],
      ['basic', { kind: 'basic', option: 'basicAuth' }],
      ['digest', { kind: 'unsupported', reason: expect.stringMatching(/digest/) }],
      ['unused', { kind: 'apiKey', option: 'unused' }],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^security scheme `digest`: HTTP authentication scheme `digest` is not supported/)]);
    expect(ir.features.clientCredentials).toBe(false);
  });

  test.each([
    ['usesGlobal', [{ headerKey: [] }, { bearer: [] }]],
    ['keyAndBasic', [{ headerKey: [], basic: [] }]],
    ['queryKey', [{ queryKey: [] }]],
    ['cookieKey', [{ cookieKey: [] }]],
    ['optionalAuth', [{}, { bearer: [] }]],
    ['publicEndpoint', []],
    ['digest', [{}]],
  ])('%s security', (id, expected) => {
    expect(byId.get(id)?.security).toEqual(expected);
  });
});

describe('security/oauth2-flows.yaml', () => {
  const { ir, warnings } = fixture('security/oauth2-flows.yaml');

  test('client credentials win over other flows; other flows and OIDC get token suppliers', () => {
    expect(implementations(ir)).toEqual([
      ['allFlows', { kind: 'clientCredentials', option: 'clientCredentialsAuthCredentials' }],
      ['codeOnly', { kind: 'tokenSupplier', option: 'codeOnly' }],
      ['oidc', { kind: 'tokenSupplier', option: 'oidc' }],
    ]);
    const allFlows = ir.securitySchemes[0];
    expect(allFlows?.kind === 'oauth2' && allFlows.clientCredentials).toMatchObject({ propertyName: 'allFlows', tokenUrl: 'https://auth.example.com/token' });
    expect(allFlows?.kind === 'oauth2' && allFlows.flows.map((f) => f.kind)).toEqual(['clientCredentials', 'authorizationCode', 'implicit', 'password']);
    expect(warnings).toEqual([]);
    expect(ops(ir).get('oidc')?.security).toEqual([{ oidc: ['openid', 'email'] }]);
  });
});

describe('security/oauth2-client-credentials.yaml', () => {
  const { ir } = fixture('security/oauth2-client-credentials.yaml');
  test('two client-credentials schemes: named after the schemes, not doubled', () => {
    expect(ir.securitySchemes.map((s) => s.kind === 'oauth2' && s.clientCredentials)).toEqual([
      { propertyName: 'clientCredentials', credentialsOption: 'clientCredentials', tokenUrl: '/oauth/token', tokenUrlSource: 'literal', scopes: expect.any(Array) },
      { propertyName: 'partnerCredentials', credentialsOption: 'partnerCredentials', tokenUrl: '../auth/token', tokenUrlSource: 'literal', scopes: [] },
    ]);
    expect(ops(ir).get('createReport')?.security).toEqual([{ clientCredentials: ['read', 'write'] }]);
  });
});

describe('option names', () => {
  const schemes = (s: Record<string, unknown>) =>
    build(doc({ extra: { components: { securitySchemes: s } } })).ir.securitySchemes.map((x) => x.implementation);

  test.each([
    ['single apiKey', { k: { type: 'apiKey', in: 'header', name: 'X' } }, ['apiKey']],
    ['single bearer + single basic', { b: { type: 'http', scheme: 'Bearer' }, c: { type: 'http', scheme: 'basic' } }, ['bearerToken', 'basicAuth']],
    ['single oidc', { o: { type: 'openIdConnect', openIdConnectUrl: 'https://x' } }, ['accessToken']],
    ['oauth2 without client credentials', { o: { type: 'oauth2', flows: { password: { tokenUrl: '/t', scopes: {} } } } }, ['accessToken']],
    ['two token suppliers', { o: { type: 'openIdConnect', openIdConnectUrl: 'https://x' }, 'my-oauth': { type: 'oauth2', flows: {} } }, ['o', 'myOauth']],
    ['collision with fixed options', { timeout: { type: 'apiKey', in: 'query', name: 't' }, 'base-url': { type: 'apiKey', in: 'query', name: 'u' } }, ['timeout2', 'baseUrl2']],
  ])('%s', (_name, s, expected) => {
    expect(schemes(s).map((i) => ('option' in i ? i.option : i.kind))).toEqual(expected);
  });

  test('unsupported kinds', () => {
    expect(schemes({ m: { type: 'mutualTLS' }, n: { type: 'apiKey', in: 'header' } }).map((i) => i.kind)).toEqual(['unsupported', 'unsupported']);
  });

  test('unknown scheme names are left out of requirements, with one warning', () => {
    const { ir, warnings } = build(
      doc({
        paths: { '/a': { get: { security: [{ nope: [], k: [] }], responses: { '204': { description: 'x' } } } } },
        extra: { components: { securitySchemes: { k: { type: 'apiKey', in: 'header', name: 'X' } } } },
      }),
    );
    expect(ir.services[0]?.operations[0]?.security).toEqual([{ k: [] }]);
    expect(warnings.map((w) => w.message)).toEqual(['security requirement names unknown scheme `nope`; it is left out']);
  });
});

describe('servers', () => {
  test('server-variables.yaml: defaults, relative flag, merged variables, operation servers', () => {
    const { ir, warnings } = fixture('servers/server-variables.yaml');
    expect(warnings).toEqual([]);
    expect(ir.servers.map((s) => [s.name, s.url, s.relative])).toEqual([
      ['ProductionTemplated', 'https://demo.eu.example.com:443/v2', false],
      ['Sandbox', 'https://sandbox.example.com/v2', false],
      ['RelativeTo', '/v2', true],
    ]);
    expect(ir.serverVariables).toEqual([
      { name: 'tenant', default: 'demo' },
      { name: 'region', default: 'eu', enum: ['eu', 'us', 'ap'] },
      { name: 'port', default: '443', enum: ['443', '8443'] },
      { name: 'basePath', default: 'v2' },
      { name: 'env', default: 'prod', enum: ['prod', 'staging'] },
    ]);
    const byId = ops(ir);
    expect(byId.get('listThings')?.servers?.map((s) => s.url)).toEqual(['https://things.example.com/api']);
    expect(byId.get('other')?.servers?.map((s) => [s.urlTemplate, s.url])).toEqual([['https://{env}.other.example.com', 'https://prod.other.example.com']]);
    expect(byId.get('plain')?.servers).toBeUndefined();
  });

  test.each([
    ['servers/no-servers.yaml', [['Server1', '/', true]]],
    ['servers/relative-only.yaml', [['Server1', '/api', true]]],
  ])('%s needs a baseUrl', (rel, expected) => {
    const { ir, warnings } = fixture(rel);
    expect(warnings).toEqual([]);
    expect(ir.servers.map((s) => [s.name, s.url, s.relative])).toEqual(expected);
  });

  test('an enum is kept only when every declaration of the variable has one', () => {
    const { ir } = build(
      doc({
        extra: {
          servers: [
            { url: 'https://{r}.a', variables: { r: { default: 'eu', enum: ['eu'] } } },
            { url: 'https://{r}.b', variables: { r: { default: 'x' } } },
          ],
        },
      }),
    );
    expect(ir.serverVariables).toEqual([{ name: 'r', default: 'eu' }]);
  });
});
