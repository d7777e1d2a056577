"""URL helpers: checking configured URLs, joining, redaction for messages, and the plain-http guard
for credentials."""

from __future__ import annotations

import re
from typing import Tuple
from urllib.parse import SplitResult, urljoin, urlsplit

from .errors import ConfigurationException

_IPV4_LOOPBACK = re.compile(r"^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - validates the port
    except ValueError:
        raise ConfigurationException(f"{redact_url(url)} is not a valid URL") from None
    return parts


def check_url(url: str, what: str) -> str:
    """Returns ``url`` when it is an absolute ``http``/``https`` URL without user info.

    User info (``https://id:secret@host/``) is refused at configuration time: credentials belong
    in the SDK's credential options, where they are never printed, not in a URL that ends up in
    messages, logs and the attributes of transport errors.

    Args:
        url: The configured URL (base URL, token URL, proxy address).
        what: What the URL is, for the message, e.g. ``'base_url'``.

    Raises:
        ConfigurationException: for a relative, non-http(s) or user-info URL (the message never
            contains the user info).
    """
    if not isinstance(url, str):
        raise ConfigurationException(f"{what} must be a string URL, not {type(url).__name__}")
    parts = _split(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigurationException(
            f"{what} must be an absolute http(s) URL such as 'https://api.example.com/v1', not {redact_url(url)!r}"
        )
    if "@" in parts.netloc:
        raise ConfigurationException(
            f"{what} must not contain user info (user:password@): {redact_url(url)}; pass "
            "credentials through the SDK's credential options instead"
        )
    return url


def join_url(base: str, path: str) -> str:
    """Joins a server URL and an expanded operation path, keeping the base's path prefix
    (``https://h/api`` + ``/v1/x`` → ``https://h/api/v1/x``), as OpenAPI requires. A query in the
    base is kept after the joined path."""
    query = ""
    if "?" in base:
        base, _, query = base.partition("?")
    joined = (base[:-1] if base.endswith("/") else base) + (path if path.startswith("/") else "/" + path)
    if query:
        extra = ""
        if "?" in joined:
            joined, _, extra = joined.partition("?")
        joined = f"{joined}?{query}" + (f"&{extra}" if extra else "")
    return joined


def resolve_url(reference: str, base: str) -> str:
    """Resolves ``reference`` against ``base`` per RFC 3986 §5 (a relative ``/v2/oauth/token``
    keeps only the base's origin; an absolute reference is returned as is)."""
    return urljoin(base, reference)


def redact_url(url: str) -> str:
    """The URL as it may appear in a message or log: origin and path only. Query strings,
    fragments and user info can carry secrets (API keys, signatures), so they are dropped."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except (ValueError, TypeError, AttributeError):
        return "<invalid url>"
    if not parts.scheme or not host:
        return "<invalid url>"
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    return f"{parts.scheme}://{netloc}{parts.path}"


def origin(url: str) -> Tuple[str, str, int]:
    """``(scheme, host, port)`` with the scheme's default port filled in, for same-origin checks."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port is not None else _DEFAULT_PORTS.get(scheme, 0)
    return (scheme, (parts.hostname or "").lower(), port)


def is_loopback_host(hostname: str) -> bool:
    """True for ``localhost``, ``*.localhost``, ``127.0.0.0/8`` and ``::1``, which never leave the
    machine."""
    host = hostname.lower().strip("[]")
    if host == "localhost" or host.endswith(".localhost") or host == "::1":
        return True
    return bool(_IPV4_LOOPBACK.match(host))


def assert_secure_transport(url: str, what: str, allow_insecure_http: bool = False) -> None:
    """Raises unless ``url`` may carry credentials: ``https``, or ``http`` to a loopback host, or
    any ``http`` when the caller explicitly set ``allow_insecure_http``.

    Args:
        url: The request URL.
        what: What would be sent, for the message, e.g. ``'credentials for BearerAuth'``.
        allow_insecure_http: Allow plain http to any host.

    Raises:
        ConfigurationException: naming the redacted URL and the way out.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "https":
        return
    if scheme == "http" and (allow_insecure_http or is_loopback_host(parts.hostname or "")):
        return
    raise ConfigurationException(
        f"Refusing to send {what} over {scheme or 'a non-http scheme'} to {redact_url(url)}: use "
        "https, or set allow_insecure_http=True if this is really intended (e.g. a test server)."
    )
