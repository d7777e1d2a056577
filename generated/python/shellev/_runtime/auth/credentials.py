"""The user-facing OAuth 2.0 client-credentials settings. Immutable; change with ``clone_with``.

The client secret is held in a :class:`.secret.Secret` and the tokens' secrets are hidden from
``repr``, so printing or logging credentials (or a configuration holding them) never shows them.
Pickling credentials keeps the secret (so they can be handed to worker processes): that is the
user's explicit choice, the SDK never pickles or stores them itself.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Awaitable, Callable, Dict, Mapping, Optional, Sequence, Tuple, Union

from ..url import check_url
from .oauth_token import OAuthToken
from .secret import REDACTED, Secret

if TYPE_CHECKING:
    from .token_store import AsyncTokenStore, TokenStore

#: Default ``o_auth_clock_skew``, seconds.
DEFAULT_CLOCK_SKEW = 60.0

#: How the client authenticates at the token endpoint (RFC 6749 §2.3.1).
TOKEN_ENDPOINT_AUTH_METHODS = ("client_secret_basic", "client_secret_post")

#: Replaces the built-in token request: ``(last_token, auth_manager) -> OAuthToken`` (or an
#: awaitable of one, with the asynchronous client).
OAuthTokenProvider = Callable[[Optional[OAuthToken], object], Union[OAuthToken, Awaitable[OAuthToken]]]

#: Called with every newly obtained token (fetched or provided), e.g. to persist it.
OAuthTokenUpdateCallback = Callable[[OAuthToken], Union[Awaitable[None], None]]

_FIELDS = (
    "o_auth_client_id",
    "o_auth_client_secret",
    "o_auth_token",
    "o_auth_scopes",
    "o_auth_clock_skew",
    "o_auth_refresh_ahead",
    "o_auth_token_url",
    "o_auth_token_provider",
    "o_auth_on_token_update",
    "token_store",
    "token_endpoint_auth_method",
    "token_request_params",
)


class ClientCredentialsAuthCredentials:
    """OAuth 2.0 client-credentials settings for one security scheme.

    Args:
        o_auth_client_id: OAuth 2 client ID.
        o_auth_client_secret: OAuth 2 client secret. Never logged, printed or stored by the SDK.
        o_auth_token: A previously obtained token (an :class:`OAuthToken`, or its ``to_dict()``
            form, e.g. loaded from your database); used before any token request.
        o_auth_scopes: Scopes to request (sent space-separated as ``scope``).
        o_auth_clock_skew: Seconds before ``expiry`` at which a token counts as expired (default
            60). Capped at half the token's lifetime, so short-lived tokens stay usable.
        o_auth_refresh_ahead: Refresh-ahead window before the (skew-adjusted) expiry, during
            which calls still use the current token while one background refresh runs. A value
            in (0, 1) is a fraction of the token's lifetime, a value ≥ 1 is seconds, 0 disables.
            Default: 10 % of the lifetime, at most 300 s. Tokens without ``expires_in`` get none.
        o_auth_token_url: Absolute token endpoint URL, overriding the API definition's.
        o_auth_token_provider: Replaces the built-in token request (single flight and storage
            still apply): ``(last_token, auth_manager) -> OAuthToken``.
        o_auth_on_token_update: Called with every new token.
        token_store: Where tokens are cached (default: one in-memory store per process).
        token_endpoint_auth_method: ``'client_secret_basic'`` (default) or
            ``'client_secret_post'``.
        token_request_params: Extra form parameters for every token request, e.g.
            ``{'audience': '…'}``.

    Raises:
        ValueError: for an unusable ``o_auth_token``, a negative clock skew or an unknown
            authentication method.
        ConfigurationException: for a token URL that is relative or has user info.
    """

    __slots__ = (
        "_o_auth_client_id",
        "_o_auth_client_secret",
        "_o_auth_token",
        "_o_auth_scopes",
        "_o_auth_clock_skew",
        "_o_auth_refresh_ahead",
        "_o_auth_token_url",
        "_o_auth_token_provider",
        "_o_auth_on_token_update",
        "_token_store",
        "_token_endpoint_auth_method",
        "_token_request_params",
    )
    _o_auth_client_id: Optional[str]
    _o_auth_client_secret: Optional[Secret]
    _o_auth_token: Optional[OAuthToken]
    _o_auth_scopes: Optional[Tuple[str, ...]]
    _o_auth_clock_skew: Optional[float]
    _o_auth_refresh_ahead: Optional[float]
    _o_auth_token_url: Optional[str]
    _o_auth_token_provider: Optional[OAuthTokenProvider]
    _o_auth_on_token_update: Optional[OAuthTokenUpdateCallback]
    _token_store: Union[TokenStore, AsyncTokenStore, None]
    _token_endpoint_auth_method: str
    _token_request_params: Optional[Dict[str, str]]

    def __init__(
        self,
        o_auth_client_id: Optional[str] = None,
        o_auth_client_secret: Optional[str] = None,
        o_auth_token: Union[OAuthToken, Mapping[str, object], None] = None,
        *,
        o_auth_scopes: Optional[Sequence[str]] = None,
        o_auth_clock_skew: Optional[float] = None,
        o_auth_refresh_ahead: Optional[float] = None,
        o_auth_token_url: Optional[str] = None,
        o_auth_token_provider: Optional[OAuthTokenProvider] = None,
        o_auth_on_token_update: Optional[OAuthTokenUpdateCallback] = None,
        token_store: Union[TokenStore, AsyncTokenStore, None] = None,
        token_endpoint_auth_method: str = "client_secret_basic",
        token_request_params: Optional[Mapping[str, str]] = None,
    ) -> None:
        """See the class docstring."""
        token: Optional[OAuthToken] = None
        if o_auth_token is not None:
            token = OAuthToken.parse(o_auth_token)
            if token is None:
                raise ValueError(
                    "o_auth_token must be an OAuthToken (or its to_dict() form) with a non-empty "
                    "access_token of visible ASCII characters"
                )
        if o_auth_clock_skew is not None and (
            isinstance(o_auth_clock_skew, bool) or not o_auth_clock_skew >= 0 or not math.isfinite(o_auth_clock_skew)
        ):
            raise ValueError("o_auth_clock_skew must be a number of seconds >= 0")
        if token_endpoint_auth_method not in TOKEN_ENDPOINT_AUTH_METHODS:
            raise ValueError(f"token_endpoint_auth_method must be one of {', '.join(TOKEN_ENDPOINT_AUTH_METHODS)}")
        if isinstance(o_auth_scopes, str):
            o_auth_scopes = o_auth_scopes.split()
        if o_auth_token_url is not None:
            check_url(o_auth_token_url, "o_auth_token_url")
        values: Dict[str, object] = {
            "o_auth_client_id": o_auth_client_id,
            "o_auth_client_secret": None if o_auth_client_secret is None else Secret(o_auth_client_secret),
            "o_auth_token": token,
            "o_auth_scopes": None if o_auth_scopes is None else tuple(o_auth_scopes),
            "o_auth_clock_skew": o_auth_clock_skew,
            "o_auth_refresh_ahead": o_auth_refresh_ahead,
            "o_auth_token_url": o_auth_token_url,
            "o_auth_token_provider": o_auth_token_provider,
            "o_auth_on_token_update": o_auth_on_token_update,
            "token_store": token_store,
            "token_endpoint_auth_method": token_endpoint_auth_method,
            "token_request_params": None if token_request_params is None else dict(token_request_params),
        }
        for name, value in values.items():
            object.__setattr__(self, "_" + name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("ClientCredentialsAuthCredentials is immutable; use clone_with(...)")

    @property
    def o_auth_client_id(self) -> Optional[str]:
        """OAuth 2 client ID."""
        return self._o_auth_client_id

    @property
    def o_auth_client_secret(self) -> Optional[str]:
        """OAuth 2 client secret."""
        secret = self._o_auth_client_secret
        return None if secret is None else secret.get_secret_value()

    @property
    def o_auth_token(self) -> Optional[OAuthToken]:
        """The token given at construction (the live one is the auth manager's ``token``)."""
        return self._o_auth_token

    @property
    def o_auth_scopes(self) -> Optional[Tuple[str, ...]]:
        """Scopes requested."""
        return self._o_auth_scopes

    @property
    def o_auth_clock_skew(self) -> float:
        """Clock skew in seconds (default 60)."""
        skew = self._o_auth_clock_skew
        return DEFAULT_CLOCK_SKEW if skew is None else float(skew)

    @property
    def o_auth_refresh_ahead(self) -> Optional[float]:
        """Refresh-ahead setting as given (``None``: the default; see the class docstring)."""
        return self._o_auth_refresh_ahead

    @property
    def o_auth_token_url(self) -> Optional[str]:
        """Token endpoint override."""
        return self._o_auth_token_url

    @property
    def o_auth_token_provider(self) -> Optional[OAuthTokenProvider]:
        """Custom token provider."""
        return self._o_auth_token_provider

    @property
    def o_auth_on_token_update(self) -> Optional[OAuthTokenUpdateCallback]:
        """Token update callback."""
        return self._o_auth_on_token_update

    @property
    def token_store(self) -> Union[TokenStore, AsyncTokenStore, None]:
        """Token store (``None``: the process-wide memory store)."""
        return self._token_store

    @property
    def token_endpoint_auth_method(self) -> str:
        """Token endpoint client authentication (default ``client_secret_basic``)."""
        return self._token_endpoint_auth_method

    @property
    def token_request_params(self) -> Optional[Dict[str, str]]:
        """Extra token request parameters (a copy)."""
        params = self._token_request_params
        return None if params is None else dict(params)

    def _options(self) -> Dict[str, object]:
        out: Dict[str, object] = {name: getattr(self, "_" + name) for name in _FIELDS}
        secret = out["o_auth_client_secret"]
        out["o_auth_client_secret"] = secret.get_secret_value() if isinstance(secret, Secret) else None
        return out

    def clone_with(self, **changes: object) -> ClientCredentialsAuthCredentials:
        """A copy with some options replaced, e.g. ``creds.clone_with(o_auth_token=stored)``.

        As in the reference SDK, an option passed as ``None`` keeps its current value.

        Raises:
            TypeError: for an unknown option name.
        """
        unknown = sorted(set(changes) - set(_FIELDS))
        if unknown:
            raise TypeError(f"Unknown option(s) for ClientCredentialsAuthCredentials: {', '.join(unknown)}")
        options = self._options()
        for name, value in changes.items():
            if value is not None:
                options[name] = value
        return _rebuild(options)

    def __reduce__(
        self,
    ) -> Tuple[Callable[[Dict[str, object]], ClientCredentialsAuthCredentials], Tuple[Dict[str, object]]]:
        """Pickles the options (including the secret: see the module docstring)."""
        return (_rebuild, (self._options(),))

    def __repr__(self) -> str:
        """Every option, with the secret and tokens redacted and callables named only."""
        parts = []
        for name in _FIELDS:
            value = getattr(self, "_" + name)
            if value is None:
                continue
            if name == "o_auth_client_secret":
                shown = REDACTED
            elif callable(value):
                shown = "<function>"
            elif name == "token_store":
                shown = type(value).__name__
            else:
                shown = repr(value)
            parts.append(f"{name}={shown}")
        return f"ClientCredentialsAuthCredentials({', '.join(parts)})"

    def __str__(self) -> str:
        """Identifies the client without secrets."""
        return f"ClientCredentialsAuthCredentials(o_auth_client_id={self.o_auth_client_id or '<none>'})"


def _rebuild(options: Dict[str, object]) -> ClientCredentialsAuthCredentials:
    return ClientCredentialsAuthCredentials(**options)  # type: ignore[arg-type]
