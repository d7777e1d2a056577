"""Request body encoders. A generated operation calls the encoder for its media type
(``json_body``, ``form_body``, ``multipart_body``, ``text_body``, ``binary_body``) and passes the
result to ``HttpClient.request(..., body=...)``."""

from __future__ import annotations

import datetime
import io
from typing import AsyncIterable, Iterable, List, Mapping, Optional, Tuple, Union
from urllib.parse import urlencode

from .wire import to_json_bytes, to_wire

#: What httpx accepts as raw content.
Content = Union[bytes, str, Iterable[bytes], AsyncIterable[bytes]]
#: One multipart file part: ``(filename, content, content_type)``.
FilePart = Tuple[Optional[str], Union[bytes, io.IOBase], Optional[str]]


class EncodedBody:
    """An encoded request body plus its ``Content-Type``.

    Attributes:
        content: Raw content (bytes, text, or a one-shot stream).
        content_type: The ``Content-Type`` to send; ``None`` lets httpx choose (multipart, whose
            boundary it writes itself).
        data: Multipart text fields (``None`` unless multipart).
        files: Multipart file parts (``None`` unless multipart).
        replayable: False for one-shot streams, which cannot be re-sent on a retry or after 401.
    """

    __slots__ = ("content", "content_type", "data", "files", "replayable")

    def __init__(
        self,
        content: Optional[Content],
        content_type: Optional[str],
        *,
        data: Optional[Mapping[str, Union[str, List[str]]]] = None,
        files: Optional[List[Tuple[str, FilePart]]] = None,
        replayable: bool = True,
    ) -> None:
        """See the class docstring."""
        self.content = content
        self.content_type = content_type
        self.data = data
        self.files = files
        self.replayable = replayable

    def __repr__(self) -> str:
        """Never the content (it may hold credentials)."""
        return f"EncodedBody(content_type={self.content_type!r}, replayable={self.replayable})"


def json_body(value: object, media_type: str = "application/json") -> EncodedBody:
    """A JSON body (``application/json`` or a ``+json`` type); see :mod:`.wire` for how models,
    enums and dates are written and what ``None`` means."""
    return EncodedBody(to_json_bytes(value), media_type)


def text_body(value: object, media_type: str = "text/plain") -> EncodedBody:
    """A text body (``text/plain``, ``text/csv`` …): the value as UTF-8 text."""
    return EncodedBody(str(value).encode("utf-8"), media_type)


def _field_text(value: object) -> str:
    wire = to_wire(value)
    if wire is True:
        return "true"
    if wire is False:
        return "false"
    if isinstance(wire, (dict, list)):
        return to_json_bytes(wire).decode("utf-8")
    return str(wire)


def _fields(value: object) -> List[Tuple[str, object]]:
    if hasattr(value, "model_dump") or isinstance(value, Mapping):
        wire_or_map = value if isinstance(value, Mapping) else to_wire(value)
        if isinstance(wire_or_map, Mapping):
            return [(str(k), v) for k, v in wire_or_map.items()]
    raise TypeError("A form or multipart body must be a mapping or a model")


def form_body(value: object) -> EncodedBody:
    """``application/x-www-form-urlencoded``: ``a=1&b=2``; lists repeat the key; nested objects
    are sent as JSON text; ``None`` fields are omitted."""
    pairs: List[Tuple[str, str]] = []
    for key, item in _fields(value):
        for v in item if isinstance(item, (list, tuple)) else [item]:
            if v is not None:
                pairs.append((key, _field_text(v)))
    return EncodedBody(urlencode(pairs).encode("ascii"), "application/x-www-form-urlencoded")


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview, io.IOBase)) or (
        isinstance(value, tuple) and len(value) in (2, 3)
    )


def multipart_body(value: object) -> EncodedBody:
    """``multipart/form-data`` (httpx writes the boundary). Bytes, binary files and
    ``(filename, content[, content_type])`` tuples become file parts; models, dicts and lists of
    non-files become ``application/json`` parts; scalars become text fields."""
    data: dict[str, Union[str, List[str]]] = {}
    files: List[Tuple[str, FilePart]] = []
    for key, item in _fields(value):
        for v in item if isinstance(item, list) and all(_is_file(x) for x in item) else [item]:
            if v is None:
                continue
            if isinstance(v, tuple):
                name = v[0] if isinstance(v[0], str) else None
                body = v[1]
                ctype = v[2] if len(v) == 3 and isinstance(v[2], str) else None
                files.append((key, (name, bytes(body) if isinstance(body, (bytearray, memoryview)) else body, ctype)))
            elif isinstance(v, (bytes, bytearray, memoryview)):
                files.append((key, (key, bytes(v), "application/octet-stream")))
            elif isinstance(v, io.IOBase):
                files.append((key, (getattr(v, "name", key), v, None)))
            elif isinstance(to_wire(v), (dict, list)):
                files.append((key, (None, to_json_bytes(v), "application/json")))
            else:
                previous = data.get(key)
                text = _field_text(v)
                if previous is None:
                    data[key] = text
                elif isinstance(previous, list):
                    previous.append(text)
                else:
                    data[key] = [previous, text]
    return EncodedBody(None, None, data=data, files=files)


def binary_body(value: object, media_type: str = "application/octet-stream") -> EncodedBody:
    """Raw bytes: ``bytes``, ``bytearray``, ``memoryview``, ``str``, a binary file or an iterator
    of bytes (files and iterators are one-shot streams: not replayed on retry or 401). A wildcard
    media type (``*/*``) is sent as ``application/octet-stream``."""
    ctype = "application/octet-stream" if "*" in media_type else media_type
    if isinstance(value, (bytes, str)):
        return EncodedBody(value, ctype)
    if isinstance(value, (bytearray, memoryview)):
        return EncodedBody(bytes(value), ctype)
    if isinstance(value, io.IOBase):
        return EncodedBody(_read_chunks(value), ctype, replayable=False)
    if hasattr(value, "__aiter__") or hasattr(value, "__iter__"):
        return EncodedBody(value, ctype, replayable=False)  # type: ignore[arg-type]
    if isinstance(value, (datetime.date, int, float)):
        raise TypeError("A binary body must be bytes, text, a binary file or an iterator of bytes")
    raise TypeError("A binary body must be bytes, text, a binary file or an iterator of bytes")


def _read_chunks(stream: io.IOBase, size: int = 65536) -> Iterable[bytes]:
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk if isinstance(chunk, bytes) else bytes(chunk)
