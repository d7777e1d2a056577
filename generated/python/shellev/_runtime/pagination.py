"""Auto-pagination of operations the API definition marks as paginated (``x-sdkgen-pagination``,
or Speakeasy's / Fern's extension), in the shape of Stainless's ``SyncPage`` / ``AsyncPage``.

A paginated operation of the blocking client returns its first page, a :class:`SyncPage`:
``page.items`` and ``page.body`` are that page's, :meth:`SyncPage.has_next_page` and
:meth:`SyncPage.get_next_page` move on by hand, and iterating the page gives the items of every
page, requesting one page at a time, only as the loop asks for more::

    for location in client.locations.get_ev_locations(per_page=100):
        ...

The asyncio client returns an :class:`AsyncPaginator`: ``await`` it for the first page
(:class:`AsyncPage`), or ``async for`` over it for every item. Iteration stops after an empty page,
a page shorter than the page size asked for, or (cursor style) a page without a next cursor.
Each page is a call of its own (its own request id, retries and hooks).
"""

from __future__ import annotations

from typing import (
    Any,
    AsyncIterator,
    Generator,
    Generic,
    Iterator,
    List,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    cast,
)

import pydantic

from .bodies import EncodedBody
from .http_client import AsyncHttpClient, HttpClient
from .operation import Operation, RequestOptions
from .response import APIResponse, without_raw

BodyT = TypeVar("BodyT")
ItemT = TypeVar("ItemT")

STYLES = ("page", "offset", "cursor")

_NO_NEXT_PAGE = "No next page: check has_next_page() before get_next_page()"


class PageSpec(Generic[ItemT]):
    """How an operation pages (module level in generated code); ``ItemT`` is the type of an item.

    Args:
        style: ``'page'``: ``param`` is a page number, +1 per page; ``'offset'``: ``param`` is an
            item offset, + the items received; ``'cursor'``: ``param`` takes the value found at
            ``next`` in the last page.
        param: Wire name of the parameter that moves from page to page (not a path parameter).
        size: Wire name of the page-size parameter, if any: a page shorter than it is the last.
        items: Wire names from the response body to the items (empty: the body is the list).
        next: ``cursor``: wire names from the response body to the next cursor.
        first: ``page``: the first page's number when the call gives none. Default 1.
    """

    __slots__ = ("style", "param", "size", "items", "next", "first")

    def __init__(
        self,
        style: str,
        param: str,
        *,
        size: Optional[str] = None,
        items: Sequence[str] = (),
        next: Sequence[str] = (),
        first: int = 1,
    ) -> None:
        """See the class docstring."""
        if style not in STYLES:
            raise ValueError(f"Unknown pagination style {style!r}")
        self.style = style
        self.param = param
        self.size = size
        self.items: Tuple[str, ...] = tuple(items)
        self.next: Tuple[str, ...] = tuple(next)
        self.first = first

    def __repr__(self) -> str:
        return f"PageSpec({self.style!r}, {self.param!r}, size={self.size!r}, items={self.items!r})"


def _field_name(model: type[pydantic.BaseModel], key: str) -> Optional[str]:
    """The attribute of ``model`` for the wire name ``key``."""
    for name, field in model.model_fields.items():
        if key in (name, field.alias, field.validation_alias):
            return name
    return None


def _at(value: object, path: Sequence[str]) -> object:
    """The value at ``path`` (wire names) in a response body: models by their fields' aliases,
    other properties (extras) and plain JSON by key; ``None`` when a step is missing."""
    for key in path:
        if isinstance(value, pydantic.BaseModel):
            name = _field_name(type(value), key)
            value = getattr(value, name) if name is not None else (value.model_extra or {}).get(key)
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
    return value


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Pager(Generic[BodyT, ItemT]):
    """What the pages of one paginated call share: the operation and how it pages."""

    __slots__ = ("op", "spec", "body", "options", "base_url", "index", "size_index")

    def __init__(
        self,
        op: Operation[BodyT],
        spec: PageSpec[ItemT],
        body: Optional[EncodedBody],
        options: Optional[RequestOptions],
        base_url: Optional[str],
    ) -> None:
        self.op = op
        self.spec = spec
        self.body = body
        self.options = without_raw(options)
        self.base_url = base_url
        self.index = self._position(spec.param)
        self.size_index = None if spec.size is None else self._position(spec.size)

    def _position(self, name: str) -> int:
        for i, param in enumerate(self.op.params):
            if param.name == name and param.location != "path":
                return i
        raise ValueError(f"{self.op.operation_id} has no parameter {name!r} to page with")

    def items(self, body: object) -> List[ItemT]:
        found = _at(body, self.spec.items)
        return cast(List[ItemT], list(found)) if isinstance(found, list) else []

    def next_values(self, values: Tuple[object, ...], body: object, items: List[ItemT]) -> Optional[Tuple[object, ...]]:
        """The parameter values of the next page, or ``None`` after the last."""
        limit = None if self.size_index is None else values[self.size_index]
        if not items or (_number(limit) and len(items) < cast(float, limit)):
            return None
        spec = self.spec
        value: object
        if spec.style == "cursor":
            value = _at(body, spec.next)
            if value is None or value == "":
                return None
        else:
            given = values[self.index]
            start = cast(float, given) if _number(given) else (spec.first if spec.style == "page" else 0)
            value = start + (1 if spec.style == "page" else len(items))
        following = list(values)
        following[self.index] = value
        return tuple(following)


