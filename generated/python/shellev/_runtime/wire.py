"""Values between Python and the wire: pydantic models, enums, dates and containers to JSON-able
data, and JSON back into the declared types (pydantic ``TypeAdapter``s, built once per type).

What is sent for a model: the fields that were set, under their aliases (wire names); a field set
explicitly to ``None`` is sent as ``null``, a field never set is omitted (``exclude_unset``), so
the server applies its own defaults. Enums are sent as their values, ``datetime`` as ISO 8601
(``Z`` for UTC), ``date`` as ``YYYY-MM-DD``, ``UUID`` and ``Decimal`` as strings.
"""

from __future__ import annotations

import enum
import json
from typing import Any, Dict, Hashable, Mapping, Optional, TypeVar

import pydantic
import pydantic_core

T = TypeVar("T")

_ADAPTERS: Dict[Hashable, pydantic.TypeAdapter[Any]] = {}


def to_wire(value: object) -> object:
    """``value`` as JSON-able data (see the module docstring for the rules)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, enum.Enum):
        return to_wire(value.value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_wire(item) for item in value]
    if isinstance(value, Mapping):
        return {str(to_wire(k)): to_wire(v) for k, v in value.items()}
    return pydantic_core.to_jsonable_python(value)


def to_json_bytes(value: object) -> bytes:
    """``value`` as compact UTF-8 JSON."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump_json(by_alias=True, exclude_unset=True).encode("utf-8")
    return json.dumps(to_wire(value), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def adapter(tp: object) -> pydantic.TypeAdapter[Any]:
    """The cached ``TypeAdapter`` for ``tp`` (a model class, ``List[Model]``, an enum…)."""
    key: Hashable = tp
    found = _ADAPTERS.get(key)
    if found is None:
        found = pydantic.TypeAdapter(tp)
        _ADAPTERS[key] = found
    return found


def validate_json(tp: object, data: bytes) -> object:
    """Parses JSON ``data`` into ``tp``.

    Raises:
        pydantic.ValidationError: when the data does not fit.
    """
    return adapter(tp).validate_json(data)


def validate_or_none(tp: object, data: object) -> Optional[Any]:
    """``data`` validated as ``tp``, or ``None`` when it does not fit (error bodies may be
    anything; a mismatch must not hide the error itself)."""
    try:
        return adapter(tp).validate_python(data)
    except (pydantic.ValidationError, TypeError, ValueError):
        return None
