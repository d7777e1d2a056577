"""Fixtures for the Python runtime tests: the runtime imported as package ``runtime``, the real
oidc-provider authorization server (test/support/oauth-server.mjs, a node child process), a
protected API that introspects tokens, programmable loopback servers, sync/async harnesses and a
leak watch that collects everything a secret could leak through."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import os
import pickle
import sys
import time
import traceback
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, List, Optional

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "templates", "python"))
sys.path.insert(0, os.path.join(ROOT, "test", "python"))

from support.oauth_server import API_CLIENT, BASIC_CLIENT, POST_CLIENT, OAuthServer, _basic  # noqa: E402, F401
from support.scripted_server import Exchange, ScriptedServer, Seen  # noqa: E402, F401

import runtime  # noqa: E402  (the runtime as a package of its own, as generated SDKs get it)
from runtime.auth.manager import AsyncClientCredentialsAuthManager, ClientCredentialsAuthManager  # noqa: E402
from runtime.http_client import AsyncHttpClient, HttpClient  # noqa: E402


@pytest.fixture(scope="session")
def oauth() -> Iterator[OAuthServer]:
    server = OAuthServer(ttl=3600)
    yield server
    server.stop()


# ---- loopback HTTP servers -------------------------------------------------------------------


@pytest.fixture
def scripted() -> Iterator[Callable[[Callable[[Exchange], None]], ScriptedServer]]:
    servers: List[ScriptedServer] = []

    def start(script: Callable[[Exchange], None]) -> ScriptedServer:
        server = ScriptedServer(script)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


class ApiServer(ScriptedServer):
    """A protected API: checks ``Authorization: Bearer`` by real introspection, counts 401s,
    and answers queued faults first."""

    def __init__(self, oauth: OAuthServer) -> None:
        self.oauth = oauth
        self.faults: List[int] = []
        self.unauthorized = 0
        super().__init__(self._serve)

    def fail_next(self, status: int, count: int = 1) -> None:
        self.faults.extend([status] * count)

    def reset(self) -> None:
        super().reset()
        self.faults.clear()
        self.unauthorized = 0

    def _serve(self, ex: Exchange) -> None:
        with self._lock:
            fault = self.faults.pop(0) if self.faults else None
        if fault is not None:
            ex.json(fault, {"fault": True})
            return
        auth = ex.request.headers.get("authorization", "")
        result = self.oauth.introspect(auth[7:]) if auth.startswith("Bearer ") else {"active": False}
        if not result.get("active"):
            with self._lock:
                self.unauthorized += 1
            ex.json(401, {"message": "invalid token"}, {"www-authenticate": 'Bearer error="invalid_token"'})
            return
        ex.json(
            200,
            {
                "ok": True,
                "path": ex.request.path,
                "clientId": result.get("client_id"),
                "scope": result.get("scope"),
                "aud": result.get("aud"),
            },
        )


@pytest.fixture(scope="session")
def api(oauth: OAuthServer) -> Iterator[ApiServer]:
    server = ApiServer(oauth)
    yield server
    server.stop()


# ---- sync / async harness --------------------------------------------------------------------


class Harness:
    """Builds sync or async clients and runs their calls, so one test body covers both."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.is_async = mode == "async"
        self.loop = asyncio.new_event_loop() if self.is_async else None
        self._closers: List[Callable[[], Any]] = []

    def manager(self, credentials: Any, **options: Any) -> Any:
        options.setdefault("scheme_name", "BearerAuth")
        cls = AsyncClientCredentialsAuthManager if self.is_async else ClientCredentialsAuthManager
        return cls(credentials, **options)

    def http(self, base_url: str, **options: Any) -> Any:
        client: Any = AsyncHttpClient(base_url, **options) if self.is_async else HttpClient(base_url, **options)
        self._closers.append(client.aclose if self.is_async else client.close)
        return client

    def run(self, value: Any) -> Any:
        """The result of a sync call, or of an awaitable in this harness's loop."""
        if self.is_async and asyncio.iscoroutine(value):
            assert self.loop is not None
            return self.loop.run_until_complete(value)
        return value

    def many(self, count: int, fn: Callable[[], Any]) -> List[Any]:
        """``count`` concurrent calls of ``fn`` (threads, or tasks); exceptions are returned."""
        if self.is_async:

            async def gather() -> List[Any]:
                return list(await asyncio.gather(*(fn() for _ in range(count)), return_exceptions=True))

            return self.run(gather())  # type: ignore[no-any-return]

        def one(_: int) -> Any:
            try:
                return fn()
            except Exception as error:
                return error

        with concurrent.futures.ThreadPoolExecutor(max_workers=min(count, 100)) as pool:
            return list(pool.map(one, range(count)))

    def raises(self, fn: Callable[[], Any]) -> BaseException:
        try:
            self.run(fn())
        except BaseException as error:
            return error
        raise AssertionError("expected an exception")

    def close(self) -> None:
        for close in self._closers:
            self.run(close())
        if self.loop is not None:
            self.loop.run_until_complete(asyncio.sleep(0))
            self.loop.close()


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    h = Harness(request.param)
    yield h
    h.close()


# ---- leak watch ------------------------------------------------------------------------------


@dataclass
class LeakWatch:
    """Collects every text a secret could leak through and finds registered secrets in it."""

    texts: List[str] = field(default_factory=list)
    secrets: set[str] = field(default_factory=set)

    def secret(self, *values: Optional[str]) -> None:
        for value in values:
            if value:
                self.secrets.add(value)

    def printed(self, *values: Any) -> None:
        for value in values:
            self.texts.extend([repr(value), str(value), f"{value}"])
            if hasattr(value, "model_dump"):
                continue  # a token's fields are its storage form (to_dict/model_dump) by design
            try:
                self.texts.append(json.dumps(getattr(value, "__dict__", {}), default=repr))
            except (TypeError, ValueError):
                pass

    def error(self, error: BaseException) -> BaseException:
        self.texts.append("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        self.texts.extend([repr(error), str(error), repr(getattr(error, "body", None))])
        self.texts.append(repr(pickle.dumps(error)))
        self.texts.append(repr(vars(error)))
        return error

    def logs(self, records: List[logging.LogRecord]) -> None:
        for record in records:
            self.texts.append(record.getMessage())
            if record.exc_info:
                self.texts.append("".join(traceback.format_exception(*record.exc_info)))

    def leaks(self) -> List[str]:
        found = []
        for secret in self.secrets:
            variants = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)}
            if any(v in text for text in self.texts for v in variants):
                found.append(secret[:4] + "…")
        return found


@pytest.fixture(scope="module")
def watch() -> LeakWatch:
    return LeakWatch()


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0, step: float = 0.02) -> bool:
    """Polls ``predicate`` until it holds or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


__all__ = ["BASIC_CLIENT", "POST_CLIENT", "ApiServer", "Exchange", "Harness", "LeakWatch", "OAuthServer", "runtime"]
