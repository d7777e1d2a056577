/**
 * The view of the package's `__init__.py` files and of the modules that give runtime classes the
 * import paths of the reference SDK (`shellev.exceptions.api_exception.APIException`,
 * `shellev.http.auth.o_auth_2.ClientCredentialsAuthCredentials`, `shellev.models.o_auth_token.OAuthToken` …).
 */
import { pyDocstring, pyString } from '../../../render/escape';
import { isClassModel, type PyContext } from './context';
import { PyImports } from './imports';
import { pyCall, pyDisplay, pyStatement, pyTuple } from './py-layout';

/** One generated module: its path and the contents of `items/module.py.hbs`. */
export interface PyModule {
  readonly path: string;
  readonly context: Record<string, string>;
}

function allList(names: readonly string[]): string {
  return `${pyStatement(pyDisplay('__all__ = ', '[]', [...names].sort().map(pyString)), 0)}\n`;
}

/** A module that only re-exports `names` from `from`. */
function reexport(path: string, header: string, doc: string, from: string, names: readonly string[]): PyModule {
  const imports = new PyImports();
  for (const name of names) imports.from(from, name);
  return { path, context: { header, docstring: pyDocstring([doc]), imports: imports.block(), body: allList(names) } };
}

/**
 * `rebuild_models((A, B, ...), globals())`; the tuple is written with a trailing comma, so one class
 * per line when there are several.
 */
function rebuildCall(classes: readonly string[]): string {
  return pyStatement(pyCall('rebuild_models(', [pyTuple('', classes, true), 'globals()']), 0);
}

