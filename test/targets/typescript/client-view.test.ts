/**
 * The client's constructor only creates what it uses (`noUnusedLocals` in the SDK's tsconfig):
 * no `HttpClient` without API classes (webhooks-only specs), no base URL without API classes or
 * auth managers. Decided in the view; the template only tests the flags.
 */
import { TsContext } from '../../../generator/targets/typescript/view/context';
import { buildView } from '../../../generator/targets/typescript/view/view';
import { buildNeutral, doc, namesFor, render } from '../../ir/helpers';

const OP = { get: { operationId: 'ping', responses: { '204': { description: 'ok' } } } };
const CC = {
  securitySchemes: {
    oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } },
  },
};

test.each<[string, Record<string, unknown>, Record<string, unknown>, { hasServices: boolean; needsBaseUrl: boolean; http: boolean; baseUrl: boolean }]>([
  ['operations, no auth', { '/ping': OP }, {}, { hasServices: true, needsBaseUrl: true, http: true, baseUrl: true }],
  ['no operations, no auth (webhooks only)', {}, {}, { hasServices: false, needsBaseUrl: false, http: false, baseUrl: false }],
  ['no operations, client credentials', {}, CC, { hasServices: false, needsBaseUrl: true, http: false, baseUrl: true }],
])('%s', (_label, paths, components, expected) => {
  const document = doc({ paths });
  const withAuth = { ...document, components: { ...(document.components as object), ...components } };
  const { ir } = buildNeutral(withAuth);
  const view = buildView(new TsContext(ir, namesFor(ir), { packageName: 'testsdk', packageVersion: '1.0.0' }));
  expect({ hasServices: view.root.hasServices, needsBaseUrl: view.root.needsBaseUrl }).toEqual({
    hasServices: expected.hasServices,
    needsBaseUrl: expected.needsBaseUrl,
  });
  const client = render(ir).find((f) => f.path === 'src/client.ts')?.contents ?? '';
  expect(client.includes('new HttpClient(')).toBe(expected.http);
  expect(/\bHttpClient\b/.test(client)).toBe(expected.http);
  // The base URL statement itself belongs to the servers code; only whether it is there is decided here.
  expect(/const baseUrl\b/.test(client)).toBe(expected.baseUrl);
});
