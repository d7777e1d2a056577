"""RedisTokenStore and AsyncRedisTokenStore against a real redis-server (issue 14): storage with
expiry, the fleet-wide lock, managers sharing one token through separate stores (as separate
processes would), refresh ahead once, the hot path free of Redis, and faults: Redis killed,
paused (slow) and restarted, flushed, stale locks. Every manager test runs sync and async."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
import time
from typing import Any, Iterator, List, Optional

import pytest
import redis
import redis.asyncio
from conftest import BASIC_CLIENT, ROOT, Harness, OAuthServer, wait_until
from support.redis_server import RedisServer

from runtime import ClientCredentialsAuthCredentials, OAuthToken
from runtime.auth.redis_token_store import (
    DEFAULT_KEY_PREFIX,
    AsyncRedisTokenStore,
    RedisTokenStore,
)


@pytest.fixture(scope="module")
def server() -> Iterator[RedisServer]:
    s = RedisServer()
    yield s
    s.stop()


@pytest.fixture
def plain(server: RedisServer) -> Iterator[redis.Redis]:
    """A blocking client for looking into Redis (and the sync store); Redis is emptied first."""
    client = redis.Redis.from_url(server.url)
    client.flushall()
    yield client
    client.close()


@pytest.fixture(autouse=True)
def fresh(oauth: OAuthServer, server: RedisServer) -> None:
    oauth.reset()
    with redis.Redis.from_url(server.url) as client:
        client.flushall()


class Stores:
    """Makes the store that matches a harness (sync: RedisTokenStore on redis.Redis; async:
    AsyncRedisTokenStore on redis.asyncio.Redis in the harness's loop) and closes the clients."""

    def __init__(self, h: Harness, server: RedisServer) -> None:
        self.h = h
        self.server = server
        self.clients: List[Any] = []

    def __call__(self, **options: Any) -> Any:
        if self.h.is_async:
            client: Any = redis.asyncio.Redis.from_url(self.server.url)
            self.clients.append(client)
            return AsyncRedisTokenStore(client, **options)
        client = redis.Redis.from_url(self.server.url)
        self.clients.append(client)
        return RedisTokenStore(client, **options)

    def close(self) -> None:
        for client in self.clients:
            self.h.run(client.aclose()) if self.h.is_async else client.close()


@pytest.fixture
def stores(harness: Harness, server: RedisServer) -> Iterator[Stores]:
    s = Stores(harness, server)
    yield s
    s.close()


def manager(h: Harness, oauth: OAuthServer, store: Any, clock: Any = None, **options: Any) -> Any:
    credentials = ClientCredentialsAuthCredentials(
        o_auth_client_id=BASIC_CLIENT[0], o_auth_client_secret=BASIC_CLIENT[1], token_store=store
    )
    return h.manager(credentials, token_url=oauth.token_url, clock=clock, **options)


def token(seconds: Optional[int] = 3600, value: str = "stored-access-token") -> OAuthToken:
    expiry = None if seconds is None else int(time.time()) + seconds
    return OAuthToken(access_token=value, token_type="Bearer", expires_in=seconds, expiry=expiry)


class Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def warnings() -> Iterator[Warnings]:
    handler = Warnings()
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)


# ---- the stores ------------------------------------------------------------------------------


def test_a_token_is_stored_as_json_until_its_expiry_without_the_secret(
    harness: Harness, stores: Stores, plain: redis.Redis
) -> None:
    store = stores()
    harness.run(store.set("k", token(120)))
    raw = plain.get(f"{DEFAULT_KEY_PREFIX}k")
    assert raw is not None and json.loads(raw)["access_token"] == "stored-access-token"
    assert 118_000 < plain.pttl(f"{DEFAULT_KEY_PREFIX}k") <= 120_000
    got = harness.run(store.get("k"))
    assert got is not None and got.access_token == "stored-access-token" and got.expires_in == 120
    harness.run(store.delete("k"))
    assert harness.run(store.get("k")) is None
    harness.run(store.delete("k"))  # absent: no error

    harness.run(store.set("forever", token(None)))
    assert 86_000_000 < plain.pttl(f"{DEFAULT_KEY_PREFIX}forever") <= 86_400_000  # capped, not kept forever
    harness.run(store.set("forever", token(-5)))  # an expired token replaces nothing: it is removed
    assert plain.exists(f"{DEFAULT_KEY_PREFIX}forever") == 0

    plain.set(f"{DEFAULT_KEY_PREFIX}bad", b"{not json")
    assert harness.run(store.get("bad")) is None
    custom = stores(key_prefix="team-a:")
    harness.run(custom.set("k", token()))
    assert plain.exists("team-a:k") == 1


