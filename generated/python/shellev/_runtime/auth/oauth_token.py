"""The OAuth 2 access token (RFC 6749 §5.1) as an immutable pydantic model.

It pickles, and it has a documented JSON round trip for storage in a database::

    data = token.to_dict()             # plain JSON-able dict (includes the secret access token)
    token = OAuthToken.from_dict(data)

``access_token`` and ``refresh_token`` are secrets: they never appear in ``repr``/``str`` (so not
in logs or tracebacks either), but they are in ``to_dict()``/``model_dump()``, whose purpose is
storage: store them like passwords.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Mapping, Optional

import pydantic
from pydantic import ConfigDict, Field

from .secret import is_sendable_token

_CAMEL = {
    "accessToken": "access_token",
    "tokenType": "token_type",
    "expiresIn": "expires_in",
    "refreshToken": "refresh_token",
}


class OAuthToken(pydantic.BaseModel):
    """OAuth 2 authorization endpoint response: an access token obtained by the
    client-credentials grant.

    Attributes:
        access_token: The bearer token sent as ``Authorization: Bearer …``. Secret.
        token_type: Type of access token (always ``Bearer`` for tokens the SDK accepts).
        expires_in: Lifetime in seconds as granted by the server (sizes refresh-ahead).
        scope: Space-delimited scopes granted, when the server says.
        expiry: Time of expiry as a Unix timestamp (UTC seconds); ``None``: no known expiry.
        refresh_token: Refresh token, if the server sent one. Secret.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    access_token: str = Field(repr=False)
    token_type: str = "Bearer"
    expires_in: Optional[int] = None
    scope: Optional[str] = None
    expiry: Optional[int] = None
    refresh_token: Optional[str] = Field(default=None, repr=False)

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-able dict of the set fields (``None`` fields left out), for storage."""
        return self.model_dump(exclude_none=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> OAuthToken:
        """The token stored with :meth:`to_dict` (tolerant: see :meth:`parse`).

        Raises:
            ValueError: when ``data`` holds no usable token (no non-empty ``access_token``).
        """
        token = cls.parse(data)
        if token is None:
            raise ValueError("Not an OAuth token: a non-empty access_token string is required")
        return token

    @classmethod
    def parse(cls, value: object) -> Optional[OAuthToken]:
        """A token from outside (a store, a file, the user's database), or ``None`` when it is
        not usable, instead of failing later.

        Accepts an ``OAuthToken``, or a mapping with snake_case or camelCase keys; numeric fields
        given as numeric strings (common after hand-written persistence) are accepted, others
        are dropped. An ``access_token`` that cannot be sent in a header (see
        :func:`.secret.is_sendable_token`) makes the token unusable.
        """
        if isinstance(value, OAuthToken):
            return value if is_sendable_token(value.access_token) else None
        if not isinstance(value, Mapping):
            return None
        raw: Dict[str, object] = {}
        for key, item in value.items():
            if isinstance(key, str):
                raw[_CAMEL.get(key, key)] = item
        access_token = raw.get("access_token")
        if not isinstance(access_token, str) or not is_sendable_token(access_token):
            return None
        token_type = raw.get("token_type")
        scope = raw.get("scope")
        refresh = raw.get("refresh_token")
        return cls(
            access_token=access_token,
            token_type=token_type if isinstance(token_type, str) and token_type else "Bearer",
            expires_in=seconds_or_none(raw.get("expires_in")),
            scope=scope if isinstance(scope, str) else None,
            expiry=seconds_or_none(raw.get("expiry")),
            refresh_token=refresh if isinstance(refresh, str) else None,
        )

    def __str__(self) -> str:
        """The same as ``repr``: never the secrets."""
        return repr(self)


def seconds_or_none(value: object) -> Optional[int]:
    """Whole seconds from a JSON number or a numeric string; ``None`` for anything else
    (``None``, ``""``, ``True``, ``"soon"``, NaN, infinities, negatives)."""
    if isinstance(value, bool):
        return None
    number: Optional[float] = None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if text:
            try:
                number = float(text)
            except ValueError:
                return None
    if number is None or not math.isfinite(number) or number < 0:
        return None
    return int(number)