export function packageModules(v: PyContext, header: string, clientModule: string): PyModule[] {
  const pkg = v.settings.importName;
  const cc = v.ir.features.clientCredentials;
  const client = v.name(v.ir.client);
  const asyncClient = v.derivedName(v.ir.client, 'async');
  const out: PyModule[] = [];

  // The package root: what most users import.
  const root = new PyImports()
    .from(`.${clientModule}`, client)
    .from(`.${clientModule}`, asyncClient)
    .from('.configuration', 'Configuration')
    .from('.configuration', 'Environment')
    .from('._runtime.operation', 'RequestOptions')
    .from('._runtime.proxy_settings', 'ProxySettings')
    .from('._runtime.retry', 'RetryPolicy')
    .from('._runtime.response', 'APIResponse')
    .from('._runtime.hooks', 'HookRequest')
    .from('._runtime.hooks', 'Hooks')
    .from('._runtime.logs', 'LogLevel');
  const errors = ['APIException', 'ConfigurationException', 'HookException', 'NetworkException', 'ResponseParseException', 'ResponseValidationException', 'SdkException', 'TimeoutException', 'Violation', ...(cc ? ['OAuthProviderException'] : [])];
  for (const e of errors) root.from('._runtime.errors', e);
  const rootNames = [client, asyncClient, 'Configuration', 'Environment', 'RequestOptions', 'ProxySettings', 'RetryPolicy', 'APIResponse', 'HookRequest', 'Hooks', 'LogLevel', ...errors];
  if (v.ir.features.pagination) {
    for (const name of ['SyncPage', 'AsyncPage', 'AsyncPaginator']) {
      root.from('._runtime.pagination', name);
      rootNames.push(name);
    }
  }
  if (cc) {
    for (const [module, name] of [
      ['._runtime.auth.credentials', 'ClientCredentialsAuthCredentials'],
      ['._runtime.auth.oauth_token', 'OAuthToken'],
      ['._runtime.auth.token_store', 'TokenStore'],
      ['._runtime.auth.token_store', 'AsyncTokenStore'],
      ['._runtime.auth.token_store', 'MemoryTokenStore'],
      ['._runtime.auth.token_store', 'TokenStoreLock'],
      ['._runtime.auth.token_store', 'AsyncTokenStoreLock'],
      ['._runtime.auth.file_token_store', 'FileTokenStore'],
    ] as const) {
      root.from(module, name);
      rootNames.push(name);
    }
  }
  out.push({
    path: `${pkg}/__init__.py`,
    context: {
      header,
      docstring: pyDocstring([`${v.ir.info.title || pkg} SDK for Python.`, `\`\`from ${pkg} import ${client}\`\`; the models are in \`\`${pkg}.models\`\`, the errors in \`\`${pkg}.exceptions\`\`.`]),
      imports: root.block(),
      body: `__version__ = ${pyString(v.settings.version)}\n"""The version of this package."""\n\n${allList([...rootNames, '__version__'])}`,
    },
  });

  // Models: every model module, then their references resolved once all classes exist.
  const models = new PyImports();
  for (const m of v.ir.models) models.from(`.${v.module(m.name)}`, v.name(m.name));
  if (cc) models.from('.o_auth_token', 'OAuthToken').from('.o_auth_provider_error_enum', 'OAuthProviderErrorEnum');
  const classes = v.ir.models.filter((m) => isClassModel(m) && m.schema.kind === 'object').map((m) => v.name(m.name));
  if (classes.length > 0) models.from('.._runtime.model', 'rebuild_models');
  const rebuild = classes.length > 0 ? `\n# Models refer to each other lazily (imports for type checkers only, so cycles are fine); their\n# references resolve here, once every class exists.\n${rebuildCall(classes)}\n` : '';
  out.push({
    path: `${pkg}/models/__init__.py`,
    context: {
      header,
      docstring: pyDocstring(['The models of the API: one module per model, all importable from here.']),
      imports: models.block(),
      body: `${allList([...v.ir.models.map((m) => v.name(m.name)), ...(cc ? ['OAuthToken', 'OAuthProviderErrorEnum'] : [])])}${rebuild}`,
    },
  });
  if (cc) {
    out.push(reexport(`${pkg}/models/o_auth_token.py`, header, 'The OAuth 2 access token (see the runtime for its storage round trip).', '.._runtime.auth.oauth_token', ['OAuthToken']));
    out.push(reexport(`${pkg}/models/o_auth_provider_error_enum.py`, header, 'OAuth 2 authorization error codes (`OAuthProviderException.error`).', '.._runtime.errors', ['OAuthProviderErrorEnum']));
  }

  // Exceptions.
  const exceptions = new PyImports();
  for (const e of v.ir.errors) exceptions.from(`.${v.module(e.className)}`, v.name(e.className));
  for (const e of errors) exceptions.from('.._runtime.errors', e);
  out.push({
    path: `${pkg}/exceptions/__init__.py`,
    context: { header, docstring: pyDocstring(['Every error the SDK raises.']), imports: exceptions.block(), body: allList([...errors, ...v.ir.errors.map((e) => v.name(e.className))]) },
  });
  out.push(reexport(`${pkg}/exceptions/api_exception.py`, header, 'The base class of HTTP error responses.', '.._runtime.errors', ['APIException']));
  if (cc) out.push(reexport(`${pkg}/exceptions/o_auth_provider_exception.py`, header, 'Errors of the OAuth 2 token endpoint.', '.._runtime.errors', ['OAuthProviderException']));

  // Controllers.
  const controllers = new PyImports();
  const controllerNames: string[] = [];
  for (const s of v.ir.services) {
    for (const name of [v.name(s.className), v.derivedName(s.className, 'raw'), v.derivedName(s.className, 'async'), v.derivedName(s.className, 'asyncRaw')]) {
      controllers.from(`.${v.name(s.fileName)}`, name);
      controllerNames.push(name);
    }
  }
  out.push({ path: `${pkg}/controllers/__init__.py`, context: { header, docstring: pyDocstring(['The API controllers: one per tag, blocking and asyncio.']), imports: controllers.block(), body: allList(controllerNames) } });

  // `http`: proxy settings and auth, at the reference SDK's paths.
  out.push(reexport(`${pkg}/http/__init__.py`, header, 'HTTP settings: proxies.', '.proxy_settings', ['ProxySettings']));
  out.push(reexport(`${pkg}/http/proxy_settings.py`, header, 'Proxy settings for API and token requests.', '.._runtime.proxy_settings', ['ProxySettings']));
  const authNames = cc ? ['ClientCredentialsAuthCredentials', 'ClientCredentialsAuthManager', 'AsyncClientCredentialsAuthManager'] : [];
  const authImports = new PyImports();
  if (cc) for (const n of authNames) authImports.from('.o_auth_2', n);
  out.push({ path: `${pkg}/http/auth/__init__.py`, context: { header, docstring: pyDocstring(['Authentication: credentials and token managers.']), imports: authImports.block(), body: allList(authNames) } });
  if (cc) {
    const o = new PyImports().from('..._runtime.auth.credentials', 'ClientCredentialsAuthCredentials').from('..._runtime.auth.manager', 'AsyncClientCredentialsAuthManager').from('..._runtime.auth.manager', 'ClientCredentialsAuthManager');
    out.push({
      path: `${pkg}/http/auth/o_auth_2.py`,
      context: {
        header,
        docstring: pyDocstring([
          'OAuth 2.0 client credentials: the credentials (`ClientCredentialsAuthCredentials`) and the token managers the clients expose per scheme (for example `client.bearer_auth`).',
        ]),
        imports: o.block(),
        body: allList(authNames),
      },
    });
    // Opt-in (`pip install <sdk>[redis]`): only this module imports the Redis stores, and they
    // import redis-py for type checkers only, so the package imports without it.
    out.push(
      reexport(
        `${pkg}/http/auth/redis_token_store.py`,
        header,
        `Token stores in Redis shared by every process of a fleet, with fleet-wide single flight (\`pip install ${v.settings.distributionName}[redis]\`): \`RedisTokenStore\` takes your connected \`redis.Redis\`, \`AsyncRedisTokenStore\` a \`redis.asyncio.Redis\`.`,
        '..._runtime.auth.redis_token_store',
        ['RedisTokenStore', 'AsyncRedisTokenStore'],
      ),
    );
  }
  return out;
}
