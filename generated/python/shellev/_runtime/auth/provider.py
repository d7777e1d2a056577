"""The seam between the HTTP client and authentication schemes: the client decides *which*
schemes apply (from the operation's ``security``), providers decide *how* a request is
authenticated.

A provider answers in one of two ways:

- :meth:`AuthProvider.apply_cached` adds credentials at once, without I/O (static keys, a valid
  token in memory), and returns a receipt; this is the hot path.
- When it returns :data:`NEEDS_IO`, the client runs the plan returned by
  :meth:`AuthProvider.apply` (which may fetch a token, call a supplier or a store); plans run
  under the synchronous or the asynchronous driver alike (see ``_effects``).
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from typing_extensions import Protocol

from .._effects import Plan


class _NeedsIO:
    def __repr__(self) -> str:
        return "NEEDS_IO"


#: Returned by ``apply_cached`` when credentials need I/O first.
NEEDS_IO: object = _NeedsIO()


class AuthTarget:
    """The outgoing request, as far as an auth scheme may change it.

    Attributes:
        url: The request URL; query-based schemes add parameters with :meth:`add_query`.
        headers: Request headers (lower-case names); header-based schemes set theirs here.
        scopes: Scopes the operation requires for this scheme.
        after_unauthorized: True on the one replay after this provider's
            ``handle_unauthorized`` returned true (token suppliers are then asked for a new one).
        deadline: Monotonic deadline of the call (``None``: none); waits for credentials end
            there.
    """

    __slots__ = ("url", "headers", "scopes", "after_unauthorized", "deadline")

    def __init__(
        self,
        url: str,
        headers: dict[str, str],
        scopes: Tuple[str, ...] = (),
        after_unauthorized: bool = False,
        deadline: Optional[float] = None,
    ) -> None:
        """See the class docstring."""
        self.url = url
        self.headers = headers
        self.scopes = scopes
        self.after_unauthorized = after_unauthorized
        self.deadline = deadline

    def add_query(self, pair: str) -> None:
        """Appends an encoded ``name=value`` pair to the URL's query (before any fragment)."""
        url, hash_mark, fragment = self.url.partition("#")
        separator = "&" if "?" in url else "?"
        if url.endswith("?") or url.endswith("&"):
            separator = ""
        self.url = f"{url}{separator}{pair}{hash_mark}{fragment}"

    def add_cookie(self, pair: str) -> None:
        """Adds an encoded ``name=value`` pair to the ``Cookie`` header."""
        existing = self.headers.get("cookie")
        self.headers["cookie"] = pair if not existing else f"{existing}; {pair}"


class AuthProvider(Protocol):
    """One security scheme's implementation, used by the HTTP client."""

    @property
    def scheme_name(self) -> str:
        """The security scheme's name in the API definition."""
        ...

    def is_configured(self) -> bool:
        """Whether credentials for this scheme were configured (unconfigured ones are skipped)."""
        ...

    def apply_cached(self, target: AuthTarget) -> object:
        """Adds credentials without I/O and returns a receipt, or returns :data:`NEEDS_IO`."""
        ...

    def apply(self, target: AuthTarget) -> Plan[object]:
        """Plan: adds credentials (may fetch a token first); returns a receipt."""
        ...

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Plan[bool]:
        """Plan, run once when a request authenticated with ``receipt`` got 401: True when the
        credential was renewed and the request should be replayed (at most once)."""
        ...


def apply_all(
    providers: Sequence[Tuple[AuthProvider, Tuple[str, ...]]], target: AuthTarget, renewed: Optional[List[AuthProvider]]
) -> Plan[List[Tuple[AuthProvider, object]]]:
    """Plan: applies each provider with its scopes; the receipts in order."""
    receipts: List[Tuple[AuthProvider, object]] = []
    for provider, scopes in providers:
        target.scopes = scopes
        target.after_unauthorized = renewed is not None and provider in renewed
        receipt = provider.apply_cached(target)
        if receipt is NEEDS_IO:
            receipt = yield from provider.apply(target)
        receipts.append((provider, receipt))
    return receipts
