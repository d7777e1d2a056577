"""Server URLs from the API definition: ``{variable}`` substitution (defaults, user values,
enums), and the check that the URL requests go to is absolute."""

from __future__ import annotations

import re
from typing import Mapping, NamedTuple, Optional, Sequence, Tuple
from urllib.parse import urljoin

from .errors import ConfigurationException
from .url import check_url

_VARIABLE = re.compile(r"\{([^{}]*)\}")
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class ServerVariable(NamedTuple):
    """One server variable: its default and, when restricted, the allowed values."""

    default: str
    enum: Tuple[str, ...] = ()


class ServerSpec(NamedTuple):
    """A server of the API definition: URL template (may contain ``{variables}``, may be
    relative) and its variables."""

    url: str
    variables: Mapping[str, ServerVariable] = {}


def expand_server_url(server: ServerSpec, values: Optional[Mapping[str, str]] = None) -> str:
    """The server's URL with every ``{name}`` replaced by ``values[name]``, else the default.

    Raises:
        ConfigurationException: for a value outside the variable's ``enum``.
    """
    given = values or {}

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        spec = server.variables.get(name)
        value = given.get(name)
        if spec is None:
            return value if value is not None else match.group(0)
        if value is None:
            return spec.default
        if spec.enum and value not in spec.enum:
            allowed = ", ".join(f"'{v}'" for v in spec.enum)
            raise ConfigurationException(f"Server variable '{name}' must be one of {allowed}")
        return value

    return _VARIABLE.sub(substitute, server.url)


def is_absolute_url(url: str) -> bool:
    """True for URLs with a scheme (``https://…``); false for ``/api``, ``api/v1``, ``//h/x``."""
    return bool(_ABSOLUTE.match(url))


def client_base_url(
    server: ServerSpec,
    *,
    environment: str,
    base_url: Optional[str] = None,
    server_variables: Optional[Mapping[str, str]] = None,
) -> str:
    """The client's base URL: ``base_url`` when given, else the environment's server with its
    variables. Both must be absolute (relative server URLs are served from wherever the API
    definition is hosted, which only the caller knows) and free of user info.

    Raises:
        ConfigurationException: naming the environment and the way out.
    """
    if base_url is not None:
        if not is_absolute_url(base_url):
            raise ConfigurationException("base_url must be an absolute URL such as 'https://api.example.com/v1'")
        return check_url(base_url, "base_url")
    url = expand_server_url(server, server_variables)
    if not is_absolute_url(url):
        example = "https://api.example.com" + ("" if url.startswith("/") else "/") + url
        raise ConfigurationException(
            f"The server URL of environment '{environment}' is relative ('{server.url}'): pass "
            f"base_url, the absolute URL the API is served at (e.g. '{example}')"
        )
    return check_url(url, f"the server URL of environment '{environment}'")


def operation_base_url(
    servers: Sequence[ServerSpec], client_base: str, values: Optional[Mapping[str, str]] = None
) -> str:
    """The base URL of an operation that declares its own servers: the first one, expanded; a
    relative one resolves against the client's base URL (RFC 3986)."""
    if not servers:
        return client_base
    url = expand_server_url(servers[0], values)
    return url if is_absolute_url(url) else urljoin(client_base, url)
