"""Auto-pagination (runtime ``pagination``) against a loopback server, sync and async: page,
offset and cursor styles, one request per page only as the loop asks for more, the stop rules
(empty page, short page, no cursor), errors on later pages, hand-driven pages and raw first
pages; the counterpart of the pagination part of test/runtime/sdk-surface.test.ts."""

from __future__ import annotations

import urllib.parse
from typing import Any, Dict, List, Optional

import pydantic
import pytest
from conftest import Exchange, Harness

from runtime import DEFAULT_RETRY, APIException, APIResponse, Operation, ParamSpec
from runtime.pagination import AsyncPage, AsyncPaginator, PageSpec, SyncPage, paginate, paginate_async
from runtime.request_ids import new_request_id
from runtime.response import with_raw


class Item(pydantic.BaseModel):
    uid: str


class Meta(pydantic.BaseModel):
    next_cursor: Optional[str] = pydantic.Field(default=None, validation_alias="nextCursor")


class Listing(pydantic.BaseModel):
    data: Optional[List[Item]] = None
    meta: Optional[Meta] = None


def listing(path: str, *extra: ParamSpec) -> Operation[Listing]:
    return Operation(
        "listThings",
        "GET",
        path,
        params=(ParamSpec("RequestId", "header", default=new_request_id), *extra),
        response_type=Listing,
    )


BY_PAGE = listing(
    "/things", ParamSpec("pageNumber", "query"), ParamSpec("perPage", "query"), ParamSpec("country", "query")
)
PAGES: PageSpec[Item] = PageSpec("page", "pageNumber", size="perPage", items=("data",))
BY_OFFSET = listing("/things", ParamSpec("offset", "query"), ParamSpec("limit", "query"))
OFFSETS: PageSpec[Item] = PageSpec("offset", "offset", size="limit", items=("data",))
BY_CURSOR = listing("/things", ParamSpec("cursor", "query"))
CURSORS: PageSpec[Item] = PageSpec("cursor", "cursor", items=("data",), next=("meta", "nextCursor"))
BARE: Operation[List[Item]] = Operation(
    "bareList", "GET", "/bare", params=(ParamSpec("page", "query"),), response_type=List[Item]
)


def query(ex: Exchange) -> Dict[str, str]:
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(ex.request.path).query).items()}


def page(n: int, size: int) -> List[Dict[str, str]]:
    return [{"uid": f"p{n}-{i}"} for i in range(size)]


@pytest.fixture
def server(scripted: Any) -> Any:
    state: Dict[str, Any] = {}
    s = scripted(lambda ex: state["script"](ex))
    s.state = state
    return s


def start(h: Harness, s: Any, op: Operation[Any], spec: PageSpec[Any], values: tuple, **options: Any) -> Any:  # type: ignore[type-arg]
    http = h.http(s.url, retry=DEFAULT_RETRY)
    if h.is_async:
        return paginate_async(http, op, spec, values, **options)
    return paginate(http, op, spec, values, **options)


def every_item(h: Harness, pages: Any, stop_after: Optional[int] = None) -> List[str]:
    """The uids of every item, iterating ``pages`` as a user does (``for`` / ``async for``)."""
    seen: List[str] = []
    if h.is_async:

        async def collect() -> None:
            async for item in pages:
                seen.append(item.uid)
                if stop_after is not None and len(seen) == stop_after:
                    break

        h.run(collect())
        return seen
    for item in pages:
        seen.append(item.uid)
        if stop_after is not None and len(seen) == stop_after:
            break
    return seen


def first_page(h: Harness, pages: Any) -> Any:
    if h.is_async:

        async def wait() -> Any:
            return await pages

        return h.run(wait())
    return pages


def test_page_numbers_one_request_per_page_stopping_at_a_short_page(harness: Harness, server: Any) -> None:
    def script(ex: Exchange) -> None:
        n = int(query(ex).get("pageNumber", "1"))
        ex.json(200, {"data": page(n, 2 if n < 3 else 1)})

    server.state["script"] = script
    pages = start(harness, server, BY_PAGE, PAGES, (None, None, 2, "NLD"))
    assert isinstance(pages, AsyncPaginator if harness.is_async else SyncPage)
    assert every_item(harness, pages) == ["p1-0", "p1-1", "p2-0", "p2-1", "p3-0"]
    assert [urllib.parse.urlsplit(seen.path).query for seen in server.seen] == [
        "perPage=2&country=NLD",
        "pageNumber=2&perPage=2&country=NLD",
        "pageNumber=3&perPage=2&country=NLD",
    ]
    # Every page is its own call: its own request id.
    assert len({seen.headers["requestid"] for seen in server.seen}) == 3


