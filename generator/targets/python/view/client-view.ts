/**
 * The view of the package's configuration and client modules: `configuration.py` (the
 * `Environment` enum and the immutable `Configuration`, with `clone_with`) and
 * `<client>.py` (the blocking client and its asyncio counterpart, wiring the configuration to the
 * runtime: HTTP client, auth providers and managers, controllers).
 */
import { requiredByEveryOperation } from '../../../ir/security';
import type { IrSecurityScheme } from '../../../ir/types';
import { templateVariables } from '../../../ir/url-template';
import { envVarPrefix } from '../../../naming/env';
import { proseOr, pyAttributeDoc, pyDocstring, pyFunctionDocstring, pyString } from '../../../render/escape';
import type { PyContext } from './context';
import { PyImports } from './imports';
import { pyAssignment, pyCall, pyConditional, pyDef, pyStatement, type PyExpr } from './py-layout';
import { serverSpecExpr, serverSpecLiteral } from './servers';

type Implemented = IrSecurityScheme & { readonly implementation: Exclude<IrSecurityScheme['implementation'], { kind: 'unsupported' }> };

export function implementedSchemes(v: PyContext): Implemented[] {
  return v.ir.securitySchemes.filter((s): s is Implemented => s.implementation.kind !== 'unsupported');
}

/** The `Configuration` keyword of each auth kind: its type and its documentation. */
function optionOf(s: Implemented, imports: PyImports): { type: string; doc: string } {
  switch (s.implementation.kind) {
    case 'clientCredentials': {
      imports.from('._runtime.auth.credentials', 'ClientCredentialsAuthCredentials');
      const tokenUrl = s.kind === 'oauth2' ? (s.clientCredentials?.tokenUrl ?? '') : '';
      return { type: 'ClientCredentialsAuthCredentials', doc: `Credentials for the OAuth 2.0 client-credentials scheme \`\`${s.schemeName}\`\` (token URL \`\`${tokenUrl}\`\`).` };
    }
    case 'apiKey':
      imports.from('._runtime.auth.api_key', 'ApiKeyValue');
      return { type: 'ApiKeyValue', doc: `API key for the scheme \`\`${s.schemeName}\`\`: the key, or a function returning it (called per request).` };
    case 'basic':
      imports.from('typing', 'Tuple');
      return { type: 'Tuple[str, str]', doc: `User name and password for the HTTP Basic scheme \`\`${s.schemeName}\`\`.` };
    case 'bearer':
    case 'tokenSupplier':
      imports.from('typing', 'Union').from('._runtime.auth.bearer_token', 'TokenSupplier');
      return { type: 'Union[str, TokenSupplier]', doc: `Bearer token for the scheme \`\`${s.schemeName}\`\`: the token, or a function returning it.` };
  }
}

/** One keyword of `Configuration` (and of the clients' constructors). */
interface Keyword {
  readonly name: string;
  /** The annotation of the stored value. */
  readonly type: string;
  /** The constructor's default (`None` means "not set"; the property then gives `fallback`). */
  readonly fallback: string;
  readonly doc: string;
  /**
   * Credentials every operation needs (`requiredByEveryOperation`): the property is typed without
   * `Optional` and raises `ConfigurationException` when they were never given; this is the message.
   */
  readonly required?: string;
}

/** The `User-Agent` the clients send unless the `headers` setting replaces it. */
export function userAgent(v: PyContext): string {
  return `${v.settings.distributionName}-python/${v.settings.version}`;
}

/** The environment variable of the default `log_level` (`SHELLEV_LOG`). */
export function logLevelVariable(v: PyContext): string {
  return `${envVarPrefix(v.settings.distributionName)}_LOG`;
}

/** The environment variable of the default `validate_responses` (`SHELLEV_VALIDATE_RESPONSES`). */
export function validateVariable(v: PyContext): string {
  return `${envVarPrefix(v.settings.distributionName)}_VALIDATE_RESPONSES`;
}

