"""OpenAPI ``http`` security schemes with ``scheme: basic`` (RFC 7617)."""

from __future__ import annotations

import base64
from typing import Optional

from .._effects import Plan, just
from ..errors import ConfigurationException
from .provider import AuthTarget
from .secret import REDACTED, Secret, check_credential


def basic_credentials(username: str, password: str) -> str:
    """``base64(utf8(username:password))`` (RFC 7617 with ``charset=UTF-8``)."""
    return base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


class BasicAuthProvider:
    """Sends ``Authorization: Basic …``.

    Args:
        username: User name (``None`` leaves the scheme unconfigured); may not contain ``:``.
        password: Password; never printed.
        scheme_name: The security scheme's name in the API definition, for messages.
    """

    def __init__(self, username: Optional[str], password: Optional[str], *, scheme_name: str) -> None:
        """See the class docstring."""
        self._username = username
        self._password = None if password is None else Secret(password)
        self._scheme_name = scheme_name
        self._header: Optional[str] = None

    @property
    def scheme_name(self) -> str:
        """The security scheme this provider serves."""
        return self._scheme_name

    @property
    def username(self) -> Optional[str]:
        """The user name."""
        return self._username

    def is_configured(self) -> bool:
        """True when a user name and a password were given."""
        return self._username is not None and self._password is not None

    def apply_cached(self, target: AuthTarget) -> object:
        """Sets the header (computed once)."""
        header = self._header
        if header is None:
            if self._username is None or self._password is None:
                return None
            if ":" in self._username:
                # RFC 7617 §2: the user-id cannot contain a colon; the server would split it wrongly.
                raise ConfigurationException(f"The user name for {self._scheme_name} contains ':'")
            password = check_credential(self._password.get_secret_value(), self._scheme_name)
            header = "Basic " + basic_credentials(self._username, password)
            self._header = header
        target.headers["authorization"] = header
        return None

    def apply(self, target: AuthTarget) -> Plan[object]:
        """Same as ``apply_cached`` (no I/O)."""
        return just(self.apply_cached(target))

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Plan[bool]:
        """Static credentials are not renewed: a 401 is final."""
        return just(False)

    def __repr__(self) -> str:
        """The user name, never the password."""
        shown = None if self._password is None else REDACTED
        return f"BasicAuthProvider(scheme_name={self._scheme_name!r}, username={self._username!r}, password={shown!r})"
