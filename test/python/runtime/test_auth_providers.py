"""The static-credential providers (API key, HTTP basic, bearer token/supplier) and server URL
handling, through the HTTP clients against a loopback server (port of
test/runtime/auth-providers.test.ts); sync and async."""

from __future__ import annotations

import base64
from typing import Any, List

import pytest
from conftest import Harness

from runtime import (
    ApiKeyAuthProvider,
    BasicAuthProvider,
    BearerTokenAuthProvider,
    ConfigurationException,
    Operation,
    ParamSpec,
    ProxySettings,
    RetryPolicy,
    ServerSpec,
    ServerVariable,
    TokenSupplierContext,
    client_base_url,
    expand_server_url,
    operation_base_url,
)
from runtime.auth.secret import redact_mapping

NO_RETRY: RetryPolicy = RetryPolicy(0, 0, 0, frozenset(), frozenset())


Q = (ParamSpec("q", "query"),)


def op(security: Any = ({"s": ()},), params: Any = Q) -> Operation[Any]:
    return Operation("op", "GET", "/items", params=params, security=security)


@pytest.fixture
def server(scripted: Any) -> Any:
    statuses: List[int] = []
    s = scripted(lambda ex: ex.json(statuses.pop(0) if statuses else 200, {}))
    s.statuses = statuses
    return s


def call(h: Harness, s: Any, auth: Any, o: Any = None, values: Any = ("a b[c]",), **options: Any) -> Any:
    options.setdefault("retry", NO_RETRY)
    return h.run(h.http(f"{s.url}/api", auth=auth, **options).request(o or op(), values))


def test_api_key_header(harness: Harness, server: Any) -> None:
    call(harness, server, {"s": ApiKeyAuthProvider("k-1", scheme_name="s", location="header", name="X-API-Key")})
    assert server.seen[0].headers["x-api-key"] == "k-1"
    assert server.seen[0].path == "/api/items?q=a%20b%5Bc%5D"


def test_api_key_query_appended_once_per_attempt(harness: Harness, server: Any) -> None:
    server.statuses.append(503)
    retry = RetryPolicy(1, 0.001, 0.001, frozenset({503}), frozenset({"GET"}))
    call(
        harness,
        server,
        {"s": ApiKeyAuthProvider("a+b/c=", scheme_name="s", location="query", name="api key")},
        retry=retry,
    )
    assert [r.path for r in server.seen] == ["/api/items?q=a%20b%5Bc%5D&api%20key=a%2Bb%2Fc%3D"] * 2


def test_api_key_cookie(harness: Harness, server: Any) -> None:
    key = ApiKeyAuthProvider("abc+/=", scheme_name="s", location="cookie", name="SESSION")
    call(harness, server, {"s": key}, op(params=(ParamSpec("sid", "cookie"),)), ("x",))
    assert server.seen[0].headers["cookie"] == "sid=x; SESSION=abc+/="
    spaced = ApiKeyAuthProvider("a b;c", scheme_name="s", location="cookie", name="SESSION")
    call(harness, server, {"s": spaced}, op(params=()), ())
    assert server.seen[1].headers["cookie"] == "SESSION=a%20b%3Bc"


def test_api_key_supplier_called_per_request(harness: Harness, server: Any) -> None:
    n = [0]

    def supplier() -> str:
        n[0] += 1
        return f"k{n[0]}"

    async def async_supplier() -> str:
        return supplier()

    key = ApiKeyAuthProvider(
        async_supplier if harness.is_async else supplier, scheme_name="s", location="header", name="x-key"
    )
    http = harness.http(server.url, auth={"s": key}, retry=NO_RETRY)
    harness.run(http.request(op(), ("v",)))
    harness.run(http.request(op(), ("v",)))
    assert [r.headers["x-key"] for r in server.seen] == ["k1", "k2"]


def test_api_key_never_over_plain_http_never_printed_no_header_injection(harness: Harness, server: Any) -> None:
    key = ApiKeyAuthProvider("secret-key", scheme_name="s", location="query", name="k")
    insecure = harness.http("http://api.example.com", auth={"s": key})
    refused = harness.raises(lambda: insecure.request(op(), ("v",)))
    assert isinstance(refused, ConfigurationException)
    assert "secret-key" not in repr(refused) + repr(key) + str(key)
    assert "[REDACTED]" in repr(key)
    bad = ApiKeyAuthProvider("x\r\nInjected: 1", scheme_name="s", location="header", name="k")
    error = harness.raises(lambda: harness.http(server.url, auth={"s": bad}).request(op(), ("v",)))
    assert isinstance(error, ConfigurationException) and "Injected" not in str(error)


def test_api_key_unconfigured(harness: Harness, server: Any) -> None:
    key = ApiKeyAuthProvider(None, scheme_name="s", location="header", name="k")
    assert not key.is_configured()
    error = harness.raises(lambda: harness.http(server.url, auth={"s": key}).request(op(), ("v",)))
    assert isinstance(error, ConfigurationException)
    call(harness, server, {"s": key}, op(security=({"s": ()}, {})))
    assert "k" not in server.seen[0].headers


def test_basic_auth(harness: Harness, server: Any) -> None:
    basic = BasicAuthProvider("zo\u00eb", "p@ss w\u00f6rd:1", scheme_name="basic")
    call(harness, server, {"s": basic})
    assert (
        server.seen[0].headers["authorization"]
        == "Basic " + base64.b64encode("zo\u00eb:p@ss w\u00f6rd:1".encode()).decode()
    )
    assert "w\u00f6rd" not in repr(basic) and "zo\u00eb" in repr(basic)
    colon = BasicAuthProvider("a:b", "p", scheme_name="basic")
    assert isinstance(
        harness.raises(lambda: harness.http(server.url, auth={"s": colon}).request(op(), ("v",))),
        ConfigurationException,
    )


