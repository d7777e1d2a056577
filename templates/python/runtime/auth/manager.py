"""Token lifecycle for one OAuth 2.0 client-credentials security scheme.

One pure core (:class:`_TokenLifecycle`) holds every rule; :class:`ClientCredentialsAuthManager`
(threads, ``httpx.Client``) and :class:`AsyncClientCredentialsAuthManager` (asyncio,
``httpx.AsyncClient``) only choose the driver that performs its I/O (see ``_effects``).

The rules:

- First use: a token given in the credentials wins (and is stored), else the store's.
- A token is used until ``expiry − skew``, where the skew is ``o_auth_clock_skew`` capped at half
  the token's lifetime (``expires_in``), so a 30 s token with the default 60 s skew is still used
  for 15 s instead of being expired on arrival (issue 12, item 3). No ``expiry``: valid until the
  server rejects it.
- Single flight: at most one token request per (store, cache key) at a time in the process (or in
  the event loop), shared by every manager using that store and credentials; the store is read
  again inside the flight, so a token stored by another client or process is reused.
- Refresh ahead (stale-while-revalidate): inside the window before ``expiry − skew`` calls are
  served the current token at once and one background refresh runs. A first failure is retried by
  the next call; after further failures the next attempt waits about 1 s, then 2, 4 … up to 60 s
  (equal jitter; reset by a success), so a failing token server is not hammered while the current
  token is still valid (issue 12, item 8).
- One refetch and replay on 401 for a token that was not freshly issued; concurrent 401s for the
  same token share one request; a rejected token is never taken from the store again.
- Fleet-wide single flight (issue 14): with a store that has ``try_lock`` (``FileTokenStore``,
  ``RedisTokenStore``), a flight that finds no usable stored token takes the store's lock (ttl: the
  token request timeout, at most 30 s) before asking the token endpoint, reads the store again
  once it holds it, and releases it after storing the new token. A flight that finds the lock
  held polls the store (25 ms, growing to 250 ms) and tries the lock again, until the holder's
  token appears or the lock is free (a killed holder's lock expires); after the lock's ttl, or
  half the flight's time, it fetches itself rather than fail. Background refreshes and 401
  replacements take the same path, so a fleet refreshes once and replaces a revoked token once.
- Every wait (store, callbacks, token provider, another caller's token request) ends at the call's
  deadline (issue 12, item 5); a store that fails or times out degrades to "no cached token" (and
  no lock: the token is fetched directly, under the in-process single flight), never failing the
  call. One warning per outage, not per call: the next ones are debug messages until the store
  answers again. A store's own ``store_timeout`` attribute (``RedisTokenStore``: 0.25 s) tightens
  the manager's ``store_timeout``.
- Header-unsafe tokens are refused on receipt and treated as absent when loaded (item 6).
- Secrets and tokens never reach messages or logs.
"""

from __future__ import annotations

import inspect
import logging
import math
import random
import re
import time
from typing import Callable, Dict, Mapping, NamedTuple, Optional, Tuple, Union, cast

import httpx

from .._effects import (
    Call,
    JoinFlight,
    Plan,
    Sleep,
    deadline_after,
    flight_running,
    remaining,
    run_async,
    run_sync,
)
from ..config import DEFAULT_LOGGER_NAME, DEFAULT_TIMEOUT, DEFAULT_TOKEN_RETRY
from ..errors import ConfigurationException, SdkException
from ..logs import Log
from ..retry import RetryPolicy
from ..servers import is_absolute_url
from ..url import check_url, redact_url
from .cache_key import token_cache_keys
from .credentials import DEFAULT_CLOCK_SKEW, ClientCredentialsAuthCredentials
from .oauth_token import OAuthToken
from .provider import NEEDS_IO, AuthTarget
from .secret import is_sendable_token
from .token_request import TokenRequest, request_token
from .token_store import DEFAULT_TOKEN_STORE, MemoryTokenStore

#: Default refresh-ahead: this fraction of the lifetime…
DEFAULT_REFRESH_AHEAD_FRACTION = 0.1
#: …but never more than this many seconds.
DEFAULT_REFRESH_AHEAD_MAX = 300.0
#: Wait after the second consecutive failed background refresh, seconds (doubling per further
#: failure, with equal jitter; the first failure is retried by the next call)…
BACKGROUND_RETRY_INITIAL = 1.0
#: …up to this many seconds.
BACKGROUND_RETRY_MAX = 60.0


