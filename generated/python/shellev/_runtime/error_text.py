"""The server's own words for an error response, fit for an error message: the first
``errors[].message`` / ``detail`` / ``title`` (or the same keys at the top level, or an OAuth
``error_description``), with anything that looks like a credential redacted, control characters
removed and the length bounded. The whole body stays on the error's ``body``.

The same rules as the TypeScript runtime's ``error-text.ts``, with JavaScript's meaning of the
patterns: word characters and word boundaries are ASCII, white space is JavaScript's set.
"""

from __future__ import annotations

import re
from typing import Optional

#: The longest server text put into a message.
MAX_TEXT = 200

#: Keys whose value is the human-readable text, in order of preference.
TEXT_KEYS = ("message", "detail", "title", "error_description", "errorMessage", "error")

#: JavaScript's ``\s`` (and, negated, ``\S``).
_SPACE = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
_S = f"[{_SPACE}]"
_NOT_S = f"[^{_SPACE}]"

#: Credentials a server may echo: ``Bearer …``/``Basic …`` values, JWTs, ``secret=…``-like pairs,
#: and long opaque tokens (32+ characters of base64/hex without hyphens, so UUIDs stay readable).
SECRETS = re.compile(
    rf"\b(?:bearer|basic){_S}+{_NOT_S}+"
    r"|\beyJ[\w-]+\.[\w.-]*"
    rf"|\b[\w-]*(?:secret|token|password|passwd|api[_-]?key|authorization)[\w-]*[\"']?{_S}*[:=]{_S}*[\"']?"
    rf"[^{_SPACE}\"',;&]+"
    r"|[\w+/=]{32,}",
    re.IGNORECASE | re.ASCII,
)

_CONTROLS = re.compile(r"[\x00-\x1f\x7f]+")
_MARKUP = re.compile(rf"^{_S}*<")


def server_error_text(body: object) -> Optional[str]:
    """The server's error text of ``body`` (parsed JSON or text), or ``None`` when it has none
    worth showing."""
    text = _pick_text(body, 0)
    if text is None:
        return None
    clean = _CONTROLS.sub(" ", SECRETS.sub("[REDACTED]", text)).strip(_SPACE)
    if clean == "":
        return None
    return f"{clean[: MAX_TEXT - 1]}…" if len(clean) > MAX_TEXT else clean


def _pick_text(value: object, depth: int) -> Optional[str]:
    # A bare string body is shown unless it is markup (an HTML error page says nothing useful).
    if isinstance(value, str):
        return None if depth == 0 and _MARKUP.match(value) else value
    if depth > 2:
        return None
    if isinstance(value, list):
        return _pick_text(value[0], depth + 1) if value else None
    if not isinstance(value, dict):
        return None
    nested = _pick_text(value.get("errors"), depth + 1)
    if nested is not None:
        return nested
    for key in TEXT_KEYS:
        found = value.get(key)
        if isinstance(found, str) and found.strip(_SPACE) != "":
            return found
        if isinstance(found, (dict, list)):
            inner = _pick_text(found, depth + 1)
            if inner is not None:
                return inner
    return None


__all__ = ["MAX_TEXT", "SECRETS", "TEXT_KEYS", "server_error_text"]
