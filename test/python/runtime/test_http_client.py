"""HttpClient / AsyncHttpClient against a loopback server: URL/param/body encoding, response
reading, error-class mapping, security selection, timeouts, retries, redirects (port of
test/runtime/http-client.test.ts); sync and async."""

from __future__ import annotations

import email.utils
import pickle
import time
import traceback
from typing import Any, Dict, List, Optional

import pydantic
import pytest
from conftest import Exchange, Harness

from runtime import (
    DEFAULT_RETRY,
    APIException,
    ConfigurationException,
    Operation,
    ParamSpec,
    RequestOptions,
    ResponseParseException,
    TimeoutException,
    binary_body,
    json_body,
    multipart_body,
    text_body,
)
from runtime.auth.provider import AuthTarget
from runtime.retry import backoff_delay, parse_retry_after
from runtime.url import join_url, redact_url, resolve_url

FAST = DEFAULT_RETRY.with_changes(max_retries=2, backoff_factor=0.001, max_delay=0.05)


class BadRequest(pydantic.BaseModel):
    code: str


class BadRequestException(APIException[BadRequest]):
    _body_model = BadRequest


class ClientErrorException(APIException[Any]):
    pass


class FallbackException(APIException[Any]):
    pass


class Item(pydantic.BaseModel):
    ok: bool


def op(**overrides: Any) -> Operation[Any]:
    options: Dict[str, Any] = {"operation_id": "testOp", "method": "GET", "path": "/items"}
    options.update(overrides)
    return Operation(options.pop("operation_id"), options.pop("method"), options.pop("path"), **options)


@pytest.fixture
def server(scripted: Any) -> Any:
    state: Dict[str, Any] = {"script": lambda ex: ex.json(200, {"ok": True})}
    s = scripted(lambda ex: state["script"](ex))
    s.state = state
    return s


def client(h: Harness, s: Any, **options: Any) -> Any:
    options.setdefault("retry", FAST)
    return h.http(f"{s.url}/api/", **options)


def test_request_building(harness: Harness, server: Any) -> None:
    o = op(
        path="/items/{id}",
        params=(
            ParamSpec("id", "path"),
            ParamSpec("tags", "query"),
            ParamSpec("filter", "query", style="deepObject", explode=True),
            ParamSpec("RequestId", "header"),
            ParamSpec("sid", "cookie"),
        ),
    )
    c = client(harness, server, headers={"user-agent": "sdk/1", "x-over": "client"})
    harness.run(
        c.request(
            o, ("a b/c", ["x", "y"], {"color": "red"}, "r-1", "s1"), options=RequestOptions(headers={"x-over": "call"})
        )
    )
    req = server.seen[0]
    assert req.path == "/api/items/a%20b%2Fc?tags=x&tags=y&filter[color]=red"
    assert req.headers["requestid"] == "r-1"
    assert req.headers["cookie"] == "sid=s1"
    assert req.headers["accept"] == "application/json"
    assert req.headers["user-agent"] == "sdk/1"
    assert req.headers["x-over"] == "call"


@pytest.mark.parametrize(
    ("encoded", "content_type", "raw"),
    [
        (json_body({"a": 1}), "application/json", b'{"a":1}'),
        (text_body("hello"), "text/plain", b"hello"),
        (binary_body(b"\x01\x02\x03"), "application/octet-stream", b"\x01\x02\x03"),
        (binary_body(b"blob", "*/*"), "application/octet-stream", b"blob"),
    ],
)
def test_bodies(harness: Harness, server: Any, encoded: Any, content_type: str, raw: bytes) -> None:
    harness.run(client(harness, server).request(op(method="POST"), body=encoded))
    assert server.seen[0].headers["content-type"] == content_type
    assert server.seen[0].body == raw


def test_multipart_body(harness: Harness, server: Any) -> None:
    body = multipart_body({"name": "n", "meta": {"a": 1}, "file": ("photo.png", b"file-content", "image/png")})
    harness.run(client(harness, server).request(op(method="POST"), body=body))
    req = server.seen[0]
    assert req.headers["content-type"].startswith("multipart/form-data; boundary=")
    text = req.body.decode()
    assert 'name="name"\r\n\r\nn' in text
    assert 'filename="photo.png"' in text
    assert '{"a":1}' in text


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("https://h/api", "/v1/items", "https://h/api/v1/items"),
        ("https://h/api/", "/v1/items", "https://h/api/v1/items"),
        ("https://h", "v1/items", "https://h/v1/items"),
        ("https://h/api?key=1", "/v1/items", "https://h/api/v1/items?key=1"),
    ],
)
def test_join_url(base: str, path: str, expected: str) -> None:
    assert join_url(base, path) == expected