def refresh_backoff(failures: int, rand: Callable[[], float] = random.random) -> float:
    """Seconds before the next background refresh after ``failures`` consecutive failures: 0 after
    one, then ``d/2 + random·d/2`` with ``d = min(60, 1 · 2^(failures − 2))`` (as in TypeScript)."""
    if failures < 2:
        return 0.0
    delay = min(BACKGROUND_RETRY_MAX, BACKGROUND_RETRY_INITIAL * 2.0 ** (failures - 2))
    return delay / 2 + rand() * delay / 2


#: Default bound of one token store operation or ``o_auth_on_token_update`` call, seconds: a dead
#: store costs a call at most this long, then the SDK carries on without it.
DEFAULT_STORE_TIMEOUT = 5.0
#: Longest life of a fleet-wide token lock (also its life when token requests have no timeout),
#: seconds: a killed holder blocks the others at most this long.
LOCK_TTL_MAX = 30.0
#: Polling the store while another process holds the lock: the first pause, its growth factor
#: and the longest pause, seconds.
LOCK_POLL_INITIAL = 0.025
LOCK_POLL_GROWTH = 1.5
LOCK_POLL_MAX = 0.25


def store_timeout_of(store: object, configured: Optional[float]) -> Optional[float]:
    """The bound of one store operation: the manager's ``store_timeout``, tightened by the store's
    own ``store_timeout`` attribute (a number of seconds) when it has one."""
    own = getattr(store, "store_timeout", None)
    if isinstance(own, bool) or not isinstance(own, (int, float)) or not own > 0:
        return configured
    return float(own) if configured is None else min(configured, float(own))


class AppliedToken(NamedTuple):
    """What ``apply`` remembers about the token it put on a request."""

    access_token: str
    #: True when the token was issued by the server for this wait (a 401 then means "no access").
    fetched: bool


class ObtainedToken(NamedTuple):
    """A token plus whether it was just issued by the server."""

    token: OAuthToken
    fetched: bool


def describe_error(error: BaseException) -> str:
    """Class and message for SDK errors (secret-free by construction); for foreign errors (custom
    stores, providers) only the class name and an error code are trusted."""
    if isinstance(error, SdkException):
        return f"{type(error).__name__}: {error}"
    code = getattr(error, "errno", None) or getattr(error, "code", None)
    return f"{type(error).__name__} {code}" if isinstance(code, (str, int)) else type(error).__name__


