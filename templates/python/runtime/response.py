"""Raw responses, as in Stainless's Python SDKs: ``client.x.with_raw_response.method(...)`` returns
an :class:`APIResponse` (status, headers, the ``httpx.Response``) whose :meth:`APIResponse.parse`
gives the typed body the plain call returns. Errors raise as from the plain call.

Generated controllers build their ``with_raw_response`` members with :func:`to_raw_response_wrapper`
(blocking) and :func:`async_to_raw_response_wrapper` (asyncio): the wrapped method keeps its exact
signature and asks the runtime, through its ``options``, for the response instead of the body.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Awaitable, Callable, Dict, Generic, Optional, TypeVar, cast

import httpx
from typing_extensions import ParamSpec

from .operation import RequestOptions

T = TypeVar("T")
U = TypeVar("U")
P = ParamSpec("P")

_UNSET = object()


class APIResponse(Generic[T]):
    """The HTTP response of one call (its body already read) and its typed body.

    Attributes:
        http_response: The ``httpx.Response``. Its ``request`` is the request as built before the
            security schemes added credentials: no token or key is kept on it.
        operation_id: The API definition's operationId.
    """

    __slots__ = ("http_response", "operation_id", "_parse", "_parsed")

    def __init__(self, http_response: httpx.Response, operation_id: str, parse: Callable[[], T]) -> None:
        """``parse`` reads the typed body (called once, by the first :meth:`parse`)."""
        self.http_response = http_response
        self.operation_id = operation_id
        self._parse = parse
        self._parsed: object = _UNSET

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        """The URL of the request that got this response."""
        return self.http_response.url

    @property
    def content(self) -> bytes:
        """The body as received."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The body decoded as text."""
        return self.http_response.text

    def json(self) -> object:
        """The body parsed as JSON, untyped (:meth:`parse` gives the typed body)."""
        return json.loads(self.http_response.content)

    def parse(self) -> T:
        """The typed body, as the plain call returns it.

        Raises:
            ResponseParseException: when the body does not read as the operation declares.
        """
        if self._parsed is _UNSET:
            self._parsed = self._parse()
        return cast(T, self._parsed)

    def map(self, fn: Callable[[T], U]) -> APIResponse[U]:
        """The same response, whose :meth:`parse` gives ``fn`` of this one's (pages use it)."""
        return APIResponse(self.http_response, self.operation_id, lambda: fn(self.parse()))

    def __repr__(self) -> str:
        """Status and operation; never headers or body."""
        return f"<APIResponse [{self.status_code} {self.http_response.reason_phrase}] {self.operation_id}>"


def public_response(response: httpx.Response, method: str, url: str, headers: Dict[str, str]) -> httpx.Response:
    """A copy of ``response`` whose request is ``method url`` with ``headers``: the request as it
    was before credentials were added (for raw responses and hooks). The body is shared."""
    public = copy.copy(response)
    public.headers = response.headers.copy()
    public.request = httpx.Request(method, url, headers=headers)
    return public


def with_raw(options: Optional[RequestOptions]) -> RequestOptions:
    """A copy of ``options`` that asks for the raw response."""
    raw = RequestOptions() if options is None else copy.copy(options)
    raw._raw = True
    return raw


def without_raw(options: Optional[RequestOptions]) -> Optional[RequestOptions]:
    """``options`` without the raw-response request (for the further pages of a paginated call)."""
    if options is None or not options._raw:
        return options
    plain = copy.copy(options)
    plain._raw = False
    return plain


def to_raw_response_wrapper(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """``method`` (a generated operation) returning the :class:`APIResponse` instead of the body."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        kwargs["options"] = with_raw(cast(Optional[RequestOptions], kwargs.get("options")))
        return cast(APIResponse[T], method(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    """The asyncio counterpart of :func:`to_raw_response_wrapper`."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        kwargs["options"] = with_raw(cast(Optional[RequestOptions], kwargs.get("options")))
        return cast(APIResponse[T], await method(*args, **kwargs))

    return wrapped


__all__ = [
    "APIResponse",
    "async_to_raw_response_wrapper",
    "public_response",
    "to_raw_response_wrapper",
    "with_raw",
    "without_raw",
]