def test_a_client_with_decoded_responses_works_too(plain: redis.Redis, server: RedisServer) -> None:
    client = redis.Redis.from_url(server.url, decode_responses=True)
    store = RedisTokenStore(client)
    store.set("k", token())
    got = store.get("k")
    assert got is not None and got.access_token == "stored-access-token"
    lock = store.try_lock("k", 5)
    assert lock is not None
    lock.release()
    assert plain.exists(f"{DEFAULT_KEY_PREFIX}lock:k") == 0
    client.close()


def test_the_lock_is_exclusive_expires_by_itself_and_releases_only_its_own(
    harness: Harness, stores: Stores, plain: redis.Redis
) -> None:
    one, two = stores(), stores()
    first = harness.run(one.try_lock("k", 10))
    assert first is not None
    assert harness.run(two.try_lock("k", 10)) is None
    assert 9_000 < plain.pttl(f"{DEFAULT_KEY_PREFIX}lock:k") <= 10_000
    harness.run(first.release())
    second = harness.run(two.try_lock("k", 0.1))
    assert second is not None
    time.sleep(0.2)  # expired: a killed holder never blocks
    third = harness.run(one.try_lock("k", 10))
    assert third is not None
    harness.run(second.release())  # the expired holder's release leaves the new holder's lock
    assert harness.run(two.try_lock("k", 10)) is None
    harness.run(third.release())
    assert plain.exists(f"{DEFAULT_KEY_PREFIX}lock:k") == 0


def test_repr_shows_no_token_lock_value_or_password(server: RedisServer, plain: redis.Redis) -> None:
    client = redis.Redis.from_url(f"redis://:hunter2-password@127.0.0.1:{server.port}/0")
    store = RedisTokenStore(client)
    async_store = AsyncRedisTokenStore(
        redis.asyncio.Redis.from_url(f"redis://:hunter2-password@127.0.0.1:{server.port}/0")
    )
    RedisTokenStore(plain).set("k", token())
    lock = RedisTokenStore(plain).try_lock("k", 5)
    assert lock is not None
    value = plain.get(f"{DEFAULT_KEY_PREFIX}lock:k")
    assert value is not None
    for text in (repr(store), repr(async_store), repr(lock), str(store)):
        assert "hunter2" not in text and "stored-access-token" not in text and value.decode() not in text
    lock.release()


def test_the_sdk_imports_without_redis() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
        "import shellev, runtime, shellev.http.auth;"
        "assert not [m for m in sys.modules if m == 'redis' or m.startswith('redis.')], 'redis imported'"
    )
    args = [
        sys.executable,
        "-c",
        code,
        os.path.join(ROOT, "generated", "python"),
        os.path.join(ROOT, "templates", "python"),
    ]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


# ---- managers sharing one Redis ----------------------------------------------------------------


def run_all(h: Harness, calls: List[Any]) -> List[Any]:
    """Runs the calls concurrently (threads, or tasks of the harness's loop)."""
    if h.is_async:

        async def gather() -> List[Any]:
            return list(await asyncio.gather(*(call() for call in calls)))

        return h.run(gather())  # type: ignore[no-any-return]
    results: List[Any] = [None] * len(calls)

    def one(i: int) -> None:
        results[i] = calls[i]()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_8_managers_with_their_own_stores_share_one_token_request(
    harness: Harness, stores: Stores, oauth: OAuthServer, plain: redis.Redis
) -> None:
    # Separate store objects: no in-process single flight between them, as between processes.
    managers = [manager(harness, oauth, stores()) for _ in range(8)]
    oauth.configure(200)  # every manager is waiting before the token arrives
    try:
        tokens = run_all(harness, [m.get_token for m in managers for _ in range(5)])
    finally:
        oauth.configure(0)
    assert len({t.access_token for t in tokens}) == 1
    assert oauth.token_requests() == 1
    assert not [k for k in plain.scan_iter() if b":lock:" in k]


def test_a_cached_token_costs_no_redis_round_trip(
    harness: Harness, stores: Stores, oauth: OAuthServer, plain: redis.Redis
) -> None:
    m = manager(harness, oauth, stores())
    harness.run(m.get_token())
    before = int(plain.info("stats")["total_commands_processed"])
    for _ in range(200):
        harness.run(m.get_token())
    after = int(plain.info("stats")["total_commands_processed"])
    assert after - before == 1  # the INFO command itself


def test_refresh_ahead_runs_once_across_managers(harness: Harness, stores: Stores, oauth: OAuthServer) -> None:
    offset = [0.0]

    def clock() -> float:
        return time.time() + offset[0]

    managers = [manager(harness, oauth, stores(), clock=clock) for _ in range(8)]
    first = run_all(harness, [m.get_token for m in managers])
    assert oauth.token_requests() == 1
    offset[0] = 3600 - 120  # inside every manager's refresh-ahead window, still valid
    oauth.configure(200)
    try:
        served = run_all(harness, [m.get_token for m in managers])
        assert {t.access_token for t in served} == {first[0].access_token}  # served at once
        assert settle(harness, lambda: all(m.token.access_token != first[0].access_token for m in managers))
    finally:
        oauth.configure(0)
    assert len({m.token.access_token for m in managers}) == 1
    assert oauth.token_requests() == 2