class _TokenLifecycle:
    """The shared, driver-independent token lifecycle (see the module docstring)."""

    def __init__(
        self,
        owner: object,
        credentials: Optional[ClientCredentialsAuthCredentials],
        *,
        scheme_name: str,
        token_url: str,
        client: Callable[[], Union[httpx.Client, httpx.AsyncClient]],
        timeout: Optional[float],
        retry: Optional[RetryPolicy],
        allow_insecure_http: bool,
        clock: Optional[Callable[[], float]],
        logger: Optional[Log],
        store_timeout: Optional[float],
    ) -> None:
        self.owner = owner
        self.credentials = credentials
        self.scheme_name = scheme_name
        configured = credentials.o_auth_token_url if credentials else None
        if configured is None and not is_absolute_url(token_url):
            # The API definition left the token endpoint to the deployment
            # (``{nrfApiRoot}/oauth2/token``): a pre-obtained token or a provider still works, and
            # a token request asks for ``o_auth_token_url``.
            self.token_url = token_url
        else:
            self.token_url = check_url(configured or token_url, "token URL")
        self.where = redact_url(self.token_url)
        self.client = client
        self.timeout = timeout
        self.retry = retry or DEFAULT_TOKEN_RETRY
        self.allow_insecure_http = allow_insecure_http
        self.clock: Callable[[], float] = clock or time.time
        self.logger: Log = logger or logging.getLogger(DEFAULT_LOGGER_NAME)
        store = credentials.token_store if credentials is not None else None
        self.store: object = DEFAULT_TOKEN_STORE if store is None else store
        self.inline_store = bool(getattr(self.store, "nonblocking", False))
        self.store_timeout = store_timeout_of(self.store, store_timeout)
        #: The store offers the fleet-wide lock (``try_lock``, optional in the protocol).
        self.can_lock = callable(getattr(self.store, "try_lock", None))
        #: True from a failed store operation until one succeeds (one warning per outage).
        self.store_failing = False
        self.skew = credentials.o_auth_clock_skew if credentials else DEFAULT_CLOCK_SKEW
        keys = token_cache_keys(
            self.token_url,
            credentials.o_auth_client_id if credentials else None,
            (credentials.o_auth_scopes or ()) if credentials else (),
            (credentials.token_request_params or {}) if credentials else {},
            credentials.o_auth_client_secret if credentials else None,
        )
        self.cache_key = keys.local if isinstance(self.store, MemoryTokenStore) else keys.shared
        self.flight_key: Tuple[object, ...] = ("token", id(self.store), keys.local)
        self.ready = False
        self.rejected: Optional[str] = None
        self.current: Optional[OAuthToken] = None
        #: Epoch seconds until which ``current`` is valid, and from which it is in the window.
        self.valid_until = -math.inf
        self.refresh_from = -math.inf
        self.background_failures = 0
        self.background_next = -math.inf

    # ---- pure decisions ----------------------------------------------------------------------

    def effective_skew(self, token: OAuthToken) -> float:
        """``o_auth_clock_skew``, capped at half the lifetime when the lifetime is known."""
        if token.expires_in is not None:
            return min(self.skew, token.expires_in / 2)
        return self.skew

    def valid_until_of(self, token: Optional[OAuthToken]) -> float:
        """Epoch seconds until which ``token`` may be sent (``-inf``: never; ``inf``: no expiry)."""
        if token is None or not is_sendable_token(token.access_token):
            return -math.inf
        if token.expiry is None:
            return math.inf
        return token.expiry - self.effective_skew(token)

    def is_valid(self, token: Optional[OAuthToken]) -> bool:
        """True when ``token`` can still be sent: ``now < expiry − skew`` (see the module)."""
        return self.clock() < self.valid_until_of(token)

    def refresh_window(self, token: OAuthToken) -> float:
        """Length of the refresh-ahead window in seconds (see ``o_auth_refresh_ahead``), capped at
        half of what remains of the lifetime after the skew, so a large setting (or a short
        token) cannot make every call trigger a refresh."""
        if token.expiry is None or token.expires_in is None:
            return 0.0
        lifetime = float(token.expires_in)
        setting = self.credentials.o_auth_refresh_ahead if self.credentials else None
        if setting is None:
            window = min(lifetime * DEFAULT_REFRESH_AHEAD_FRACTION, DEFAULT_REFRESH_AHEAD_MAX)
        elif not setting > 0:
            window = 0.0
        else:
            window = lifetime * setting if setting < 1 else float(setting)
        return min(window, (lifetime - self.effective_skew(token)) / 2)

    def in_refresh_window(self, token: OAuthToken) -> bool:
        """True when ``token`` is inside its refresh-ahead window."""
        window = self.refresh_window(token)
        return window > 0 and self.clock() >= self.valid_until_of(token) - window

    def set_current(self, token: Optional[OAuthToken]) -> None:
        """Makes ``token`` the in-memory token and precomputes its validity bounds."""
        self.current = token
        self.valid_until = self.valid_until_of(token)
        window = self.refresh_window(token) if token is not None else 0.0
        self.refresh_from = self.valid_until - window

    def cached(self) -> Optional[OAuthToken]:
        """The in-memory token when it can be sent (after loading)."""
        if self.ready and self.clock() < self.valid_until:
            return self.current
        return None

    def background_due(self) -> bool:
        """True when the current token is in its window and a background refresh may start."""
        now = self.clock()
        return now >= self.refresh_from and now >= self.background_next and not flight_running(self.flight_key)

    def is_configured(self) -> bool:
        """True when a token can be used or obtained: id + secret, a token, or a provider."""
        c = self.credentials
        if c is None:
            return False
        can_fetch = c.o_auth_client_id is not None and c.o_auth_client_secret is not None
        return can_fetch or c.o_auth_token is not None or c.o_auth_token_provider is not None

    def warn(self, message: str) -> None:
        """One warning through the SDK's logger (never a secret)."""
        self.logger.warning("[%s] %s", self.scheme_name, message)

    # ---- hot path ----------------------------------------------------------------------------

    def apply_cached(self, target: AuthTarget) -> object:
        """``Authorization: Bearer`` from memory, or ``NEEDS_IO``."""
        if self.ready:
            now = self.clock()
            if now < self.refresh_from or (now < self.valid_until and not self.background_due()):
                token = cast(OAuthToken, self.current)
                target.headers["authorization"] = "Bearer " + token.access_token
                return AppliedToken(token.access_token, False)
        return NEEDS_IO

    def apply(self, target: AuthTarget) -> Plan[object]:
        """Plan: a token (acquired if needed), set as ``Authorization: Bearer``."""
        obtained = yield from self.acquire(target.deadline)
        target.headers["authorization"] = "Bearer " + obtained.token.access_token
        return AppliedToken(obtained.token.access_token, obtained.fetched)

    # ---- plans -------------------------------------------------------------------------------

    def hook_timeout(self, deadline: Optional[float]) -> Optional[float]:
        """Bound of one store operation or update callback: ``store_timeout``, and never past the
        deadline."""
        left = remaining(deadline)
        if self.store_timeout is None:
            return left
        return self.store_timeout if left is None else min(left, self.store_timeout)

    def store_try(
        self, operation: str, deadline: Optional[float], *args: object, on: Optional[object] = None
    ) -> Plan[Tuple[bool, object]]:
        """Plan: ``(True, result)`` of one store method (or of the method of ``on``, a held lock)
        under ``hook_timeout``, or ``(False, None)`` when it failed or timed out: the first
        failure of an outage is a warning, the next ones debug messages until the store answers
        again."""
        method: Callable[..., object] = getattr(self.store if on is None else on, operation)
        try:
            result = yield Call(
                method,
                args,
                self.hook_timeout(deadline),
                f"token store {operation}",
                self.where,
                inline=self.inline_store,
            )
        except Exception as error:
            if self.store_failing:
                self.logger.debug("[%s] token store %s failed (%s)", self.scheme_name, operation, describe_error(error))
            else:
                self.store_failing = True
                self.warn(f"token store {operation} failed ({describe_error(error)})")
            return False, None
        if self.store_failing:
            self.store_failing = False
            self.logger.info("[%s] token store answers again", self.scheme_name)
        return True, result

    def store_call(self, operation: str, deadline: Optional[float], *args: object) -> Plan[object]:
        """Plan: one store method under ``hook_timeout``; failures and timeouts are logged (see
        ``store_try``) and give ``None``."""
        _, result = yield from self.store_try(operation, deadline, *args)
        return result

    def store_get(self, deadline: Optional[float]) -> Plan[Optional[OAuthToken]]:
        """Plan: the stored token, checked (unusable or header-unsafe ones count as absent)."""
        raw = yield from self.store_call("get", deadline, self.cache_key)
        return None if raw is None else OAuthToken.parse(raw)

    def load(self) -> Plan[None]:
        """Plan, run once (single flight per manager): the given token, else the store's."""
        deadline = deadline_after(self.timeout)
        try:
            given = self.credentials.o_auth_token if self.credentials else None
            if given is not None:
                self.set_current(given)
                if self.is_valid(given):
                    yield from self.store_call("set", deadline, self.cache_key, given)
                return
            self.set_current((yield from self.store_get(deadline)))
        finally:
            self.ready = True

    def ensure_loaded(self, deadline: Optional[float]) -> Plan[None]:
        """Plan: loads on first use; concurrent first callers share one load."""
        if not self.ready:
            yield JoinFlight(("load", id(self)), self, self.load, remaining(deadline), "loading the token", self.where)

    def acquire(self, deadline: Optional[float]) -> Plan[ObtainedToken]:
        """Plan: a valid token from memory, else from the store, else fetched (single flight);
        in the refresh-ahead window the current token at once, plus one background refresh."""
        yield from self.ensure_loaded(deadline)
        cached = self.cached()
        if cached is not None:
            if self.background_due():
                yield JoinFlight(self.flight_key, self.store, self.background, None, "token refresh", wait=False)
            return ObtainedToken(cached, False)
        obtained = cast(
            ObtainedToken,
            (
                yield JoinFlight(
                    self.flight_key,
                    self.store,
                    lambda: self.obtain(False),
                    remaining(deadline),
                    f"Waiting for the {self.scheme_name} token",
                    self.where,
                )
            ),
        )
        self.set_current(obtained.token)
        return obtained

    def obtain(self, background: bool) -> Plan[object]:
        """Plan, inside the single flight: another client or process may have stored a good token
        already, so the store is read before the token endpoint is asked. In the background a
        stored token only counts if it is itself outside the window, i.e. newer."""
        deadline = deadline_after(self.timeout)
        answered, raw = yield from self.store_try("get", deadline, self.cache_key)
        stored = self.usable_stored(raw, background)
        if stored is not None:
            return stored
        if answered and self.can_lock:
            shared = yield from self.obtain_fleet_wide(background, deadline)
            if shared is not None:
                return shared
        return (yield from self.fetch_new(deadline))

    def usable_stored(self, raw: object, background: bool) -> Optional[ObtainedToken]:
        """A stored token worth using (made current), else ``None``: valid, not the rejected one,
        and in the background outside the refresh window."""
        stored = None if raw is None else OAuthToken.parse(raw)
        if (
            stored is None
            or stored.access_token == self.rejected
            or not self.is_valid(stored)
            or (background and self.in_refresh_window(stored))
        ):
            return None
        self.set_current(stored)
        return ObtainedToken(stored, False)

    def fetch_new(self, deadline: Optional[float]) -> Plan[ObtainedToken]:
        """Plan: a new token from the token endpoint (or provider), adopted and stored."""
        token = yield from self.request_new({}, deadline, use_provider=True)
        yield from self.adopt(token, deadline)
        return ObtainedToken(token, True)

    def lock_ttl(self) -> float:
        """Life of the fleet-wide lock: the token request timeout, at most ``LOCK_TTL_MAX``."""
        timeout = self.timeout
        if not timeout or not math.isfinite(timeout) or timeout <= 0:
            return LOCK_TTL_MAX
        return min(float(timeout), LOCK_TTL_MAX)

    def obtain_fleet_wide(self, background: bool, deadline: Optional[float]) -> Plan[Optional[ObtainedToken]]:
        """Plan: the token through the store's lock (see the module docstring); ``None`` when the
        caller should fetch directly (the store failed, or waiting ended without a token)."""
        ttl = self.lock_ttl()
        left = remaining(deadline)
        # Waiting may use the lock's life, but never more than half of the flight's time: the
        # other half is left for fetching directly.
        give_up = time.monotonic() + (ttl if left is None else min(ttl, left / 2))
        pause = LOCK_POLL_INITIAL
        while True:
            answered, lock = yield from self.store_try("try_lock", deadline, self.cache_key, ttl)
            if not answered:
                return None
            if lock is not None:
                return (yield from self.holding(lock, background, deadline))
            wait = min(pause, give_up - time.monotonic())
            if wait <= 0:
                self.logger.debug(
                    "[%s] another process held the token lock for %.1f s; fetching directly", self.scheme_name, ttl
                )
                return None
            yield Sleep(wait)
            pause = min(pause * LOCK_POLL_GROWTH, LOCK_POLL_MAX)
            answered, raw = yield from self.store_try("get", deadline, self.cache_key)
            if not answered:
                return None
            stored = self.usable_stored(raw, background)
            if stored is not None:
                return stored

    def holding(self, lock: object, background: bool, deadline: Optional[float]) -> Plan[ObtainedToken]:
        """Plan, holding the fleet-wide lock: the store once more (the previous holder may have
        just written), else a new token; then the lock is released (a failed release is only
        logged: the lock expires by itself)."""
        try:
            _, raw = yield from self.store_try("get", deadline, self.cache_key)
            obtained = self.usable_stored(raw, background)
            if obtained is None:
                obtained = yield from self.fetch_new(deadline)
        except Exception:
            yield from self.store_try("release", deadline, on=lock)
            raise
        yield from self.store_try("release", deadline, on=lock)
        return obtained

    def background(self) -> Plan[object]:
        """Plan: one background refresh; failures are logged and back off (see the module)."""
        try:
            obtained = cast(ObtainedToken, (yield from self.obtain(True)))
        except Exception as error:
            self.background_failures += 1
            delay = refresh_backoff(self.background_failures)
            self.background_next = self.clock() + delay
            self.warn(
                f"background token refresh failed ({describe_error(error)}); next attempt in {delay:.1f} s or later"
            )
            raise
        self.background_failures = 0
        self.background_next = -math.inf
        self.set_current(obtained.token)
        return obtained

    def can_request(self) -> bool:
        """True when the token endpoint can be asked (client id and secret configured)."""
        c = self.credentials
        return c is not None and c.o_auth_client_id is not None and c.o_auth_client_secret is not None

    def request_new(
        self, additional: Mapping[str, str], deadline: Optional[float], *, use_provider: bool
    ) -> Plan[OAuthToken]:
        """Plan: a new token from the ``o_auth_token_provider`` (when ``use_provider``) or the token
        endpoint."""
        c = self.credentials
        provider = c.o_auth_token_provider if c and use_provider else None
        if provider is not None:
            result = yield Call(
                provider, (self.current, self.owner), remaining(deadline), "o_auth_token_provider", self.where
            )
            token = OAuthToken.parse(result)
            if token is None:
                raise ConfigurationException(
                    f"o_auth_token_provider for {self.scheme_name} returned no usable token (an OAuthToken "
                    "with a non-empty access_token of visible ASCII characters is required)"
                )
            return token
        if c is None or c.o_auth_client_id is None or c.o_auth_client_secret is None:
            raise ConfigurationException(
                f"Cannot obtain a token for {self.scheme_name}: o_auth_client_id and o_auth_client_secret "
                "are required (or pass a valid o_auth_token / an o_auth_token_provider)"
            )
        if not is_absolute_url(self.token_url):
            raise ConfigurationException(
                f"Cannot obtain a token for {self.scheme_name}: its token URL '{re.split(r'[?#]', self.token_url)[0]}' "
                "is not an absolute URL; set o_auth_token_url in the credentials"
            )
        params: Dict[str, str] = dict(c.token_request_params or {})
        params.update(additional)
        left = remaining(deadline)
        request = TokenRequest(
            self.token_url,
            c.o_auth_client_id,
            c.o_auth_client_secret,
            auth_method=c.token_endpoint_auth_method,
            scopes=c.o_auth_scopes or (),
            params=params,
            timeout=left if left is not None else self.timeout,
            retry=self.retry,
            allow_insecure_http=self.allow_insecure_http,
            clock=self.clock,
        )
        return (yield from request_token(self.client(), request))

    def adopt(self, token: OAuthToken, deadline: Optional[float]) -> Plan[None]:
        """Plan: makes ``token`` current, stores it and tells the user (failures only logged)."""
        self.set_current(token)
        self.logger.debug("[%s] new token (expires in %s s)", self.scheme_name, token.expires_in)
        yield from self.store_call("set", deadline, self.cache_key, token)
        on_update = self.credentials.o_auth_on_token_update if self.credentials else None
        if on_update is not None:
            try:
                yield Call(on_update, (token,), self.hook_timeout(deadline), "o_auth_on_token_update", self.where)
            except Exception as error:
                # The token itself is fine; a failing persistence hook must not fail the API call.
                self.warn(f"o_auth_on_token_update failed ({describe_error(error)})")

    def fetch(self, additional: Mapping[str, str], deadline: Optional[float]) -> Plan[OAuthToken]:
        """Plan: always a new token (stored, and passed to ``o_auth_on_token_update``): from the
        token endpoint when client id and secret are configured, else from the provider. So an
        ``o_auth_token_provider`` may call ``auth_manager.fetch_token()`` itself, as the reference
        SDK's docs show, without calling itself again."""
        yield from self.ensure_loaded(deadline)
        token = yield from self.request_new(additional, deadline, use_provider=not self.can_request())
        yield from self.adopt(token, deadline)
        return token

    def clear(self, deadline: Optional[float]) -> Plan[None]:
        """Plan: drops the token from memory and from the store."""
        self.set_current(None)
        self.ready = True
        yield from self.store_call("delete", deadline, self.cache_key)

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Plan[bool]:
        """Plan: a 401 for a token that was not freshly issued drops it and gets one new token;
        concurrent 401s for the same token share that request."""
        if not isinstance(receipt, AppliedToken) or receipt.fetched:
            return False
        current = self.current
        if current is not None and current.access_token != receipt.access_token and self.is_valid(current):
            return True  # someone already replaced the rejected token: replay with the new one
        self.rejected = receipt.access_token
        if current is not None and current.access_token == receipt.access_token:
            self.set_current(None)
        obtained = cast(
            ObtainedToken,
            (
                yield JoinFlight(
                    self.flight_key,
                    self.store,
                    lambda: self.replace_rejected(receipt.access_token),
                    remaining(deadline),
                    f"Waiting for the {self.scheme_name} token",
                    self.where,
                )
            ),
        )
        self.set_current(obtained.token)
        return True

    def replace_rejected(self, rejected: str) -> Plan[object]:
        """Plan, inside the single flight: removes the rejected token from the store, then
        obtains a new one. With a fleet-wide lock the replacement overwrites it instead: a
        process deleting it could delete the replacement another process had just stored."""
        if self.can_lock:
            return (yield from self.obtain(False))
        deadline = deadline_after(self.timeout)
        stored = yield from self.store_get(deadline)
        if stored is not None and stored.access_token == rejected:
            yield from self.store_call("delete", deadline, self.cache_key)
        return (yield from self.obtain(False))