export function keywords(v: PyContext, imports: PyImports): Keyword[] {
  imports.from('typing', 'Optional').from('typing', 'Sequence').from('._runtime.proxy_settings', 'ProxySettings').module('httpx');
  const fixed: Keyword[] = [
    { name: 'environment', type: 'Environment', fallback: `Environment.${v.name(defaultServer(v))}`, doc: 'The API environment.' },
    { name: 'base_url', type: 'str', fallback: 'None', doc: "Overrides the environment's URL (an absolute URL, with any path prefix)." },
    { name: 'timeout', type: 'float', fallback: 'DEFAULT_TIMEOUT', doc: 'Seconds per attempt and for every wait for credentials (0: none). Default 60.' },
    { name: 'max_retries', type: 'int', fallback: 'DEFAULT_MAX_RETRIES', doc: 'Retries of a failed call. Default 0.' },
    { name: 'backoff_factor', type: 'float', fallback: 'DEFAULT_BACKOFF_FACTOR', doc: 'Seconds; retry n waits up to backoff_factor * 2**n (Retry-After wins). Default 2.' },
    { name: 'retry_statuses', type: 'Sequence[int]', fallback: 'DEFAULT_RETRY_STATUSES', doc: 'HTTP statuses that are retried.' },
    { name: 'retry_methods', type: 'Sequence[str]', fallback: 'DEFAULT_RETRY_METHODS', doc: 'HTTP methods that are retried.' },
    { name: 'proxy_settings', type: 'ProxySettings', fallback: 'None', doc: 'Proxy server for API and token requests.' },
    { name: 'http_client_instance', type: 'httpx.Client', fallback: 'None', doc: 'Your own httpx.Client (connection pool, TLS settings) for the blocking client.' },
    { name: 'async_http_client_instance', type: 'httpx.AsyncClient', fallback: 'None', doc: 'Your own httpx.AsyncClient for the asyncio client.' },
    { name: 'allow_insecure_http', type: 'bool', fallback: 'False', doc: 'Allow credentials over plain http to non-loopback hosts (tests only).' },
    { name: 'headers', type: 'Mapping[str, str]', fallback: 'None', doc: `Headers sent with every request (per-call headers override them); may replace the User-Agent (\`\`${userAgent(v)}\`\`).` },
    { name: 'hooks', type: 'Hooks', fallback: 'None', doc: 'Functions called around every attempt of every call: before_request, after_response, on_error (see Hooks).' },
    { name: 'log_level', type: 'LogLevel', fallback: `parse_log_level(os.environ.get(${pyString(logLevelVariable(v))}))`, doc: `What the SDK logs through the logging module: off, error, warn, info or debug. Default: the ${logLevelVariable(v)} environment variable, else warn.` },
    { name: 'validate_responses', type: 'ResponseValidation', fallback: `parse_validate_responses(os.environ.get(${pyString(validateVariable(v))}))`, doc: `Checks every 2xx JSON body against the API definition: off, warn (logs one warning naming the paths that do not match, returns the data) or strict (raises ResponseValidationException). Default: the ${validateVariable(v)} environment variable, else off.` },
  ];
  imports.from('typing', 'Mapping').from('._runtime.hooks', 'Hooks').from('._runtime.logs', 'LogLevel').from('._runtime.config', 'ResponseValidation');
  if (v.ir.serverVariables.length > 0) {
    fixed.push({ name: 'server_variables', type: 'Mapping[str, str]', fallback: 'None', doc: `Values of the server variables (${v.ir.serverVariables.map((s) => s.name).join(', ')}).` });
  }
  for (const s of implementedSchemes(v)) {
    const { type, doc } = optionOf(s, imports);
    const name = v.name(s.implementation.option);
    const required = requiredByEveryOperation(v.ir.services, s.schemeName)
      ? `${name} is not set; every operation needs it`
      : undefined;
    fixed.push({ name, type, fallback: 'None', doc: [s.description, doc, required === undefined ? undefined : 'Every operation needs them.'].filter((d) => d !== undefined).join('\n\n'), ...(required === undefined ? {} : { required }) });
  }
  return fixed;
}

