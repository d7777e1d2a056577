"""OAuth 2.0 client credentials against a real authorization server (oidc-provider, child process)
and a protected API that introspects tokens; every test runs with the sync and the async client
(port of test/runtime/client-credentials.test.ts)."""

from __future__ import annotations

import logging
import pickle
import time
from typing import Any, Dict, Iterator, List, Optional

import httpx
import pytest
from conftest import BASIC_CLIENT, POST_CLIENT, ApiServer, Harness, LeakWatch, OAuthServer, wait_until

from runtime import (
    APIException,
    ClientCredentialsAuthCredentials,
    ConfigurationException,
    MemoryTokenStore,
    OAuthProviderException,
    OAuthToken,
    Operation,
)
from runtime.auth.manager import AppliedToken, AsyncClientCredentialsAuthManager, ClientCredentialsAuthManager
from runtime.auth.provider import NEEDS_IO, AuthTarget

THINGS: Operation[Dict[str, Any]] = Operation("getThings", "GET", "/things", security=({"BearerAuth": ()},))


class Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module", autouse=True)
def logs(watch: LeakWatch) -> Iterator[Captured]:
    handler = Captured()
    logging.getLogger().addHandler(handler)
    watch.secret(BASIC_CLIENT[1], POST_CLIENT[1])
    yield handler
    logging.getLogger().removeHandler(handler)


@pytest.fixture(autouse=True)
def fresh(oauth: OAuthServer, api: ApiServer) -> None:
    oauth.reset()
    api.reset()


class Client:
    """A hand-written equivalent of a generated client with one ``BearerAuth`` operation."""

    def __init__(
        self,
        h: Harness,
        oauth: OAuthServer,
        api: ApiServer,
        watch: LeakWatch,
        manager_options: Optional[Dict[str, Any]] = None,
        **options: Any,
    ) -> None:
        defaults: Dict[str, Any] = {
            "o_auth_client_id": BASIC_CLIENT[0],
            "o_auth_client_secret": BASIC_CLIENT[1],
            "token_store": MemoryTokenStore(),
        }
        defaults.update(options)
        self.h = h
        self.watch = watch
        self.credentials = ClientCredentialsAuthCredentials(**defaults)
        self.http = h.http(api.url)
        manager_options = dict(manager_options or {})
        manager_options.setdefault("token_url", oauth.token_url)
        manager_options.setdefault("http_client", self.http.httpx_client)
        self.manager = h.manager(self.credentials, **manager_options)
        self.http.register_auth("BearerAuth", self.manager)

    def call(self, options: Any = None) -> Any:
        return self.http.request(THINGS, options=options)

    def remember(self, token: Optional[OAuthToken] = None) -> None:
        token = token or self.manager.token
        if token is not None:
            self.watch.secret(token.access_token)


class Factory:
    def __init__(self, h: Harness, oauth: OAuthServer, api: ApiServer, watch: LeakWatch) -> None:
        self.h, self.oauth, self.api, self.watch = h, oauth, api, watch

    def __call__(self, manager_options: Optional[Dict[str, Any]] = None, **options: Any) -> Client:
        return Client(self.h, self.oauth, self.api, self.watch, manager_options, **options)

    def sync(self, **options: Any) -> Client:
        """A synchronous client (a backing token source for provider tests)."""
        return Client(Harness("sync"), self.oauth, self.api, self.watch, None, **options)


@pytest.fixture
def make(harness: Harness, oauth: OAuthServer, api: ApiServer, watch: LeakWatch) -> Factory:
    return Factory(harness, oauth, api, watch)


# ---- single flight ---------------------------------------------------------------------------


def assert_all_ok(results: List[Any]) -> None:
    """Every concurrent call answered ``ok``; else the message lists each failure (a flake is readable)."""
    failed = [r for r in results if not (isinstance(r, dict) and r["ok"])]
    assert not failed, f"{len(failed)} of {len(results)} calls failed: {failed!r}"


def test_100_concurrent_calls_cause_exactly_one_token_request(harness: Harness, make: Any, oauth: OAuthServer) -> None:
    c = make()
    results = harness.many(100, c.call)
    c.remember()
    assert_all_ok(results)
    assert oauth.token_requests() == 1


