"""Every error the SDK raises.

All of them derive from :class:`SdkException`, so one ``except SdkException`` catches everything
the SDK raises. Messages never contain secrets or tokens: URLs are reduced to origin + path
(see :func:`.url.redact_url`), response bodies are kept on ``body`` (an ``APIException`` message
quotes only the server's error text, bounded and with anything credential-like redacted: see
:func:`.error_text.server_error_text`), and exceptions raised by the transport are not chained
(``__cause__`` is ``None`` and the context is suppressed), because their attributes carry the
request and its headers.

Exceptions pickle (also generated subclasses), so they can cross process boundaries.
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, Generic, List, Mapping, NamedTuple, Optional, Sequence, TypeVar

from .model import StrEnum

BodyT = TypeVar("BodyT")


def _rebuild(cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]) -> BaseException:
    """Unpickles an SDK exception without calling its ``__init__`` (whose signature varies)."""
    error = cls.__new__(cls)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error


class SdkException(Exception):
    """Base class of all SDK errors."""

    def __init__(self, message: str) -> None:
        """Creates the error with a human-readable, secret-free ``message``."""
        super().__init__(message)

    @property
    def message(self) -> str:
        """The human-readable, secret-free description."""
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles by state, so subclasses with any constructor signature round-trip."""
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class APIException(SdkException, Generic[BodyT]):
    """A non-2xx HTTP response.

    Generated code subclasses it once per error schema and names the schema's pydantic model in
    ``_body_model``; :attr:`model` then validates :attr:`body` into that model lazily (``None``
    when the body does not match, so an unexpected error body never hides the error itself)::

        class BadRequestException(APIException[BadRequest]):
            _body_model = BadRequest
    """

    #: Pydantic model (or any type a ``pydantic.TypeAdapter`` accepts) of the error body.
    _body_model: ClassVar[Optional[object]] = None

    def __init__(
        self,
        reason: str,
        response_code: int,
        headers: Optional[Mapping[str, str]] = None,
        body: object = None,
    ) -> None:
        """Creates the error.

        Args:
            reason: Human-readable, secret-free description.
            response_code: HTTP status code.
            headers: Response headers (names are lower-cased here).
            body: Parsed body: JSON when the content type is JSON, else text (``''`` when empty).
        """
        super().__init__(reason)
        self.reason: str = reason
        self.response_code: int = response_code
        self.headers: Dict[str, str] = {k.lower(): v for k, v in (headers or {}).items()}
        self.body: object = body

    @property
    def status_code(self) -> int:
        """Alias of :attr:`response_code`."""
        return self.response_code

    @property
    def model(self) -> Optional[BodyT]:
        """:attr:`body` validated as the subclass's ``_body_model``; ``None`` when it does not fit."""
        cache = self.__dict__.get("_model_cache", _UNSET)
        if cache is not _UNSET:
            return cache  # type: ignore[no-any-return]
        value: Optional[BodyT] = None
        model = type(self)._body_model
        if model is not None and self.body is not None:
            from .wire import validate_or_none

            value = validate_or_none(model, self.body)
        self.__dict__["_model_cache"] = value
        return value

    def __str__(self) -> str:
        """The reason (secret-free)."""
        return self.reason

    def __repr__(self) -> str:
        """Class, status and reason; never the body."""
        return f"{type(self).__name__}(response_code={self.response_code}, reason={self.reason!r})"


_UNSET = object()


class OAuthProviderErrorEnum(StrEnum):
    """OAuth 2 authorization error codes (RFC 6749 §5.2); an extension code a server sends is kept
    as the member ``UNKNOWN`` with that value, and ``invalid_response`` is the SDK's own code for a
    response that is no usable token."""

    INVALID_REQUEST = "invalid_request"
    """The request is missing a parameter, repeats one, or is otherwise malformed."""
    INVALID_CLIENT = "invalid_client"
    """Client authentication failed (unknown client, no or unsupported client authentication)."""
    INVALID_GRANT = "invalid_grant"
    """The grant is invalid, expired, revoked, or was issued to another client."""
    UNAUTHORIZED_CLIENT = "unauthorized_client"
    """The client may not use this grant type."""
    UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type"
    """The server does not support the grant type."""
    INVALID_SCOPE = "invalid_scope"
    """The scope is invalid, unknown, malformed, or exceeds what the client may have."""
    INVALID_RESPONSE = "invalid_response"
    """Not from the server: the token endpoint's answer was no usable token."""


