"""The client-credentials token request (RFC 6749 §4.4) and the parsing of its response (§5.1,
§5.2), with bounded retries on transient failures.

Hostile-server rules (issue 12):

- Never follows a redirect: a 3xx is an :class:`OAuthProviderException` (``invalid_response``),
  whatever ``httpx`` client is used, so a ``client_secret_post`` form is never re-posted elsewhere
  and no token issued by a redirect target is accepted.
- Reads at most :data:`MAX_TOKEN_RESPONSE_BYTES` (1 MiB) of the response; past it the response
  is closed and an ``OAuthProviderException`` (``invalid_response``) raised.
- ``expires_in`` that is not a number (or numeric string) ≥ 0 (``null``, ``""``, ``true``) means
  "no expiry given", as a missing one does.
- An ``access_token`` that cannot be sent in a header (see :func:`.secret.is_sendable_token`) is
  refused with an ``OAuthProviderException`` (``invalid_response``).
"""

from __future__ import annotations

import base64
import json
import time
from typing import Dict, Mapping, Optional, Sequence, Tuple, Union, cast
from urllib.parse import quote_plus, urlencode

import httpx

from .._effects import BodyTooLarge, Plan, Received, Send, Sleep
from ..config import DEFAULT_TOKEN_RETRY
from ..errors import NetworkException, OAuthProviderException
from ..retry import RetryPolicy, backoff_delay
from ..url import assert_secure_transport, redact_url
from .oauth_token import OAuthToken, seconds_or_none
from .secret import REDACTED, is_sendable_token

#: Longest token response body read, bytes (1 MiB).
MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024


class TokenRequest:
    """Everything one token request needs."""

    __slots__ = (
        "token_url",
        "client_id",
        "client_secret",
        "auth_method",
        "scopes",
        "params",
        "timeout",
        "retry",
        "allow_insecure_http",
        "clock",
    )

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        auth_method: str = "client_secret_basic",
        scopes: Sequence[str] = (),
        params: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
        retry: RetryPolicy = DEFAULT_TOKEN_RETRY,
        allow_insecure_http: bool = False,
        clock: Optional[object] = None,
    ) -> None:
        """Token URL, client id and secret, method, scopes, extra params, timeout (seconds, per
        attempt and as a bound for reading the body), retry policy, and the clock (a callable
        returning epoch seconds; default ``time.time``)."""
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.auth_method = auth_method
        self.scopes = tuple(scopes)
        self.params = dict(params or {})
        self.timeout = timeout
        self.retry = retry
        self.allow_insecure_http = allow_insecure_http
        self.clock = clock if callable(clock) else time.time

    def __repr__(self) -> str:
        return f"TokenRequest({redact_url(self.token_url)!r}, client_id={self.client_id!r}, client_secret={REDACTED!r})"


def form_urlencode(value: str) -> str:
    """``application/x-www-form-urlencoded`` encoding of one value (space → ``+``)."""
    return quote_plus(value, safe="")


def basic_authorization(client_id: str, client_secret: str) -> str:
    """RFC 6749 §2.3.1: id and secret are each form-urlencoded, joined by ``:``, base64-encoded."""
    pair = f"{form_urlencode(client_id)}:{form_urlencode(client_secret)}"
    return "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")


def build_token_request(request: TokenRequest) -> Tuple[Dict[str, str], bytes]:
    """Headers and form body per the client authentication method."""
    form: Dict[str, str] = {"grant_type": "client_credentials"}
    if request.scopes:
        form["scope"] = " ".join(request.scopes)
    form.update(request.params)
    headers = {"content-type": "application/x-www-form-urlencoded", "accept": "application/json"}
    if request.auth_method == "client_secret_post":
        form["client_id"] = request.client_id
        form["client_secret"] = request.client_secret
    else:
        headers["authorization"] = basic_authorization(request.client_id, request.client_secret)
    return headers, urlencode(form).encode("ascii")


