"""One pod of the Redis fleet tests: a client (sync with threads, or asyncio) whose token manager
uses a RedisTokenStore on the test's redis-server. argv[1] is JSON {mode: 'sync'|'async',
redis_url, token_url, api_url, client_id, client_secret}. It prints {"ready": true}, then runs one
command per stdin line: {"calls": n} → n concurrent calls of the protected API, answered with
{"ok": <successes>, "errors": [<error class>...], "tokens": [<sha256 of each token sent>],
"warnings": [<warning messages>]}; end of input → exit."""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import logging
import os
import sys
from typing import Any, Dict, List

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "templates", "python"))

import redis
import redis.asyncio

from runtime import ClientCredentialsAuthCredentials, Operation
from runtime.auth.manager import AsyncClientCredentialsAuthManager, ClientCredentialsAuthManager
from runtime.auth.redis_token_store import AsyncRedisTokenStore, RedisTokenStore
from runtime.http_client import AsyncHttpClient, HttpClient

THINGS: Operation[Dict[str, Any]] = Operation("getThings", "GET", "/things", security=({"BearerAuth": ()},))


class Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


args = json.loads(sys.argv[1])
warnings = Warnings()
logging.getLogger().addHandler(warnings)
sent: List[str] = []


def remember(request: Any) -> None:
    auth = request.headers.get("authorization", "")
    if auth.startswith("Bearer "):  # API calls, not the token requests on the same httpx client
        sent.append(hashlib.sha256(auth[7:].encode()).hexdigest())


def credentials(store: Any) -> ClientCredentialsAuthCredentials:
    # No skew and no refresh ahead: the token is used until its expiry, so each phase of the
    # test asks for a token at a known moment.
    return ClientCredentialsAuthCredentials(
        o_auth_client_id=args["client_id"],
        o_auth_client_secret=args["client_secret"],
        o_auth_clock_skew=0,
        o_auth_refresh_ahead=0,
        token_store=store,
    )


def answer(ok: int, errors: List[str]) -> None:
    print(json.dumps({"ok": ok, "errors": errors, "tokens": sent[:], "warnings": warnings.messages[:]}), flush=True)
    sent.clear()
    warnings.messages.clear()


def run_sync() -> None:
    store = RedisTokenStore(redis.Redis.from_url(args["redis_url"]))
    http = HttpClient(args["api_url"])
    http.httpx_client.event_hooks["request"].append(remember)
    manager = ClientCredentialsAuthManager(
        credentials(store), scheme_name="BearerAuth", token_url=args["token_url"], http_client=http.httpx_client
    )
    http.register_auth("BearerAuth", manager)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        count = int(json.loads(line)["calls"])

        def one(_: int) -> str:
            try:
                http.request(THINGS)
                return ""
            except Exception as error:
                return f"{type(error).__name__}: {error}"

        with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
            results = list(pool.map(one, range(count)))
        answer(results.count(""), [r for r in results if r])


async def run_async() -> None:
    client = redis.asyncio.Redis.from_url(args["redis_url"])
    store = AsyncRedisTokenStore(client)
    http = AsyncHttpClient(args["api_url"])

    async def remember_async(request: Any) -> None:
        remember(request)

    http.httpx_client.event_hooks["request"].append(remember_async)
    manager = AsyncClientCredentialsAuthManager(
        credentials(store), scheme_name="BearerAuth", token_url=args["token_url"], http_client=http.httpx_client
    )
    http.register_auth("BearerAuth", manager)
    print(json.dumps({"ready": True}), flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        count = int(json.loads(line)["calls"])

        async def one() -> str:
            try:
                await http.request(THINGS)
                return ""
            except Exception as error:
                return f"{type(error).__name__}: {error}"

        results = await asyncio.gather(*(one() for _ in range(count)))
        answer(results.count(""), [r for r in results if r])
    await http.aclose()
    await client.aclose()


if args["mode"] == "async":
    asyncio.run(run_async())
else:
    run_sync()
