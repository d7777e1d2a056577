"""Defaults shared by the HTTP client, the token client and the generated ``Configuration``, kept
in one place so the README, the configuration class and the runtime can never disagree.

The client keywords and their defaults are those of the reference SDK's client page:
``timeout=60`` (seconds), ``max_retries=0``, ``backoff_factor=2``,
``retry_statuses=[408, 413, 429, 500, 502, 503, 504, 521, 522, 524]``,
``retry_methods=['GET', 'PUT']``.
"""

from __future__ import annotations

from typing import Literal, Optional

from .retry import RetryPolicy

#: Default timeout of API and token requests, in seconds (0 or ``None``: no timeout).
DEFAULT_TIMEOUT: float = 60.0

#: Default number of retries of an API call (the reference SDK's default: none).
DEFAULT_MAX_RETRIES: int = 0

#: Default backoff factor: the first retry waits up to this many seconds, doubling each retry.
DEFAULT_BACKOFF_FACTOR: float = 2.0

#: Statuses retried by default (the reference SDK's list).
DEFAULT_RETRY_STATUSES: tuple[int, ...] = (408, 413, 429, 500, 502, 503, 504, 521, 522, 524)

#: Methods retried by default (the reference SDK's list).
DEFAULT_RETRY_METHODS: tuple[str, ...] = ("GET", "PUT")

#: Upper bound of any single wait between retries, seconds (also caps ``Retry-After``).
DEFAULT_MAX_RETRY_DELAY: float = 30.0

#: Default retry policy of API calls.
DEFAULT_RETRY = RetryPolicy(
    max_retries=DEFAULT_MAX_RETRIES,
    backoff_factor=DEFAULT_BACKOFF_FACTOR,
    max_delay=DEFAULT_MAX_RETRY_DELAY,
    statuses=frozenset(DEFAULT_RETRY_STATUSES),
    methods=frozenset(DEFAULT_RETRY_METHODS),
)

#: Default retry policy of token requests. A client-credentials POST has no side effect worth
#: protecting, so it is retried (network errors, 429, 5xx) despite being a POST; waits are short
#: because every API call behind it is waiting too.
DEFAULT_TOKEN_RETRY = RetryPolicy(
    max_retries=2,
    backoff_factor=0.2,
    max_delay=10.0,
    statuses=frozenset({429, 500, 502, 503, 504}),
    methods=frozenset({"POST"}),
)

#: Default logger name; generated code passes the package name.
DEFAULT_LOGGER_NAME = "sdkgen"

#: How success bodies are checked against the API definition (``validate_responses``): not at
#: all, with one logged warning per response that does not match, or by raising
#: :class:`.errors.ResponseValidationException`.
ResponseValidation = Literal["off", "warn", "strict"]


def parse_validate_responses(value: Optional[str]) -> ResponseValidation:
    """``warn`` or ``strict`` (any case) as given, anything else (unset, a typo) ``off``."""
    lowered = (value or "").strip().lower()
    if lowered == "warn":
        return "warn"
    if lowered == "strict":
        return "strict"
    return "off"
