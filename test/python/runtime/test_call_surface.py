"""The runtime's everyday surface (issue 13; the runtime half of the Python counterpart of
test/runtime/sdk-surface.test.ts, the SDK half being test/python/sdk/test_sdk_surface.py) against a
loopback server, sync and async: raw responses, the server's text in error messages (bounded,
credentials redacted), request ids, hooks and logging; no secret in any of them."""

from __future__ import annotations

import asyncio
import logging
import re
import traceback
from typing import Any, Dict, List, Optional

import httpx
import pydantic
import pytest
from conftest import Harness, LeakWatch

from runtime import (
    DEFAULT_RETRY,
    APIException,
    APIResponse,
    BearerTokenAuthProvider,
    HookException,
    HookRequest,
    Hooks,
    LeveledLogger,
    Operation,
    ParamSpec,
    RequestOptions,
    ResponseParseException,
    server_error_text,
)
from runtime.errors import ConfigurationException
from runtime.request_ids import new_request_id
from runtime.response import with_raw

FAST = DEFAULT_RETRY.with_changes(max_retries=2, backoff_factor=0.001, max_delay=0.01)
TOKEN = "tok-SECRET-0123456789"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


class Thing(pydantic.BaseModel):
    id: str


class NotFoundException(APIException[Any]):
    pass


GET_THING: Operation[Thing] = Operation(
    "getThing",
    "GET",
    "/things/{id}",
    params=(ParamSpec("id", "path"), ParamSpec("RequestId", "header", default=new_request_id)),
    security=({"Bearer": ()},),
    errors={"404": NotFoundException},
    response_type=Thing,
)


@pytest.fixture
def server(scripted: Any) -> Any:
    state: Dict[str, Any] = {"script": lambda ex: ex.json(200, {"id": "t1"})}
    s = scripted(lambda ex: state["script"](ex))
    s.state = state
    return s


def client(h: Harness, s: Any, **options: Any) -> Any:
    options.setdefault("retry", FAST)
    options.setdefault("auth", {"Bearer": BearerTokenAuthProvider(TOKEN, scheme_name="Bearer")})
    return h.http(f"{s.url}/api", **options)


def call(h: Harness, c: Any, *values: object, options: Optional[RequestOptions] = None) -> Any:
    return h.run(c.request(GET_THING, values or ("x", None), options=options))


# ---- raw responses -----------------------------------------------------------------------------