function defaultServer(v: PyContext) {
  const first = v.ir.servers[0];
  if (first === undefined) throw new Error('unreachable: the IR always has a server');
  return first.name;
}

/** Context of `configuration.py.hbs`. */
export function configurationView(v: PyContext, header: string): Record<string, string> {
  const imports = new PyImports().from('__future__', 'annotations').module('enum').module('os').from('._runtime.servers', 'ServerSpec').from('._runtime.servers', 'client_base_url').from('._runtime.retry', 'RetryPolicy').from('._runtime.config', 'DEFAULT_RETRY');
  // Each member's documentation ends in a newline: the blank line between members.
  const members = v.ir.servers.map((s) => `    ${v.name(s.name)} = ${pyString(v.name(s.name).toLowerCase())}\n${pyAttributeDoc([s.description, `URL: ${s.url}`], 4)}`);
  if (v.ir.servers.some((s) => s.variables.length > 0)) imports.from('._runtime.servers', 'ServerVariable');
  // The dict is written with a trailing comma, so ruff splits it: one entry per line, each laid out.
  const servers = v.ir.servers.map((s) => pyStatement(serverSpecExpr(s.urlTemplate, s.variables, `Environment.${v.name(s.name)}: `), 4, ','));
  const kws = keywords(v, imports);
  for (const k of kws) if (k.fallback.startsWith('DEFAULT_')) imports.from('._runtime.config', k.fallback);
  imports.from('._runtime.logs', 'parse_log_level').from('._runtime.config', 'parse_validate_responses');
  if (kws.some((k) => k.required !== undefined)) imports.from('._runtime.errors', 'ConfigurationException');
  const baseUrlVar = `${envVarPrefix(v.settings.distributionName)}_BASE_URL`;
  const params = kws.map((k) => `${k.name}: Optional[${k.type}] = None`);
  const argsDoc = kws.map((k) => `    ${k.name}: ${k.doc.replace(/\n+/g, ' ')}`);
  const assigns = kws.map((k) => `        self._${k.name} = ${k.name}`);
  const properties = kws.map((k) => {
    const head = `    @property\n    def ${k.name}(self) -> ${k.fallback === 'None' && k.required === undefined ? `Optional[${k.type}]` : k.type}:\n${pyFunctionDocstring([k.doc, k.required === undefined ? undefined : 'Raises:\n    ConfigurationException: when they were never given.'], 8)}`;
    if (k.required !== undefined) return `${head}        if self._${k.name} is None:\n            raise ConfigurationException(${pyString(k.required)})\n        return self._${k.name}\n`;
    if (k.fallback === 'None') return `${head}        return self._${k.name}\n`;
    return `${head}${pyConditional('return ', `self._${k.name}`, `self._${k.name} is not None`, k.fallback, 8, true)}\n`;
  });
  const cloneArgs = kws.map((k) => pyConditional(`${k.name}=`, `self._${k.name}`, `${k.name} is None`, k.name, 12, false, ','));
  // ruff splits a `def` that does not fit; `*` and the keywords as the view lists them.
  const signature = (name: string, returns: string): string => pyStatement(pyDef(`def ${name}(`, ['self', '*', ...params], returns, ':'), 4);
  const hasVariables = v.ir.serverVariables.length > 0;
  const body = `class Environment(str, enum.Enum):
${pyDocstring(['The environments (servers) of the API.'], 4)}
${members.join('\n')}

DEFAULT_ENVIRONMENT = Environment.${v.name(defaultServer(v))}
"""The environment used when none is given."""

_SERVERS = {
${servers.join('\n')}
}


class Configuration:
${pyDocstring([
  'Immutable client configuration; use :meth:`clone_with` to derive a changed copy.',
  `The base URL is \`\`base_url\`\` when given, else the environment's server; when neither \`\`environment\`\` nor \`\`base_url\`\` is given, the \`\`${baseUrlVar}\`\` environment variable overrides the default server (as OpenAI's SDKs read \`\`OPENAI_BASE_URL\`\`).`,
  ['Args:', ...argsDoc].join('\n'),
], 4)}
${signature('__init__', 'None')}
${assigns.join('\n')}

