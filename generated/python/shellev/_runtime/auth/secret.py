"""Helpers for secrets: a wrapper that never prints its value, and the checks that decide what
may be sent in a header."""

from __future__ import annotations

import re
from typing import Optional

from ..errors import ConfigurationException

#: Redaction marker used wherever a secret would otherwise be printed.
REDACTED = "[REDACTED]"

#: Characters a static credential (API key, password, bearer token) may not contain: CR, LF, NUL
#: and the other controls except tab (checked before sending, never quoting the value).
_INVALID_CREDENTIAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")

#: What an access token received from a token endpoint (or loaded from a store) may contain:
#: visible ASCII (0x21-0x7E), a superset of RFC 6750 ``b64token`` (``[A-Za-z0-9-._~+/]+=*``) that
#: also admits the opaque formats servers issue in practice, and never a character that could
#: break or inject a header (CR, LF, controls, space, non-ASCII).
_TOKEN_CHARS = re.compile(r"^[\x21-\x7e]+$")


class Secret:
    """A secret string that shows as ``[REDACTED]`` in ``repr``, ``str``, f-strings and logs.

    ``get_secret_value()`` returns the value. Two secrets are equal when their values are.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        """Wraps ``value``."""
        if not isinstance(value, str):
            raise TypeError("A secret must be a string")
        self._value = value

    def get_secret_value(self) -> str:
        """The secret itself."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{REDACTED}')"

    def __str__(self) -> str:
        return REDACTED

    def __format__(self, spec: str) -> str:
        return REDACTED

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        """Pickles with the value (pickling credentials is the user's explicit choice)."""
        return (Secret, (self._value,))


def is_sendable_token(value: object) -> bool:
    """True when ``value`` is a non-empty string of visible ASCII (see ``_TOKEN_CHARS``)."""
    return isinstance(value, str) and _TOKEN_CHARS.match(value) is not None


def check_credential(value: object, scheme_name: str) -> str:
    """Returns ``value`` when it can be sent as (part of) a header or query value.

    Raises:
        ConfigurationException: for a non-string, an empty string, or one with a line break or
            control character; the message names the scheme only.
    """
    if not isinstance(value, str):
        kind = "None" if value is None else type(value).__name__
        raise ConfigurationException(f"The credential for {scheme_name} must be a string, not {kind}")
    if value == "":
        raise ConfigurationException(f"The credential for {scheme_name} is an empty string")
    if _INVALID_CREDENTIAL.search(value):
        raise ConfigurationException(f"The credential for {scheme_name} contains a line break or control character")
    return value


def redact_mapping(options: dict[str, object], secret_names: tuple[str, ...]) -> dict[str, object]:
    """A copy of ``options`` safe to print: each named option that is set becomes ``[REDACTED]``
    (``[Function]`` for callables). Used by the generated ``Configuration.__repr__``."""
    out = dict(options)
    for name in secret_names:
        value: Optional[object] = out.get(name)
        if value is not None:
            out[name] = "[Function]" if callable(value) else REDACTED
    return out