def request_token(client: Union[httpx.Client, httpx.AsyncClient], request: TokenRequest) -> Plan[OAuthToken]:
    """Plan: requests a token and returns it with ``expiry`` computed from ``expires_in``.

    Raises:
        OAuthProviderException: for OAuth errors and unusable responses (see the module rules).
        NetworkException, TimeoutException: naming the redacted token URL.
        ConfigurationException: for plain http to a non-loopback host.
    """
    url = request.token_url
    assert_secure_transport(url, "client credentials", request.allow_insecure_http)
    headers, body = build_token_request(request)
    policy = request.retry
    timeout = request.timeout or None
    retry = 0
    while True:
        httpx_request = client.build_request("POST", url, content=body, headers=headers, timeout=httpx.Timeout(timeout))
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            received = cast(
                Received,
                (
                    yield Send(
                        client,
                        httpx_request,
                        "Token request",
                        timeout,
                        limit=MAX_TOKEN_RESPONSE_BYTES,
                        deadline=deadline,
                    )
                ),
            )
        except NetworkException:
            if retry < policy.max_retries:
                yield Sleep(backoff_delay(retry, policy))
                retry += 1
                continue
            raise
        except BodyTooLarge as too_large:
            raise OAuthProviderException(
                f"Token endpoint {redact_url(url)} sent a response larger than {too_large.limit} bytes",
                too_large.status,
                error="invalid_response",
            ) from None
        if received.status in policy.statuses and retry < policy.max_retries:
            delay = backoff_delay(retry, policy, received.headers.get("retry-after"), request.clock())
            yield Sleep(delay)
            retry += 1
            continue
        return parse_token_response(received, url, float(request.clock()))


def _json_object(content: bytes) -> Optional[Dict[str, object]]:
    try:
        value = json.loads(content)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _describe_content_type(content_type: str) -> str:
    return "no content type" if not content_type else f"content type {content_type.split(';')[0]}"


def parse_token_response(received: Received, url: str, now: float) -> OAuthToken:
    """Turns the raw response into a token or an :class:`OAuthProviderException`."""
    where = redact_url(url)
    status = received.status
    headers = dict(received.headers.items())
    content_type = received.headers.get("content-type", "")
    if 300 <= status < 400:
        raise OAuthProviderException(
            f"Token endpoint {where} answered HTTP {status} (a redirect); token requests never "
            "follow redirects: configure the final token URL",
            status,
            headers,
            None,
            error="invalid_response",
        )
    data = _json_object(received.content)
    if status < 200 or status >= 300:
        if data is not None and isinstance(data.get("error"), str):
            description = data.get("error_description")
            suffix = f": {description}" if isinstance(description, str) else ""
            raise OAuthProviderException(
                f"Token request to {where} was rejected (HTTP {status}): {data['error']}{suffix}",
                status,
                headers,
                data,
            )
        text: object = data if data is not None else received.content.decode("utf-8", "replace")
        raise OAuthProviderException(
            f"Token request to {where} failed with HTTP {status} and a non-OAuth response "
            f"({_describe_content_type(content_type)})",
            status,
            headers,
            text,
        )
    # A 2xx body may hold a token in some non-JSON form: never keep it on the exception.
    if data is None:
        raise OAuthProviderException(
            f"Token endpoint {where} returned HTTP {status} with a body that is not a JSON object "
            f"({_describe_content_type(content_type)}); check the token URL",
            status,
            headers,
            None,
        )
    safe_body = {**data, "access_token": REDACTED, "refresh_token": REDACTED}
    access_token = data.get("access_token")
    if not isinstance(access_token, str) or access_token == "":
        raise OAuthProviderException(
            f"Token endpoint {where} returned a JSON response without an access_token", status, headers, safe_body
        )
    if not is_sendable_token(access_token):
        raise OAuthProviderException(
            f"Token endpoint {where} returned an access_token with characters that cannot be sent "
            "in a header (only visible ASCII is accepted)",
            status,
            headers,
            safe_body,
            error="invalid_response",
        )
    # RFC 6749 requires token_type; a missing one is tolerated as Bearer, anything else is not.
    token_type = data.get("token_type", "Bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise OAuthProviderException(
            f"Token endpoint {where} returned token_type '{token_type}'; only Bearer is supported",
            status,
            headers,
            safe_body,
        )
    expires_in = seconds_or_none(data.get("expires_in"))
    scope = data.get("scope")
    refresh = data.get("refresh_token")
    return OAuthToken(
        access_token=access_token,
        token_type="Bearer",
        expires_in=expires_in,
        expiry=None if expires_in is None else int(now) + expires_in,
        scope=scope if isinstance(scope, str) else None,
        refresh_token=refresh if isinstance(refresh, str) else None,
    )


__all__ = [
    "MAX_TOKEN_RESPONSE_BYTES",
    "TokenRequest",
    "basic_authorization",
    "build_token_request",
    "form_urlencode",
    "parse_token_response",
    "request_token",
]
