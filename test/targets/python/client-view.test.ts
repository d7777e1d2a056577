/**
 * The Python configuration types credentials as the TypeScript one does (typing bug 1): when every
 * operation needs a scheme (`requiredByEveryOperation`), its `Configuration` property is typed
 * without `Optional` (so `client.config.client_credentials_auth_credentials.clone_with(...)`
 * type-checks under mypy --strict with no None check) and raises `ConfigurationException` when the
 * credentials were never given; otherwise it stays `Optional`. The client reads the stored value,
 * so a client without credentials still builds. The settings of issue 13 (`headers`, `hooks`,
 * `log_level`) are keywords of the configuration and of both clients.
 */
import { renderTargetFiles } from '../../../generator/pipeline';
import { buildNeutral, doc, targetConfig } from '../../ir/helpers';

const SCHEMES = {
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } },
  key: { type: 'apiKey', in: 'header', name: 'x-key' },
};

function api(securityOfSecond: unknown[] | undefined): Record<string, unknown> {
  const op = (operationId: string, security?: unknown[]): Record<string, unknown> => ({
    operationId,
    responses: { 204: { description: 'done' } },
    ...(security !== undefined ? { security } : {}),
  });
  return doc({
    paths: { '/a': { get: op('first') }, '/b': { get: op('second', securityOfSecond) } },
    extra: {
      servers: [{ url: 'https://api.example.com' }],
      security: [{ oauth: [], key: [] }],
      components: { schemas: {}, securitySchemes: SCHEMES },
    },
  });
}

async function files(document: Record<string, unknown>): Promise<Map<string, string>> {
  const { ir } = buildNeutral(document);
  const out = await renderTargetFiles(ir, targetConfig({ target: 'python', packageName: 'testsdk', packageVersion: '1.0.0' }));
  return new Map(out.map((f) => [f.path, f.contents]));
}

test.each<[string, unknown[] | undefined, boolean]>([
  ['every operation needs both schemes', undefined, true],
  ['one operation is anonymous', [], false],
  ['one operation needs only the API key', [{ key: [] }], false],
])('%s', async (_name, second, oauthRequired) => {
  const out = await files(api(second));
  const config = out.get('testsdk/configuration.py') ?? '';
  const client = out.get('testsdk/test_client.py') ?? '';
  const oauth = 'client_credentials_auth_credentials';
  expect(config).toContain(oauthRequired ? `def ${oauth}(self) -> ClientCredentialsAuthCredentials:` : `def ${oauth}(self) -> Optional[ClientCredentialsAuthCredentials]:`);
  expect(config.includes(`raise ConfigurationException("${oauth} is not set; every operation needs it")`)).toBe(oauthRequired);
  expect(client).toContain(oauthRequired ? `c._${oauth},` : `c.${oauth},`);
  // The API key is required by every operation unless one is anonymous.
  const keyRequired = second === undefined || (second as unknown[]).length > 0;
  expect(config).toContain(keyRequired ? 'def api_key(self) -> ApiKeyValue:' : 'def api_key(self) -> Optional[ApiKeyValue]:');
  for (const keyword of ['headers: Optional[Mapping[str, str]] = None', 'hooks: Optional[Hooks] = None', 'log_level: Optional[LogLevel] = None']) {
    expect(config).toContain(keyword);
    expect(client.split(keyword).length).toBe(3); // both clients take it
  }
  expect(config).toContain('parse_log_level(os.environ.get("TESTSDK_LOG"))');
}, 60_000);
