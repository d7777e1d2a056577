"""Checks for request header names and values, done before anything is sent, so that a bad value
fails as a ``ValueError`` naming the header (never quoting its value, which may be a credential)
instead of failing inside the transport, where it would look like a network error."""

from __future__ import annotations

import re
from typing import Dict, Mapping, Union

#: Header names are RFC 9110 tokens.
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
#: Values may not contain NUL, CR, LF or other controls (tab is allowed), nor text outside Latin-1.
_FORBIDDEN_IN_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]")


def check_header(name: str, value: str) -> str:
    """Returns ``value`` when ``name``/``value`` form a valid header.

    Raises:
        ValueError: naming the header (not the value).
    """
    if not _TOKEN.match(name):
        raise ValueError(f"Invalid header name {name!r}")
    if _FORBIDDEN_IN_VALUE.search(value):
        raise ValueError(f"Invalid value for header {name!r} (CR, LF, NUL, controls or non-Latin-1 text)")
    return value


def checked_headers(headers: Mapping[str, str]) -> Dict[str, str]:
    """A copy of ``headers`` with lower-cased names, each checked with :func:`check_header`."""
    return {name.lower(): check_header(name, value) for name, value in headers.items()}


def wire_value(value: str) -> Union[str, bytes]:
    """The value as the transport takes it: ASCII text as is, other Latin-1 text as bytes."""
    return value if value.isascii() else value.encode("latin-1")
