"""Hooks: your functions, called around every attempt of every call, for tracing, metrics and
rate-limit handling. Each may be a plain function or (with the asynchronous client) a coroutine
function. A hook that raises fails that call, and only it, with a :class:`.errors.HookException`
whose ``__cause__`` is what the hook raised; the call is not retried.

Hooks never see credentials: ``before_request`` runs before the security schemes add theirs, and
the response ``after_response`` gets carries the request as the hooks saw it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable, Dict, Optional

import httpx

from ._effects import Call, Plan
from .errors import HookException


@dataclass
class HookRequest:
    """One attempt of a call, as hooks see it.

    Attributes:
        operation_id: The API definition's operationId.
        attempt: 1 for the first attempt, 2 for the first retry (or the replay after a 401), …
        method: The HTTP method.
        url: The request URL, with its query.
        headers: The request headers (names lower-cased); ``before_request`` may add or change
            some. Credentials are added after it runs.
    """

    operation_id: str
    attempt: int
    method: str
    url: str
    headers: Dict[str, str]

    def __repr__(self) -> str:
        """Operation, attempt, method and the header names (values may be yours to keep)."""
        return (
            f"HookRequest(operation_id={self.operation_id!r}, attempt={self.attempt}, method={self.method!r}, "
            f"headers={sorted(self.headers)!r})"
        )


#: Called before each attempt is sent; may change ``request.headers``.
BeforeRequestHook = Callable[[HookRequest], Optional[Awaitable[None]]]
#: Called after each response (any status, retried or not), before the SDK acts on it; its body is read.
AfterResponseHook = Callable[[HookRequest, httpx.Response], Optional[Awaitable[None]]]
#: Called when the call fails for good (after any retries), with the exception it will raise.
OnErrorHook = Callable[[HookRequest, Exception], Optional[Awaitable[None]]]


@dataclass(frozen=True)
class Hooks:
    """The client's ``hooks`` setting: each hook is optional and sees one attempt of one call.

    Attributes:
        before_request: Before each attempt is sent; may add or change ``request.headers``.
        after_response: After each response (any status), before the SDK acts on it.
        on_error: When the call fails for good (after any retries), with its exception.
    """

    before_request: Optional[BeforeRequestHook] = None
    after_response: Optional[AfterResponseHook] = None
    on_error: Optional[OnErrorHook] = None


def run_hook(hook: Optional[Callable[..., Optional[Awaitable[None]]]], name: str, *args: object) -> Plan[None]:
    """Plan: calls ``hook`` (awaited by the asynchronous driver when it returns an awaitable);
    what it raises becomes a :class:`.errors.HookException`, so a hook's fault is told apart from
    the API's."""
    if hook is None:
        return
    request = args[0]
    operation_id = request.operation_id if isinstance(request, HookRequest) else ""
    try:
        yield Call(hook, args, None, f"The {name} hook", inline=True)
    except Exception as error:
        raise HookException(name, operation_id) from error


__all__ = ["AfterResponseHook", "BeforeRequestHook", "HookRequest", "Hooks", "OnErrorHook", "run_hook"]
