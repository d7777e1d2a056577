"""Token endpoint failure modes and the nine hostile-condition guarantees of issue 12, against
loopback servers the tests control; sync and async (port of test/runtime/token-faults.test.ts)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
import threading
import time
import urllib.parse
from typing import Any, Dict, Optional

import pytest
from conftest import Exchange, Harness, LeakWatch

from runtime import (
    DEFAULT_TOKEN_RETRY,
    ClientCredentialsAuthCredentials,
    ConfigurationException,
    FileTokenStore,
    HttpClient,
    MemoryTokenStore,
    NetworkException,
    OAuthProviderException,
    OAuthToken,
    Operation,
    ProxySettings,
    TimeoutException,
)
from runtime.auth.cache_key import fnv1a64
from runtime.auth.token_request import MAX_TOKEN_RESPONSE_BYTES, basic_authorization

SECRET = "fault-s\u00e9cret:+ /"
TOKEN = "tok-abcdefghijklmnop"
GOOD = {"access_token": TOKEN, "token_type": "bearer", "expires_in": 60, "scope": "read"}
FAST_RETRY = DEFAULT_TOKEN_RETRY.with_changes(backoff_factor=0.01, max_delay=1.5)
NO_RETRY = DEFAULT_TOKEN_RETRY.disabled()
PASSWORD = "".join(["pa55", "word"])  # built, so the literal is not in traceback source lines


@pytest.fixture(scope="module", autouse=True)
def _secrets(watch: LeakWatch) -> None:
    watch.secret(SECRET, TOKEN)


def manager(
    h: Harness,
    url: str,
    timeout: Optional[float] = None,
    manager_options: Optional[Dict[str, Any]] = None,
    **extra: Any,
) -> Any:
    options: Dict[str, Any] = {
        "o_auth_client_id": "fault client",
        "o_auth_client_secret": SECRET,
        "token_store": MemoryTokenStore(),
    }
    options.update(extra)
    credentials = ClientCredentialsAuthCredentials(**options)
    settings: Dict[str, Any] = {"token_url": url, "retry": FAST_RETRY, "timeout": 60 if timeout is None else timeout}
    settings.update(manager_options or {})
    return h.manager(credentials, **settings)


def form(body: bytes) -> Dict[str, str]:
    return dict(urllib.parse.parse_qsl(body.decode()))


# ---- request format and plain failures --------------------------------------------------------


def test_request_format(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    m = manager(harness, f"{s.url}/oauth/token", o_auth_scopes=["a", "b"], token_request_params={"audience": "x"})
    token = harness.run(m.fetch_token({"resource": "r"}))
    assert (token.access_token, token.token_type, token.expires_in, token.scope) == (TOKEN, "Bearer", 60, "read")
    assert token.expiry is not None and token.expiry >= int(time.time()) + 59
    req = s.seen[0]
    assert req.method == "POST"
    assert req.headers["content-type"] == "application/x-www-form-urlencoded"
    assert req.headers["accept"] == "application/json"
    decoded = base64.b64decode(req.headers["authorization"][6:]).decode()
    assert decoded == "fault+client:fault-s%C3%A9cret%3A%2B+%2F"
    assert form(req.body) == {"grant_type": "client_credentials", "scope": "a b", "audience": "x", "resource": "r"}
    assert basic_authorization("a", "b") == "Basic " + base64.b64encode(b"a:b").decode()


def test_client_secret_post_puts_the_credentials_in_the_form(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    harness.run(manager(harness, s.url, token_endpoint_auth_method="client_secret_post").fetch_token())
    req = s.seen[0]
    assert "authorization" not in req.headers
    assert form(req.body)["client_id"] == "fault client"
    assert form(req.body)["client_secret"] == SECRET


def test_token_server_down_is_a_network_exception_naming_the_url(
    harness: Harness, scripted: Any, watch: LeakWatch
) -> None:
    s = scripted(lambda ex: None)
    url = f"{s.url}/oauth/token?api_key=hidden"
    s.stop()
    error = watch.error(harness.raises(manager(harness, url).fetch_token))
    assert isinstance(error, NetworkException)
    assert f"{s.url}/oauth/token" in str(error)
    assert "ECONNREFUSED" in str(error)
    assert "hidden" not in str(error)
    assert error.__cause__ is None and error.__suppress_context__


def test_slow_token_server_is_a_timeout_exception(harness: Harness, scripted: Any, watch: LeakWatch) -> None:
    s = scripted(lambda ex: (time.sleep(1.5), ex.json(200, GOOD)))
    m = manager(harness, f"{s.url}/token", timeout=0.1, manager_options={"retry": NO_RETRY})
    started = time.monotonic()
    error = watch.error(harness.raises(m.fetch_token))
    assert isinstance(error, TimeoutException)
    assert f"{s.url}/token" in str(error)
    assert time.monotonic() - started < 1.4


def test_500_then_200_succeeds_after_a_retry(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(500, {"oops": 1}) if ex.n == 0 else ex.json(200, GOOD))
    assert harness.run(manager(harness, s.url).fetch_token()).access_token == TOKEN
    assert len(s.seen) == 2


def test_429_with_retry_after_is_honoured(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(429, {}, {"retry-after": "1"}) if ex.n == 0 else ex.json(200, GOOD))
    started = time.monotonic()
    harness.run(manager(harness, s.url).fetch_token())
    assert time.monotonic() - started >= 0.95


@pytest.mark.parametrize(
    ("status", "ctype", "body", "expected"),
    [
        (200, "text/html", "<html><body>Login</body></html>", "not a JSON object"),
        (404, "text/html", "<html>Not found</html>", "non-OAuth response"),
        (200, "application/json", '{"token_type":"Bearer"}', "without an access_token"),
        (200, "application/json", '{"access_token":"x","token_type":"mac"}', "token_type 'mac'"),
        (400, "application/json", '{"error":"unauthorized_client"}', "unauthorized_client"),
    ],
)
def test_unusable_responses_are_oauth_provider_exceptions(
    harness: Harness, scripted: Any, watch: LeakWatch, status: int, ctype: str, body: str, expected: str
) -> None:
    s = scripted(lambda ex: ex.send(status, body, {"content-type": ctype}))
    error = watch.error(harness.raises(manager(harness, s.url).fetch_token))
    assert isinstance(error, OAuthProviderException)
    assert expected in str(error)
    assert s.url in str(error)
    assert error.response_code == status


# ---- issue 12 --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_1_token_requests_never_follow_redirects(
    harness: Harness, scripted: Any, watch: LeakWatch, status: int
) -> None:
    attacker = scripted(lambda ex: ex.json(200, {"access_token": "attacker-token", "token_type": "Bearer"}))
    s = scripted(lambda ex: ex.send(status, b"", {"location": f"{attacker.url}/steal"}))
    m = manager(harness, s.url, token_endpoint_auth_method="client_secret_post")
    error = watch.error(harness.raises(m.fetch_token))
    assert isinstance(error, OAuthProviderException)
    assert error.error == "invalid_response" and error.response_code == status
    assert "redirect" in str(error)
    assert attacker.seen == []
    assert m.token is None


@pytest.mark.parametrize("expires_in", [None, "", True, "soon", -5, float("nan")])
def test_2_non_numeric_expires_in_means_no_expiry(harness: Harness, scripted: Any, expires_in: Any) -> None:
    s = scripted(
        lambda ex: ex.send(
            200,
            '{"access_token":"%s","token_type":"Bearer","expires_in":%s}' % (TOKEN, _json(expires_in)),
            {"content-type": "application/json"},
        )
    )
    m = manager(harness, s.url)
    token = harness.run(m.get_token())
    assert token.expires_in is None and token.expiry is None
    assert m.is_valid(token)
    harness.run(m.get_token())
    harness.run(m.get_token())
    assert len(s.seen) == 1


def _json(value: Any) -> str:
    import json

    return json.dumps(value) if value == value else "NaN"


def test_2_numeric_strings_still_count(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, {**GOOD, "expires_in": "120"}))
    token = harness.run(manager(harness, s.url).get_token())
    assert token.expires_in == 120


def test_3_clock_skew_is_capped_by_the_token_lifetime(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, {**GOOD, "expires_in": 30}))
    m = manager(harness, s.url)  # default skew 60 s > the 30 s lifetime
    token = harness.run(m.get_token())
    assert m.is_valid(token)  # valid until expiry − 15 s
    for _ in range(5):
        harness.run(m.get_token())
    time.sleep(0.2)
    assert len(s.seen) == 1  # no token per call, and no background refresh on arrival
    clocked = manager(harness, s.url, manager_options={"clock": lambda: time.time() + 16})
    assert not clocked.is_valid(token)


def test_4_token_response_is_bounded(harness: Harness, scripted: Any, watch: LeakWatch) -> None:
    huge = "a" * (2 * MAX_TOKEN_RESPONSE_BYTES)
    s = scripted(lambda ex: ex.json(200, {"access_token": huge, "token_type": "Bearer"}))
    error = watch.error(harness.raises(manager(harness, s.url).fetch_token))
    assert isinstance(error, OAuthProviderException) and error.error == "invalid_response"
    assert "larger than 1048576 bytes" in str(error)


def test_4_an_endless_token_response_is_cut_off(harness: Harness, scripted: Any, watch: LeakWatch) -> None:
    stopped = threading.Event()

    def endless(ex: Exchange) -> None:
        ex.handler.send_response(200)
        ex.handler.send_header("content-type", "application/json")
        ex.handler.send_header("transfer-encoding", "chunked")
        ex.handler.end_headers()
        chunk = b"a" * 65536
        try:
            for _ in range(10_000):  # bounded: at most 640 MB, stopped as soon as the client hangs up
                ex.handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            stopped.set()

    s = scripted(endless)
    started = time.monotonic()
    error = watch.error(harness.raises(manager(harness, s.url).fetch_token))
    assert isinstance(error, OAuthProviderException) and error.error == "invalid_response"
    assert time.monotonic() - started < 5
    assert stopped.wait(5)  # the client closed the connection


class HungStore:
    """A store whose methods never return (a dead database)."""

    def __init__(self, hang: tuple[str, ...] = ("get", "set", "delete")) -> None:
        self.hang = hang
        self.release = threading.Event()
        self.inner = MemoryTokenStore()

    def _maybe_hang(self, name: str) -> None:
        if name in self.hang:
            self.release.wait(30)

    def get(self, key: str) -> Optional[OAuthToken]:
        self._maybe_hang("get")
        return self.inner.get(key)

    def set(self, key: str, token: OAuthToken) -> None:
        self._maybe_hang("set")
        self.inner.set(key, token)

    def delete(self, key: str) -> None:
        self._maybe_hang("delete")
        self.inner.delete(key)


class HungAsyncStore:
    """An asynchronous store whose coroutines never finish."""

    async def get(self, key: str) -> Optional[OAuthToken]:
        await asyncio.sleep(30)
        return None

    async def set(self, key: str, token: OAuthToken) -> None:
        await asyncio.sleep(30)

    async def delete(self, key: str) -> None:
        await asyncio.sleep(30)


def test_5_a_hung_store_delays_but_never_hangs_a_call(
    harness: Harness, scripted: Any, caplog: pytest.LogCaptureFixture
) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    store: Any = HungAsyncStore() if harness.is_async else HungStore()
    m = manager(harness, s.url, manager_options={"store_timeout": 0.2}, token_store=store)
    caplog.set_level(logging.WARNING)
    started = time.monotonic()
    token = harness.run(m.get_token(timeout=5))
    assert token.access_token == TOKEN
    assert time.monotonic() - started < 2
    assert any("token store get failed" in r.getMessage() for r in caplog.records)
    if isinstance(store, HungStore):
        store.release.set()


def test_5_the_call_timeout_bounds_waiting_for_a_hung_store(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    store: Any = HungAsyncStore() if harness.is_async else HungStore()
    m = manager(harness, s.url, manager_options={"store_timeout": None}, token_store=store)
    started = time.monotonic()
    error = harness.raises(lambda: m.get_token(timeout=0.3))
    assert isinstance(error, TimeoutException)
    assert time.monotonic() - started < 1.5
    if isinstance(store, HungStore):
        store.release.set()


def test_5_a_hung_on_token_update_is_bounded(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    release = threading.Event()

    async def hang_async(token: OAuthToken) -> None:
        await asyncio.sleep(30)

    callback: Any = hang_async if harness.is_async else (lambda token: release.wait(30))
    m = manager(harness, s.url, manager_options={"store_timeout": 0.2}, o_auth_on_token_update=callback)
    started = time.monotonic()
    assert harness.run(m.fetch_token()).access_token == TOKEN
    assert time.monotonic() - started < 2
    release.set()


def test_5_async_cancellation_leaves_the_shared_token_request_running(harness: Harness, scripted: Any) -> None:
    if not harness.is_async:
        pytest.skip("cancellation is an asyncio concept; sync calls end at their timeout (above)")
    s = scripted(lambda ex: (time.sleep(0.3), ex.json(200, GOOD)))
    m = manager(harness, s.url)

    async def scenario() -> OAuthToken:
        task = asyncio.ensure_future(m.get_token())
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        token: OAuthToken = await m.get_token()  # joins the running request
        return token

    assert harness.run(scenario()).access_token == TOKEN
    assert len(s.seen) == 1


@pytest.mark.parametrize("bad", ["abc\r\nInjected: 1", "t\u00f6k\u00e9n", "with space", "tab\there", "\u2603"])
def test_6_header_unsafe_tokens_are_refused_on_receipt(
    harness: Harness, scripted: Any, watch: LeakWatch, bad: str
) -> None:
    watch.secret(bad)
    s = scripted(lambda ex: ex.json(200, {"access_token": bad, "token_type": "Bearer"}))
    m = manager(harness, s.url)
    error = watch.error(harness.raises(m.get_token))
    assert isinstance(error, OAuthProviderException) and error.error == "invalid_response"
    assert "cannot be sent in a header" in str(error)
    assert m.token is None


def test_6_a_header_unsafe_stored_token_counts_as_absent(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    store = MemoryTokenStore()
    m = manager(harness, s.url, token_store=store)
    store.set(m.cache_key, OAuthToken(access_token="poisoned\r\nX: 1", expiry=int(time.time()) + 3600))
    token = harness.run(m.get_token())
    assert token.access_token == TOKEN
    assert len(s.seen) == 1
    assert store.get(m.cache_key).access_token == TOKEN
    with pytest.raises(ValueError):
        ClientCredentialsAuthCredentials(o_auth_token={"access_token": "bad\nvalue"})


def test_7_user_info_urls_are_refused_at_configuration_time(harness: Harness, watch: LeakWatch) -> None:
    for make in (
        lambda: harness.http(f"http://user:{PASSWORD}@127.0.0.1:1/api"),
        lambda: manager(harness, f"https://id:{PASSWORD}@auth.example.com/token"),
        lambda: ClientCredentialsAuthCredentials(o_auth_token_url=f"https://id:{PASSWORD}@auth.example.com/token"),
        lambda: ProxySettings(f"http://user:{PASSWORD}@proxy.example.com"),
    ):
        with pytest.raises(ConfigurationException) as caught:
            make()
        watch.error(caught.value)
        assert PASSWORD not in str(caught.value) and "user info" in str(caught.value)
    watch.secret(PASSWORD)


def test_8_background_refresh_backs_off_after_failures(
    harness: Harness, scripted: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def token_server(ex: Exchange) -> None:
        if ex.n == 0:
            ex.json(200, {**GOOD, "expires_in": 3600})
        else:
            ex.json(503, {"error": "temporarily_unavailable"})

    s = scripted(token_server)
    offset = [0.0]
    m = manager(
        harness,
        s.url,
        manager_options={"clock": lambda: time.time() + offset[0], "retry": NO_RETRY},
        o_auth_refresh_ahead=600,
    )
    caplog.set_level(logging.WARNING)
    first = harness.run(m.get_token())
    offset[0] = 3100  # inside the window; the token stays valid until expiry − 60 s
    for _ in range(50):
        assert harness.run(m.get_token()).access_token == first.access_token
        if harness.is_async:
            harness.run(asyncio.sleep(0.005))
        else:
            time.sleep(0.005)
    time.sleep(0.1)
    # The first token, a failed background attempt, its immediate retry by the next call; then the
    # next attempt waits 0.5-1 s (doubling per failure), so 50 calls do not hammer the server.
    assert len(s.seen) == 3
    offset[0] = 3102
    harness.run(m.get_token())
    time.sleep(0.2)
    if harness.is_async:
        harness.run(asyncio.sleep(0.2))
    assert len(s.seen) == 4
    assert sum("background token refresh failed" in r.getMessage() for r in caplog.records) == 3


def test_9_cache_key_distinguishes_secrets_without_revealing_them(
    harness: Harness, scripted: Any, watch: LeakWatch, tmp_path: Any
) -> None:
    right = "right-secret-value"
    expected = "Basic " + base64.b64encode(f"fault+client:{right}".encode()).decode()
    s = scripted(
        lambda ex: (
            ex.json(200, GOOD)
            if ex.request.headers.get("authorization") == expected
            else ex.json(401, {"error": "invalid_client"})
        )
    )
    scope = [f"k-{harness.mode}"]  # a fresh entry in the process-wide default store
    good = manager(harness, s.url, o_auth_client_secret=right, token_store=None, o_auth_scopes=scope)
    bad = manager(harness, s.url, o_auth_client_secret="wrong-secret-value", token_store=None, o_auth_scopes=scope)
    watch.secret(right, "wrong-secret-value")
    assert good.cache_key != bad.cache_key
    assert harness.run(good.get_token()).access_token == TOKEN
    error = watch.error(harness.raises(bad.get_token))
    assert isinstance(error, OAuthProviderException) and error.error == "invalid_client"
    again = manager(harness, s.url, o_auth_client_secret=right, token_store=None, o_auth_scopes=scope)
    assert again.cache_key == good.cache_key
    for secret in (right, "wrong-secret-value"):
        assert secret not in good.cache_key + bad.cache_key
        assert hashlib.sha256(secret.encode()).hexdigest()[:16] not in good.cache_key + bad.cache_key
    # A persistent store sees `cc-<16 hex>-<5 hex>` (a 20-bit fingerprint of the secret), the same in
    # every process; an in-memory store also gets a per-process tag.
    shared = manager(harness, s.url, o_auth_client_secret=right, token_store=FileTokenStore(tmp_path / "t.json"))
    assert re.fullmatch(r"cc-[0-9a-f]{16}-[0-9a-f]{5}", shared.cache_key)
    assert re.fullmatch(r"cc-[0-9a-f]{16}-[0-9a-f]{5}-[0-9a-f]{16}", good.cache_key)
    assert fnv1a64("") == "cbf29ce484222325" and fnv1a64("a") == "af63dc4c8601ec8c"


# ---- a token URL the API definition leaves to the deployment (``{nrfApiRoot}/oauth2/token``) ----


def test_a_deployment_token_url_asks_for_o_auth_token_url_and_sends_nothing(harness: Harness) -> None:
    m = manager(harness, "{nrfApiRoot}/oauth2/token")
    with pytest.raises(ConfigurationException) as caught:
        harness.run(m.fetch_token())
    assert str(caught.value) == (
        "Cannot obtain a token for BearerAuth: its token URL '{nrfApiRoot}/oauth2/token' is not an absolute URL; "
        "set o_auth_token_url in the credentials"
    )


def test_o_auth_token_url_in_the_credentials_is_used_instead(harness: Harness, scripted: Any) -> None:
    s = scripted(lambda ex: ex.json(200, GOOD))
    m = manager(harness, "{nrfApiRoot}/oauth2/token", o_auth_token_url=f"{s.url}/oauth2/token")
    assert harness.run(m.fetch_token()).access_token == TOKEN
    assert [ex.path for ex in s.seen] == ["/oauth2/token"]


def test_a_pre_obtained_token_needs_no_token_url_at_all(harness: Harness) -> None:
    m = manager(
        harness,
        "{nrfApiRoot}/oauth2/token",
        o_auth_client_id=None,
        o_auth_client_secret=None,
        o_auth_token=OAuthToken(access_token=TOKEN, expiry=int(time.time()) + 600),
    )
    assert harness.run(m.get_token()).access_token == TOKEN


def test_a_relative_o_auth_token_url_is_still_refused_at_configuration_time(harness: Harness) -> None:
    with pytest.raises(ConfigurationException, match="o_auth_token_url must be an absolute http"):
        manager(harness, "{nrfApiRoot}/oauth2/token", o_auth_token_url="/oauth2/token")


def test_zz_no_secret_or_token_in_any_message_or_traceback(watch: LeakWatch) -> None:
    assert watch.leaks() == []


def test_the_http_client_refuses_a_negative_timeout() -> None:
    with pytest.raises(ConfigurationException):
        HttpClient("https://api.example.com", timeout=-1)
    op: Operation[None] = Operation("x", "GET", "/x", response_kind="none")
    assert op.error_class(404).__name__ == "APIException"
