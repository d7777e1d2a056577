"""The SDK runtime: HTTP execution, parameter serialization, bodies, errors, retries and auth.

Generated code imports what it needs from the submodules (``from ._runtime.http_client import
HttpClient`` …) or from here. This package has no reference to the SDK's own name and uses
relative imports only, so it is copied verbatim into every generated package as ``_runtime``.
Runtime dependencies: ``httpx`` and ``pydantic`` (v2); ``python-dotenv`` optionally.

Two modules ship only to SDKs whose API uses them, so nothing here imports them: ``pagination``
(operations marked as paginated) and ``request_ids`` (header parameters of ``format: uuid``).
"""

from __future__ import annotations

from .auth.api_key import ApiKeyAuthProvider
from .auth.bearer_token import BearerTokenAuthProvider, TokenSupplierContext
from .auth.credentials import ClientCredentialsAuthCredentials
from .auth.file_token_store import FileTokenStore
from .auth.http_basic import BasicAuthProvider
from .auth.manager import AsyncClientCredentialsAuthManager, ClientCredentialsAuthManager
from .auth.oauth_token import OAuthToken
from .auth.secret import Secret
from .auth.token_store import (
    DEFAULT_TOKEN_STORE,
    AsyncLockingTokenStore,
    AsyncTokenStore,
    AsyncTokenStoreLock,
    LockingTokenStore,
    MemoryTokenStore,
    TokenStore,
    TokenStoreLock,
)
from .bodies import EncodedBody, binary_body, form_body, json_body, multipart_body, text_body
from .config import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_MAX_RETRIES,
    DEFAULT_RETRY,
    DEFAULT_RETRY_METHODS,
    DEFAULT_RETRY_STATUSES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOKEN_RETRY,
)
from .env import EnvSettings, load_env_settings
from .error_text import server_error_text
from .errors import (
    APIException,
    ConfigurationException,
    HookException,
    NetworkException,
    OAuthProviderErrorEnum,
    OAuthProviderException,
    ResponseParseException,
    ResponseValidationException,
    SdkException,
    TimeoutException,
    Violation,
)
from .hooks import HookRequest, Hooks
from .http_client import AsyncHttpClient, HttpClient
from .logs import LeveledLogger, LogLevel
from .operation import Operation, RequestOptions
from .proxy_settings import ProxySettings
from .response import APIResponse, async_to_raw_response_wrapper, to_raw_response_wrapper
from .retry import RetryPolicy
from .serialize import EMPTY, ParamSpec
from .servers import ServerSpec, ServerVariable, client_base_url, expand_server_url, operation_base_url
from .url import resolve_url

__all__ = [
    "DEFAULT_BACKOFF_FACTOR",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_RETRY",
    "DEFAULT_RETRY_METHODS",
    "DEFAULT_RETRY_STATUSES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOKEN_RETRY",
    "DEFAULT_TOKEN_STORE",
    "EMPTY",
    "APIException",
    "APIResponse",
    "ApiKeyAuthProvider",
    "AsyncClientCredentialsAuthManager",
    "AsyncHttpClient",
    "AsyncLockingTokenStore",
    "AsyncTokenStore",
    "AsyncTokenStoreLock",
    "BasicAuthProvider",
    "BearerTokenAuthProvider",
    "ClientCredentialsAuthCredentials",
    "ClientCredentialsAuthManager",
    "ConfigurationException",
    "EncodedBody",
    "EnvSettings",
    "FileTokenStore",
    "HookException",
    "HookRequest",
    "Hooks",
    "HttpClient",
    "LeveledLogger",
    "LogLevel",
    "LockingTokenStore",
    "MemoryTokenStore",
    "NetworkException",
    "OAuthProviderErrorEnum",
    "OAuthProviderException",
    "OAuthToken",
    "Operation",
    "ParamSpec",
    "ProxySettings",
    "RequestOptions",
    "ResponseParseException",
    "ResponseValidationException",
    "RetryPolicy",
    "SdkException",
    "Secret",
    "ServerSpec",
    "ServerVariable",
    "TimeoutException",
    "TokenStore",
    "TokenStoreLock",
    "TokenSupplierContext",
    "Violation",
    "async_to_raw_response_wrapper",
    "binary_body",
    "client_base_url",
    "expand_server_url",
    "form_body",
    "json_body",
    "load_env_settings",
    "multipart_body",
    "operation_base_url",
    "resolve_url",
    "server_error_text",
    "text_body",
    "to_raw_response_wrapper",
]
