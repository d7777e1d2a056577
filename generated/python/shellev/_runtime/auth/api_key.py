"""OpenAPI ``apiKey`` security schemes: a key sent in a header, a query parameter or a cookie."""

from __future__ import annotations

import re
from typing import Awaitable, Callable, Optional, Union

from .._effects import Call, Plan, just, remaining
from ..serialize import encode_strict
from .provider import NEEDS_IO, AuthTarget
from .secret import REDACTED, Secret, check_credential

#: An API key, or a callable returning one (called before every request that needs it; it may be
#: a coroutine function with the asynchronous client).
ApiKeyValue = Union[str, Callable[[], Union[str, Awaitable[str]]]]

_COOKIE_OCTETS = re.compile(r"^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$")


def cookie_value(value: str) -> str:
    """RFC 6265 cookie-octets pass unchanged (base64 keys stay intact); others are encoded."""
    return value if _COOKIE_OCTETS.match(value) else encode_strict(value)


class ApiKeyAuthProvider:
    """Sets an API key on each request: as a header, a query parameter (percent-encoded) or a
    cookie.

    Args:
        value: The key or a supplier; ``None`` leaves the scheme unconfigured.
        scheme_name: The security scheme's name in the API definition, for messages.
        location: ``'header'``, ``'query'`` or ``'cookie'``.
        name: Header, query parameter or cookie name.
    """

    def __init__(self, value: Optional[ApiKeyValue], *, scheme_name: str, location: str, name: str) -> None:
        """See the class docstring."""
        if location not in ("header", "query", "cookie"):
            raise ValueError(f"Unknown API key location {location!r}")
        self._value: Union[Secret, Callable[[], Union[str, Awaitable[str]]], None] = (
            Secret(value) if isinstance(value, str) else value
        )
        self._scheme_name = scheme_name
        self._location = location
        self._name = name.lower() if location == "header" else name

    @property
    def scheme_name(self) -> str:
        """The security scheme this provider serves."""
        return self._scheme_name

    def is_configured(self) -> bool:
        """True when a key (or a supplier) was given."""
        return self._value is not None

    def _set(self, target: AuthTarget, key: str) -> None:
        check_credential(key, self._scheme_name)
        if self._location == "header":
            target.headers[self._name] = key
        elif self._location == "query":
            target.add_query(f"{encode_strict(self._name)}={encode_strict(key)}")
        else:
            target.add_cookie(f"{self._name}={cookie_value(key)}")

    def apply_cached(self, target: AuthTarget) -> object:
        """A static key is set at once; a supplier needs ``apply``."""
        value = self._value
        if isinstance(value, Secret):
            self._set(target, value.get_secret_value())
            return None
        return NEEDS_IO if value is not None else None

    def apply(self, target: AuthTarget) -> Plan[object]:
        """Plan: calls the supplier (under the call's deadline) and sets the key."""
        value = self._value
        if callable(value):
            key = yield Call(value, (), remaining(target.deadline), f"the API key supplier for {self._scheme_name}")
            self._set(target, key if isinstance(key, str) else check_credential(key, self._scheme_name))
        return None

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Plan[bool]:
        """API keys are not renewed: a 401 is final."""
        return just(False)

    def __repr__(self) -> str:
        """Location and name, never the key."""
        shown = None if self._value is None else (REDACTED if isinstance(self._value, Secret) else "<function>")
        return (
            f"ApiKeyAuthProvider(scheme_name={self._scheme_name!r}, location={self._location!r}, "
            f"name={self._name!r}, value={shown!r})"
        )