def test_apply_cached_answers_at_once_while_the_token_in_memory_is_valid(
    harness: Harness, make: Any, oauth: OAuthServer
) -> None:
    c = make()
    harness.run(c.call())
    c.remember()
    headers: Dict[str, str] = {}
    receipt = c.manager.apply_cached(AuthTarget("http://x", headers))
    assert receipt == AppliedToken(c.manager.token.access_token, False)
    assert headers["authorization"] == f"Bearer {c.manager.token.access_token}"
    fresh = make()
    assert fresh.manager.apply_cached(AuthTarget("http://x", {})) is NEEDS_IO
    assert oauth.token_requests() == 1


def test_a_failed_fetch_is_shared_by_concurrent_callers_and_not_cached(
    harness: Harness, make: Any, oauth: OAuthServer, watch: LeakWatch
) -> None:
    watch.secret("definitely-wrong-secret")
    c = make(o_auth_client_secret="definitely-wrong-secret")
    oauth.configure(300)  # all five callers are waiting before the answer comes
    errors = harness.many(5, c.call)
    assert all(isinstance(e, OAuthProviderException) for e in errors), errors
    for e in errors:
        watch.error(e)
    assert oauth.token_requests() == 1
    watch.error(harness.raises(c.call))
    assert oauth.token_requests() == 2


# ---- token endpoint --------------------------------------------------------------------------


def test_wrong_secret_is_invalid_client(harness: Harness, make: Any, watch: LeakWatch) -> None:
    watch.secret("wrong-secret-123")
    c = make(o_auth_client_secret="wrong-secret-123")
    error = watch.error(harness.raises(c.manager.fetch_token))
    assert isinstance(error, OAuthProviderException)
    assert isinstance(error, APIException)
    assert error.error == "invalid_client"
    assert error.response_code == 401
    assert "invalid_client" in str(error)


def test_unknown_scope_is_invalid_scope(harness: Harness, make: Any, watch: LeakWatch) -> None:
    c = make(o_auth_scopes=["admin"])
    error = watch.error(harness.raises(c.manager.fetch_token))
    assert isinstance(error, OAuthProviderException)
    assert error.error == "invalid_scope"
    assert error.error_description


def test_client_secret_basic_with_reserved_characters_and_scopes(harness: Harness, make: Any) -> None:
    c = make(o_auth_scopes=["write", "read"])
    result = harness.run(c.call())
    c.remember()
    assert result["clientId"] == BASIC_CLIENT[0]
    assert sorted(result["scope"].split()) == ["read", "write"]
    assert c.manager.token.token_type == "Bearer"
    assert isinstance(c.manager.token.expiry, int)


def test_client_secret_post(harness: Harness, make: Any, oauth: OAuthServer) -> None:
    c = make(
        o_auth_client_id=POST_CLIENT[0],
        o_auth_client_secret=POST_CLIENT[1],
        token_endpoint_auth_method="client_secret_post",
    )
    result = harness.run(c.call())
    c.remember()
    assert result["clientId"] == POST_CLIENT[0]
    assert oauth.stats()["lastTokenParams"]["client_id"] == POST_CLIENT[0]


def test_fetch_token_additional_params_and_token_request_params(
    harness: Harness, make: Any, oauth: OAuthServer
) -> None:
    c = make(token_request_params={"resource": "https://api.one"})
    c.remember(harness.run(c.manager.fetch_token()))
    assert oauth.stats()["lastTokenParams"]["resource"] == "https://api.one"
    token = harness.run(c.manager.fetch_token({"resource": "https://api.two"}))
    c.remember(token)
    assert oauth.stats()["lastTokenParams"]["resource"] == "https://api.two"
    assert oauth.introspect(token.access_token)["aud"] == "https://api.two"
    assert oauth.token_requests() == 2


def test_token_provider_replaces_the_fetch_and_on_token_update_sees_every_token(
    harness: Harness, make: Any, oauth: OAuthServer, watch: LeakWatch
) -> None:
    real = make.sync()
    updates: list[OAuthToken] = []
    seen_last: list[Optional[OAuthToken]] = []

    def provider(last: Optional[OAuthToken], manager: object) -> OAuthToken:
        seen_last.append(last)
        assert isinstance(manager, (ClientCredentialsAuthManager, AsyncClientCredentialsAuthManager))
        token: OAuthToken = real.manager.fetch_token()
        real.remember(token)
        return token

    c = make(
        o_auth_client_id=None,
        o_auth_client_secret=None,
        o_auth_token_provider=provider,
        o_auth_on_token_update=updates.append,
    )
    harness.many(10, c.call)
    assert seen_last == [None]
    assert len(updates) == 1
    harness.run(c.manager.fetch_token())
    assert seen_last[1] is not None and seen_last[1].access_token == updates[0].access_token
    assert len(updates) == 2
    assert oauth.token_requests() == 2


