"""Bearer tokens the user provides: OpenAPI ``http`` ``bearer`` schemes, and ``oauth2`` (flows
other than client credentials) and ``openIdConnect`` schemes, whose tokens the application
obtains itself (a login flow, a secrets service) and hands to the SDK, statically or through a
supplier."""

from __future__ import annotations

from typing import Awaitable, Callable, NamedTuple, Optional, Tuple, Union

from .._effects import Call, Plan, just, remaining
from .provider import NEEDS_IO, AuthTarget
from .secret import REDACTED, Secret, check_credential


class TokenSupplierContext(NamedTuple):
    """What a token supplier is told about the request it supplies a token for."""

    #: Scopes the operation requires for this scheme (empty when it names none).
    scopes: Tuple[str, ...]
    #: True when the previous token was just rejected with 401: return a new one, not a cached
    #: one (the request is replayed once with it).
    force_refresh: bool


#: Returns the access token to send; called before every request that needs the scheme (cache
#: tokens yourself, and renew them when ``force_refresh`` is true). May be a coroutine function
#: with the asynchronous client.
TokenSupplier = Callable[[TokenSupplierContext], Union[str, Awaitable[str]]]


class BearerTokenAuthProvider:
    """Sends ``Authorization: Bearer <token>``. With a supplier, a 401 calls it once more with
    ``force_refresh=True`` and the request is replayed once; a static token is never replayed.

    Args:
        token: The token or a supplier; ``None`` leaves the scheme unconfigured.
        scheme_name: The security scheme's name in the API definition, for messages.
    """

    def __init__(self, token: Union[str, TokenSupplier, None], *, scheme_name: str) -> None:
        """See the class docstring."""
        self._token: Union[Secret, TokenSupplier, None] = Secret(token) if isinstance(token, str) else token
        self._scheme_name = scheme_name

    @property
    def scheme_name(self) -> str:
        """The security scheme this provider serves."""
        return self._scheme_name

    def is_configured(self) -> bool:
        """True when a token or a supplier was given."""
        return self._token is not None

    def apply_cached(self, target: AuthTarget) -> object:
        """A static token is set at once (receipt ``False``: not replayable); a supplier needs
        ``apply``."""
        token = self._token
        if isinstance(token, Secret):
            target.headers["authorization"] = "Bearer " + check_credential(token.get_secret_value(), self._scheme_name)
            return False
        return NEEDS_IO if token is not None else False

    def apply(self, target: AuthTarget) -> Plan[object]:
        """Plan: calls the supplier (under the call's deadline) and sets the header; the receipt
        ``True`` marks a supplied (renewable) token."""
        supplier = self._token
        if not callable(supplier):
            return self.apply_cached(target)
        context = TokenSupplierContext(tuple(target.scopes), target.after_unauthorized)
        value = yield Call(
            supplier, (context,), remaining(target.deadline), f"the token supplier for {self._scheme_name}"
        )
        target.headers["authorization"] = "Bearer " + check_credential(value, self._scheme_name)
        return True

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Plan[bool]:
        """Replay (with ``force_refresh``) only for a supplied token."""
        return just(receipt is True)

    def __repr__(self) -> str:
        """Never the token."""
        shown = None if self._token is None else (REDACTED if isinstance(self._token, Secret) else "<function>")
        return f"BearerTokenAuthProvider(scheme_name={self._scheme_name!r}, token={shown!r})"