#: RFC 6749 §5.2 error codes; servers may send extension codes too.
OAUTH_ERROR_CODES = tuple(
    code.value for code in OAuthProviderErrorEnum if code is not OAuthProviderErrorEnum.INVALID_RESPONSE
)


class OAuthProviderException(APIException[Dict[str, object]]):
    """The token endpoint refused the request (RFC 6749 §5.2) or sent something that is no usable
    token (HTML, no ``access_token``, a non-Bearer ``token_type``, a redirect, an oversized or
    header-unsafe token). In the latter cases :attr:`error` is ``'invalid_response'``, an
    SDK-chosen code, and :attr:`response_code` is the HTTP status received.
    """

    def __init__(
        self,
        reason: str,
        response_code: int,
        headers: Optional[Mapping[str, str]] = None,
        body: object = None,
        *,
        error: Optional[str] = None,
        error_description: Optional[str] = None,
        error_uri: Optional[str] = None,
    ) -> None:
        """Creates the error; the OAuth fields default to those found in a JSON object ``body``."""
        super().__init__(reason, response_code, headers, body)
        fields = body if isinstance(body, dict) else {}
        found_error = fields.get("error")
        found_description = fields.get("error_description")
        found_uri = fields.get("error_uri")
        #: RFC 6749 ``error`` code, e.g. ``invalid_client`` (a ``str``); ``invalid_response`` when none was sent.
        self.error: OAuthProviderErrorEnum = OAuthProviderErrorEnum(
            error or (found_error if isinstance(found_error, str) else "invalid_response")
        )
        #: RFC 6749 ``error_description``, when the server sent one.
        self.error_description: Optional[str] = error_description or (
            found_description if isinstance(found_description, str) else None
        )
        #: RFC 6749 ``error_uri``, when the server sent one.
        self.error_uri: Optional[str] = error_uri or (found_uri if isinstance(found_uri, str) else None)


class NetworkException(SdkException):
    """The request never produced an HTTP response (DNS, refused connection, TLS, reset…)."""

    def __init__(self, message: str, url: str, reason: str = "network error") -> None:
        """Creates the error.

        Args:
            message: Human-readable, secret-free description.
            url: The request URL without query, fragment or user info.
            reason: A short cause such as ``ECONNREFUSED`` or ``ConnectError``.
        """
        super().__init__(message)
        self.url: str = url
        self.reason: str = reason


class TimeoutException(NetworkException):
    """Nothing arrived within the configured timeout. Retried like a network error for idempotent
    calls."""

    def __init__(self, message: str, url: str, timeout: float) -> None:
        """Creates the error; ``timeout`` is the limit that elapsed, in seconds."""
        super().__init__(message, url, "timeout")
        self.timeout: float = timeout


class ConfigurationException(SdkException):
    """The SDK refused to act because of its configuration: no credentials for any allowed
    security scheme, credentials over plain ``http://``, a URL with user info, a bad timeout."""


class HookException(SdkException):
    """A hook (see :class:`.hooks.Hooks`) raised: the call fails with this error (and only that
    call; it is not retried); ``__cause__`` is what the hook raised.

    Args:
        hook: ``before_request``, ``after_response`` or ``on_error``.
        operation_id: The call the hook ran for.
    """

    def __init__(self, hook: str, operation_id: str) -> None:
        """See the class docstring."""
        super().__init__(f"The {hook} hook raised during {operation_id}")
        self.hook: str = hook
        self.operation_id: str = operation_id


class ResponseParseException(SdkException):
    """A 2xx response whose body could not be read as the operation declares (e.g. invalid JSON,
    or JSON that does not match the response model)."""

    def __init__(self, message: str, response_code: int) -> None:
        """Creates the error; ``response_code`` is the HTTP status of the response."""
        super().__init__(message)
        self.response_code: int = response_code


class Violation(NamedTuple):
    """One way a response breaks its schema: where (``$.data[0].status``) and which rule (``enum``)."""

    path: str
    rule: str


class ResponseValidationException(APIException[Any]):
    """``validate_responses="strict"``: a 2xx response body does not match the operation's
    schema. The message lists the violations by path and rule (never a value).

    Attributes:
        violations: Every violation found (bounded).
        path: The path of the first violation.
        response: The ``httpx.Response`` (its request as sent before credentials were added).
    """

    def __init__(self, reason: str, violations: Sequence[Violation], body: object, response: Any) -> None:
        """See the class docstring; ``body`` is the parsed JSON."""
        super().__init__(reason, response.status_code, dict(response.headers.items()), body)
        self.violations: List[Violation] = list(violations)
        self.path: str = violations[0].path if violations else "$"
        self.response: Any = response