def test_a_provider_may_fetch_through_the_manager_it_is_given(harness: Harness, make: Any, oauth: OAuthServer) -> None:
    """The reference docs' provider: a stored token, else ``auth_manager.fetch_token()``. With id and
    secret configured, fetch_token() asks the token endpoint, so the provider is not re-entered."""
    calls: list[int] = []

    def provider(last: Optional[OAuthToken], manager: Any) -> OAuthToken:
        calls.append(1)
        if harness.is_async:
            raise AssertionError("unreachable: the async variant uses async_provider")
        token: OAuthToken = manager.fetch_token()
        return token

    async def async_provider(last: Optional[OAuthToken], manager: Any) -> OAuthToken:
        calls.append(1)
        token: OAuthToken = await manager.fetch_token()
        return token

    c = make(o_auth_token_provider=async_provider if harness.is_async else provider)
    harness.many(5, c.call)
    assert len(calls) == 1
    assert oauth.token_requests() == 1


# ---- stores and restoring --------------------------------------------------------------------


def test_two_managers_with_the_same_credentials_share_the_default_store(
    harness: Harness, make: Any, oauth: OAuthServer
) -> None:
    # Unique scope set per mode, so the process-wide default store starts empty for this test.
    scopes = ["read"] if harness.is_async else ["write"]
    a = make(o_auth_scopes=scopes, token_store=None)
    b = make(o_auth_scopes=scopes, token_store=None)
    assert a.manager.cache_key == b.manager.cache_key
    harness.many(2, a.call)
    harness.run(b.call())
    harness.run(a.call())
    a.remember()
    assert oauth.token_requests() == 1
    assert b.manager.token.access_token == a.manager.token.access_token


def test_a_stored_token_dict_round_trip_is_used_and_stored_before_any_fetch(
    harness: Harness, make: Any, oauth: OAuthServer
) -> None:
    first = make()
    token = harness.run(first.manager.fetch_token())
    first.remember(token)
    store = MemoryTokenStore()
    restored = make(o_auth_token=OAuthToken.from_dict(token.to_dict()), token_store=store)
    oauth.reset()
    assert harness.run(restored.call())["ok"]
    assert oauth.token_requests() == 0
    assert store.get(restored.manager.cache_key).access_token == token.access_token
    # The dict form is also accepted directly, and pickling round-trips.
    assert pickle.loads(pickle.dumps(token)) == token
    assert make(o_auth_token=token.to_dict()).credentials.o_auth_token == token


def test_clone_with_restores_a_token_and_keeps_the_other_settings() -> None:
    base = ClientCredentialsAuthCredentials(
        o_auth_client_id="id", o_auth_client_secret="clone-secret", o_auth_scopes=["read"]
    )
    token = OAuthToken(access_token="abc", token_type="Bearer", expiry=1)
    clone = base.clone_with(o_auth_token=token)
    assert clone is not base
    assert clone.o_auth_client_secret == "clone-secret"
    assert clone.o_auth_scopes == ("read",)
    assert clone.o_auth_token == token
    assert base.o_auth_token is None
    with pytest.raises(TypeError):
        base.clone_with(o_auth_clinet_id="typo")
    with pytest.raises(AttributeError):
        base.o_auth_client_id = "x"  # type: ignore[misc]


# ---- expiry and refresh-ahead ----------------------------------------------------------------


def test_an_expired_token_real_2s_ttl_is_refreshed_exactly_once(harness: Harness, make: Any) -> None:
    short = OAuthServer(ttl=2)
    try:
        c = make({"token_url": short.token_url}, o_auth_clock_skew=0, o_auth_refresh_ahead=0)
        first = harness.run(c.manager.get_token())
        c.remember(first)
        assert first.expires_in == 2
        time.sleep(2.1)
        assert not c.manager.is_valid(first)
        tokens = harness.many(20, c.manager.get_token)
        for t in tokens:
            c.remember(t)
        assert len({t.access_token for t in tokens}) == 1
        assert tokens[0].access_token != first.access_token
        assert short.token_requests() == 2
    finally:
        short.stop()