class _ManagerBase:
    """What the synchronous and asynchronous managers share: settings, state and the
    ``AuthProvider`` methods (plans, run by whichever client uses the manager)."""

    _core: _TokenLifecycle

    @property
    def scheme_name(self) -> str:
        """The security scheme this manager serves (e.g. ``BearerAuth``)."""
        return self._core.scheme_name

    @property
    def token_url(self) -> str:
        """The effective token endpoint."""
        return self._core.token_url

    @property
    def credentials(self) -> Optional[ClientCredentialsAuthCredentials]:
        """The credentials this manager was created with."""
        return self._core.credentials

    @property
    def token(self) -> Optional[OAuthToken]:
        """The token currently held in memory (may be expired), e.g. to persist it yourself."""
        return self._core.current

    @property
    def cache_key(self) -> str:
        """The store key for this manager's tokens (no secret can be recovered from it)."""
        return self._core.cache_key

    def is_configured(self) -> bool:
        """True when a token can be used or obtained: id + secret, a token, or a provider."""
        return self._core.is_configured()

    def is_valid(self, token: Optional[OAuthToken]) -> bool:
        """True when ``token`` can still be sent: ``now < expiry − skew`` (skew capped at half
        the lifetime). A token without ``expiry`` is valid until the server rejects it."""
        return self._core.is_valid(token)

    def apply_cached(self, target: AuthTarget) -> object:
        """``AuthProvider.apply_cached``: the in-memory token, without I/O, or ``NEEDS_IO``."""
        return self._core.apply_cached(target)

    def apply(self, target: AuthTarget) -> Plan[object]:
        """``AuthProvider.apply``: plan that acquires a token and sets ``Authorization``."""
        return self._core.apply(target)

    def handle_unauthorized(self, receipt: object, deadline: Optional[float]) -> Plan[bool]:
        """``AuthProvider.handle_unauthorized``: plan that renews a rejected token."""
        return self._core.handle_unauthorized(receipt, deadline)

    def __repr__(self) -> str:
        """Scheme, redacted token URL, client id, whether a token is held; never a secret."""
        core = self._core
        client_id = core.credentials.o_auth_client_id if core.credentials else None
        expiry = core.current.expiry if core.current else None
        return (
            f"{type(self).__name__}(scheme_name={core.scheme_name!r}, token_url={core.where!r}, "
            f"client_id={client_id!r}, has_token={core.current is not None}, token_expiry={expiry!r})"
        )


