"""Executes generated :class:`.operation.Operation` calls: URL and parameter serialization, auth,
timeouts, retries, 401 replay, redirects, response reading and error mapping.

:class:`HttpClient` (``httpx.Client``) and :class:`AsyncHttpClient` (``httpx.AsyncClient``) share
one plan for all of it (:meth:`_HttpClientBase._plan`); only sending and sleeping differ (see
``_effects``).

Redirects: API requests never let httpx follow redirects. The runtime follows up to
:data:`MAX_REDIRECTS` itself (301/302/303 turn a POST into a GET, 307/308 keep method and body;
one-shot stream bodies are not re-sent). A redirect to the same origin keeps the request's
credentials; a redirect to another origin (another scheme, host or port) is followed with the
request's own headers but without any credential the security schemes added (``Authorization``,
API key headers, cookies) and without API keys sent in the query: the bearer token never goes
to another origin. Token requests never follow redirects at all.

Around every attempt the client's :class:`.hooks.Hooks` run (before credentials are added, so no
hook sees them); retries are logged at ``INFO`` and every response at ``DEBUG``. A call made
through ``with_raw_response`` (see ``response``) returns an :class:`.response.APIResponse`.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union, cast
from urllib.parse import urljoin

import httpx
import pydantic

from ._effects import Plan, Received, Send, Sleep, deadline_after, run_async, run_sync
from .auth.provider import AuthProvider, AuthTarget, apply_all
from .bodies import EncodedBody
from .config import DEFAULT_LOGGER_NAME, DEFAULT_RETRY, DEFAULT_TIMEOUT
from .error_text import server_error_text
from .errors import ConfigurationException, HookException, NetworkException, ResponseParseException
from .headers import check_header, checked_headers
from .hooks import HookRequest, Hooks, run_hook
from .logs import Log
from .operation import Operation, RequestOptions
from .proxy_settings import ProxySettings
from .response import APIResponse, public_response
from .retry import RetryPolicy, backoff_delay
from .serialize import expand_path, serialize_params
from .url import assert_secure_transport, check_url, join_url, origin, redact_url
from .wire import adapter, validate_json

T = TypeVar("T")

#: Most redirects followed for one API request.
MAX_REDIRECTS = 10

_REDIRECTS = (301, 302, 303, 307, 308)

#: Schemes chosen for an operation: (provider, scopes) pairs, or ``None`` when not yet decided.
#: Checks a 2xx body (see ``HttpClient``): operation id, parsed JSON, response.
Validator = Callable[[str, object, httpx.Response], None]

_Chosen = Tuple[Tuple[AuthProvider, Tuple[str, ...]], ...]


def check_timeout(timeout: Optional[float], what: str = "timeout") -> Optional[float]:
    """``timeout`` as seconds (``None`` for none: ``None`` or 0).

    Raises:
        ConfigurationException: for a negative or non-numeric value.
    """
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout >= 0:
        raise ConfigurationException(f"{what} must be a number of seconds >= 0 (0 for none), not {timeout!r}")
    return float(timeout) if timeout > 0 else None


def _is_json_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media.endswith("/json") or media.endswith("+json")


def _error_body(received: Received) -> object:
    """JSON when the content type says so (and it parses), else the text."""
    text = received.content.decode("utf-8", "replace")
    if _is_json_type(received.headers.get("content-type", "")) and text.strip():
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


class _HttpClientBase:
    """Settings and the shared, driver-independent request plan."""

    _client: Union[httpx.Client, httpx.AsyncClient]

    def __init__(
        self,
        base_url: str,
        *,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        retry: Optional[RetryPolicy] = None,
        headers: Optional[Mapping[str, str]] = None,
        auth: Optional[Mapping[str, Optional[AuthProvider]]] = None,
        allow_insecure_http: bool = False,
        server_variables: Optional[Mapping[str, str]] = None,
        logger: Optional[Log] = None,
        hooks: Optional[Hooks] = None,
        validator: Optional[Validator] = None,
    ) -> None:
        self._base = check_url(base_url, "base_url")
        self._validator = validator
        self._timeout = check_timeout(timeout)
        self._retry = retry or DEFAULT_RETRY
        self._headers = checked_headers(headers or {})
        self._auth: Dict[str, AuthProvider] = {}
        for name, provider in (auth or {}).items():
            if provider is not None:
                self._auth[name] = provider
        self._allow_insecure_http = allow_insecure_http
        self._server_variables = dict(server_variables or {})
        self.logger: Log = logger or logging.getLogger(DEFAULT_LOGGER_NAME)
        self._hooks = hooks
        self._chosen: Dict[int, Tuple[Operation[Any], _Chosen]] = {}
        self._trusted_bases: set[str] = set()
        self._httpx_timeouts: Dict[Optional[float], httpx.Timeout] = {}

    @property
    def base_url(self) -> str:
        """The server URL operations are sent to."""
        return self._base

    @property
    def timeout(self) -> Optional[float]:
        """Default per-attempt timeout in seconds (``None``: none)."""
        return self._timeout

    @property
    def allow_insecure_http(self) -> bool:
        """Whether credentials may go over plain http to non-loopback hosts."""
        return self._allow_insecure_http

    @property
    def server_variables(self) -> Dict[str, str]:
        """Values for the variables of operation-level servers (see ``servers``)."""
        return dict(self._server_variables)

    def register_auth(self, scheme_name: str, provider: Optional[AuthProvider]) -> None:
        """Sets (or, with ``None``, removes) the provider of a security scheme."""
        if provider is None:
            self._auth.pop(scheme_name, None)
        else:
            self._auth[scheme_name] = provider
        self._chosen.clear()

    # ---- decisions -------------------------------------------------------------------------

    def _choose(self, op: Operation[Any]) -> _Chosen:
        """The first alternative whose schemes are all configured; else anonymous when ``{}`` is
        listed (wherever: optional auth still sends configured credentials). Cached per
        operation: configuration does not change during a client's life."""
        found = self._chosen.get(id(op))
        if found is not None and found[0] is op:
            return found[1]
        chosen: Optional[_Chosen] = None
        for alternative in op.security_alternatives:
            picked: List[Tuple[AuthProvider, Tuple[str, ...]]] = []
            for name, scopes in alternative:
                provider = self._auth.get(name)
                if provider is None or not provider.is_configured():
                    break
                picked.append((provider, scopes))
            if len(picked) == len(alternative):
                chosen = tuple(picked)
                break
        if chosen is None:
            if op.security_alternatives and not op.allows_anonymous:
                wanted = " or ".join(" + ".join(name for name, _ in alt) for alt in op.security_alternatives)
                raise ConfigurationException(
                    f"Operation '{op.operation_id}' requires credentials for {wanted}, but none are configured"
                )
            chosen = ()
        self._chosen[id(op)] = (op, chosen)
        return chosen

    def _timeout_for(self, options: Optional[RequestOptions]) -> Optional[float]:
        if options is None or options.timeout is None:
            return self._timeout
        return check_timeout(options.timeout)

    def _httpx_timeout(self, timeout: Optional[float]) -> httpx.Timeout:
        found = self._httpx_timeouts.get(timeout)
        if found is None:
            found = httpx.Timeout(timeout)
            self._httpx_timeouts[timeout] = found
        return found

    def _policy(self, options: Optional[RequestOptions]) -> RetryPolicy:
        if options is None or options.retry is None or options.retry is True:
            return self._retry
        if options.retry is False:
            return self._retry.disabled()
        return options.retry

    def _build(
        self,
        method: str,
        url: str,
        headers: Dict[str, str],
        body: Optional[EncodedBody],
        timeout: Optional[float],
    ) -> httpx.Request:
        if body is None:
            return self._client.build_request(method, url, headers=headers, timeout=self._httpx_timeout(timeout))
        return self._client.build_request(
            method,
            url,
            headers=headers,
            content=body.content,
            data=body.data,
            files=body.files,  # type: ignore[arg-type]
            timeout=self._httpx_timeout(timeout),
        )

    # ---- the plan --------------------------------------------------------------------------

    def _plan(
        self,
        op: Operation[T],
        values: Sequence[object],
        body: Optional[EncodedBody],
        options: Optional[RequestOptions],
        base_url: Optional[str],
    ) -> Plan[object]:
        """Plan of one call (see the module docstring); shared by both clients. Returns the body,
        or an :class:`.response.APIResponse` when ``options`` asks for the raw response."""
        base = self._base if base_url is None else check_url(base_url, "operation server URL")
        path = op.path
        headers = dict(self._headers)
        query = ""
        if op.params:
            serialized = serialize_params(op.params, values)
            if op.has_path_params:
                path = expand_path(path, serialized.path)
            if serialized.query:
                query = "&".join(serialized.query)
            for name, value in serialized.headers.items():
                headers[name.lower()] = check_header(name, value)
            if serialized.cookies:
                headers["cookie"] = "; ".join(serialized.cookies)
        url = join_url(base, path)
        if query:
            url = f"{url}{'&' if '?' in url else '?'}{query}"
        if op.accept is not None:
            headers["accept"] = op.accept
        if body is not None and body.content_type is not None:
            headers["content-type"] = body.content_type
        if options is not None and options.headers:
            for name, value in options.headers.items():
                headers[name.lower()] = check_header(name, value)

        schemes = self._choose(op)
        if schemes and base not in self._trusted_bases:
            what = "credentials for " + " + ".join(provider.scheme_name for provider, _ in schemes)
            assert_secure_transport(url, what, self._allow_insecure_http)
            self._trusted_bases.add(base)

        policy = self._policy(options)
        timeout = self._timeout_for(options)
        replayable = body is None or body.replayable
        retryable = replayable and op.method in policy.methods
        deadline = deadline_after(timeout) if schemes else None
        what = f"{op.method} {op.operation_id}"
        hooks = self._hooks
        log = self.logger
        retry = 0
        attempt = 0
        replayed = False
        renewed: Optional[List[AuthProvider]] = None
        seen: Optional[HookRequest] = None

        try:
            while True:
                attempt += 1
                plain_headers = headers
                if hooks is not None:
                    seen = HookRequest(op.operation_id, attempt, op.method, url, dict(headers))
                    yield from run_hook(hooks.before_request, "before_request", seen)
                    plain_headers = checked_headers(seen.headers)
                receipts: List[Tuple[AuthProvider, object]] = []
                attempt_headers = plain_headers
                attempt_url = url
                if schemes:
                    attempt_headers = dict(plain_headers)
                    target = AuthTarget(url, attempt_headers, (), False, deadline)
                    receipts = yield from apply_all(schemes, target, renewed)
                    attempt_url = target.url
                    renewed = None
                try:
                    received = cast(
                        Received,
                        (
                            yield Send(
                                self._client,
                                self._build(op.method, attempt_url, attempt_headers, body, timeout),
                                what,
                                timeout,
                            )
                        ),
                    )
                    if received.status in _REDIRECTS:
                        received = yield from self._follow(
                            received, op.method, url, plain_headers, attempt_headers, body, timeout, what
                        )
                except NetworkException as error:
                    if retryable and retry < policy.max_retries:
                        delay = backoff_delay(retry, policy)
                        retry += 1
                        log.info("%s: %s, retry %d in %.3f s", what, type(error).__name__, retry, delay)
                        yield Sleep(delay)
                        continue
                    raise
                status = received.status
                log.debug("%s: HTTP %d (attempt %d)", what, status, attempt)
                if hooks is not None and seen is not None and hooks.after_response is not None:
                    response = self._public(received, attempt_url, url, seen.headers)
                    yield from run_hook(hooks.after_response, "after_response", seen, response)
                if 200 <= status < 300:
                    if options is not None and options._raw:
                        public = self._public(received, attempt_url, url, plain_headers)
                        return APIResponse(public, op.operation_id, functools.partial(self._success, op, received))
                    return self._success(op, received)
                if status == 401 and not replayed and replayable and receipts:
                    replayed = True
                    renewed = []
                    for provider, receipt in receipts:
                        if (yield from provider.handle_unauthorized(receipt, deadline)):
                            renewed.append(provider)
                    if renewed:
                        continue
                    renewed = None
                if retryable and status in policy.statuses and retry < policy.max_retries:
                    delay = backoff_delay(retry, policy, received.headers.get("retry-after"))
                    retry += 1
                    log.info("%s: HTTP %d, retry %d in %.3f s", what, status, retry, delay)
                    yield Sleep(delay)
                    continue
                raise self._error(op, received)
        except HookException:
            raise
        except Exception as error:
            if hooks is not None and seen is not None and hooks.on_error is not None:
                yield from run_hook(hooks.on_error, "on_error", seen, error)
            raise

    @staticmethod
    def _error(op: Operation[Any], received: Received) -> Exception:
        """The exception of an error response: the class ``op`` maps its status to, with the
        server's error text (bounded, credentials redacted) in the message."""
        error_class = op.error_class(received.status)
        reason = f" {received.reason}" if received.reason else ""
        body = _error_body(received)
        text = server_error_text(body)
        return error_class(
            f"{op.operation_id} failed with HTTP {received.status}{reason}{'' if text is None else f': {text}'}",
            received.status,
            dict(received.headers.items()),
            body,
        )

    @staticmethod
    def _public(received: Received, attempt_url: str, url: str, headers: Dict[str, str]) -> httpx.Response:
        """The response with the request as built before credentials (see ``public_response``);
        after a redirect, the method and URL of the request the response came from."""
        if received.url == attempt_url:
            return public_response(received.response, received.response.request.method, url, headers)
        return public_response(received.response, received.response.request.method, received.url, headers)

    def _follow(
        self,
        received: Received,
        method: str,
        original_url: str,
        plain_headers: Dict[str, str],
        auth_headers: Dict[str, str],
        body: Optional[EncodedBody],
        timeout: Optional[float],
        what: str,
    ) -> Plan[Received]:
        """Plan: follows redirects (see the module docstring); credentials only to the original
        origin. Returns the first response that is not a followable redirect."""
        home = origin(original_url)
        current = received
        hops = 0
        while current.status in _REDIRECTS and hops < MAX_REDIRECTS:
            location = current.headers.get("location")
            if not location:
                return current
            next_url = urljoin(current.url, location)
            if not next_url.lower().startswith(("http://", "https://")):
                return current
            if current.status == 303 or (current.status in (301, 302) and method == "POST"):
                method = "GET" if method != "HEAD" else method
                body = None
            elif body is not None and not body.replayable:
                return current  # a one-shot stream cannot be re-sent
            hops += 1
            same_origin = origin(next_url) == home
            headers = dict(auth_headers if same_origin else plain_headers)
            if not same_origin:
                headers.pop("cookie", None)
            if body is None:
                headers.pop("content-type", None)
            request = self._build(method, next_url, headers, body, timeout)
            current = cast(Received, (yield Send(self._client, request, what, timeout)))
        return current

    def _success(self, op: Operation[Any], received: Received) -> object:
        """The success body per ``op.response_kind`` (``None`` for ``none``, 204/205, HEAD and
        empty JSON bodies)."""
        kind = op.response_kind
        content = received.content
        if kind == "none" or received.status in (204, 205) or op.method == "HEAD":
            return None
        if kind == "json":
            if not content or not content.strip():
                return None
            try:
                if self._validator is not None:
                    data = json.loads(content)
                    # The response as callers see it: its request without credentials.
                    public = public_response(received.response, op.method, received.url, {})
                    self._validator(op.operation_id, data, public)
                    return data if op.response_type is None else adapter(op.response_type).validate_python(data)
                if op.response_type is not None:
                    return validate_json(op.response_type, content)
                return json.loads(content)
            except (ValueError, pydantic.ValidationError) as error:
                problem = (
                    "does not match the declared type"
                    if isinstance(error, pydantic.ValidationError)
                    else "is not valid JSON"
                )
                raise ResponseParseException(
                    f"Response of {op.operation_id} from {redact_url(received.url)} {problem}", received.status
                ) from None
        if kind == "text":
            return content.decode(_charset(received.headers.get("content-type", "")), "replace")
        return content


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return "utf-8"


