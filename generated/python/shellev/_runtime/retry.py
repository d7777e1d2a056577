"""Retry policy and backoff arithmetic, shared by API calls and token requests."""

from __future__ import annotations

import dataclasses
import email.utils
import random
import re
import time
from typing import Callable, FrozenSet, Iterable, Optional

_DIGITS = re.compile(r"^\d+$")


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """When and how often a request is retried.

    Attributes:
        max_retries: Retries after the first attempt (0: none).
        backoff_factor: Seconds; retry ``n`` (0-based) waits a random time in
            ``[0, min(max_delay, backoff_factor * 2**n))`` ("full jitter", which spreads a
            thundering herd best), unless the server sent ``Retry-After``.
        max_delay: Upper bound of any single wait, also for ``Retry-After``.
        statuses: HTTP statuses that trigger a retry.
        methods: Methods that may be retried (upper case).
    """

    max_retries: int
    backoff_factor: float
    max_delay: float
    statuses: FrozenSet[int]
    methods: FrozenSet[str]

    def with_changes(
        self,
        *,
        max_retries: Optional[int] = None,
        backoff_factor: Optional[float] = None,
        max_delay: Optional[float] = None,
        statuses: Optional[Iterable[int]] = None,
        methods: Optional[Iterable[str]] = None,
    ) -> RetryPolicy:
        """A copy with the given settings replaced (``None``: keep)."""
        return RetryPolicy(
            max_retries=self.max_retries if max_retries is None else max_retries,
            backoff_factor=self.backoff_factor if backoff_factor is None else backoff_factor,
            max_delay=self.max_delay if max_delay is None else max_delay,
            statuses=self.statuses if statuses is None else frozenset(statuses),
            methods=self.methods if methods is None else frozenset(m.upper() for m in methods),
        )

    def disabled(self) -> RetryPolicy:
        """The same policy with no retries."""
        return dataclasses.replace(self, max_retries=0)


def backoff_delay(
    retry: int,
    policy: RetryPolicy,
    retry_after: Optional[str] = None,
    now: Optional[float] = None,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before retry number ``retry`` (0-based).

    ``Retry-After`` (delta-seconds or an HTTP-date) wins when present and valid, capped at
    ``policy.max_delay``; otherwise full jitter over ``min(max_delay, backoff_factor * 2**retry)``.
    """
    from_server = parse_retry_after(retry_after, now)
    if from_server is not None:
        return min(from_server, policy.max_delay)
    ceiling = min(policy.max_delay, policy.backoff_factor * (2.0**retry))
    return max(0.0, rand() * ceiling)


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """``Retry-After`` in seconds (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Dates in the
    past give 0; anything else gives ``None``, so the caller falls back to backoff."""
    if value is None:
        return None
    text = value.strip()
    if _DIGITS.match(text):
        return float(int(text))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, parsed.timestamp() - current)