def test_clock_driven_expiry_through_api_calls_exactly_one_refresh(
    harness: Harness, make: Any, oauth: OAuthServer
) -> None:
    offset = [0.0]
    c = make({"clock": lambda: time.time() + offset[0]}, o_auth_clock_skew=0, o_auth_refresh_ahead=0)
    harness.run(c.call())
    first = c.manager.token
    c.remember(first)
    offset[0] = 3601
    harness.many(30, c.call)
    c.remember()
    assert c.manager.token.access_token != first.access_token
    assert oauth.token_requests() == 2


def test_in_the_refresh_ahead_window_calls_do_not_wait(harness: Harness, make: Any, oauth: OAuthServer) -> None:
    offset = [0.0]
    c = make({"clock": lambda: time.time() + offset[0]}, o_auth_refresh_ahead=0.5)
    harness.run(c.call())
    first = c.manager.token
    c.remember(first)
    offset[0] = 2000  # past half of the 3600 s lifetime, well before expiry − skew
    oauth.configure(700)
    started = time.monotonic()
    harness.many(20, c.manager.get_token)
    harness.run(c.call())
    assert time.monotonic() - started < 0.5  # the 700 ms token request was not awaited
    assert c.manager.token.access_token == first.access_token
    if harness.is_async:
        harness.run(_sleep_until(lambda: c.manager.token.access_token != first.access_token))
    else:
        wait_until(lambda: c.manager.token.access_token != first.access_token)
    c.remember()
    assert c.manager.token.access_token != first.access_token
    assert oauth.token_requests() == 2
    harness.run(c.call())
    assert oauth.token_requests() == 2


async def _sleep_until(predicate: Any, timeout: float = 5.0) -> None:
    import asyncio

    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        await asyncio.sleep(0.02)


def test_a_failed_background_refresh_is_logged_and_retried_by_the_next_call(
    harness: Harness, make: Any, oauth: OAuthServer, watch: LeakWatch, caplog: pytest.LogCaptureFixture
) -> None:
    offset = [0.0]
    failures = [1]
    backing = make.sync()
    holder: list[Any] = []

    def provider(last: Optional[OAuthToken], manager: object) -> OAuthToken:
        if holder[0].manager.token is not None and failures[0] > 0:
            failures[0] -= 1
            raise RuntimeError("provider down")
        token: OAuthToken = backing.manager.fetch_token()
        backing.remember(token)
        return token

    c = make(
        {"clock": lambda: time.time() + offset[0]},
        o_auth_client_id="provider-client",
        o_auth_client_secret=None,
        o_auth_refresh_ahead=600,
        o_auth_token_provider=provider,
    )
    holder.append(c)
    caplog.set_level(logging.WARNING)
    harness.run(c.call())
    first = c.manager.token
    offset[0] = 3100  # inside the 600 s window
    harness.run(c.call())  # starts the failing refresh, still served the current token

    def settle() -> None:
        if harness.is_async:
            harness.run(_sleep_until(lambda: bool(caplog.records)))
        else:
            wait_until(lambda: bool(caplog.records))

    settle()
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "background token refresh failed" in warnings[0]
    assert c.manager.token.access_token == first.access_token
    # A first failure is retried by the next call (later failures back off, see test_token_faults).
    harness.run(c.call())
    if harness.is_async:
        harness.run(_sleep_until(lambda: c.manager.token.access_token != first.access_token))
    else:
        wait_until(lambda: c.manager.token.access_token != first.access_token)
    assert c.manager.token.access_token != first.access_token
    watch.texts.extend(warnings)


# ---- 401 replay ------------------------------------------------------------------------------


def test_a_revoked_token_gets_one_refetch_shared_by_50_calls(
    harness: Harness, make: Any, oauth: OAuthServer, api: ApiServer
) -> None:
    c = make()
    harness.run(c.call())
    revoked = c.manager.token
    c.remember(revoked)
    oauth.revoke(revoked.access_token, BASIC_CLIENT)
    api.reset()
    oauth.reset()
    results = harness.many(50, c.call)
    c.remember()
    assert_all_ok(results)
    assert oauth.token_requests() == 1
    # Tasks all send before any answer arrives; threads may start after the token was replaced.
    assert api.unauthorized == 50 if harness.is_async else api.unauthorized >= 1
    assert c.manager.token.access_token != revoked.access_token