def test_raw_response_has_status_headers_the_httpx_response_and_the_typed_body(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(200, {"id": "t1"}, {"x-ratelimit-remaining": "41"})
    c = client(harness, server)
    assert call(harness, c) == Thing(id="t1")
    raw = call(harness, c, options=with_raw(None))
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-remaining"] == "41"
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.http_response.status_code == 200
    assert str(raw.url) == f"{server.url}/api/things/x"
    assert raw.json() == {"id": "t1"}
    assert raw.parse() == Thing(id="t1")
    assert raw.parse() is raw.parse()
    # The request kept on the response is the one before credentials: no token on it.
    assert "authorization" not in raw.http_response.request.headers
    assert server.seen[-1].headers["authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in repr(raw) and repr(raw) == "<APIResponse [200 OK] getThing>"


def test_raw_calls_raise_as_plain_calls_do_and_parse_errors_wait_for_parse(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(404, {"errors": [{"message": "Thing x not found"}]}, {"x-trace": "t1"})
    c = client(harness, server)
    error = harness.raises(lambda: c.request(GET_THING, ("x", None), options=with_raw(RequestOptions(timeout=5))))
    assert isinstance(error, NotFoundException)
    assert str(error) == "getThing failed with HTTP 404 Not Found: Thing x not found"
    assert error.status_code == 404
    assert error.headers["x-trace"] == "t1"
    assert error.body == {"errors": [{"message": "Thing x not found"}]}

    server.state["script"] = lambda ex: ex.json(200, {"unexpected": True})
    raw = call(harness, c, options=with_raw(None))
    assert raw.status_code == 200
    with pytest.raises(ResponseParseException):
        raw.parse()
    with pytest.raises(ResponseParseException):
        call(harness, c)


# ---- the server's text in error messages --------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"errors": [{"message": "first"}, {"message": "second"}]}, "first"),
        ({"errors": [{"detail": "the detail"}]}, "the detail"),
        ({"title": "Bad thing", "status": 400}, "Bad thing"),
        (
            {"error": "invalid_client", "error_description": "Client authentication failed"},
            "Client authentication failed",
        ),
        ({"error": {"message": "nested"}}, "nested"),
        ("plain text failure", "plain text failure"),
        ("<html><body>502</body></html>", None),
        ({"code": 7}, None),
        ("", None),
        ([], None),
        (None, None),
    ],
)
def test_server_error_text_picks_the_message(body: object, expected: Optional[str]) -> None:
    assert server_error_text(body) == expected


def test_credentials_the_server_echoes_are_redacted_and_the_length_bounded() -> None:
    text = server_error_text(
        {
            "message": f"bad token Bearer {TOKEN} for client_secret=s3cr3t-value; jwt "
            f"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig and key {'A' * 40}\r\ninjected"
        }
    )
    assert text is not None
    for secret in (TOKEN, "s3cr3t", "eyJhbGci", "AAAA"):
        assert secret not in text
    assert "\r" not in text and "\n" not in text
    assert "[REDACTED]" in text
    assert text.endswith("injected")
    assert server_error_text({"message": "Basic dXNlcjpwYXNz rejected"}) == "[REDACTED] rejected"
    # As error-text.ts does: the closing quote stays.
    assert server_error_text({"message": 'api_key: "k-123" is wrong'}) == '[REDACTED]" is wrong'
    assert server_error_text({"message": "x\u00a0Bearer\u00a0abc\u00a0def"}) == "x\u00a0[REDACTED]\u00a0def"
    # A request id stays readable.
    uuid = "123e4567-e89b-12d3-a456-426614174000"
    assert server_error_text({"message": f"request {uuid} failed"}) == f"request {uuid} failed"
    long = server_error_text({"message": "word " * 1000})
    assert long is not None and len(long) == 200 and long.endswith("…")


def test_an_api_error_never_carries_the_token_in_its_message(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(
        400, {"errors": [{"message": f"rejected {ex.request.headers['authorization']}"}]}
    )
    error = harness.raises(lambda: client(harness, server).request(GET_THING, ("x", None)))
    assert str(error) == "getThing failed with HTTP 400 Bad Request: rejected [REDACTED]"
    # The body keeps what the server sent (on ``body``, never in the message, str, repr or traceback).
    shown = "".join(traceback.format_exception(type(error), error, error.__traceback__)) + repr(error)
    assert TOKEN not in shown


# ---- request ids -------------------------------------------------------------------------------


def test_a_request_id_is_fresh_per_call_and_the_same_on_every_retry(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(200, {"id": "t"}) if ex.n % 3 == 2 else ex.json(503, {})
    c = client(harness, server)
    call(harness, c)
    call(harness, c)
    ids = [seen.headers["requestid"] for seen in server.seen]
    assert len(ids) == 6
    assert all(UUID.match(i) for i in ids)
    assert len(set(ids[:3])) == 1 and len(set(ids[3:])) == 1 and ids[0] != ids[3]
    server.reset()
    server.state["script"] = lambda ex: ex.json(200, {"id": "t"})
    call(harness, c, "x", "123e4567-e89b-12d3-a456-426614174000")
    assert server.seen[0].headers["requestid"] == "123e4567-e89b-12d3-a456-426614174000"


# ---- hooks -------------------------------------------------------------------------------------


def test_hooks_see_operation_attempt_request_and_response_but_never_credentials(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: (
        ex.json(503, {}, {"retry-after": "0"}) if ex.n == 0 else ex.json(404, {"errors": [{"message": "gone"}]})
    )
    events: List[str] = []

    def before(request: HookRequest) -> None:
        events.append(f"before {request.operation_id} #{request.attempt} {request.method} {request.url}")
        assert "authorization" not in request.headers
        request.headers["x-trace-id"] = f"trace-{request.attempt}"

    async def after_async(request: HookRequest, response: httpx.Response) -> None:
        await asyncio.sleep(0)
        after(request, response)

    def after(request: HookRequest, response: httpx.Response) -> None:
        assert "authorization" not in response.request.headers
        events.append(f"after #{request.attempt} {response.status_code} {response.json()}")

    def on_error(request: HookRequest, error: Exception) -> None:
        events.append(f"error #{request.attempt} {type(error).__name__}")

    hooks = Hooks(before_request=before, after_response=after_async if harness.is_async else after, on_error=on_error)
    error = harness.raises(lambda: client(harness, server, hooks=hooks).request(GET_THING, ("x", None)))
    assert isinstance(error, NotFoundException)
    url = f"{server.url}/api/things/x"
    assert events == [
        f"before getThing #1 GET {url}",
        "after #1 503 {}",
        f"before getThing #2 GET {url}",
        "after #2 404 {'errors': [{'message': 'gone'}]}",
        "error #2 NotFoundException",
    ]
    assert [seen.headers["x-trace-id"] for seen in server.seen] == ["trace-1", "trace-2"]
    assert all(seen.headers["authorization"] == f"Bearer {TOKEN}" for seen in server.seen)
    assert TOKEN not in repr(HookRequest("op", 1, "GET", url, {"authorization": TOKEN}))


def test_a_hook_that_raises_fails_that_call_only_and_is_not_retried(harness: Harness, server: Any) -> None:
    boom = RuntimeError("tracing backend down")
    failing = {"on": True}

    def after(request: HookRequest, response: httpx.Response) -> None:
        if failing["on"]:
            raise boom

    c = client(harness, server, hooks=Hooks(after_response=after))
    error = harness.raises(lambda: c.request(GET_THING, ("x", None)))
    assert isinstance(error, HookException)
    assert error.hook == "after_response"
    assert str(error) == "The after_response hook raised during getThing"
    assert error.__cause__ is boom
    assert len(server.seen) == 1
    failing["on"] = False
    assert call(harness, c) == Thing(id="t1")

    def before(request: HookRequest) -> None:
        raise boom

    errors: List[Exception] = []
    c = client(harness, server, hooks=Hooks(before_request=before, on_error=lambda r, e: errors.append(e)))
    error = harness.raises(lambda: c.request(GET_THING, ("x", None)))
    assert isinstance(error, HookException) and error.hook == "before_request"
    assert len(server.seen) == 2  # nothing sent for the failed hook
    assert errors == []  # a hook's own failure is not reported to on_error


def test_a_coroutine_hook_needs_the_async_client(harness: Harness, server: Any) -> None:
    seen: List[int] = []

    async def before(request: HookRequest) -> None:
        seen.append(request.attempt)

    c = client(harness, server, hooks=Hooks(before_request=before))
    if harness.is_async:
        assert call(harness, c) == Thing(id="t1")
        assert seen == [1]
    else:
        error = harness.raises(lambda: c.request(GET_THING, ("x", None)))
        assert isinstance(error, HookException)
        assert isinstance(error.__cause__, ConfigurationException)
        assert server.seen == []


# ---- logging -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("off", []),
        ("error", ["ERROR"]),
        ("warn", ["ERROR", "WARNING"]),
        ("info", ["ERROR", "WARNING", "INFO"]),
        ("debug", ["ERROR", "WARNING", "INFO", "DEBUG"]),
        ("chatty", ["ERROR", "WARNING"]),
        (None, ["ERROR", "WARNING"]),
    ],
)
def test_leveled_logger_passes_only_levels_at_or_above_its_threshold(
    level: Optional[str], expected: List[str], caplog: pytest.LogCaptureFixture
) -> None:
    name = f"sdk-test-{level}"
    caplog.set_level(logging.DEBUG, logger=name)
    log = LeveledLogger(logging.getLogger(name), level)  # type: ignore[arg-type]
    log.error("e")
    log.warning("w")
    log.info("i")
    log.debug("d")
    assert [r.levelname for r in caplog.records if r.name == name] == expected


def test_a_verbose_level_lowers_an_unset_logger_level() -> None:
    logger = logging.getLogger("sdk-test-unset")
    assert logger.level == logging.NOTSET
    LeveledLogger(logger, "debug")
    assert logger.level == logging.DEBUG
    chosen = logging.getLogger("sdk-test-chosen")
    chosen.setLevel(logging.ERROR)
    LeveledLogger(chosen, "debug")
    assert chosen.level == logging.ERROR  # a level you set is yours


def test_retries_log_at_info_responses_at_debug_never_a_secret(
    harness: Harness, server: Any, caplog: pytest.LogCaptureFixture, watch: LeakWatch
) -> None:
    watch.secret(TOKEN)
    server.state["script"] = lambda ex: (
        ex.json(503, {"errors": [{"message": f"down {TOKEN}"}]}) if ex.n == 0 else ex.json(200, {"id": "t"})
    )
    caplog.set_level(logging.DEBUG, logger="sdk-test-calls")
    c = client(harness, server, logger=LeveledLogger(logging.getLogger("sdk-test-calls"), "debug"))
    call(harness, c)
    lines = [f"{r.levelname} {r.getMessage()}" for r in caplog.records if r.name == "sdk-test-calls"]
    assert lines[0] == "DEBUG GET getThing: HTTP 503 (attempt 1)"
    assert re.match(r"^INFO GET getThing: HTTP 503, retry 1 in \d+\.\d{3} s$", lines[1])
    assert lines[2] == "DEBUG GET getThing: HTTP 200 (attempt 2)"
    watch.logs(caplog.records)
    assert watch.leaks() == []

    caplog.clear()
    quiet = client(harness, server, logger=LeveledLogger(logging.getLogger("sdk-test-calls"), "warn"))
    call(harness, quiet)
    assert [r for r in caplog.records if r.name == "sdk-test-calls"] == []
