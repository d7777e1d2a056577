"""The daily surface of the generated Shell EV SDK (``generated/python``, issue 13) against a local
server: raw responses, error messages with the server's text, default headers and User-Agent,
request ids, hooks, logging (``SHELLEV_LOG``), auto-pagination and required credentials; the
blocking and the asyncio client. Real clients, real httpx, real sockets; the token is given in the
credentials, or (for the token manager's logging) served by the same local server. The Python
counterpart of test/runtime/sdk-surface.test.ts."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
import time
import urllib.parse
from typing import Any, Callable, Dict, Iterator, List, Optional

import httpx
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "generated", "python"))

from shellev import (
    APIException,
    APIResponse,
    AsyncPage,
    AsyncShellevClient,
    ClientCredentialsAuthCredentials,
    Configuration,
    ConfigurationException,
    HookException,
    HookRequest,
    Hooks,
    MemoryTokenStore,
    OAuthToken,
    RequestOptions,
    ShellevClient,
    SyncPage,
)
from shellev.exceptions import BadRequestException, NotFoundException
from shellev.models import LocationResponeObjectV2, ResponseV2, SearchByIdResponse
from support.scripted_server import Exchange, ScriptedServer

TOKEN = "tok-SECRET-0123456789"
REQUEST_ID = "123e4567-e89b-12d3-a456-426614174000"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

Script = Callable[[Exchange], None]


def json_ok(ex: Exchange) -> None:
    ex.json(200, {"requestId": "r", "status": "SUCCESS", "data": []})


@pytest.fixture(scope="module")
def api() -> Iterator[ScriptedServer]:
    state: Dict[str, Script] = {"script": json_ok}
    server = ScriptedServer(lambda ex: state["script"](ex))
    server.state = state  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture
def server(api: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> ScriptedServer:
    api.reset()
    api.state["script"] = json_ok  # type: ignore[attr-defined]
    monkeypatch.delenv("SHELLEV_LOG", raising=False)
    return api


def script(server: ScriptedServer, fn: Script) -> None:
    server.state["script"] = fn  # type: ignore[attr-defined]


def credentials(**extra: Any) -> ClientCredentialsAuthCredentials:
    extra.setdefault("o_auth_token", OAuthToken(access_token=TOKEN, expiry=int(time.time()) + 3600))
    return ClientCredentialsAuthCredentials(token_store=MemoryTokenStore(), **extra)


def settings(server: ScriptedServer, **extra: Any) -> Dict[str, Any]:
    options: Dict[str, Any] = {
        "base_url": f"{server.url}/ev",
        "max_retries": 2,
        "backoff_factor": 0.001,
        "client_credentials_auth_credentials": credentials(),
    }
    options.update(extra)
    return options


def client(server: ScriptedServer, **extra: Any) -> ShellevClient:
    return ShellevClient(**settings(server, **extra))


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def query(path: str) -> Dict[str, str]:
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).items()}


# ---- raw responses -----------------------------------------------------------------------------


def test_plain_calls_give_the_body_with_raw_response_the_response(server: ScriptedServer) -> None:
    script(server, lambda ex: ex.json(200, {"requestId": "r1", "status": "SUCCESS"}, {"x-ratelimit-remaining": "41"}))
    with client(server) as c:
        body = c.locations.ev_locations_by_id(id="x")
        assert isinstance(body, SearchByIdResponse) and body.request_id == "r1"
        raw = c.locations.with_raw_response.ev_locations_by_id(id="x")
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-remaining"] == "41"
    assert isinstance(raw.http_response, httpx.Response)
    assert str(raw.url) == f"{server.url}/ev/v2/locations/x"
    parsed = raw.parse()
    assert isinstance(parsed, SearchByIdResponse) and parsed.request_id == "r1"
    assert "authorization" not in raw.http_response.request.headers
    assert server.seen[-1].headers["authorization"] == f"Bearer {TOKEN}"

    async def main() -> APIResponse[SearchByIdResponse]:
        async with AsyncShellevClient(**settings(server)) as c:
            return await c.locations.with_raw_response.ev_locations_by_id(id="x")

    async_raw = run(main())
    assert async_raw.status_code == 200 and async_raw.parse().request_id == "r1"


def test_errors_raise_alike_keep_status_headers_body_and_quote_the_server(server: ScriptedServer) -> None:
    script(
        server,
        lambda ex: ex.json(
            404,
            {"requestId": "r", "status": "FAILED", "errors": [{"code": "E404", "message": "Location x not found"}]},
            {"x-trace": "t1"},
        ),
    )
    with client(server) as c:
        for call in (c.locations.ev_locations_by_id, c.locations.with_raw_response.ev_locations_by_id):
            with pytest.raises(NotFoundException) as caught:
                call(id="x")
            error = caught.value
            assert str(error) == "evLocationsById failed with HTTP 404 Not Found: Location x not found"
            assert error.status_code == 404
            assert error.headers["x-trace"] == "t1"
            assert error.model is not None and error.model.errors is not None
            assert error.model.errors[0].code == "E404"


def test_an_api_error_never_carries_the_token_in_its_message(server: ScriptedServer) -> None:
    script(
        server, lambda ex: ex.json(400, {"errors": [{"message": f"rejected {ex.request.headers['authorization']}"}]})
    )
    with client(server) as c, pytest.raises(BadRequestException) as caught:
        c.locations.ev_locations_by_id(id="x")
    assert str(caught.value) == "evLocationsById failed with HTTP 400 Bad Request: rejected [REDACTED]"
    assert TOKEN not in repr(caught.value)


# ---- default headers, User-Agent, request ids ---------------------------------------------------


def test_user_agent_client_headers_and_per_call_headers(server: ScriptedServer) -> None:
    with client(server, headers={"x-team": "fleet", "X-Override": "client"}) as c:
        c.locations.ev_locations_by_id(id="x", options=RequestOptions(headers={"x-override": "call"}))
        assert "x-team" in repr(c.config) and "fleet" not in repr(c.config)  # header names only
    seen = server.seen[0].headers
    assert seen["user-agent"] == "shellev-python/2.2.0"
    assert seen["x-team"] == "fleet"
    assert seen["x-override"] == "call"
    with client(server, headers={"User-Agent": "my-app/1.0"}) as c:
        c.locations.ev_locations_by_id(id="x")
    assert server.seen[1].headers["user-agent"] == "my-app/1.0"


def test_request_id_is_fresh_per_call_the_same_on_its_retries_and_sent_as_given(server: ScriptedServer) -> None:
    script(server, lambda ex: json_ok(ex) if ex.n % 3 == 2 else ex.json(503, {"errors": [{"message": "busy"}]}))
    with client(server) as c:
        c.locations.ev_locations_by_id(id="x")
        c.locations.ev_locations_by_id(id="x")
    ids = [seen.headers["requestid"] for seen in server.seen]
    assert len(ids) == 6 and all(UUID.match(i) for i in ids)
    assert len(set(ids[:3])) == 1 and len(set(ids[3:])) == 1 and ids[0] != ids[3]

    server.reset()
    script(server, json_ok)
    with client(server) as c:
        c.locations.ev_locations_by_id(REQUEST_ID, "x")  # the reference SDK's positional form
        c.locations.ev_locations_by_id(id="x", request_id=REQUEST_ID)
        c.locations.nearby_locations(latitude=52.1, longitude=4.3)
        with pytest.raises(TypeError, match=r"nearby_locations\(\) missing 1 required argument: 'longitude'"):
            c.locations.nearby_locations(latitude=52.1)  # type: ignore[call-overload]
    assert [seen.headers["requestid"] for seen in server.seen[:2]] == [REQUEST_ID, REQUEST_ID]
    assert UUID.match(server.seen[2].headers["requestid"])
    assert query(server.seen[2].path) == {"latitude": "52.1", "longitude": "4.3"}
    assert len(server.seen) == 3


# ---- hooks -------------------------------------------------------------------------------------


def test_hooks_see_the_operation_attempt_request_and_response_never_credentials(server: ScriptedServer) -> None:
    script(
        server,
        lambda ex: (
            ex.json(503, {}, {"retry-after": "0"}) if ex.n == 0 else ex.json(404, {"errors": [{"message": "gone"}]})
        ),
    )
    events: List[str] = []

    def before(request: HookRequest) -> None:
        events.append(f"before {request.operation_id} #{request.attempt} {request.method} {request.url}")
        assert "authorization" not in request.headers
        request.headers["x-trace-id"] = f"trace-{request.attempt}"

    def after(request: HookRequest, response: httpx.Response) -> None:
        assert "authorization" not in response.request.headers
        events.append(f"after #{request.attempt} {response.status_code}")

    def on_error(request: HookRequest, error: Exception) -> None:
        events.append(f"error #{request.attempt} {type(error).__name__}")

    hooks = Hooks(before_request=before, after_response=after, on_error=on_error)
    with client(server, hooks=hooks) as c, pytest.raises(NotFoundException):
        c.locations.ev_locations_by_id(id="x")
    url = f"{server.url}/ev/v2/locations/x"
    assert events == [
        f"before evLocationsById #1 GET {url}",
        "after #1 503",
        f"before evLocationsById #2 GET {url}",
        "after #2 404",
        "error #2 NotFoundException",
    ]
    assert [seen.headers["x-trace-id"] for seen in server.seen] == ["trace-1", "trace-2"]
    assert server.seen[0].headers["authorization"] == f"Bearer {TOKEN}"


def test_a_raising_hook_fails_that_call_with_hook_exception_sync_and_async(server: ScriptedServer) -> None:
    boom = RuntimeError("tracing backend down")
    failing = {"on": True}

    def after(request: HookRequest, response: httpx.Response) -> None:
        if failing["on"]:
            raise boom

    with client(server, hooks=Hooks(after_response=after)) as c:
        with pytest.raises(HookException) as caught:
            c.locations.ev_locations_by_id(id="x")
        assert caught.value.hook == "after_response"
        assert str(caught.value) == "The after_response hook raised during evLocationsById"
        assert caught.value.__cause__ is boom
        assert len(server.seen) == 1  # not retried
        failing["on"] = False
        assert isinstance(c.locations.ev_locations_by_id(id="x"), SearchByIdResponse)

    async def before(request: HookRequest) -> None:
        await asyncio.sleep(0)
        raise boom

    async def main() -> None:
        async with AsyncShellevClient(**settings(server, hooks=Hooks(before_request=before))) as c:
            await c.locations.ev_locations_by_id(id="x")

    with pytest.raises(HookException) as caught:
        run(main())
    assert caught.value.hook == "before_request" and caught.value.__cause__ is boom
    assert len(server.seen) == 2  # nothing sent for the failed hook


# ---- logging -----------------------------------------------------------------------------------


def test_retries_log_at_info_responses_at_debug_from_shellev_log_never_a_secret(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    script(server, lambda ex: ex.json(503, {"errors": [{"message": f"down {TOKEN}"}]}) if ex.n == 0 else json_ok(ex))
    caplog.set_level(logging.DEBUG, logger="shellev")
    assert Configuration().log_level == "warn"
    monkeypatch.setenv("SHELLEV_LOG", "debug")
    with client(server) as c:
        assert c.config.log_level == "debug"
        c.locations.ev_locations_by_id(id="x")
    lines = [f"{r.levelname} {r.getMessage()}" for r in caplog.records if r.name == "shellev"]
    assert lines[0] == "DEBUG GET evLocationsById: HTTP 503 (attempt 1)"
    assert re.match(r"^INFO GET evLocationsById: HTTP 503, retry 1 in \d+\.\d{3} s$", lines[1])
    assert lines[2] == "DEBUG GET evLocationsById: HTTP 200 (attempt 2)"
    assert TOKEN not in caplog.text

    caplog.clear()
    monkeypatch.setenv("SHELLEV_LOG", "warn")
    with client(server) as c:
        c.locations.ev_locations_by_id(id="x")
    assert [r for r in caplog.records if r.name == "shellev"] == []
    with client(server, log_level="info") as c:
        assert c.config.log_level == "info"  # the keyword wins over SHELLEV_LOG


class FailingStore:
    """A token store whose reads fail with a message that quotes a secret."""

    def get(self, key: str) -> Optional[OAuthToken]:
        raise RuntimeError(f"store down for {TOKEN}")

    def set(self, key: str, token: OAuthToken) -> None:
        pass

    def delete(self, key: str) -> None:
        pass


def test_the_token_manager_logs_through_the_client_logger_and_level_never_a_secret(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    fresh = "fresh-ACCESS-TOKEN-987654321"

    def serve(ex: Exchange) -> None:
        if ex.request.path.startswith("/v2/oauth/token"):
            ex.json(200, {"access_token": fresh, "token_type": "Bearer", "expires_in": 3600})
        else:
            json_ok(ex)

    script(server, serve)
    caplog.set_level(logging.DEBUG, logger="shellev")
    secret = "client-SECRET-value-42"
    creds = ClientCredentialsAuthCredentials(
        o_auth_client_id="client-id", o_auth_client_secret=secret, token_store=FailingStore()
    )
    with client(server, client_credentials_auth_credentials=creds, log_level="debug") as c:
        c.locations.ev_locations_by_id(id="x")
    assert server.seen[-1].headers["authorization"] == f"Bearer {fresh}"
    lines = [f"{r.levelname} {r.getMessage()}" for r in caplog.records if r.name == "shellev"]
    assert "WARNING [BearerAuth] token store get failed (RuntimeError)" in lines
    assert "DEBUG [BearerAuth] new token (expires in 3600 s)" in lines
    for text in (TOKEN, fresh, secret):
        assert text not in caplog.text

    caplog.clear()
    quiet = ClientCredentialsAuthCredentials(
        o_auth_client_id="client-id", o_auth_client_secret=secret, token_store=FailingStore()
    )
    with client(server, client_credentials_auth_credentials=quiet, log_level="off") as c:
        c.locations.ev_locations_by_id(id="x")
    assert [r for r in caplog.records if r.name == "shellev"] == []


# ---- auto-pagination (get_ev_locations: pageNumber / perPage) -----------------------------------


def page(n: int, size: int) -> List[Dict[str, str]]:
    return [{"uid": f"p{n}-{i}"} for i in range(size)]


def paged(size_of: Callable[[int], int]) -> Script:
    def serve(ex: Exchange) -> None:
        n = int(query(ex.request.path).get("pageNumber", "1"))
        ex.json(200, {"requestId": "r", "status": "SUCCESS", "data": page(n, size_of(n))})

    return serve


def test_iterating_gives_every_location_one_request_per_page_stopping_at_a_short_page(server: ScriptedServer) -> None:
    script(server, paged(lambda n: 2 if n < 3 else 1))
    seen: List[str] = []
    with client(server) as c:
        for location in c.locations.get_ev_locations(per_page=2, country=["NLD"]):
            assert isinstance(location, LocationResponeObjectV2)
            seen.append(location.uid or "")
            if len(seen) == 1:
                assert len(server.seen) == 1  # the next page only when needed
    assert seen == ["p1-0", "p1-1", "p2-0", "p2-1", "p3-0"]
    assert [urllib.parse.urlsplit(s.path).query for s in server.seen] == [
        "perPage=2&country=NLD",
        "pageNumber=2&perPage=2&country=NLD",
        "pageNumber=3&perPage=2&country=NLD",
    ]
    assert len({s.headers["requestid"] for s in server.seen}) == 3  # every page is its own call


def test_the_first_page_by_hand_and_raw(server: ScriptedServer) -> None:
    script(server, paged(lambda n: 3 if n <= 2 else 0))
    with client(server) as c:
        first = c.locations.get_ev_locations(page_number=2)
        assert isinstance(first, SyncPage) and isinstance(first.body, ResponseV2)
        assert [item.uid for item in first.items] == ["p2-0", "p2-1", "p2-2"]
        assert first.has_next_page()
        last = first.get_next_page()
        assert last.items == [] and not last.has_next_page()
        raw = c.locations.with_raw_response.get_ev_locations(page_number=1)
        assert raw.status_code == 200
        assert len(list(raw.parse())) == 6


def test_async_for_over_every_location_and_await_for_the_first_page(server: ScriptedServer) -> None:
    script(server, paged(lambda n: 2 if n < 3 else 0))

    async def main() -> None:
        async with AsyncShellevClient(**settings(server)) as c:
            uids = [location.uid async for location in c.locations.get_ev_locations(per_page=2)]
            assert uids == ["p1-0", "p1-1", "p2-0", "p2-1"]
            first = await c.locations.get_ev_locations(page_number=2, per_page=2)
            assert isinstance(first, AsyncPage) and [item.uid for item in first.items] == ["p2-0", "p2-1"]
            following = await first.get_next_page()
            assert following.items == [] and not following.has_next_page()
            raw = await c.locations.with_raw_response.get_ev_locations(per_page=2)
            assert raw.status_code == 200
            page = raw.parse()
            assert isinstance(page, AsyncPage) and [item.uid for item in page.items] == ["p1-0", "p1-1"]

    run(main())
    assert len(server.seen) == 6


def test_an_error_on_a_later_page_ends_the_loop_with_that_error(server: ScriptedServer) -> None:
    script(
        server,
        lambda ex: (
            ex.json(400, {"errors": [{"message": "no page 2"}]})
            if query(ex.request.path).get("pageNumber") == "2"
            else paged(lambda n: 2)(ex)
        ),
    )
    got: List[object] = []
    with (
        client(server) as c,
        pytest.raises(APIException, match="getEvLocations failed with HTTP 400 Bad Request: no page 2"),
    ):
        for location in c.locations.get_ev_locations(per_page=2):
            got.append(location)
    assert len(got) == 2


# ---- credentials every operation needs --------------------------------------------------------------


def test_credentials_every_operation_needs_are_typed_as_given_and_say_when_missing(server: ScriptedServer) -> None:
    config = Configuration(client_credentials_auth_credentials=credentials())
    # Typed without Optional (mypy --strict checks the README's use of it): no None check needed.
    assert config.client_credentials_auth_credentials.clone_with(o_auth_clock_skew=5).o_auth_clock_skew == 5
    with pytest.raises(ConfigurationException, match="client_credentials_auth_credentials is not set"):
        _ = Configuration().client_credentials_auth_credentials
    # A client without them still builds; its calls say what is missing.
    with ShellevClient(base_url=f"{server.url}/ev") as c, pytest.raises(ConfigurationException, match="BearerAuth"):
        c.locations.ev_locations_by_id(id="x")
    assert server.seen == []