class _Page(Generic[BodyT, ItemT]):
    """What both kinds of page hold: the body, its items, and the values of the next page.

    Attributes:
        body: This page's typed response body.
        items: This page's items.
    """

    def __init__(self, pager: _Pager[BodyT, ItemT], values: Tuple[object, ...], body: BodyT) -> None:
        self._pager = pager
        self.body: BodyT = body
        self.items: List[ItemT] = pager.items(body)
        self._next = pager.next_values(values, body, self.items)

    def has_next_page(self) -> bool:
        """Whether another page follows (this one is neither empty, short nor the last cursor)."""
        return self._next is not None

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"<{name} {self._pager.op.operation_id}: {len(self.items)} items, more: {self.has_next_page()}>"


class SyncPage(_Page[BodyT, ItemT]):
    """One page of a paginated call of the blocking client (``body``, ``items``); iterating it
    gives the items of this page and of every page after it (see the module docstring)."""

    def __init__(self, http: HttpClient, pager: _Pager[BodyT, ItemT], values: Tuple[object, ...], body: BodyT) -> None:
        """Made by :func:`paginate`."""
        super().__init__(pager, values, body)
        self._http = http

    def get_next_page(self) -> SyncPage[BodyT, ItemT]:
        """Requests the next page.

        Raises:
            RuntimeError: after the last page (see :meth:`has_next_page`).
        """
        if self._next is None:
            raise RuntimeError(_NO_NEXT_PAGE)
        pager = self._pager
        body = self._http.request(pager.op, self._next, body=pager.body, options=pager.options, base_url=pager.base_url)
        return SyncPage(self._http, pager, self._next, body)

    def iter_pages(self) -> Iterator[SyncPage[BodyT, ItemT]]:
        """This page and every page after it, each requested when the loop gets to it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_Page[BodyT, ItemT]):
    """One page of a paginated call of the asyncio client (``body``, ``items``); ``async for``
    over it gives the items of this page and of every page after it."""

    def __init__(
        self, http: AsyncHttpClient, pager: _Pager[BodyT, ItemT], values: Tuple[object, ...], body: BodyT
    ) -> None:
        """Made by :class:`AsyncPaginator`."""
        super().__init__(pager, values, body)
        self._http = http

    async def get_next_page(self) -> AsyncPage[BodyT, ItemT]:
        """Requests the next page.

        Raises:
            RuntimeError: after the last page (see :meth:`has_next_page`).
        """
        if self._next is None:
            raise RuntimeError(_NO_NEXT_PAGE)
        pager = self._pager
        body = await self._http.request(
            pager.op, self._next, body=pager.body, options=pager.options, base_url=pager.base_url
        )
        return AsyncPage(self._http, pager, self._next, body)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[BodyT, ItemT]]:
        """This page and every page after it, each requested when the loop gets to it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[BodyT, ItemT]):
    """What a paginated operation of the asyncio client returns: ``await`` it for the first page,
    or ``async for`` over it for the items of every page. Nothing is sent until then."""

    def __init__(
        self,
        http: AsyncHttpClient,
        op: Operation[BodyT],
        spec: PageSpec[ItemT],
        values: Tuple[object, ...],
        body: Optional[EncodedBody],
        options: Optional[RequestOptions],
        base_url: Optional[str],
    ) -> None:
        """Made by :func:`paginate_async`."""
        self._http = http
        self._pager = _Pager(op, spec, body, options, base_url)
        self._values = values
        self._options = options

    async def _first(self) -> AsyncPage[BodyT, ItemT]:
        pager = self._pager
        result = await self._http.request(
            pager.op, self._values, body=pager.body, options=self._options, base_url=pager.base_url
        )
        if self._options is not None and self._options._raw:
            response = cast(APIResponse[BodyT], result)
            page = response.map(lambda body: AsyncPage(self._http, pager, self._values, body))
            return cast(AsyncPage[BodyT, ItemT], page)
        return AsyncPage(self._http, pager, self._values, result)

    def __await__(self) -> Generator[Any, None, AsyncPage[BodyT, ItemT]]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        pager = self._pager
        body = await self._http.request(
            pager.op, self._values, body=pager.body, options=pager.options, base_url=pager.base_url
        )
        async for item in AsyncPage(self._http, pager, self._values, body):
            yield item


def paginate(
    http: HttpClient,
    op: Operation[BodyT],
    spec: PageSpec[ItemT],
    values: Tuple[object, ...],
    *,
    body: Optional[EncodedBody] = None,
    options: Optional[RequestOptions] = None,
    base_url: Optional[str] = None,
) -> SyncPage[BodyT, ItemT]:
    """Requests the first page of a paginated call (blocking; see the module docstring); every
    page sends the same ``body``."""
    pager = _Pager(op, spec, body, options, base_url)
    result = http.request(op, values, body=body, options=options, base_url=base_url)
    if options is not None and options._raw:
        response = cast(APIResponse[BodyT], result)
        return cast(SyncPage[BodyT, ItemT], response.map(lambda body: SyncPage(http, pager, values, body)))
    return SyncPage(http, pager, values, result)


def paginate_async(
    http: AsyncHttpClient,
    op: Operation[BodyT],
    spec: PageSpec[ItemT],
    values: Tuple[object, ...],
    *,
    body: Optional[EncodedBody] = None,
    options: Optional[RequestOptions] = None,
    base_url: Optional[str] = None,
) -> AsyncPaginator[BodyT, ItemT]:
    """The pages of a paginated call (asyncio; nothing is sent until awaited or iterated)."""
    return AsyncPaginator(http, op, spec, values, body, options, base_url)


__all__ = ["AsyncPage", "AsyncPaginator", "PageSpec", "SyncPage", "paginate", "paginate_async"]
