"""Request ids for header parameters of ``format: uuid`` the caller leaves out (Shell EV's
``RequestId``): a fresh version-4 UUID per call. The runtime draws it once per call, before the
first attempt, so every retry of the call sends the same one; each page of a paginated call is a
call of its own."""

from __future__ import annotations

import uuid


def new_request_id() -> str:
    """A fresh random (version 4) UUID, in its canonical text form."""
    return str(uuid.uuid4())


def require_arguments(method: str, **values: object) -> None:
    """Raises ``TypeError`` as Python does for a missing argument, naming those that are ``None``.

    A method whose request id may be left out keeps its positional form (``f(request_id, id)``)
    and gains a keyword one (``f(id=...)``); its implementation then defaults the arguments after
    the request id, and this checks them.
    """
    missing = [name for name, value in values.items() if value is None]
    if missing:
        s = "s" if len(missing) > 1 else ""
        raise TypeError(f"{method}() missing {len(missing)} required argument{s}: {', '.join(map(repr, missing))}")


__all__ = ["new_request_id", "require_arguments"]
