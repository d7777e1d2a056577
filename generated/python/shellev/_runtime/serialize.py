"""Parameter serialization per OpenAPI 3.x ``style`` / ``explode`` (the specification's "Style
Examples" table) for path, query, header and cookie parameters. Pure functions: no I/O.

Values are first reduced to wire data (:func:`.wire.to_wire`: models → dicts by alias, enums →
values, dates → ISO 8601), then to one of four shapes: empty (:data:`EMPTY`), a scalar, a list or
key/value pairs. ``None`` means "not given": the parameter is omitted. Booleans are written
``true``/``false``; nested structures inside a list or object are written as JSON text.
"""

from __future__ import annotations

import json
import re
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import quote

from .wire import to_wire

#: Path and header parameters default to ``simple``; query and cookie ones to ``form``.
DEFAULT_STYLE = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}

_STRICT_SAFE = "!*'()"  # with quote's own unreserved set, exactly JavaScript's encodeURIComponent
_RESERVED_SAFE = _STRICT_SAFE + ":/?#[]@$&+,;="


class _Empty:
    """The "empty" value of the OpenAPI style table (``color=`` / ``;color`` / ``.``)."""

    _instance: Optional[_Empty] = None

    def __new__(cls) -> _Empty:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "EMPTY"

    def __reduce__(self) -> str:
        return "EMPTY"


#: Sends a parameter with an empty value (``None`` omits it instead).
EMPTY = _Empty()

Encoder = Callable[[str], str]

Shape = Union[None, str, List[str], List[Tuple[str, str]]]
"""``None`` = empty; ``str`` = scalar; ``list[str]`` = array; ``list[tuple]`` = object entries."""


def encode_strict(text: str) -> str:
    """RFC 3986 percent-encoding of everything but the unreserved characters (and ``!*'()``)."""
    return quote(text, safe=_STRICT_SAFE)


def encode_allow_reserved(text: str) -> str:
    """``allowReserved: true``: RFC 3986 reserved characters pass through unencoded."""
    return quote(text, safe=_RESERVED_SAFE)


class ParamSpec:
    """How one parameter of an operation is serialized, from the API definition. Built once per
    operation (module level in generated code); the value comes with each call.

    Args:
        name: Wire name, as in the API definition.
        location: ``'path'``, ``'query'``, ``'header'`` or ``'cookie'``.
        style: OpenAPI ``style`` (default per location: see :data:`DEFAULT_STYLE`).
        explode: OpenAPI ``explode`` (default: true for ``form``, false otherwise).
        allow_reserved: OpenAPI ``allowReserved`` (query parameters).
        content_type: Set when the parameter uses ``content`` instead of ``schema``: the value is
            sent as JSON text.
        default: Called for the value when the call gives none (``None``), once per call: a
            request id (see ``request_ids``) is the same on every retry of the call.
    """

    __slots__ = ("name", "location", "style", "explode", "allow_reserved", "content_type", "default", "_enc", "_ename")

    def __init__(
        self,
        name: str,
        location: str,
        *,
        style: Optional[str] = None,
        explode: Optional[bool] = None,
        allow_reserved: bool = False,
        content_type: Optional[str] = None,
        default: Optional[Callable[[], object]] = None,
    ) -> None:
        """See the class docstring."""
        if location not in DEFAULT_STYLE:
            raise ValueError(f"Unknown parameter location {location!r}")
        self.name = name
        self.location = location
        self.style: str = style or DEFAULT_STYLE[location]
        self.explode: bool = (self.style == "form") if explode is None else explode
        self.allow_reserved = allow_reserved
        self.content_type = content_type
        self.default = default
        self._enc = encode_allow_reserved if allow_reserved else encode_strict
        self._ename = encode_strict(name)

    def __repr__(self) -> str:
        return f"ParamSpec({self.name!r}, {self.location!r}, style={self.style!r}, explode={self.explode!r})"