class ClientCredentialsAuthManager(_ManagerBase):
    """Manages tokens for one client-credentials scheme with blocking I/O (threads); used by
    ``HttpClient`` as an ``AuthProvider`` and reached by users as, e.g., ``client.bearer_auth``.

    Args:
        credentials: The user's credentials; ``None`` leaves the scheme unconfigured.
        scheme_name: The security scheme's name in the API definition, for messages.
        token_url: Absolute token endpoint URL (``o_auth_token_url`` overrides it).
        http_client: The ``httpx.Client`` for token requests (generated clients pass the API
            client's, sharing its connection pool and proxy); default: one of its own.
        timeout: Token request timeout and bound of every wait inside a token acquisition,
            seconds (0/None: none). Default 60.
        retry: Token request retry policy. Default ``DEFAULT_TOKEN_RETRY``.
        allow_insecure_http: Allow client credentials over plain http to non-loopback hosts.
        clock: Current time in epoch seconds; injectable for tests. Default ``time.time``.
        logger: Where store and background-refresh problems are reported.
        store_timeout: Bound of one token store operation or ``o_auth_on_token_update`` call,
            seconds (``None``: only the call's deadline). Default 5. A store that does not answer
            in time counts as empty (one warning), so a dead database delays, never hangs, calls.
    """

    def __init__(
        self,
        credentials: Optional[ClientCredentialsAuthCredentials],
        *,
        scheme_name: str,
        token_url: str,
        http_client: Optional[httpx.Client] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        retry: Optional[RetryPolicy] = None,
        allow_insecure_http: bool = False,
        clock: Optional[Callable[[], float]] = None,
        logger: Optional[Log] = None,
        store_timeout: Optional[float] = DEFAULT_STORE_TIMEOUT,
    ) -> None:
        """See the class docstring."""
        self._http_client = http_client
        store = credentials.token_store if credentials else None
        if store is not None and inspect.iscoroutinefunction(getattr(store, "get", None)):
            raise ConfigurationException(
                f"The token store for {scheme_name} is asynchronous: use it with the asynchronous client"
            )
        self._core = _TokenLifecycle(
            self,
            credentials,
            scheme_name=scheme_name,
            token_url=token_url,
            client=self._client,
            timeout=timeout,
            retry=retry,
            allow_insecure_http=allow_insecure_http,
            clock=clock,
            logger=logger,
            store_timeout=store_timeout,
        )

    def _client(self) -> httpx.Client:
        if self._http_client is None:
            self._http_client = httpx.Client(follow_redirects=False)
        return self._http_client

    def _deadline(self, timeout: Optional[float]) -> Optional[float]:
        return deadline_after(self._core.timeout if timeout is None else timeout)

    def fetch_token(
        self, additional_params: Optional[Mapping[str, str]] = None, *, timeout: Optional[float] = None
    ) -> OAuthToken:
        """Always requests a new token, stores it and calls ``o_auth_on_token_update``: from the token
        endpoint when client id and secret are configured (also when called from an
        ``o_auth_token_provider``), else from the provider. ``additional_params`` are added to this
        request's form.

        Raises:
            OAuthProviderException: the token endpoint refused or sent no usable token.
            NetworkException, TimeoutException, ConfigurationException.
        """
        return run_sync(self._core.fetch(dict(additional_params or {}), self._deadline(timeout)))

    def get_token(self, *, timeout: Optional[float] = None) -> OAuthToken:
        """A valid token: from memory, else from the store, else fetched (one request at a time,
        shared by all concurrent callers)."""
        return run_sync(self._core.acquire(self._deadline(timeout))).token

    def clear_token(self, *, timeout: Optional[float] = None) -> None:
        """Drops the token from memory and from the store (e.g. after revoking it)."""
        run_sync(self._core.clear(self._deadline(timeout)))


