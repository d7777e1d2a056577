/**
 * An SDK ships only the runtime modules its API uses: the IR records the features (auth kinds,
 * non-JSON bodies, server templates) and the render stage leaves the other modules, and their
 * exports, out. Table-driven over the edge fixtures and small inline documents; every generated
 * SDK also compiles under `tsc --strict` in render.test.ts and the snapshot tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { IrFeatures } from '../../../generator/ir';
import { buildNeutral, doc, render as renderTs } from '../../ir/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const load = (file: string): Record<string, unknown> => parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** One GET operation, optionally with a body kind, a security scheme or templated servers. */
function api(extra: { scheme?: Record<string, unknown>; bodyMedia?: string; servers?: unknown[] } = {}): Record<string, unknown> {
  const op: Record<string, unknown> = {
    operationId: 'send',
    responses: { 204: { description: 'done' } },
    ...(extra.scheme ? { security: [{ s: [] }] } : {}),
    ...(extra.bodyMedia ? { requestBody: { content: { [extra.bodyMedia]: { schema: { type: 'object' } } } } } : {}),
  };
  return doc({
    paths: { '/send': { post: op } },
    extra: {
      servers: extra.servers ?? [{ url: 'https://api.example.com' }],
      ...(extra.scheme ? { components: { schemas: {}, securitySchemes: { s: extra.scheme } } } : {}),
    },
  });
}

function render(document: Record<string, unknown>): { features: IrFeatures; files: Map<string, string> } {
  const { ir } = buildNeutral(document);
  const files = new Map(renderTs(ir).map((f) => [f.path, f.contents]));
  return { features: ir.features, files };
}

const NONE: IrFeatures = { pagination: false, requestIds: false, clientCredentials: false, apiKeyAuth: false, basicAuth: false, bearerAuth: false, bodyEncoders: false, serverTemplates: false };
const CC = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } };

