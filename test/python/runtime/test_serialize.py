"""Parameter serialization against the OpenAPI 3.1 "Style Examples" table, with the spec's values:
``color`` = empty, "blue", ["blue","black","brown"], {R:100,G:200,B:150} (port of
test/runtime/serialize.test.ts), plus the wire rules for models, enums and dates."""

from __future__ import annotations

import datetime
import enum
import uuid
from typing import Any, List, Optional

import pydantic
import pytest

from runtime.bodies import form_body, json_body
from runtime.serialize import (
    EMPTY,
    ParamSpec,
    expand_path,
    serialize_params,
    serialize_path_param,
    serialize_query_param,
)
from runtime.wire import to_wire

VALUES = {
    "empty": EMPTY,
    "string": "blue",
    "array": ["blue", "black", "brown"],
    "object": {"R": 100, "G": 200, "B": 150},
}
KINDS = ["empty", "string", "array", "object"]

TABLE = [
    ("matrix", False, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    ("matrix", True, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
    ("label", False, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
    ("label", True, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("form", False, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    ("form", True, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"),
    ("simple", False, None, "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, None, "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("spaceDelimited", False, None, None, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, None, None, "color=blue|black|brown", "color=R|100|G|200|B|150"),
    ("deepObject", True, None, None, None, "color[R]=100&color[G]=200&color[B]=150"),
]
CASES = [
    (style, explode, kind, expected)
    for style, explode, *row in TABLE
    for kind, expected in zip(KINDS, row)
    if expected is not None
]


@pytest.mark.parametrize(("style", "explode", "kind", "expected"), CASES)
def test_openapi_style_table(style: str, explode: bool, kind: str, expected: str) -> None:
    in_path = style in ("matrix", "label", "simple")
    spec = ParamSpec("color", "path" if in_path else "query", style=style, explode=explode)
    value = VALUES[kind]
    got = serialize_path_param(spec, value) if in_path else "&".join(serialize_query_param(spec, value))
    assert got == expected


def test_defaults_per_location_and_none_is_omitted() -> None:
    specs = [
        ParamSpec("id", "path"),
        ParamSpec("tags", "query"),
        ParamSpec("missing", "query"),
        ParamSpec("X-Ids", "header"),
        ParamSpec("session", "cookie"),
        ParamSpec("flag", "query"),
    ]
    out = serialize_params(specs, ["a/b c", ["x y", "z&"], None, [1, 2], "abc;def", True])
    assert out.path == {"id": "a%2Fb%20c"}
    assert out.query == ["tags=x%20y", "tags=z%26", "flag=true"]
    assert out.headers == {"X-Ids": "1,2"}
    assert out.cookies == ["session=abc%3Bdef"]


def test_allow_reserved() -> None:
    assert serialize_query_param(ParamSpec("q", "query", allow_reserved=True), "a/b?c") == ["q=a/b?c"]
    assert serialize_query_param(ParamSpec("q", "query"), "a/b?c") == ["q=a%2Fb%3Fc"]


def test_content_typed_parameters_are_json_and_dates_are_iso() -> None:
    assert serialize_query_param(ParamSpec("f", "query", content_type="application/json"), {"a": 1}) == [
        "f=%7B%22a%22%3A1%7D"
    ]
    when = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    assert serialize_query_param(ParamSpec("d", "query"), when) == ["d=1970-01-01T00%3A00%3A00Z"]
    assert serialize_query_param(ParamSpec("d", "query"), datetime.date(2024, 5, 6)) == ["d=2024-05-06"]


def test_expand_path() -> None:
    assert expand_path("/v2/locations/{id}/x", {"id": "a%2Fb"}) == "/v2/locations/a%2Fb/x"
    with pytest.raises(ValueError, match="Missing required path parameter 'id'"):
        expand_path("/x/{id}", {})


class Color(str, enum.Enum):
    RED = "red"


class Inner(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)
    session_id: Optional[str] = pydantic.Field(default=None, alias="sessionId")


class Outer(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)
    ev_charge_number: str = pydantic.Field(alias="evChargeNumber")
    color: Optional[Color] = None
    note: Optional[str] = None
    items: List[Inner] = []
    when: Optional[datetime.datetime] = None
    ident: Optional[uuid.UUID] = None


def test_models_enums_dates_on_the_wire_set_fields_by_alias_explicit_none_as_null() -> None:
    value = Outer(
        ev_charge_number="EV1",
        color=Color.RED,
        note=None,  # explicitly set: sent as null
        items=[Inner(session_id="s1"), Inner()],
        when=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
        ident=uuid.UUID(int=1),
    )
    assert to_wire(value) == {
        "evChargeNumber": "EV1",
        "color": "red",
        "note": None,
        "items": [{"sessionId": "s1"}, {}],
        "when": "2024-01-02T03:04:05Z",
        "ident": "00000000-0000-0000-0000-000000000001",
    }
    assert to_wire(Outer(ev_charge_number="x")) == {"evChargeNumber": "x"}  # unset fields are omitted
    assert json_body(Outer(ev_charge_number="x")).content == b'{"evChargeNumber":"x"}'
    assert json_body([Color.RED, {"a": Inner(session_id="z")}]).content == b'["red",{"a":{"sessionId":"z"}}]'
    spec = ParamSpec("filter", "query", style="deepObject", explode=True)
    assert serialize_query_param(spec, Inner(session_id="s 1")) == ["filter[sessionId]=s%201"]
    assert serialize_query_param(ParamSpec("c", "query"), Color.RED) == ["c=red"]


def test_form_body() -> None:
    body: Any = form_body({"a": "x y", "b": [1, 2], "c": None, "d": True, "e": {"k": 1}})
    assert body.content == b"a=x+y&b=1&b=2&d=true&e=%7B%22k%22%3A1%7D"
    assert body.content_type == "application/x-www-form-urlencoded"
