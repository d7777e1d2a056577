"""Token stores in Redis: one token for a whole fleet of processes and machines (issue 14).

``RedisTokenStore`` takes the application's own connected ``redis.Redis`` client (redis-py),
``AsyncRedisTokenStore`` a ``redis.asyncio.Redis``; the SDK never opens connections of its own,
and ``redis`` is an optional dependency (``pip install <sdk>[redis]``): it is imported here for
type checkers only, so the SDK imports without it.

Layout, under ``key_prefix`` (default ``sdkgen:token:``):

- ``<prefix><cache key>``: the token as JSON (``OAuthToken.to_dict()``: access token, type,
  scope, lifetime and expiry; the client secret is never given to a store), written with
  ``PX`` = milliseconds until its expiry, so Redis drops it when it expires. A token without an
  expiry is kept for ``max_ttl`` seconds (default one day), never forever.
- ``<prefix>lock:<cache key>``: the fleet-wide single flight (``try_lock``, see
  ``token_store``): ``SET key <random value> NX PX <ttl>``, released by a compare-and-delete
  script, so a holder whose lock expired and was taken over cannot release the new holder's.

``store_timeout`` (default 0.25 s) bounds each operation: the SDK stops waiting for Redis after
it and carries on without the store (one warning per outage), so a Redis that is down, slow or
flushed costs a call at most that long per store operation, never the call itself. Calls served
from the in-memory copy of a token do not touch Redis at all.
"""

from __future__ import annotations

import json
import math
import secrets
import time
from typing import TYPE_CHECKING, Optional, Union, cast

from .oauth_token import OAuthToken

if TYPE_CHECKING:
    import redis
    import redis.asyncio

#: The default prefix of every key the stores write.
DEFAULT_KEY_PREFIX = "sdkgen:token:"
#: Default bound of one Redis operation, seconds.
DEFAULT_REDIS_STORE_TIMEOUT = 0.25
#: Default lifetime in Redis of a token without a known expiry, seconds.
DEFAULT_MAX_TTL = 86400.0

#: Deletes the lock only while it still holds the caller's value (atomic in Redis).
RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


def _token_value(token: OAuthToken) -> str:
    return json.dumps(token.to_dict(), separators=(",", ":"), sort_keys=True)


def _parse(raw: Union[bytes, str, None]) -> Optional[OAuthToken]:
    """The stored JSON as a token; anything malformed counts as absent (never quoted)."""
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return OAuthToken.parse(json.loads(text))
    except ValueError:  # also UnicodeDecodeError
        return None


def _expiry_ms(token: OAuthToken, max_ttl: float) -> Optional[int]:
    """Milliseconds the token may stay in Redis: until its expiry (``None``: expired already),
    or ``max_ttl`` for a token without one."""
    if token.expiry is None:
        return max(1, int(max_ttl * 1000))
    left = token.expiry - time.time()
    return max(1, int(left * 1000)) if left > 0 else None


def _lock_ms(ttl_seconds: float) -> int:
    return max(1, math.ceil(ttl_seconds * 1000))


class _Settings:
    """What both stores share: prefix, bounds and key names."""

    def __init__(self, key_prefix: str, store_timeout: Optional[float], max_ttl: float) -> None:
        self.key_prefix = key_prefix
        #: Read by the SDK's token manager: the bound of each operation of this store, seconds.
        self.store_timeout = store_timeout
        self.max_ttl = max_ttl

    def token_key(self, key: str) -> str:
        return self.key_prefix + key

    def lock_key(self, key: str) -> str:
        return f"{self.key_prefix}lock:{key}"