def _scalar_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def to_shape(spec: ParamSpec, value: object) -> Shape:
    """Reduces a parameter value to a shape (see :data:`Shape`)."""
    if spec.content_type is not None:
        return json.dumps(to_wire(value), separators=(",", ":"), ensure_ascii=False)
    if value is EMPTY:
        return None
    wire = to_wire(value)
    if wire is None:
        return None
    if isinstance(wire, list):
        return [_scalar_text(item) for item in wire]
    if isinstance(wire, dict):
        return [(str(k), _scalar_text(v)) for k, v in wire.items() if v is not None]
    return _scalar_text(wire)


def _flat(entries: List[Tuple[str, str]]) -> List[str]:
    return [part for pair in entries for part in pair]


def _simple(shape: Shape, explode: bool, enc: Encoder) -> str:
    if shape is None:
        return ""
    if isinstance(shape, str):
        return enc(shape)
    entries = _entries(shape)
    if entries is not None:
        if explode:
            return ",".join(f"{enc(k)}={enc(v)}" for k, v in entries)
        return ",".join(enc(p) for p in _flat(entries))
    return ",".join(enc(v) for v in _values(shape))


def _entries(shape: Shape) -> Optional[List[Tuple[str, str]]]:
    if isinstance(shape, list) and shape and isinstance(shape[0], tuple):
        return [e for e in shape if isinstance(e, tuple)]
    return None


def _values(shape: Shape) -> List[str]:
    return [v for v in shape if isinstance(v, str)] if isinstance(shape, list) else []


def serialize_path_param(spec: ParamSpec, value: object) -> str:
    """Path: ``simple`` (default), ``label`` or ``matrix``; reserved characters are encoded."""
    enc = spec._enc
    if type(value) is str and spec.content_type is None:
        shape: Shape = value  # the common case, without the generic reduction
    else:
        shape = to_shape(spec, value)
    style, explode = spec.style, spec.explode
    if style == "label":
        return _label(shape, explode, enc)
    if style == "matrix":
        return _matrix(spec._ename, shape, explode, enc)
    return _simple(shape, explode, enc)


def _label(shape: Shape, explode: bool, enc: Encoder) -> str:
    if shape is None:
        return "."
    if isinstance(shape, str):
        return "." + enc(shape)
    entries = _entries(shape)
    if entries is not None:
        if explode:
            return "".join(f".{enc(k)}={enc(v)}" for k, v in entries)
        return "." + ",".join(enc(p) for p in _flat(entries))
    return "." + ("." if explode else ",").join(enc(v) for v in _values(shape))


def _matrix(name: str, shape: Shape, explode: bool, enc: Encoder) -> str:
    # RFC 6570 `;` operator: an empty value is written as the bare name.
    def pair(key: str, value: str) -> str:
        return f";{key}" if value == "" else f";{key}={enc(value)}"

    if shape is None:
        return f";{name}"
    if isinstance(shape, str):
        return pair(name, shape)
    entries = _entries(shape)
    if entries is not None:
        if explode:
            return "".join(pair(encode_strict(k), v) for k, v in entries)
        return f";{name}=" + ",".join(enc(p) for p in _flat(entries))
    values = _values(shape)
    if explode:
        return "".join(pair(name, v) for v in values)
    return f";{name}=" + ",".join(enc(v) for v in values)


def _form(name: str, shape: Shape, explode: bool, enc: Encoder) -> List[str]:
    if shape is None:
        return [f"{name}="]
    if isinstance(shape, str):
        return [f"{name}={enc(shape)}"]
    entries = _entries(shape)
    if entries is not None:
        if explode:
            return [f"{encode_strict(k)}={enc(v)}" for k, v in entries]
        return [f"{name}=" + ",".join(enc(p) for p in _flat(entries))]
    values = _values(shape)
    if explode:
        return [f"{name}={enc(v)}" for v in values]
    return [f"{name}=" + ",".join(enc(v) for v in values)]


