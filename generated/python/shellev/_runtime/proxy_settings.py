"""Proxy server settings for API and token requests (the reference SDK's ``ProxySettings``)."""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit, urlunsplit

import httpx

from .auth.secret import REDACTED, Secret
from .url import check_url


class ProxySettings:
    """Represents the proxy server configuration for API calls.

    Args:
        address: The proxy server URL, e.g. ``'http://localhost'`` (no user info: pass
            ``username``/``password``).
        port: The port to connect to the proxy server (overrides a port in ``address``).
        username: Username for proxy authentication.
        password: Password for proxy authentication; never printed.

    Raises:
        ConfigurationException: for a relative or user-info ``address``.
    """

    __slots__ = ("address", "port", "username", "_password")

    def __init__(
        self, address: str, port: Optional[int] = None, username: Optional[str] = None, password: Optional[str] = None
    ) -> None:
        """See the class docstring."""
        self.address = check_url(address, "proxy address")
        self.port = port
        self.username = username
        self._password = None if password is None else Secret(password)

    @property
    def password(self) -> Optional[str]:
        """Password for proxy authentication."""
        return None if self._password is None else self._password.get_secret_value()

    def url(self) -> str:
        """The proxy URL with ``port`` applied (no credentials)."""
        parts = urlsplit(self.address)
        if self.port is None:
            return self.address
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        return urlunsplit((parts.scheme, f"{host}:{self.port}", parts.path, parts.query, parts.fragment))

    def to_httpx_proxy(self) -> httpx.Proxy:
        """The ``httpx.Proxy`` for these settings (basic proxy authentication when a username is
        set)."""
        if self.username is None:
            return httpx.Proxy(self.url())
        return httpx.Proxy(self.url(), auth=(self.username, self.password or ""))

    def __repr__(self) -> str:
        """Never the password."""
        shown = None if self._password is None else REDACTED
        return (
            f"ProxySettings(address={self.address!r}, port={self.port!r}, "
            f"username={self.username!r}, password={shown!r})"
        )