def test_resolve_and_redact_url() -> None:
    assert resolve_url("/v2/oauth/token", "https://api.example.com/base/") == "https://api.example.com/v2/oauth/token"
    assert resolve_url("token", "https://api.example.com/base/") == "https://api.example.com/base/token"
    assert resolve_url("https://auth.example.com/t", "https://api.example.com") == "https://auth.example.com/t"
    assert redact_url("https://u:p@h.example:8443/a/b?key=s#f") == "https://h.example:8443/a/b"


@pytest.mark.parametrize(
    ("values", "headers"),
    [
        (("a\r\nInjected: 1",), None),
        ((None,), {"x-a": "a\x00b"}),
        ((None,), {"bad name": "v"}),
        ((None,), {"x-a": "snow \u2603"}),
    ],
)
def test_invalid_headers_fail_before_anything_is_sent(harness: Harness, server: Any, values: Any, headers: Any) -> None:
    o = op(params=(ParamSpec("X-Id", "header"),))
    error = harness.raises(lambda: client(harness, server).request(o, values, options=RequestOptions(headers=headers)))
    assert isinstance(error, ValueError)
    assert "Injected" not in str(error)
    assert server.seen == []
    with pytest.raises(ValueError):
        client(harness, server, headers={"x-a": "line\nbreak"})


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [("json", b'{"a":1}', {"a": 1}), ("text", b"plain", "plain"), ("none", b"x", None), ("bytes", b"abc", b"abc")],
)
def test_response_kinds(harness: Harness, server: Any, kind: str, body: bytes, expected: Any) -> None:
    server.state["script"] = lambda ex: ex.send(200, body)
    assert harness.run(client(harness, server).request(op(response_kind=kind))) == expected


def test_typed_results_204_and_parse_errors(harness: Harness, server: Any) -> None:
    typed: Operation[List[Item]] = op(response_type=List[Item])
    server.state["script"] = lambda ex: ex.json(200, [{"ok": True}])
    assert harness.run(client(harness, server).request(typed)) == [Item(ok=True)]
    server.state["script"] = lambda ex: ex.send(204)
    assert harness.run(client(harness, server).request(typed)) is None
    server.state["script"] = lambda ex: ex.json(200, [{"ok": "nope"}])
    assert isinstance(harness.raises(lambda: client(harness, server).request(typed)), ResponseParseException)
    server.state["script"] = lambda ex: ex.send(200, b"{not json", {"content-type": "application/json"})
    assert isinstance(harness.raises(lambda: client(harness, server).request(op())), ResponseParseException)


@pytest.mark.parametrize(
    ("status", "expected"), [(400, BadRequestException), (404, ClientErrorException), (503, FallbackException)]
)
def test_status_maps_to_its_error_class(harness: Harness, server: Any, status: int, expected: type) -> None:
    server.state["script"] = lambda ex: ex.send(
        status, b'{"code":"E1"}', {"content-type": "application/problem+json", "X-Trace": "t1"}
    )
    errors = {"400": BadRequestException, "4XX": ClientErrorException, "default": FallbackException}
    error = harness.raises(lambda: client(harness, server, retry=DEFAULT_RETRY).request(op(errors=errors)))
    assert type(error) is expected
    assert isinstance(error, APIException)
    assert error.response_code == status
    assert error.body == {"code": "E1"}
    assert error.headers["x-trace"] == "t1"
    assert "testOp" in str(error)
    if isinstance(error, BadRequestException):
        assert error.model == BadRequest(code="E1")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is expected and copy.response_code == status and copy.body == error.body
    assert "testOp" in "".join(traceback.format_exception(type(error), error, error.__traceback__))


