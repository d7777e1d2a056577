#!/usr/bin/env python3
"""Figures for the Python RedisTokenStore (issue 14). Prints figures; not a test.

1. Token requests of a simulated fleet of 1, 8 and 32 processes over two token lifetimes, with
   ``MemoryTokenStore`` (each process its own) vs ``RedisTokenStore`` (one real redis-server).
   A "process" is a manager with a store object of its own (so the in-process single flight does
   not join them, as between real processes); time is a shared injected clock that advances in
   steps of 1/60 of the 3600 s lifetime, and at every step every process makes one call, all at
   once (threads). The token endpoint is a loopback server that counts requests.
2. The added latency of a cached-token call: ``get_token()`` on a manager holding a valid token,
   ``MemoryTokenStore`` vs ``RedisTokenStore`` (median of 5 runs of 100,000 calls): the in-memory
   copy keeps Redis off the hot path, so the figures should be equal.

Run with the test environment's interpreter (``node scripts/test/venv.mjs`` creates it; needs
``redis-server``):

    .venv/bin/python scripts/bench/python-redis-token-store.py
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import statistics
import sys
import threading
import time
from typing import Any, Callable, List

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "templates", "python"))
sys.path.insert(0, os.path.join(ROOT, "test", "python"))

import redis  # noqa: E402
from support.redis_server import RedisServer  # noqa: E402
from support.scripted_server import Exchange, ScriptedServer  # noqa: E402

from runtime import ClientCredentialsAuthCredentials, MemoryTokenStore  # noqa: E402
from runtime.auth.manager import ClientCredentialsAuthManager  # noqa: E402
from runtime.auth.redis_token_store import RedisTokenStore  # noqa: E402

LIFETIME = 3600


class TokenEndpoint:
    """A loopback token endpoint that counts its requests."""

    def __init__(self) -> None:
        self.requests = 0
        self.lock = threading.Lock()
        self.server = ScriptedServer(self.serve)

    def serve(self, ex: Exchange) -> None:
        """Answers one token request."""
        with self.lock:
            self.requests += 1
            n = self.requests
        time.sleep(0.02)  # a token endpoint is not instant: the fleet's calls overlap it
        ex.json(200, {"access_token": f"token-{n}", "token_type": "Bearer", "expires_in": LIFETIME})


def manager(endpoint: TokenEndpoint, store: Any, clock: Callable[[], float]) -> ClientCredentialsAuthManager:
    """One simulated process's token manager."""
    credentials = ClientCredentialsAuthCredentials(
        o_auth_client_id="bench-client", o_auth_client_secret="bench-secret", token_store=store
    )
    return ClientCredentialsAuthManager(
        credentials, scheme_name="BearerAuth", token_url=f"{endpoint.server.url}/token", clock=clock
    )


def fleet(processes: int, make_store: Callable[[], Any]) -> int:
    """Token requests of ``processes`` managers over two lifetimes."""
    endpoint = TokenEndpoint()
    offset = [0.0]
    start = time.time()

    def clock() -> float:
        return start + offset[0]

    managers = [manager(endpoint, make_store(), clock) for _ in range(processes)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=processes) as pool:
        for step in range(2 * 60 + 1):
            offset[0] = step * LIFETIME / 60
            list(pool.map(lambda m: m.get_token(), managers))
            time.sleep(0.03)  # background refreshes finish before the clock moves on
    endpoint.server.stop()
    return endpoint.requests


def hot_path(store: Any) -> float:
    """Median ns of a cached-token ``get_token()``."""
    endpoint = TokenEndpoint()
    m = manager(endpoint, store, time.time)
    m.get_token()
    runs: List[float] = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(100_000):
            m.get_token()
        runs.append((time.perf_counter() - started) / 100_000 * 1e9)
    endpoint.server.stop()
    return statistics.median(runs)


def main() -> None:
    """Prints the figures."""
    server = RedisServer()
    try:
        client = redis.Redis.from_url(server.url)
        print("Token requests over two token lifetimes (3600 s each), one call per process per minute:")
        print(f"{'processes':>10} {'MemoryTokenStore':>18} {'RedisTokenStore':>17}")
        results = {}
        for n in (1, 8, 32):
            client.flushall()
            memory = fleet(n, MemoryTokenStore)
            client.flushall()
            shared = fleet(n, lambda: RedisTokenStore(redis.Redis.from_url(server.url)))
            results[n] = {"memory": memory, "redis": shared}
            print(f"{n:>10} {memory:>18} {shared:>17}")
        client.flushall()
        memory_ns = hot_path(MemoryTokenStore())
        client.flushall()
        redis_ns = hot_path(RedisTokenStore(client))
        print("Cached-token get_token(), median ns per call:")
        added = redis_ns - memory_ns
        print(f"  MemoryTokenStore {memory_ns:8.0f} ns   RedisTokenStore {redis_ns:8.0f} ns   added {added:+.0f} ns")
        print(json.dumps({"fleet": results, "hot_path_ns": {"memory": round(memory_ns), "redis": round(redis_ns)}}))
        client.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
