"""Where tokens live between calls, clients and (with a persistent store) processes.

A store is any object with ``get``/``set``/``delete`` (:class:`TokenStore`); the asynchronous
client also accepts stores whose methods are coroutines (:class:`AsyncTokenStore`). Keys come
from :func:`.cache_key.token_cache_key` (no secret in them); values are :class:`OAuthToken`.

The SDK calls a store under the call's deadline: the synchronous client runs blocking store
methods in a daemon worker thread and stops waiting at the deadline (a hung database cannot hang
a call); the asynchronous client awaits coroutine methods with ``asyncio.wait_for`` and runs
blocking ones in a worker thread. A store that fails or times out never fails the API call: the
SDK logs one warning (no secrets) and carries on as if the store were empty. A store whose
methods never block may set the class attribute ``nonblocking = True`` to be called inline.

Fleet-wide single flight (issue 14): a store shared by many processes may also offer
``try_lock(key, ttl_seconds)``. When no valid token is stored, the manager takes the lock before
asking the token endpoint, so one process in the fleet requests the token and the others wait for
it to appear in the store (bounded by the lock's ttl and the call's deadline, after which they
fetch themselves rather than fail). ``try_lock`` returns a :class:`TokenStoreLock` (async stores:
an :class:`AsyncTokenStoreLock`) when it took the lock, ``None`` when another process holds it.
The lock must expire by itself after ``ttl_seconds``, so a killed holder never blocks the fleet.
The method is optional: the manager looks for it with ``getattr``, so stores written before it
keep working (with per-process single flight only). :class:`.FileTokenStore` and
``RedisTokenStore`` (``redis_token_store``) implement it.
"""

from __future__ import annotations

import threading
from typing import Awaitable, Dict, Optional

from typing_extensions import Protocol, runtime_checkable

from .oauth_token import OAuthToken


class TokenStoreLock(Protocol):
    """A held fleet-wide lock on one token key (see ``try_lock``)."""

    def release(self) -> None:
        """Gives the lock up, if it is still this holder's (an expired lock taken over by another
        process is left alone)."""
        ...


class AsyncTokenStoreLock(Protocol):
    """:class:`TokenStoreLock` of an asynchronous store."""

    async def release(self) -> None:
        """See :meth:`TokenStoreLock.release`."""
        ...


@runtime_checkable
class TokenStore(Protocol):
    """Pluggable token persistence (blocking methods). Implementations may be shared by many
    clients and must tolerate concurrent calls from several threads."""

    def get(self, key: str) -> Optional[OAuthToken]:
        """The token stored under ``key``, or ``None``."""
        ...

    def set(self, key: str, token: OAuthToken) -> None:
        """Stores (replaces) the token under ``key``."""
        ...

    def delete(self, key: str) -> None:
        """Removes the token under ``key`` (no error if absent)."""
        ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    """Token persistence with coroutine methods (e.g. an async database driver); usable with the
    asynchronous client only."""

    def get(self, key: str) -> Awaitable[Optional[OAuthToken]]:
        """The token stored under ``key``, or ``None``."""
        ...

    def set(self, key: str, token: OAuthToken) -> Awaitable[None]:
        """Stores (replaces) the token under ``key``."""
        ...

    def delete(self, key: str) -> Awaitable[None]:
        """Removes the token under ``key`` (no error if absent)."""
        ...


@runtime_checkable
class LockingTokenStore(TokenStore, Protocol):
    """A :class:`TokenStore` with the optional fleet-wide lock (see the module docstring)."""

    def try_lock(self, key: str, ttl_seconds: float) -> Optional[TokenStoreLock]:
        """Takes the lock on ``key`` for at most ``ttl_seconds`` (it expires by itself after
        that), or returns ``None`` when another process holds it."""
        ...


@runtime_checkable
class AsyncLockingTokenStore(AsyncTokenStore, Protocol):
    """An :class:`AsyncTokenStore` with the optional fleet-wide lock."""

    def try_lock(self, key: str, ttl_seconds: float) -> Awaitable[Optional[AsyncTokenStoreLock]]:
        """See :meth:`LockingTokenStore.try_lock`."""
        ...


class MemoryTokenStore:
    """In-process store (thread-safe). Tokens are immutable, so they are shared, not copied."""

    #: Never blocks: called inline, without a worker thread.
    nonblocking = True

    def __init__(self) -> None:
        """An empty store."""
        self._tokens: Dict[str, OAuthToken] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Optional[OAuthToken]:
        """The token stored under ``key``, or ``None``."""
        return self._tokens.get(key)

    def set(self, key: str, token: OAuthToken) -> None:
        """Stores (replaces) the token under ``key``."""
        with self._lock:
            self._tokens[key] = token

    def delete(self, key: str) -> None:
        """Removes the token under ``key`` (no error if absent)."""
        with self._lock:
            self._tokens.pop(key, None)

    def __len__(self) -> int:
        """Number of tokens held."""
        return len(self._tokens)

    def __repr__(self) -> str:
        """Never the tokens."""
        return f"MemoryTokenStore(size={len(self._tokens)})"


#: The store used when none is configured: one per process, so every client created with the same
#: credentials reuses one token instead of fetching its own.
DEFAULT_TOKEN_STORE = MemoryTokenStore()