def serialize_query_param(spec: ParamSpec, value: object) -> List[str]:
    """Query: ``form`` (default), ``spaceDelimited``, ``pipeDelimited``, ``deepObject``; encoded
    ``name=value`` pairs in order (join with ``&``)."""
    enc = spec._enc
    name = spec._ename
    if type(value) is str and spec.content_type is None and spec.style == "form":
        return [f"{name}={enc(value)}"]
    shape = to_shape(spec, value)
    style, explode = spec.style, spec.explode
    entries = _entries(shape)
    if style == "deepObject" and entries is not None:
        return [f"{name}[{encode_strict(k)}]={enc(v)}" for k, v in entries]
    if style in ("spaceDelimited", "pipeDelimited") and not explode and isinstance(shape, list):
        sep = "%20" if style == "spaceDelimited" else "|"
        parts = _flat(entries) if entries is not None else _values(shape)
        return [f"{name}=" + sep.join(enc(p) for p in parts)]
    return _form(name, shape, explode, enc)


def serialize_header_param(spec: ParamSpec, value: object) -> str:
    """Header: ``simple`` only (OpenAPI allows nothing else); values are sent as they are."""
    if type(value) is str and spec.content_type is None:
        return value
    return _simple(to_shape(spec, value), spec.explode, _identity)


def serialize_cookie_param(spec: ParamSpec, value: object) -> List[str]:
    """Cookie: ``form``; exploded arrays become repeated ``name=value`` pairs."""
    return _form(spec._ename, to_shape(spec, value), spec.explode, encode_strict)


def _identity(text: str) -> str:
    return text


_TEMPLATE_PARTS: Dict[str, Tuple[str, ...]] = {}
_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


def template_parts(template: str) -> Tuple[str, ...]:
    """``'/a/{id}/b'`` → ``('/a/', 'id', '/b')``: literal text and parameter names alternate.
    Cached: an SDK has a fixed set of paths."""
    parts = _TEMPLATE_PARTS.get(template)
    if parts is None:
        parts = tuple(_PLACEHOLDER.split(template))
        _TEMPLATE_PARTS[template] = parts
    return parts


def expand_path(template: str, values: Dict[str, str]) -> str:
    """Replaces each ``{name}`` in ``template`` with its serialized value.

    Raises:
        ValueError: for a missing path parameter (a bug in the calling code: a literal ``{name}``
            is never sent).
    """
    parts = template_parts(template)
    if len(parts) == 1:
        return template
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        value = values.get(parts[i])
        if value is None:
            raise ValueError(f"Missing required path parameter {parts[i]!r}")
        out.append(value)
        out.append(parts[i + 1])
    return "".join(out)


class SerializedParams:
    """Parameters split by location, each already encoded for its place in the request."""

    __slots__ = ("path", "query", "headers", "cookies")

    def __init__(self) -> None:
        """Empty collections."""
        #: Path parameter name → encoded text replacing ``{name}``.
        self.path: Dict[str, str] = {}
        #: Encoded ``name=value`` query pairs, in order.
        self.query: List[str] = []
        #: Header name → value.
        self.headers: Dict[str, str] = {}
        #: Encoded ``name=value`` cookie pairs (join with ``'; '``).
        self.cookies: List[str] = []


def serialize_params(specs: Sequence[ParamSpec], values: Sequence[object]) -> SerializedParams:
    """Serializes each value (``None`` omits the parameter, or takes its spec's ``default``) per
    its spec, in order."""
    out = SerializedParams()
    for spec, value in zip(specs, values):
        if value is None:
            if spec.default is None:
                continue
            value = spec.default()
        location = spec.location
        if location == "path":
            out.path[spec.name] = serialize_path_param(spec, value)
        elif location == "query":
            out.query.extend(serialize_query_param(spec, value))
        elif location == "header":
            out.headers[spec.name] = serialize_header_param(spec, value)
        else:
            out.cookies.extend(serialize_cookie_param(spec, value))
    return out
