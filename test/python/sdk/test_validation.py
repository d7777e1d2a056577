"""``validate_responses`` of the generated Shell EV SDK (``generated/python``, issue 13) against a
local server answering bodies that break the API definition (an extra field, an unknown enum
value, a too-long string, a missing required field): ``off`` returns the data silently, ``warn``
returns it and logs one warning naming the paths, ``strict`` raises ``ResponseValidationException``
naming the path; the blocking and the asyncio client. Unlike TypeScript's types, a pydantic model
cannot exist without a field it requires, so a body that lacks one is a ``ResponseParseException``
unless ``strict`` reports it first. Real clients, real httpx, real sockets. The
Python counterpart of the end-to-end part of test/runtime/validate.test.ts."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from typing import Any, Dict, Iterator

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "generated", "python"))

from shellev import (
    APIException,
    AsyncShellevClient,
    ClientCredentialsAuthCredentials,
    MemoryTokenStore,
    OAuthToken,
    ResponseParseException,
    ResponseValidationException,
    SdkException,
    ShellevClient,
)
from shellev.models import ChargesessionStartBody
from support.scripted_server import ScriptedServer

REQUEST_ID = "123e4567-e89b-12d3-a456-426614174000"
SECRET = "tok-SECRET-0123456789"
#: A ``stop`` response that breaks the definition four ways (the secret-looking value must not be logged).
BROKEN: Dict[str, Any] = {"status": "PAUSED", "extra": SECRET, "data": [{"sessionId": "x" * 40}]}
EXPECTED = [
    ("$.requestId", "required"),
    ("$.status", "enum"),
    ("$.extra", "additionalProperties"),
    ("$.data", "additionalProperties"),
]
MESSAGE = (
    "stop: HTTP 200 response does not match the spec: $.requestId (required), $.status (enum), "
    "$.extra (additionalProperties), $.data (additionalProperties)"
)
#: The same with the required field present: a body the models can hold, for ``off`` and ``warn``.
PARSEABLE: Dict[str, Any] = {**BROKEN, "requestId": REQUEST_ID}
PARSEABLE_MESSAGE = (
    "stop: HTTP 200 response does not match the spec: $.status (enum), "
    "$.extra (additionalProperties), $.data (additionalProperties)"
)


@pytest.fixture(scope="module")
def api() -> Iterator[ScriptedServer]:
    state: Dict[str, Any] = {"body": BROKEN}
    server = ScriptedServer(lambda ex: ex.json(200, state["body"]))
    server.state = state  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture
def server(api: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> ScriptedServer:
    api.reset()
    api.state["body"] = BROKEN  # type: ignore[attr-defined]
    monkeypatch.delenv("SHELLEV_VALIDATE_RESPONSES", raising=False)
    monkeypatch.delenv("SHELLEV_LOG", raising=False)
    return api


def answer(server: ScriptedServer, body: Any) -> None:
    server.state["body"] = body  # type: ignore[attr-defined]


def settings(server: ScriptedServer, **extra: Any) -> Dict[str, Any]:
    token = OAuthToken(access_token="token-0123456789", expiry=int(time.time()) + 3600)
    options: Dict[str, Any] = {
        "base_url": f"{server.url}/ev",
        "client_credentials_auth_credentials": ClientCredentialsAuthCredentials(
            o_auth_token=token, token_store=MemoryTokenStore()
        ),
    }
    options.update(extra)
    return options


def stop(c: ShellevClient) -> Any:
    return c.charging.stop(request_id=REQUEST_ID, session_id=REQUEST_ID)


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "shellev" and r.levelno >= logging.WARNING]


def test_off_by_default_returns_the_data_and_logs_nothing(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    answer(server, PARSEABLE)
    with caplog.at_level(logging.DEBUG, logger="shellev"), ShellevClient(**settings(server, log_level="debug")) as c:
        assert c.config.validate_responses == "off"
        result = stop(c)
    assert result.status == "PAUSED"
    assert warnings(caplog) == []


def test_off_a_body_without_a_required_field_is_a_parse_error(server: ScriptedServer) -> None:
    with ShellevClient(**settings(server)) as c, pytest.raises(ResponseParseException) as info:
        stop(c)
    assert "stop" in str(info.value)
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)


def test_warn_returns_the_data_and_logs_one_warning_with_the_paths(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.DEBUG, logger="shellev"),
        ShellevClient(**settings(server, validate_responses="warn")) as c,
    ):
        answer(server, PARSEABLE)
        result = stop(c)
    assert result.status == "PAUSED"
    assert warnings(caplog) == [PARSEABLE_MESSAGE]
    assert SECRET not in caplog.text


def test_strict_raises_naming_the_path(server: ScriptedServer) -> None:
    with (
        ShellevClient(**settings(server, validate_responses="strict")) as c,
        pytest.raises(ResponseValidationException) as info,
    ):
        stop(c)
    error = info.value
    assert isinstance(error, APIException) and isinstance(error, SdkException)
    assert error.path == "$.requestId"
    assert [(v.path, v.rule) for v in error.violations] == EXPECTED
    assert error.status_code == 200
    assert error.response.status_code == 200
    assert "authorization" not in error.response.request.headers
    assert error.body == BROKEN
    assert str(error) == MESSAGE
    assert SECRET not in str(error)


def test_strict_passes_a_valid_body_and_names_nested_paths(server: ScriptedServer) -> None:
    answer(server, {"requestId": REQUEST_ID, "status": "SUCCESS"})
    with ShellevClient(**settings(server, validate_responses="strict")) as c:
        assert stop(c).request_id == REQUEST_ID
        answer(server, {"requestId": REQUEST_ID, "status": "SUCCESS", "data": [{"sessionId": "y" * 37}]})
        body = ChargesessionStartBody(ev_charge_number="NL-TNM-C00122045-K", evse_id="NL*TNM*E02003451*0")
        with pytest.raises(ResponseValidationException) as info:
            c.charging.start(request_id=REQUEST_ID, body=body)
    assert [(v.path, v.rule) for v in info.value.violations] == [
        ("$.data[0].sessionId", "maxLength"),
        ("$.data[0].sessionId", "pattern"),
    ]


def test_async_client_alike(server: ScriptedServer) -> None:
    async def main() -> None:
        async with AsyncShellevClient(**settings(server, validate_responses="strict")) as c:
            with pytest.raises(ResponseValidationException) as info:
                await c.charging.stop(request_id=REQUEST_ID, session_id=REQUEST_ID)
            assert info.value.path == "$.requestId"

    asyncio.run(main())


def test_environment_variable_sets_the_default_and_the_keyword_wins(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHELLEV_VALIDATE_RESPONSES", "strict")
    with ShellevClient(**settings(server)) as c, pytest.raises(ResponseValidationException):
        stop(c)
    answer(server, PARSEABLE)
    with ShellevClient(**settings(server, validate_responses="off")) as c:
        assert stop(c).status == "PAUSED"
        assert c.config.clone_with(validate_responses="warn").validate_responses == "warn"