class RedisTokenStore(_Settings):
    """A :class:`.TokenStore` (with the fleet-wide lock) in Redis, through a ``redis.Redis``
    client; see the module docstring.

    Args:
        client: The application's connected ``redis.Redis`` (``decode_responses`` either way).
        key_prefix: Prefix of every key written. Default ``sdkgen:token:``.
        store_timeout: Bound of one operation, seconds (``None``: the manager's). Default 0.25.
        max_ttl: Lifetime in Redis of a token without an expiry, seconds. Default one day.
    """

    def __init__(
        self,
        client: redis.Redis,
        *,
        key_prefix: str = DEFAULT_KEY_PREFIX,
        store_timeout: Optional[float] = DEFAULT_REDIS_STORE_TIMEOUT,
        max_ttl: float = DEFAULT_MAX_TTL,
    ) -> None:
        """See the class docstring."""
        super().__init__(key_prefix, store_timeout, max_ttl)
        self._client = client

    def get(self, key: str) -> Optional[OAuthToken]:
        """The token stored under ``key``, or ``None`` (also for a malformed value)."""
        # redis-py types the blocking client's answers as "value or awaitable" (one class for both).
        return _parse(cast(Union[bytes, str, None], self._client.get(self.token_key(key))))

    def set(self, key: str, token: OAuthToken) -> None:
        """Stores the token under ``key`` until it expires (an expired token is removed)."""
        ms = _expiry_ms(token, self.max_ttl)
        if ms is None:
            self._client.delete(self.token_key(key))
        else:
            self._client.set(self.token_key(key), _token_value(token), px=ms)

    def delete(self, key: str) -> None:
        """Removes the token under ``key`` (no error if absent)."""
        self._client.delete(self.token_key(key))

    def try_lock(self, key: str, ttl_seconds: float) -> Optional[RedisTokenStoreLock]:
        """``SET <prefix>lock:<key> <random> NX PX <ttl>``: the lock, or ``None`` when another
        process holds it."""
        value = secrets.token_hex(16)
        taken = self._client.set(self.lock_key(key), value, nx=True, px=_lock_ms(ttl_seconds))
        return RedisTokenStoreLock(self._client, self.lock_key(key), value) if taken else None

    def __repr__(self) -> str:
        """The prefix, never tokens or connection details (a URL may hold a password)."""
        return f"RedisTokenStore(key_prefix={self.key_prefix!r})"


class RedisTokenStoreLock:
    """A held lock of a :class:`RedisTokenStore`."""

    def __init__(self, client: redis.Redis, key: str, value: str) -> None:
        """The client, the lock's key and this holder's random value."""
        self._client = client
        self._key = key
        self._value = value

    def release(self) -> None:
        """Deletes the lock if it still holds this holder's value (compare-and-delete script)."""
        self._client.eval(RELEASE_SCRIPT, 1, self._key, self._value)

    def __repr__(self) -> str:
        """The key, never the value."""
        return f"RedisTokenStoreLock({self._key!r})"


class AsyncRedisTokenStore(_Settings):
    """:class:`RedisTokenStore` for the asynchronous client, through a ``redis.asyncio.Redis``;
    same arguments."""

    def __init__(
        self,
        client: redis.asyncio.Redis,
        *,
        key_prefix: str = DEFAULT_KEY_PREFIX,
        store_timeout: Optional[float] = DEFAULT_REDIS_STORE_TIMEOUT,
        max_ttl: float = DEFAULT_MAX_TTL,
    ) -> None:
        """See :class:`RedisTokenStore`."""
        super().__init__(key_prefix, store_timeout, max_ttl)
        self._client = client

    async def get(self, key: str) -> Optional[OAuthToken]:
        """See :meth:`RedisTokenStore.get`."""
        raw: Union[bytes, str, None] = await self._client.get(self.token_key(key))
        return _parse(raw)

    async def set(self, key: str, token: OAuthToken) -> None:
        """See :meth:`RedisTokenStore.set`."""
        ms = _expiry_ms(token, self.max_ttl)
        if ms is None:
            await self._client.delete(self.token_key(key))
        else:
            await self._client.set(self.token_key(key), _token_value(token), px=ms)

    async def delete(self, key: str) -> None:
        """See :meth:`RedisTokenStore.delete`."""
        await self._client.delete(self.token_key(key))

    async def try_lock(self, key: str, ttl_seconds: float) -> Optional[AsyncRedisTokenStoreLock]:
        """See :meth:`RedisTokenStore.try_lock`."""
        value = secrets.token_hex(16)
        taken = await self._client.set(self.lock_key(key), value, nx=True, px=_lock_ms(ttl_seconds))
        return AsyncRedisTokenStoreLock(self._client, self.lock_key(key), value) if taken else None

    def __repr__(self) -> str:
        """See :meth:`RedisTokenStore.__repr__`."""
        return f"AsyncRedisTokenStore(key_prefix={self.key_prefix!r})"


class AsyncRedisTokenStoreLock:
    """A held lock of an :class:`AsyncRedisTokenStore`."""

    def __init__(self, client: redis.asyncio.Redis, key: str, value: str) -> None:
        """The client, the lock's key and this holder's random value."""
        self._client = client
        self._key = key
        self._value = value

    async def release(self) -> None:
        """See :meth:`RedisTokenStoreLock.release`."""
        await self._client.eval(RELEASE_SCRIPT, 1, self._key, self._value)  # type: ignore[misc]

    def __repr__(self) -> str:
        """The key, never the value."""
        return f"AsyncRedisTokenStoreLock({self._key!r})"