def _build_httpx_kwargs(
    timeout: Optional[float], proxy_settings: Optional[ProxySettings], headers: Optional[Mapping[str, str]]
) -> Dict[str, Any]:
    kwargs: Dict[str, Any] = {"timeout": httpx.Timeout(timeout), "follow_redirects": False}
    if proxy_settings is not None:
        kwargs["proxy"] = proxy_settings.to_httpx_proxy()
    return kwargs


class HttpClient(_HttpClientBase):
    """Sends operations described by generated code, with blocking I/O. One instance per SDK
    client, shared by all its controllers; thread-safe.

    Args:
        base_url: Server URL every operation path is appended to (may include a path prefix).
        http_client: An ``httpx.Client`` to use (its connection pool, proxy, TLS settings); the
            runtime never lets it follow redirects. Default: one created here, closed by
            :meth:`close`.
        timeout: Per-attempt timeout in seconds, also bounding waits for credentials (0/None:
            none). Default 60.
        retry: Retry policy of API calls. Default :data:`.config.DEFAULT_RETRY`.
        headers: Headers sent with every request (e.g. ``user-agent``); per-call headers win.
        auth: Security scheme name (as in the API definition) → provider (see ``auth``).
        allow_insecure_http: Allow credentials over plain http to non-loopback hosts.
        proxy_settings: Proxy for the default ``httpx.Client`` (ignored with ``http_client``).
        server_variables: Values for the variables of operation-level servers.
        logger: The SDK's logger (default ``logging.getLogger('sdkgen')``), or a
            :class:`.logs.LeveledLogger` with the client's ``log_level``.
        hooks: Functions called around every attempt (see :class:`.hooks.Hooks`).
        validator: Checks each 2xx JSON body before it is parsed into the declared type
            (``validate_responses``; ``None``: off); called with the operation id, the parsed
            JSON and the response, it may log, or raise to fail the call.

    Raises:
        ConfigurationException: for a relative or user-info base URL, or a bad timeout.
        ValueError: for an invalid client-wide header.
    """

    _client: httpx.Client

    def __init__(
        self,
        base_url: str,
        *,
        http_client: Optional[httpx.Client] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        retry: Optional[RetryPolicy] = None,
        headers: Optional[Mapping[str, str]] = None,
        auth: Optional[Mapping[str, Optional[AuthProvider]]] = None,
        allow_insecure_http: bool = False,
        proxy_settings: Optional[ProxySettings] = None,
        server_variables: Optional[Mapping[str, str]] = None,
        logger: Optional[Log] = None,
        hooks: Optional[Hooks] = None,
        validator: Optional[Validator] = None,
    ) -> None:
        """See the class docstring."""
        super().__init__(
            base_url,
            timeout=timeout,
            retry=retry,
            headers=headers,
            auth=auth,
            allow_insecure_http=allow_insecure_http,
            server_variables=server_variables,
            logger=logger,
            hooks=hooks,
            validator=validator,
        )
        self._owns_client = http_client is None
        self._client = (
            httpx.Client(**_build_httpx_kwargs(self._timeout, proxy_settings, headers))
            if http_client is None
            else http_client
        )

    @property
    def httpx_client(self) -> httpx.Client:
        """The ``httpx.Client`` in use (e.g. to share with the token manager)."""
        return self._client

    def request(
        self,
        op: Operation[T],
        values: Sequence[object] = (),
        *,
        body: Optional[EncodedBody] = None,
        options: Optional[RequestOptions] = None,
        base_url: Optional[str] = None,
    ) -> T:
        """Performs ``op`` and returns its success body read per ``op.response_kind`` (an
        :class:`.response.APIResponse` when ``options`` comes from ``with_raw_response``).

        Args:
            op: The operation (module-level constant in generated code).
            values: Parameter values in the order of ``op.params`` (``None``: omitted).
            body: The encoded request body (``json_body(...)`` and others), if any.
            options: Per-call options.
            base_url: The operation's own server URL (operation-level ``servers``), if any.

        Raises:
            APIException: (or the class ``op.errors`` maps the status to) for non-2xx responses.
            NetworkException, TimeoutException, ConfigurationException, ResponseParseException.
            HookException: when a hook raised (``__cause__`` is what it raised).
            ValueError: for an invalid header value or a missing path parameter.
        """
        return cast(T, run_sync(self._plan(op, values, body, options, base_url)))

    def close(self) -> None:
        """Closes the ``httpx.Client`` if this object created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncHttpClient(_HttpClientBase):
    """The asynchronous counterpart of :class:`HttpClient` (``httpx.AsyncClient``); same
    arguments, with ``http_client`` an ``httpx.AsyncClient``. Safe for concurrent tasks."""

    _client: httpx.AsyncClient

    def __init__(
        self,
        base_url: str,
        *,
        http_client: Optional[httpx.AsyncClient] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        retry: Optional[RetryPolicy] = None,
        headers: Optional[Mapping[str, str]] = None,
        auth: Optional[Mapping[str, Optional[AuthProvider]]] = None,
        allow_insecure_http: bool = False,
        proxy_settings: Optional[ProxySettings] = None,
        server_variables: Optional[Mapping[str, str]] = None,
        logger: Optional[Log] = None,
        hooks: Optional[Hooks] = None,
        validator: Optional[Validator] = None,
    ) -> None:
        """See :class:`HttpClient`."""
        super().__init__(
            base_url,
            timeout=timeout,
            retry=retry,
            headers=headers,
            auth=auth,
            allow_insecure_http=allow_insecure_http,
            server_variables=server_variables,
            logger=logger,
            hooks=hooks,
            validator=validator,
        )
        self._owns_client = http_client is None
        self._client = (
            httpx.AsyncClient(**_build_httpx_kwargs(self._timeout, proxy_settings, headers))
            if http_client is None
            else http_client
        )

    @property
    def httpx_client(self) -> httpx.AsyncClient:
        """The ``httpx.AsyncClient`` in use (e.g. to share with the token manager)."""
        return self._client

    async def request(
        self,
        op: Operation[T],
        values: Sequence[object] = (),
        *,
        body: Optional[EncodedBody] = None,
        options: Optional[RequestOptions] = None,
        base_url: Optional[str] = None,
    ) -> T:
        """See :meth:`HttpClient.request`."""
        return cast(T, await run_async(self._plan(op, values, body, options, base_url)))

    async def aclose(self) -> None:
        """Closes the ``httpx.AsyncClient`` if this object created it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncHttpClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


__all__ = ["MAX_REDIRECTS", "AsyncHttpClient", "HttpClient", "Validator", "check_timeout"]