def settle(h: Harness, predicate: Any, timeout: float = 10.0) -> bool:
    """Waits for ``predicate``, letting the harness's loop run its background tasks meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        h.run(asyncio.sleep(0.05)) if h.is_async else time.sleep(0.05)
    return bool(predicate())


def test_a_stale_lock_of_a_killed_process_expires_and_does_not_block(
    harness: Harness, stores: Stores, oauth: OAuthServer, plain: redis.Redis
) -> None:
    store = stores()
    m = manager(harness, oauth, store)
    plain.set(f"{DEFAULT_KEY_PREFIX}lock:{m.cache_key}", "killed-holder", px=800)
    started = time.monotonic()
    harness.run(m.get_token())
    took = time.monotonic() - started
    assert 0.7 < took < 3.0
    assert oauth.token_requests() == 1


def test_a_waiter_fetches_itself_when_the_lock_is_held_too_long(
    harness: Harness, stores: Stores, oauth: OAuthServer, plain: redis.Redis
) -> None:
    m = manager(harness, oauth, stores(), timeout=2)  # lock ttl 2 s: waits at most half the flight
    plain.set(f"{DEFAULT_KEY_PREFIX}lock:{m.cache_key}", "hung-holder", px=60_000)
    started = time.monotonic()
    got = harness.run(m.get_token())
    took = time.monotonic() - started
    assert got.access_token and 0.8 < took < 2.0
    assert oauth.token_requests() == 1


def test_a_flushed_redis_is_filled_again_under_the_lock(
    harness: Harness, stores: Stores, oauth: OAuthServer, plain: redis.Redis
) -> None:
    m = manager(harness, oauth, stores())
    harness.run(m.get_token())
    plain.flushall()
    harness.run(m.clear_token())
    others = [manager(harness, oauth, stores()) for _ in range(4)]
    tokens = run_all(harness, [o.get_token for o in others])
    assert len({t.access_token for t in tokens}) == 1
    assert oauth.token_requests() == 2


# ---- faults ------------------------------------------------------------------------------------


@pytest.fixture
def own_server() -> Iterator[RedisServer]:
    """A redis-server of this test alone (it is killed and restarted)."""
    s = RedisServer()
    yield s
    s.stop()


def store_warnings(w: Warnings) -> List[str]:
    return [m for m in w.messages if "token store" in m]


def test_redis_killed_mid_run_every_call_succeeds_with_one_warning_and_restarted_is_used_again(
    harness: Harness, own_server: RedisServer, oauth: OAuthServer, warnings: Warnings
) -> None:
    stores = Stores(harness, own_server)
    try:
        m = manager(harness, oauth, stores())
        harness.run(m.get_token())
        own_server.kill()
        for _ in range(3):  # a token is needed again and again while Redis is down
            harness.run(m.clear_token())
            started = time.monotonic()
            results = harness.many(20, m.get_token)
            assert all(isinstance(r, OAuthToken) for r in results), results[:3]
            assert time.monotonic() - started < 3.0
        assert oauth.token_requests() == 4  # directly, one per round (in-process single flight)
        assert len(store_warnings(warnings)) == 1, warnings.messages
        assert BASIC_CLIENT[1] not in " ".join(warnings.messages)

        own_server.start()
        plain = redis.Redis.from_url(own_server.url)

        def stored_again() -> bool:
            harness.run(m.clear_token())
            harness.run(m.get_token())
            return bool(plain.exists(f"{DEFAULT_KEY_PREFIX}{m.cache_key}"))

        assert wait_until(stored_again, timeout=10, step=0.1)
        assert len(store_warnings(warnings)) == 1
        plain.close()
    finally:
        stores.close()


def test_a_paused_redis_costs_each_store_operation_at_most_its_store_timeout(
    harness: Harness, own_server: RedisServer, oauth: OAuthServer, warnings: Warnings
) -> None:
    stores = Stores(harness, own_server)
    try:
        store = stores(store_timeout=0.2)
        m = manager(harness, oauth, store)
        own_server.pause()
        started = time.monotonic()
        got = harness.run(m.get_token())
        took = time.monotonic() - started
        assert got.access_token
        # load (get), obtain (get) and the store write: three bounded operations, the lock is skipped
        assert took < 1.5, took
        assert len(store_warnings(warnings)) == 1
        own_server.resume()
    finally:
        own_server.resume()
        stores.close()
