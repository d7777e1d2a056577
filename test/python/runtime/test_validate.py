"""Opt-in response validation (issue 13): the interpreter (``_runtime/validate.py``) case by case,
from the table the TypeScript interpreter runs too (test/fixtures/validation/cases.json), and
``check_response``'s two modes. The generated SDK end to end: test/python/sdk/test_validation.py.
The Python counterpart of test/runtime/validate.test.ts."""

from __future__ import annotations

import json
import logging
import os
from typing import Any, List

import httpx
import pytest

from runtime.errors import APIException, ResponseValidationException, SdkException
from runtime.logs import LeveledLogger
from runtime.validate import MAX_VIOLATIONS, check_response, validate

CASES_FILE = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "validation", "cases.json")
with open(CASES_FILE, encoding="utf-8") as f:
    TABLE: Any = json.load(f)


@pytest.mark.parametrize("name, rule, value, expected", TABLE["cases"], ids=[c[0] for c in TABLE["cases"]])
def test_interpreter_case(name: str, rule: Any, value: Any, expected: Any) -> None:
    found = [[v.path, v.rule] for v in validate(value, rule, TABLE["schemas"])]
    if isinstance(expected, str):
        assert f"{len(found)} violations" == expected
    else:
        assert found == expected


def test_bound_is_the_same_as_typescript() -> None:
    assert MAX_VIOLATIONS == 20


def response(status: int = 200) -> httpx.Response:
    return httpx.Response(
        status, headers={"x-trace": "t1"}, request=httpx.Request("GET", "https://api.example.com/pets")
    )


RULE = {"type": "object", "properties": {"name": {"type": "string", "maxLength": 3}}, "required": ["name"]}
SECRET = "tok-SECRET-0123456789"


def test_warn_logs_one_line_with_paths_and_never_values(caplog: pytest.LogCaptureFixture) -> None:
    log = LeveledLogger(logging.getLogger("validate-test"), "warn")
    with caplog.at_level(logging.DEBUG, logger="validate-test"):
        check_response("warn", log, "getPet", RULE, {}, {"name": SECRET, "extra": SECRET}, response())
    lines: List[str] = [r.getMessage() for r in caplog.records]
    assert lines == [
        "getPet: HTTP 200 response does not match the spec: $.name (maxLength), $.extra (additionalProperties)"
    ]
    assert caplog.records[0].levelno == logging.WARNING
    assert SECRET not in lines[0]


def test_strict_raises_with_path_violations_status_headers_and_response() -> None:
    resp = response(201)
    with pytest.raises(ResponseValidationException) as info:
        check_response("strict", LeveledLogger(logging.getLogger("v"), "off"), "getPet", RULE, {}, {}, resp)
    error = info.value
    assert isinstance(error, APIException) and isinstance(error, SdkException)
    assert error.path == "$.name"
    assert [(v.path, v.rule) for v in error.violations] == [("$.name", "required")]
    assert error.status_code == 201
    assert error.headers["x-trace"] == "t1"
    assert error.body == {}
    assert error.response is resp
    assert str(error) == "getPet: HTTP 201 response does not match the spec: $.name (required)"


def test_no_rule_or_a_valid_body_passes() -> None:
    log = LeveledLogger(logging.getLogger("v"), "off")
    check_response("strict", log, "getPet", None, {}, {"anything": 1}, response())
    check_response("strict", log, "getPet", RULE, {}, {"name": "abc"}, response())
