"""The contract between generated operation code and the runtime.

Generated code describes each operation once, at module level, as an :class:`Operation` (a
frozen, declarative description of the HTTP exchange the API definition specifies: method, path
template, parameters with their serialization, security alternatives, error classes, how the
success body is read). Each generated method then makes one call::

    return self._http.request(_START, (request_id, ema_id), body=json_body(body), options=options)

passing the parameter values in the order of ``Operation.params`` (``None`` omits a parameter),
the encoded body (see ``bodies``) and the caller's :class:`RequestOptions`. Generated code never
builds URLs, serializes parameters, touches auth or parses responses itself: that logic lives in
the runtime, where it is unit-tested once for every SDK.

Everything derived from an ``Operation`` that does not depend on a call (split path template,
accept header, error lookup, security alternatives, response ``TypeAdapter``) is computed once
when the operation is defined, so a call does only the per-call work.
"""

from __future__ import annotations

from typing import Any, Dict, Generic, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union

from .errors import APIException
from .retry import RetryPolicy
from .serialize import ParamSpec, template_parts

T = TypeVar("T")

#: HTTP methods an operation may use.
HTTP_METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")

#: How the success body is read: parsed JSON (validated into ``response_type`` when given),
#: text, raw bytes, or nothing.
RESPONSE_KINDS = ("json", "text", "bytes", "none")

#: One alternative of an OpenAPI security requirement: scheme name → scopes. ``{}``: anonymous.
SecurityRequirement = Mapping[str, Sequence[str]]

#: Error classes by status: an exact code (``'404'``), a range (``'4XX'``), or ``'default'``.
ErrorMap = Mapping[str, Type[APIException[Any]]]


class Operation(Generic[T]):
    """A complete, declarative description of one API operation; ``T`` is the type of the
    success result (``None`` for ``response_kind='none'``).

    Args:
        operation_id: The API definition's operationId (or derived name); used in messages.
        method: HTTP method (upper case).
        path: Path template relative to the server URL, e.g. ``/v2/locations/{id}``.
        params: The parameters, in the order in which values are passed to ``request``.
        security: Alternatives (OR); each mapping's schemes apply together (AND). Empty: no
            auth. ``{}`` among them: anonymous access is allowed (configured credentials are
            still sent).
        errors: Error classes by status (``'404'``, ``'4XX'``, ``'default'``); the most specific
            match wins, unmatched statuses raise ``APIException``.
        response_kind: ``'json'``, ``'text'``, ``'bytes'`` or ``'none'``.
        response_type: For ``'json'``: what the body is validated into (a model class,
            ``List[Model]``, an enum, ``Dict[str, Model]`` …) with a cached ``TypeAdapter``;
            ``None``: the parsed JSON as is.
        accept: ``Accept`` header to send (default: ``application/json`` for JSON responses).

    Example (generated, module level)::

        _START: Operation[InlineResponse202] = Operation(
            "Start", "POST", "/ev/v1/charge-session/start",
            params=(ParamSpec("RequestId", "header"),),
            security=({"BearerAuth": ()},),
            errors={"400": BadRequestException, "404": V2ChargeSessionStart404ErrorException},
            response_type=InlineResponse202,
        )
    """

    __slots__ = (
        "operation_id",
        "method",
        "path",
        "params",
        "security",
        "errors",
        "response_kind",
        "response_type",
        "accept",
        "has_path_params",
        "security_alternatives",
        "allows_anonymous",
    )

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        *,
        params: Sequence[ParamSpec] = (),
        security: Sequence[SecurityRequirement] = (),
        errors: Optional[ErrorMap] = None,
        response_kind: str = "json",
        response_type: object = None,
        accept: Optional[str] = None,
    ) -> None:
        """See the class docstring."""
        method = method.upper()
        if method not in HTTP_METHODS:
            raise ValueError(f"Unknown HTTP method {method!r}")
        if response_kind not in RESPONSE_KINDS:
            raise ValueError(f"Unknown response kind {response_kind!r}")
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.params: Tuple[ParamSpec, ...] = tuple(params)
        self.security: Tuple[Dict[str, Tuple[str, ...]], ...] = tuple(
            {name: tuple(scopes) for name, scopes in requirement.items()} for requirement in security
        )
        self.errors: Dict[str, Type[APIException[Any]]] = {k.upper(): v for k, v in (errors or {}).items()}
        if "DEFAULT" in self.errors:
            self.errors["default"] = self.errors.pop("DEFAULT")
        self.response_kind = response_kind
        self.response_type = response_type
        self.accept = accept if accept is not None else ("application/json" if response_kind == "json" else None)
        self.has_path_params = len(template_parts(path)) > 1
        #: Non-empty alternatives as tuples of (scheme name, scopes).
        self.security_alternatives: Tuple[Tuple[Tuple[str, Tuple[str, ...]], ...], ...] = tuple(
            tuple(requirement.items()) for requirement in self.security if requirement
        )
        self.allows_anonymous = any(not requirement for requirement in self.security)
        if response_type is not None and response_kind == "json":
            from .wire import adapter

            adapter(response_type)  # built now, once, not on the first call

    def error_class(self, status: int) -> Type[APIException[Any]]:
        """Exact status, then its class (``4XX``), then ``default``, then ``APIException``."""
        errors = self.errors
        return errors.get(str(status)) or errors.get(f"{status // 100}XX") or errors.get("default") or APIException

    def __repr__(self) -> str:
        return f"Operation({self.operation_id!r}, {self.method!r}, {self.path!r})"


class RequestOptions:
    """Per-call options every generated operation accepts as its last (keyword) argument.

    Args:
        timeout: Seconds for this call, overriding the client's ``timeout`` (0: none). It bounds
            each attempt and every wait for credentials (token store, token request).
        retry: ``False`` disables retries for this call; a :class:`RetryPolicy` replaces the
            client's; ``None`` keeps the client's.
        headers: Extra headers for this call; they override generated ones of the same name.
    """

    __slots__ = ("timeout", "retry", "headers", "_raw")

    def __init__(
        self,
        *,
        timeout: Optional[float] = None,
        retry: Union[bool, RetryPolicy, None] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        """See the class docstring."""
        self.timeout = timeout
        self.retry = retry
        self.headers = headers
        #: Set by ``with_raw_response`` (see ``response``): the call returns an ``APIResponse``.
        self._raw = False

    def __repr__(self) -> str:
        names = sorted(self.headers) if self.headers else []
        return f"RequestOptions(timeout={self.timeout!r}, retry={self.retry!r}, headers={names!r})"