test.each<[string, Record<string, unknown>, Partial<IrFeatures>]>([
  ['no auth, JSON body', api({ bodyMedia: 'application/json' }), {}],
  ['client credentials', api({ scheme: CC }), { clientCredentials: true }],
  ['api key', api({ scheme: { type: 'apiKey', in: 'header', name: 'x-key' } }), { apiKeyAuth: true }],
  ['http basic', api({ scheme: { type: 'http', scheme: 'basic' } }), { basicAuth: true }],
  ['http bearer', api({ scheme: { type: 'http', scheme: 'bearer' } }), { bearerAuth: true }],
  ['openIdConnect (token supplier)', api({ scheme: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' } }), { bearerAuth: true }],
  ['http digest (unsupported: nothing shipped)', api({ scheme: { type: 'http', scheme: 'digest' } }), {}],
  ['text body', api({ bodyMedia: 'text/plain' }), {}],
  ['form body', api({ bodyMedia: 'application/x-www-form-urlencoded' }), { bodyEncoders: true }],
  ['multipart body', api({ bodyMedia: 'multipart/form-data' }), { bodyEncoders: true }],
  ['binary body', api({ bodyMedia: 'application/octet-stream' }), { bodyEncoders: true }],
  ['server variables', api({ servers: [{ url: 'https://{region}.example.com', variables: { region: { default: 'eu' } } }] }), { serverTemplates: true }],
  ['relative server', api({ servers: [{ url: '/api' }] }), { serverTemplates: true }],
])('%s', (_name, document, expected) => {
  const { features, files } = render(document);
  expect(features).toEqual({ ...NONE, ...expected });
  const shipped = (file: string): boolean => files.has(`src/runtime/${file}`);
  const barrel = files.get('src/runtime/index.ts') ?? '';
  // Each optional module ships, and is exported, exactly when its feature is on.
  const modules: [keyof IrFeatures, string, string][] = [
    ['clientCredentials', 'auth/client-credentials-manager.ts', 'ClientCredentialsAuthManager'],
    ['clientCredentials', 'node/file-token-store.ts', 'ClientCredentialsAuthManager'],
    ['apiKeyAuth', 'auth/api-key.ts', 'ApiKeyAuthProvider'],
    ['basicAuth', 'auth/http-basic.ts', 'BasicAuthProvider'],
    ['bearerAuth', 'auth/bearer-token.ts', 'BearerTokenAuthProvider'],
    ['bodyEncoders', 'body-encoders.ts', 'multipartBody'],
    ['serverTemplates', 'servers.ts', 'operationBaseUrl'],
    ['pagination', 'pagination.ts', 'paginate'],
    ['requestIds', 'uuid.ts', 'randomUuid'],
  ];
  for (const [feature, file, exported] of modules) {
    expect([file, shipped(file)]).toEqual([file, features[feature]]);
    expect([exported, barrel.includes(exported)]).toEqual([exported, features[feature]]);
  }
  // The core is always there.
  for (const file of ['http-client.ts', 'body.ts', 'errors.ts', 'headers.ts', 'transport.ts', 'auth/auth-provider.ts']) {
    expect(shipped(file)).toBe(true);
  }
  // The static-credential helpers ship with the providers that use them; the rare parameter styles
  // (none of these documents uses one) do not ship at all.
  const staticCredentials = features.apiKeyAuth || features.basicAuth || features.bearerAuth;
  expect(['auth/secret-value.ts', shipped('auth/secret-value.ts')]).toEqual(['auth/secret-value.ts', staticCredentials]);
  expect(['redactOptions', barrel.includes('redactOptions')]).toEqual(['redactOptions', staticCredentials]);
  expect([shipped('serialize-styles.ts'), barrel.includes('paramStyles')]).toEqual([false, false]);
  // The validation checker ships with every SDK that has operations (loaded only when used).
  expect(shipped('validate.ts')).toBe(true);
  expect(files.has('src/validators.ts')).toBe(true);
  // Nothing generated imports a module that was left out (every relative import resolves).
  for (const [file, text] of files) {
    if (!file.endsWith('.ts')) continue;
    for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      const target = path.posix.join(path.posix.dirname(file), `${m[1]}.ts`);
      expect([file, target, files.has(target)]).toEqual([file, target, true]);
    }
  }
});

test('the Shell EV SDK ships client credentials, pagination and request ids only: no other auth kinds, body encoders or server templates', () => {
  const { features } = render(load(path.join(ROOT, 'spec/shell-ev.yaml')));
  expect(features).toEqual({ ...NONE, clientCredentials: true, pagination: true, requestIds: true });
});

test('an operation with its own (plain, absolute) server needs server templates', () => {
  const document = api();
  const send = ((document['paths'] as Record<string, Record<string, Record<string, unknown>>>)['/send'] as Record<string, Record<string, unknown>>)['post'] as Record<string, unknown>;
  send['servers'] = [{ url: 'https://uploads.example.com' }];
  const { features, files } = render(document);
  expect(features).toEqual({ ...NONE, serverTemplates: true });
  expect(files.get('src/api/default.ts') ?? [...files.keys()].join(', ')).toContain("operationBaseUrl(\n          [{ url: 'https://uploads.example.com' }]");
});

test.each([
  ['matrix path parameter', 'path', 'matrix'],
  ['label path parameter', 'path', 'label'],
  ['deepObject query parameter', 'query', 'deepObject'],
  ['pipeDelimited query parameter', 'query', 'pipeDelimited'],
  ['spaceDelimited query parameter', 'query', 'spaceDelimited'],
])('a %s ships serialize-styles.ts and the client passes paramStyles', (_name, where, style) => {
  const document = api();
  const send = ((document['paths'] as Record<string, Record<string, Record<string, unknown>>>)['/send'] as Record<string, Record<string, unknown>>)['post'] as Record<string, unknown>;
  send['parameters'] = [{ name: 'p', in: where, required: where === 'path', style, schema: { type: 'array', items: { type: 'string' } } }];
  if (where === 'path') {
    const paths = document['paths'] as Record<string, unknown>;
    paths['/send/{p}'] = paths['/send'];
    delete paths['/send'];
  }
  const { files } = render(document);
  expect(files.has('src/runtime/serialize-styles.ts')).toBe(true);
  expect(files.get('src/runtime/index.ts')).toContain("export { paramStyles } from './serialize-styles.js';");
  expect(files.get('src/client.ts')).toMatch(/\n {6}paramStyles,\n/);
});
