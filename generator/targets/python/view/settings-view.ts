/**
 * The view of `<package>/_settings.py`: the clients' keyword settings as a `TypedDict` (so
 * `from_environment(**overrides)` is typed), and `settings_from_environment`, which reads them
 * from environment variables and an optional `.env` file, as the reference SDK's
 * environment-based initialization describes (`ENVIRONMENT`, `TIMEOUT`, `O_AUTH_CLIENT_ID` …;
 * each may also be given with the package's prefix, which wins: `SHELLEV_TIMEOUT`).
 */
import { envVarPrefix } from '../../../naming/env';
import { upperSnakeWords } from '../../../naming';
import { pyDocstring, pyString } from '../../../render/escape';
import { implementedSchemes, keywords } from './client-view';
import type { PyContext } from './context';
import { PyImports } from './imports';
import { pyAssignment, pyCall } from './py-layout';

export function settingsView(v: PyContext, header: string): Record<string, string> {
  const imports = new PyImports()
    .from('__future__', 'annotations')
    .from('typing', 'Optional')
    .from('typing_extensions', 'TypedDict')
    .from('.configuration', 'Environment')
    .from('._runtime.env', 'EnvSettings')
    .from('._runtime.env', 'load_env_settings')
    .from('._runtime.errors', 'ConfigurationException')
    .from('._runtime.proxy_settings', 'ProxySettings');
  const prefix = envVarPrefix(v.settings.distributionName);
  const fields = keywords(v, imports).map((k) => `    ${k.name}: ${k.type}`);
  const reads: string[] = [];
  const schemes = implementedSchemes(v);
  const perKind = new Map<string, number>();
  for (const s of schemes) perKind.set(s.implementation.kind, (perKind.get(s.implementation.kind) ?? 0) + 1);
  for (const s of schemes) {
    const option = v.name(s.implementation.option);
    const only = perKind.get(s.implementation.kind) === 1;
    const varPrefix = only ? '' : `${upperSnakeWords(option)}_`;
    switch (s.implementation.kind) {
      case 'clientCredentials': {
        imports.from('._runtime.auth.credentials', 'ClientCredentialsAuthCredentials');
        const id = `${varPrefix}O_AUTH_CLIENT_ID`;
        const secret = `${varPrefix}O_AUTH_CLIENT_SECRET`;
        const skew = `${varPrefix}O_AUTH_CLOCK_SKEW`;
        const scopes = `${varPrefix}O_AUTH_SCOPES`;
        reads.push(`    client_id = _text(env, ${pyString(id)})
    client_secret = _text(env, ${pyString(secret)})
    clock_skew = _number(env, ${pyString(skew)})
    scopes = _names(env, ${pyString(scopes)})
    if client_id is not None or client_secret is not None:
${pyAssignment(`settings[${pyString(option)}]`, undefined, pyCall('ClientCredentialsAuthCredentials(', ['o_auth_client_id=client_id', 'o_auth_client_secret=client_secret', 'o_auth_clock_skew=clock_skew', 'o_auth_scopes=scopes']), 8)}`);
        break;
      }
      case 'basic': {
        const user = `${varPrefix || `${upperSnakeWords(option)}_`}USERNAME`;
        const password = `${varPrefix || `${upperSnakeWords(option)}_`}PASSWORD`;
        reads.push(`    username = _text(env, ${pyString(user)})
    password = _text(env, ${pyString(password)})
    if username is not None and password is not None:
        settings[${pyString(option)}] = (username, password)`);
        break;
      }
      default: {
        const name = upperSnakeWords(option);
        reads.push(`    ${option} = _text(env, ${pyString(name)})
    if ${option} is not None:
        settings[${pyString(option)}] = ${option}`);
      }
    }
  }
  const hasVariables = v.ir.serverVariables.length > 0;
  const body = `class ClientSettings(TypedDict, total=False):
${pyDocstring(["The clients' keyword settings (all optional); see :class:`Configuration` for each."], 4)}
${fields.join('\n')}


_PREFIX = ${pyString(`${prefix}_`)}


def _text(env: EnvSettings, name: str) -> Optional[str]:
    """The variable with the package's prefix, else without it."""
    found = env.get_str(_PREFIX + name)
    return found if found is not None else env.get_str(name)


def _number(env: EnvSettings, name: str) -> Optional[float]:
    return env.get_float(_PREFIX + name) if env.get_str(_PREFIX + name) is not None else env.get_float(name)


def _whole(env: EnvSettings, name: str) -> Optional[int]:
    return env.get_int(_PREFIX + name) if env.get_str(_PREFIX + name) is not None else env.get_int(name)


def _flag(env: EnvSettings, name: str) -> Optional[bool]:
    return env.get_bool(_PREFIX + name) if env.get_str(_PREFIX + name) is not None else env.get_bool(name)


def _names(env: EnvSettings, name: str) -> Optional[list[str]]:
    return env.get_list(_PREFIX + name) if env.get_str(_PREFIX + name) is not None else env.get_list(name)


def _statuses(env: EnvSettings, name: str) -> Optional[list[int]]:
    return env.get_int_list(_PREFIX + name) if env.get_str(_PREFIX + name) is not None else env.get_int_list(name)


def settings_from_environment(dotenv_path: Optional[str] = None) -> ClientSettings:
${pyDocstring([
  `The settings given by environment variables, plus those of the \`\`.env\`\` file at \`\`dotenv_path\`\` (or \`\`./.env\`\`; reading a file needs the \`\`dotenv\`\` extra). Each variable may carry the prefix \`\`${prefix}_\`\`, which wins: \`\`ENVIRONMENT\`\`, \`\`BASE_URL\`\`, \`\`TIMEOUT\`\`, \`\`MAX_RETRIES\`\`, \`\`BACKOFF_FACTOR\`\`, \`\`RETRY_STATUSES\`\`, \`\`RETRY_METHODS\`\` (comma-separated), \`\`PROXY_ADDRESS\`\`, \`\`PROXY_PORT\`\`, \`\`PROXY_USERNAME\`\`, \`\`PROXY_PASSWORD\`\`, \`\`ALLOW_INSECURE_HTTP\`\`, and the credentials of each security scheme (\`\`O_AUTH_CLIENT_ID\`\`, \`\`O_AUTH_CLIENT_SECRET\`\`, \`\`O_AUTH_CLOCK_SKEW\`\`, \`\`O_AUTH_SCOPES\`\` for client credentials).`,
  'Raises:\n    ConfigurationException: naming a variable whose value does not parse (never the value).',
], 4)}    env = load_env_settings("", dotenv_path)
    settings: ClientSettings = {}
    environment = _text(env, "ENVIRONMENT")
    if environment is not None:
        try:
            settings["environment"] = Environment(environment.lower())
        except ValueError:
            known = ", ".join(e.value for e in Environment)
            raise ConfigurationException(f"Environment variable ENVIRONMENT must be one of: {known}") from None
    base_url = _text(env, "BASE_URL")
    if base_url is not None:
        settings["base_url"] = base_url
    timeout = _number(env, "TIMEOUT")
    if timeout is not None:
        settings["timeout"] = timeout
    max_retries = _whole(env, "MAX_RETRIES")
    if max_retries is not None:
        settings["max_retries"] = max_retries
    backoff_factor = _number(env, "BACKOFF_FACTOR")
    if backoff_factor is not None:
        settings["backoff_factor"] = backoff_factor
    retry_statuses = _statuses(env, "RETRY_STATUSES")
    if retry_statuses is not None:
        settings["retry_statuses"] = retry_statuses
    retry_methods = _names(env, "RETRY_METHODS")
    if retry_methods is not None:
        settings["retry_methods"] = [method.upper() for method in retry_methods]
    proxy_address = _text(env, "PROXY_ADDRESS")
    if proxy_address is not None:
        port = _whole(env, "PROXY_PORT")
        settings["proxy_settings"] = ProxySettings(
            proxy_address, port=port, username=_text(env, "PROXY_USERNAME"), password=_text(env, "PROXY_PASSWORD")
        )
    allow_insecure_http = _flag(env, "ALLOW_INSECURE_HTTP")
    if allow_insecure_http is not None:
        settings["allow_insecure_http"] = allow_insecure_http
${reads.join('\n')}${hasVariables ? '' : ''}
    return settings
`;
  return { header, docstring: pyDocstring(['Client settings as keywords, and from environment variables.']), imports: imports.block(), body };
}