def test_unmapped_status_is_api_exception_with_text_body(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.send(418, b"teapot", {"content-type": "text/plain"})
    error = harness.raises(lambda: client(harness, server).request(op()))
    assert type(error) is APIException
    assert error.body == "teapot"
    assert BadRequestException("x", 400, {}, "not an object").model is None  # tolerant typed body


class Provider:
    def __init__(self, configured: bool, scheme_name: str = "p") -> None:
        self.configured = configured
        self.applied = 0
        self.scheme_name = scheme_name

    def is_configured(self) -> bool:
        return self.configured

    def apply_cached(self, target: AuthTarget) -> object:
        self.applied += 1
        target.headers["authorization"] = "Bearer test"
        return None

    def apply(self, target: AuthTarget) -> Any:
        raise AssertionError("not needed")

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Any:
        raise AssertionError("not needed")


def test_security_selection(harness: Harness, server: Any) -> None:
    a, b = Provider(False), Provider(True)
    c = client(harness, server, auth={"A": a, "B": b})
    harness.run(c.request(op(security=({"A": ()}, {"B": ("read",)}))))
    assert b.applied == 1 and server.seen[0].headers["authorization"] == "Bearer test"
    harness.run(c.request(op(security=({"A": ()}, {}))))
    assert "authorization" not in server.seen[1].headers
    harness.run(c.request(op(security=())))
    assert a.applied == 0
    error = harness.raises(lambda: client(harness, server, auth={}).request(op(security=({"BearerAuth": ()},))))
    assert isinstance(error, ConfigurationException) and "BearerAuth" in str(error)


def test_timeouts(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: (time.sleep(0.5), ex.json(200, {}))
    error = harness.raises(lambda: client(harness, server, timeout=0.05, retry=DEFAULT_RETRY).request(op()))
    assert isinstance(error, TimeoutException) and error.timeout == 0.05
    assert harness.run(client(harness, server, timeout=0.05).request(op(), options=RequestOptions(timeout=2))) == {}
    assert harness.run(client(harness, server, timeout=0).request(op())) == {}  # 0: no timeout
    for bad in (-1, float("nan")):
        with pytest.raises(ConfigurationException):
            client(harness, server, timeout=bad)


def test_retries(harness: Harness, server: Any) -> None:
    def flaky(ex: Exchange) -> None:
        if ex.n % 2 == 0:
            ex.send(503, b"", {"retry-after": "0"})
        else:
            ex.json(200, {"ok": True})

    server.state["script"] = flaky
    assert harness.run(client(harness, server).request(op())) == {"ok": True}
    assert len(server.seen) == 2
    server.reset()
    assert isinstance(harness.raises(lambda: client(harness, server).request(op(method="POST"))), APIException)
    server.reset()
    error = harness.raises(lambda: client(harness, server).request(op(), options=RequestOptions(retry=False)))
    assert isinstance(error, APIException)
    assert len(server.seen) == 1


def test_retry_after_is_capped_and_retries_bounded(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.send(429, b"", {"retry-after": "3600"})
    started = time.monotonic()
    error = harness.raises(lambda: client(harness, server, retry=FAST.with_changes(max_delay=0.03)).request(op()))
    assert error.response_code == 429
    assert len(server.seen) == 3
    assert time.monotonic() - started < 1


def test_backoff_arithmetic() -> None:
    policy = DEFAULT_RETRY.with_changes(max_retries=3, backoff_factor=0.1, max_delay=1)
    assert backoff_delay(0, policy, None, 0, lambda: 0.999) == pytest.approx(0.0999)
    assert backoff_delay(5, policy, None, 0, lambda: 0.999) == pytest.approx(0.999)
    assert backoff_delay(0, policy, None, 0, lambda: 0) == 0
    assert parse_retry_after("5") == 5
    assert parse_retry_after(email.utils.formatdate(10, usegmt=True), 4) == 6
    assert parse_retry_after("soon") is None
    assert DEFAULT_RETRY.max_retries == 0 and sorted(DEFAULT_RETRY.methods) == ["GET", "PUT"]


def test_same_origin_redirects_keep_credentials_cross_origin_ones_drop_them(
    harness: Harness, server: Any, scripted: Any
) -> None:
    foreign = scripted(lambda ex: ex.json(200, {"foreign": True}))

    def script(ex: Exchange) -> None:
        if ex.request.path.startswith("/api/items"):
            ex.send(307, b"", {"location": "/api/moved"})
        elif ex.request.path == "/api/moved":
            ex.send(302, b"", {"location": f"{foreign.url}/x"})

    server.state["script"] = script
    key = Provider(True)
    c = client(harness, server, auth={"k": key})
    assert harness.run(c.request(op(security=({"k": ()},)))) == {"foreign": True}
    assert [r.path for r in server.seen] == ["/api/items", "/api/moved"]
    assert server.seen[1].headers["authorization"] == "Bearer test"
    assert "authorization" not in foreign.seen[0].headers
