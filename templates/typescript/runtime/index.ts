/**
 * The runtime barrel: everything generated code and SDK users import from the runtime.
 * Generated modules import from here only (never from the files behind it).
 */
export {
  ApiException,
  ConfigurationException,
  NetworkException,
  OAuthProviderException,
  ResponseParseException,
  SdkException,
  TimeoutException,
} from './errors.js';
export type {
  ApiExceptionClass,
  ApiExceptionInit,
  OAuthErrorCode,
  OAuthProviderExceptionInit,
} from './errors.js';
export type {
  BodySpec,
  ErrorClassMap,
  HttpMethod,
  OperationRequest,
  ParamLocation,
  ParamSpec,
  ParamStyle,
  RequestOptions,
  ResponseKind,
  RetryOptions,
  SecurityRequirement,
} from './operation.js';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, DEFAULT_TOKEN_RETRY } from './config.js';
export { HttpClient, resolveUrl } from './http-client.js';
export type { HttpClientOptions } from './http-client.js';
export type { FetchLike } from './transport.js';
export type { AuthHeaders, AuthProvider, AuthTarget } from './auth/auth-provider.js';
export { ClientCredentialsAuthManager } from './auth/client-credentials-manager.js';
export type { ClientCredentialsAuthManagerOptions } from './auth/client-credentials-manager.js';
export { ClientCredentialsAuthCredentials } from './auth/client-credentials.js';
export type {
  ClientCredentialsAuthCredentialsOptions,
  OAuthTokenProvider,
  OAuthTokenUpdateCallback,
  TokenEndpointAuthMethod,
} from './auth/client-credentials.js';
export type { OAuthToken } from './auth/oauth-token.js';
export { MemoryTokenStore } from './auth/token-store.js';
export type { TokenStore } from './auth/token-store.js';
export { ApiKeyAuthProvider } from './auth/api-key.js';
export type { ApiKeyAuthProviderOptions, ApiKeyValue } from './auth/api-key.js';
export { BasicAuthProvider } from './auth/http-basic.js';
export type { BasicAuthCredentials } from './auth/http-basic.js';
export { BearerTokenAuthProvider } from './auth/bearer-token.js';
export type { BearerToken, TokenSupplier, TokenSupplierContext } from './auth/bearer-token.js';
export { redactOptions } from './auth/secret-value.js';
export { clientBaseUrl, expandServerUrl } from './servers.js';
export type { ServerSpec, ServerVariableSpec, ServerVariableValues } from './servers.js';