def test_a_401_with_a_fresh_token_is_not_replayed_and_replay_never_loops(
    harness: Harness, make: Any, oauth: OAuthServer, api: ApiServer, watch: LeakWatch
) -> None:
    c = make()
    api.fail_next(401, 1)
    fresh = watch.error(harness.raises(c.call))
    c.remember()
    assert isinstance(fresh, APIException) and fresh.response_code == 401
    assert len(api.seen) == 1
    api.reset()
    oauth.reset()
    api.fail_next(401, 5)
    watch.error(harness.raises(c.call))  # cached → 401 → refetch → replay → 401 → stop
    c.remember()
    assert len(api.seen) == 2
    assert oauth.token_requests() == 1


# ---- transport security ----------------------------------------------------------------------


def test_client_credentials_never_go_over_plain_http_to_a_non_loopback_host(harness: Harness, watch: LeakWatch) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(200, json={"access_token": "x", "token_type": "Bearer"})

    transport = httpx.MockTransport(handler)
    client: Any = httpx.AsyncClient(transport=transport) if harness.is_async else httpx.Client(transport=transport)
    creds = ClientCredentialsAuthCredentials(
        o_auth_client_id="a", o_auth_client_secret="b", token_store=MemoryTokenStore()
    )
    m = harness.manager(creds, token_url="http://auth.example.com/token", http_client=client)
    error = watch.error(harness.raises(m.fetch_token))
    assert isinstance(error, ConfigurationException)
    assert "http://auth.example.com/token" in str(error) and "allow_insecure_http" in str(error)
    assert calls == []
    allowed = harness.manager(
        creds, token_url="http://auth.example.com/token", http_client=client, allow_insecure_http=True
    )
    harness.run(allowed.fetch_token())
    assert len(calls) == 1


def test_the_bearer_token_is_not_sent_to_a_plain_http_non_loopback_api(
    harness: Harness, make: Any, oauth: OAuthServer, watch: LeakWatch
) -> None:
    c = make()
    insecure = harness.http("http://api.example.com", auth={"BearerAuth": c.manager})
    error = watch.error(harness.raises(lambda: insecure.request(THINGS)))
    assert isinstance(error, ConfigurationException)
    assert oauth.token_requests() == 0


def test_a_redirect_to_another_origin_does_not_carry_the_bearer_token(
    harness: Harness, make: Any, scripted: Any
) -> None:
    foreign = scripted(lambda ex: ex.json(200, {"landed": True}))
    redirecting = scripted(lambda ex: ex.send(302, b"", {"location": f"{foreign.url}/landing"}))
    c = make()
    http = harness.http(redirecting.url, auth={"BearerAuth": c.manager})
    assert harness.run(http.request(THINGS)) == {"landed": True}
    c.remember()
    assert redirecting.seen[0].headers["authorization"].startswith("Bearer ")
    assert len(foreign.seen) == 1
    assert "authorization" not in foreign.seen[0].headers


# ---- redaction -------------------------------------------------------------------------------


def test_credentials_and_manager_print_without_secrets_or_tokens(harness: Harness, make: Any, watch: LeakWatch) -> None:
    c = make()
    token = harness.run(c.manager.get_token())
    c.remember(token)
    with_token = c.credentials.clone_with(o_auth_token=token)
    watch.printed(c.credentials, with_token, c.manager, token, c.http)
    assert "[REDACTED]" in repr(c.credentials)
    assert token.access_token not in repr(with_token)
    assert str(c.credentials) == f"ClientCredentialsAuthCredentials(o_auth_client_id={BASIC_CLIENT[0]})"
    assert with_token.o_auth_client_secret == BASIC_CLIENT[1]  # the getter still gives the value
    with pytest.raises(TypeError):
        vars(c.credentials)


def test_zz_no_secret_or_token_in_any_log_message_or_traceback(logs: Captured, watch: LeakWatch) -> None:
    probe = LeakWatch()
    probe.secret("s3cr3t")
    probe.printed({"nested": {"value": "xx s3cr3t xx"}})
    assert probe.leaks() == ["s3cr…"]
    watch.logs(logs.records)
    assert watch.leaks() == []