def test_bearer_static_token_is_not_replayed(harness: Harness, server: Any) -> None:
    server.statuses.append(401)
    bearer = BearerTokenAuthProvider("t-static", scheme_name="b")
    error = harness.raises(lambda: harness.http(server.url, auth={"s": bearer}, retry=NO_RETRY).request(op(), ("v",)))
    assert error.response_code == 401
    assert [r.headers["authorization"] for r in server.seen] == ["Bearer t-static"]
    assert "t-static" not in repr(bearer)


def test_bearer_supplier_gets_scopes_and_force_refresh_on_401(harness: Harness, server: Any) -> None:
    server.statuses.append(401)
    calls: List[TokenSupplierContext] = []

    def supplier(context: TokenSupplierContext) -> str:
        calls.append(context)
        return f"t{len(calls)}"

    bearer = BearerTokenAuthProvider(supplier, scheme_name="b")
    call(harness, server, {"s": bearer}, op(security=({"s": ("read", "write")},)))
    assert [r.headers["authorization"] for r in server.seen] == ["Bearer t1", "Bearer t2"]
    assert calls == [TokenSupplierContext(("read", "write"), False), TokenSupplierContext(("read", "write"), True)]


def test_bearer_supplier_second_401_is_final_and_non_string_fails(harness: Harness, server: Any) -> None:
    server.statuses.extend([401, 401])
    bearer = BearerTokenAuthProvider(lambda context: "t", scheme_name="b")
    error = harness.raises(lambda: harness.http(server.url, auth={"s": bearer}, retry=NO_RETRY).request(op(), ("v",)))
    assert error.response_code == 401 and len(server.seen) == 2
    broken = BearerTokenAuthProvider(lambda context: None, scheme_name="b")  # type: ignore[arg-type,return-value]
    error = harness.raises(lambda: harness.http(server.url, auth={"s": broken}).request(op(), ("v",)))
    assert isinstance(error, ConfigurationException) and "must be a string, not None" in str(error)


def test_security_alternatives(harness: Harness, server: Any) -> None:
    key = ApiKeyAuthProvider("k", scheme_name="A", location="header", name="x-a")
    basic = BasicAuthProvider("u", "p", scheme_name="B")
    none = BearerTokenAuthProvider(None, scheme_name="C")
    call(harness, server, {"A": key, "B": basic}, op(security=({"A": (), "B": ()},)))
    assert server.seen[0].headers["x-a"] == "k" and server.seen[0].headers["authorization"].startswith("Basic ")
    call(harness, server, {"A": key, "B": basic, "C": none}, op(security=({"C": ()}, {"A": ()}, {"B": ()})))
    assert server.seen[1].headers["x-a"] == "k" and "authorization" not in server.seen[1].headers
    call(harness, server, {"C": BearerTokenAuthProvider("t", scheme_name="C")}, op(security=({}, {"C": ()})))
    assert server.seen[2].headers["authorization"] == "Bearer t"


SERVER = ServerSpec(
    "https://{tenant}.{region}.example.com/{basePath}",
    {"tenant": ServerVariable("demo"), "region": ServerVariable("eu", ("eu", "us")), "basePath": ServerVariable("v2")},
)


def test_servers() -> None:
    assert expand_server_url(SERVER) == "https://demo.eu.example.com/v2"
    assert expand_server_url(SERVER, {"tenant": "acme", "region": "us"}) == "https://acme.us.example.com/v2"
    with pytest.raises(ConfigurationException, match="'eu', 'us'"):
        expand_server_url(SERVER, {"region": "mars"})
    with pytest.raises(ConfigurationException, match="pass base_url"):
        client_base_url(ServerSpec("/api/v1"), environment="default")
    assert (
        client_base_url(ServerSpec("/api/v1"), environment="x", base_url="https://h.example/api/v1")
        == "https://h.example/api/v1"
    )
    with pytest.raises(ConfigurationException):
        client_base_url(SERVER, environment="x", base_url="/relative")
    assert client_base_url(SERVER, environment="x", server_variables={"tenant": "t"}) == "https://t.eu.example.com/v2"
    assert operation_base_url([ServerSpec("/v3")], "https://h.example/api/v2") == "https://h.example/v3"


def test_operation_server_is_the_api_origin(harness: Harness, server: Any) -> None:
    key = ApiKeyAuthProvider("k", scheme_name="s", location="header", name="x-k")
    http = harness.http("https://api.example.com", auth={"s": key}, retry=NO_RETRY)
    harness.run(
        http.request(op(), ("v",), base_url=operation_base_url([ServerSpec(f"{server.url}/own")], http.base_url))
    )
    assert server.seen[0].path == "/own/items?q=v"
    assert server.seen[0].headers["x-k"] == "k"


def test_redact_mapping_and_proxy_settings() -> None:
    out = redact_mapping(
        {"api_key": "sekret", "token": lambda: "x", "timeout": 5, "basic": None}, ("api_key", "token", "basic")
    )
    assert out == {"api_key": "[REDACTED]", "token": "[Function]", "timeout": 5, "basic": None}
    proxy = ProxySettings("http://localhost", port=8888, username="user", password="pass-word")
    assert proxy.url() == "http://localhost:8888"
    assert "pass-word" not in repr(proxy)
    assert proxy.to_httpx_proxy().auth == ("user", "pass-word")