def test_pages_are_requested_only_as_the_loop_asks(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(200, {"data": page(int(query(ex).get("pageNumber", "1")), 3)})
    pages = start(harness, server, BY_PAGE, PAGES, (None, None, None, None))
    assert every_item(harness, pages, stop_after=1) == ["p1-0"]
    assert len(server.seen) == 1
    server.reset()
    assert every_item(harness, start(harness, server, BY_PAGE, PAGES, (None, None, None, None)), stop_after=4) == [
        "p1-0",
        "p1-1",
        "p1-2",
        "p2-0",
    ]
    assert len(server.seen) == 2


def test_an_empty_page_ends_the_loop_and_the_first_page_is_at_hand(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(
        200, {"data": page(int(query(ex)["pageNumber"]), 3) if int(query(ex).get("pageNumber", "1")) <= 2 else []}
    )
    assert len(every_item(harness, start(harness, server, BY_PAGE, PAGES, (None, 1, None, None)))) == 6
    assert len(server.seen) == 3

    first = first_page(harness, start(harness, server, BY_PAGE, PAGES, (None, 2, None, None)))
    assert isinstance(first, AsyncPage if harness.is_async else SyncPage)
    assert [item.uid for item in first.items] == ["p2-0", "p2-1", "p2-2"]
    assert isinstance(first.body, Listing)
    assert first.has_next_page()
    second = harness.run(first.get_next_page())
    assert [item.uid for item in second.items] == []
    assert not second.has_next_page()
    with pytest.raises(RuntimeError, match="has_next_page"):
        harness.run(second.get_next_page())


def test_offsets_move_by_the_items_received(harness: Harness, server: Any) -> None:
    rows = [{"uid": f"r{i}"} for i in range(5)]

    def script(ex: Exchange) -> None:
        q = query(ex)
        offset, limit = int(q.get("offset", "0")), int(q["limit"])
        ex.json(200, {"data": rows[offset : offset + limit]})

    server.state["script"] = script
    assert every_item(harness, start(harness, server, BY_OFFSET, OFFSETS, (None, None, 2))) == [r["uid"] for r in rows]
    assert [query_of(seen.path).get("offset") for seen in server.seen] == [None, "2", "4"]


def query_of(path: str) -> Dict[str, str]:
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).items()}


def test_cursors_follow_the_next_cursor_until_there_is_none(harness: Harness, server: Any) -> None:
    chain = {None: ("c1", 2), "c1": ("c2", 2), "c2": (None, 1)}

    def script(ex: Exchange) -> None:
        cursor = query(ex).get("cursor")
        following, size = chain[cursor]
        ex.json(200, {"data": page(len(ex.request.path), size), "meta": {"nextCursor": following}})

    server.state["script"] = script
    assert len(every_item(harness, start(harness, server, BY_CURSOR, CURSORS, (None, None)))) == 5
    assert [query_of(seen.path).get("cursor") for seen in server.seen] == [None, "c1", "c2"]


def test_a_body_that_is_the_list_pages_too(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(
        200, page(int(query(ex).get("page", "1")), 2 if "page" not in query(ex) else 0)
    )
    spec: PageSpec[Item] = PageSpec("page", "page")
    assert every_item(harness, start(harness, server, BARE, spec, (None,))) == ["p1-0", "p1-1"]
    assert len(server.seen) == 2


def test_an_error_on_a_later_page_ends_the_loop_with_that_error(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: (
        ex.json(400, {"errors": [{"message": "no page 2"}]})
        if query(ex).get("pageNumber") == "2"
        else ex.json(200, {"data": page(1, 2)})
    )
    got: List[str] = []
    pages = start(harness, server, BY_PAGE, PAGES, (None, None, 2, None))
    with pytest.raises(APIException, match="listThings failed with HTTP 400 Bad Request: no page 2"):
        if harness.is_async:

            async def collect() -> None:
                async for item in pages:
                    got.append(item.uid)

            harness.run(collect())
        else:
            for item in pages:
                got.append(item.uid)
    assert got == ["p1-0", "p1-1"]


def test_a_raw_first_page_parses_into_the_page_and_later_pages_are_plain(harness: Harness, server: Any) -> None:
    server.state["script"] = lambda ex: ex.json(
        200, {"data": page(int(query(ex).get("pageNumber", "1")), 2)}, {"x-page": query(ex).get("pageNumber", "1")}
    )
    pages = start(harness, server, BY_PAGE, PAGES, (None, None, 2, None), options=with_raw(None))
    raw = first_page(harness, pages)
    assert isinstance(raw, APIResponse)
    assert raw.headers["x-page"] == "1"
    first = raw.parse()
    assert isinstance(first, AsyncPage if harness.is_async else SyncPage)
    assert [item.uid for item in first.items] == ["p1-0", "p1-1"]
    second = harness.run(first.get_next_page())
    assert isinstance(second, AsyncPage if harness.is_async else SyncPage)
    assert [item.uid for item in second.items] == ["p2-0", "p2-1"]


def test_a_page_spec_names_a_parameter_the_operation_has() -> None:
    with pytest.raises(ValueError, match="pageNumber"):
        paginate(None, BY_CURSOR, PAGES, (None, None))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="style"):
        PageSpec("pages", "x")