${properties.join('\n')}
    @property
    def resolved_base_url(self) -> str:
        """The URL operations are sent to (see the class docstring)."""
        base_url = self._base_url
        if base_url is None and self._environment is None:
            base_url = os.environ.get(${pyString(baseUrlVar)}) or None
        return client_base_url(
            _SERVERS[self.environment],
            environment=self.environment.value,
            base_url=base_url,${hasVariables ? '\n            server_variables=self._server_variables,' : ''}
        )

    def retry_policy(self) -> RetryPolicy:
        """The retry policy of API calls these settings describe."""
        return DEFAULT_RETRY.with_changes(
            max_retries=self.max_retries,
            backoff_factor=self.backoff_factor,
            statuses=self.retry_statuses,
            methods=self.retry_methods,
        )

${signature('clone_with', 'Configuration')}
        """A copy with the given settings replaced (\`\`None\`\` keeps the current value)."""
        return Configuration(
${cloneArgs.join('\n')}
        )

    def __repr__(self) -> str:
        """The settings that are set; credentials show only their own redacted form, headers only their names."""
        shown = ", ".join(
            f"{name}={(sorted(value) if name == '_headers' else value)!r}"
            for name, value in vars(self).items()
            if value is not None
        )
        return f"Configuration({shown})"
`;
  return { header, docstring: pyDocstring(['Client configuration and environments.']), imports: imports.block(), body };
}

/** `self._http.register_auth(scheme, provider)` in a client's `__init__`, as ruff lays it out. */
function registerAuth(scheme: string, provider: PyExpr): string {
  return pyStatement(pyCall('self._http.register_auth(', [scheme, provider]), 8);
}

type ClientCredentials = NonNullable<Extract<IrSecurityScheme, { kind: 'oauth2' }>['clientCredentials']>;

/**
 * The token URL the manager is given. A server-variable template is expanded with the client's
 * values (and the variables' defaults) like a server URL; a template of other variables is passed
 * as written, and the runtime asks for `o_auth_token_url` when a token is needed (the URL is not
 * absolute). Everything else resolves against the base URL. The same rule as the TypeScript target.
 */
function tokenUrlExpression(v: PyContext, cc: ClientCredentials, imports: PyImports): string {
  const url = pyString(cc.tokenUrl);
  if (cc.tokenUrlSource === 'configuration') return url;
  imports.from('._runtime.url', 'resolve_url');
  if (cc.tokenUrlSource === 'literal') return `resolve_url(${url}, base_url)`;
  imports.from('._runtime.servers', 'ServerSpec').from('._runtime.servers', 'expand_server_url').from('._runtime.servers', 'ServerVariable');
  const used = new Set(templateVariables(cc.tokenUrl));
  const spec = serverSpecLiteral(cc.tokenUrl, v.ir.serverVariables.filter((sv) => used.has(sv.name)));
  return `resolve_url(expand_server_url(${spec}, c.server_variables), base_url)`;
}

/** Context of `items/client.py.hbs`: the blocking client and the asyncio client. */
export function clientView(v: PyContext, header: string): Record<string, string> {
  const imports = new PyImports().from('__future__', 'annotations').module('logging').module('httpx').from('types', 'TracebackType').from('typing', 'Optional').from('typing', 'Type');
  imports.from('.configuration', 'Configuration').from('.configuration', 'Environment');
  imports.from('._runtime.http_client', 'AsyncHttpClient').from('._runtime.http_client', 'HttpClient');
  const client = v.name(v.ir.client);
  const schemes = implementedSchemes(v);
  const kws = keywords(v, imports);

  const loggerName = v.settings.importName;
  imports.from('._runtime.logs', 'LeveledLogger');
  // Credentials every operation needs are read unchecked here (the property raises when unset;
  // a client without them still builds, and its calls say what is missing).
  const given = (option: string): string => (kws.some((k) => k.name === option && k.required !== undefined) ? `c._${option}` : `c.${option}`);

  const classFor = (asyncio: boolean): string => {
    const prefix = asyncio ? 'Async' : '';
    const clientClass = asyncio ? v.derivedName(v.ir.client, 'async') : client;
    const http = asyncio ? 'AsyncHttpClient' : 'HttpClient';
    const lines: string[] = [];
    const members: string[] = [];
    lines.push('        log = LeveledLogger(_LOGGER, c.log_level)');
    lines.push(`        self._http = ${http}(`);
    lines.push('            base_url,');
    lines.push(`            http_client=c.${asyncio ? 'async_http_client_instance' : 'http_client_instance'},`);
    lines.push('            timeout=c.timeout,');
    lines.push('            retry=c.retry_policy(),');
    lines.push(`            headers={"user-agent": ${pyString(userAgent(v))}, **(c.headers or {})},`);
    lines.push('            allow_insecure_http=c.allow_insecure_http,');
    lines.push('            proxy_settings=c.proxy_settings,');
    if (v.ir.serverVariables.length > 0) lines.push('            server_variables=c.server_variables,');
    lines.push('            logger=log,');
    lines.push('            hooks=c.hooks,');
    lines.push('            validator=None if c.validate_responses == "off" else _validator(c.validate_responses, log),');
    lines.push('        )');
    for (const s of schemes) {
      const option = v.name(s.implementation.option);
      const scheme = pyString(s.schemeName);
      switch (s.implementation.kind) {
        case 'clientCredentials': {
          const manager = `${prefix}ClientCredentialsAuthManager`;
          imports.from('._runtime.auth.manager', manager);
          const property = s.kind === 'oauth2' && s.clientCredentials ? v.name(s.clientCredentials.propertyName) : option;
          members.push(`    ${property}: ${manager}\n${pyAttributeDoc([`Token manager of the \`\`${s.schemeName}\`\` scheme: \`\`fetch_token()\`\`, \`\`token\`\`, \`\`clear_token()\`\`.`], 4)}`);
          lines.push(`        self.${property} = ${manager}(`);
          lines.push(`            ${given(option)},`);
          lines.push(`            scheme_name=${scheme},`);
          if (s.kind === 'oauth2' && s.clientCredentials) lines.push(`            token_url=${tokenUrlExpression(v, s.clientCredentials, imports)},`);
          lines.push('            http_client=self._http.httpx_client,');
          lines.push('            timeout=c.timeout,');
          lines.push('            allow_insecure_http=c.allow_insecure_http,');
          lines.push('            logger=log,');
          lines.push('        )');
          lines.push(registerAuth(scheme, `self.${property}`));
          break;
        }
        case 'apiKey': {
          imports.from('._runtime.auth.api_key', 'ApiKeyAuthProvider');
          const where = s.kind === 'apiKey' ? s : undefined;
          lines.push(registerAuth(scheme, pyCall('ApiKeyAuthProvider(', [given(option), `scheme_name=${scheme}`, `location=${pyString(where?.in ?? 'header')}`, `name=${pyString(where?.name ?? '')}`])));
          break;
        }
        case 'basic':
          imports.from('._runtime.auth.http_basic', 'BasicAuthProvider');
          lines.push(`        basic = ${given(option)}`);
          lines.push(registerAuth(scheme, pyCall('BasicAuthProvider(', ['*(basic or (None, None))', `scheme_name=${scheme}`])));
          break;
        case 'bearer':
        case 'tokenSupplier':
          imports.from('._runtime.auth.bearer_token', 'BearerTokenAuthProvider');
          lines.push(registerAuth(scheme, pyCall('BearerTokenAuthProvider(', [given(option), `scheme_name=${scheme}`])));
          break;
      }
    }
    for (const service of v.ir.services) {
      const cls = asyncio ? v.derivedName(service.className, 'async') : v.name(service.className);
      imports.from(`.controllers.${v.name(service.fileName)}`, cls);
      const property = v.name(service.propertyName);
      members.push(`    ${property}: ${cls}\n${pyAttributeDoc([proseOr(service.description, `Operations tagged \`\`${service.tag}\`\`.`)], 4)}`);
      lines.push(`        self.${property} = ${cls}(self._http)`);
    }
    const params = kws.map((k) => `${k.name}: Optional[${k.type}] = None`);
    const passed = kws.map((k) => `${k.name}=${k.name}`);
    // The `def` lines whose parameters may not fit on one line, laid out as ruff lays them out.
    const exitParams = ['self', 'exc_type: Optional[Type[BaseException]]', 'exc: Optional[BaseException]', 'tb: Optional[TracebackType]'];
    const exit = pyStatement(pyDef(asyncio ? 'async def __aexit__(' : 'def __exit__(', exitParams, 'None', ':'), 4);
    const close = asyncio
      ? `    async def aclose(self) -> None:
        """Closes the HTTP connections this client opened (not an \`\`async_http_client_instance\`\` of yours)."""
        await self._http.aclose()

    async def __aenter__(self) -> ${clientClass}:
        return self

${exit}
        await self.aclose()`
      : `    def close(self) -> None:
        """Closes the HTTP connections this client opened (not an \`\`http_client_instance\`\` of yours)."""
        self._http.close()

    def __enter__(self) -> ${client}:
        return self

${exit}
        self.close()`;
    const title = v.ir.info.title ? `Client of the ${v.ir.info.title} API (version ${v.ir.info.version})` : 'Client of the API';
    return `class ${clientClass}:
${pyDocstring([
  asyncio ? `The asyncio counterpart of :class:\`${client}\`: the same configuration and members, with coroutine methods.` : `${title}.`,
  asyncio ? undefined : v.ir.info.description,
  `Pass a :class:\`Configuration\` (\`\`${clientClass}(config)\`\`) and/or its settings as keywords (\`\`${clientClass}(environment=Environment.${v.name(defaultServer(v))})\`\`); keywords override the configuration's values.`,
], 4)}
    config: Configuration
    """The configuration this client was created with."""
${members.join('')}
${pyStatement(pyDef('def __init__(', ['self', 'config: Optional[Configuration] = None', '*', ...params], 'None', ':'), 4)}
        base = config if config is not None else Configuration()
${pyAssignment('self.config', undefined, pyCall('base.clone_with(', passed), 8)}
        c = self.config
        base_url = c.resolved_base_url
${lines.join('\n')}

    @classmethod
${pyStatement(pyDef('def from_environment(', ['cls', 'dotenv_path: Optional[str] = None', '**overrides: Unpack[ClientSettings]'], clientClass, ':'), 4)}
${pyDocstring(['A client configured from environment variables and an optional ``.env`` file (see :func:`settings_from_environment`); keyword ``overrides`` win.'], 8)}        return cls(Configuration(**settings_from_environment(dotenv_path)).clone_with(**overrides))

${close}
`;
  };
  imports.from('typing_extensions', 'Unpack').from('._settings', 'ClientSettings').from('._settings', 'settings_from_environment');
  imports.from('._runtime.config', 'ResponseValidation').from('._runtime.http_client', 'Validator');
  const validator = `def _validator(mode: ResponseValidation, log: LeveledLogger) -> Validator:
${pyDocstring(["Checks 2xx bodies against the API definition's rules (``validate_responses``). The rules and their checker are imported here, on first use, so a client without validation never loads them."], 4)}    from ._validators import validate_response

    return lambda operation_id, data, response: validate_response(mode, log, operation_id, data, response)`;
  const body = `_LOGGER = logging.getLogger(${pyString(loggerName)})\n\n\n${validator}\n\n\n${classFor(false)}\n\n${classFor(true)}`;
  return { header, docstring: pyDocstring([`The ${v.ir.info.title || 'API'} clients: :class:\`${client}\` (blocking) and :class:\`${v.derivedName(v.ir.client, 'async')}\` (asyncio).`]), imports: imports.block(), body };
}