class AsyncClientCredentialsAuthManager(_ManagerBase):
    """The asynchronous counterpart of :class:`ClientCredentialsAuthManager` (``asyncio``,
    ``httpx.AsyncClient``); same arguments, with ``http_client`` an ``httpx.AsyncClient``. Token
    stores, the token provider and the update callback may be coroutine functions or blocking
    ones (run in a worker thread under the deadline)."""

    def __init__(
        self,
        credentials: Optional[ClientCredentialsAuthCredentials],
        *,
        scheme_name: str,
        token_url: str,
        http_client: Optional[httpx.AsyncClient] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        retry: Optional[RetryPolicy] = None,
        allow_insecure_http: bool = False,
        clock: Optional[Callable[[], float]] = None,
        logger: Optional[Log] = None,
        store_timeout: Optional[float] = DEFAULT_STORE_TIMEOUT,
    ) -> None:
        """See :class:`ClientCredentialsAuthManager`."""
        self._http_client = http_client
        self._core = _TokenLifecycle(
            self,
            credentials,
            scheme_name=scheme_name,
            token_url=token_url,
            client=self._client,
            timeout=timeout,
            retry=retry,
            allow_insecure_http=allow_insecure_http,
            clock=clock,
            logger=logger,
            store_timeout=store_timeout,
        )

    def _client(self) -> httpx.AsyncClient:
        if self._http_client is None:
            self._http_client = httpx.AsyncClient(follow_redirects=False)
        return self._http_client

    def _deadline(self, timeout: Optional[float]) -> Optional[float]:
        return deadline_after(self._core.timeout if timeout is None else timeout)

    async def fetch_token(
        self, additional_params: Optional[Mapping[str, str]] = None, *, timeout: Optional[float] = None
    ) -> OAuthToken:
        """See :meth:`ClientCredentialsAuthManager.fetch_token`."""
        return await run_async(self._core.fetch(dict(additional_params or {}), self._deadline(timeout)))

    async def get_token(self, *, timeout: Optional[float] = None) -> OAuthToken:
        """See :meth:`ClientCredentialsAuthManager.get_token`."""
        return (await run_async(self._core.acquire(self._deadline(timeout)))).token

    async def clear_token(self, *, timeout: Optional[float] = None) -> None:
        """See :meth:`ClientCredentialsAuthManager.clear_token`."""
        await run_async(self._core.clear(self._deadline(timeout)))
