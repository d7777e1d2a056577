"""Response-only models of the generated Shell EV SDK (``generated/python``) keep the spec's
``required`` fields required, readOnly ones included (the readOnly/writeOnly split: a model used
only in responses has no reason to make them optional), and still read and write wire names."""

from __future__ import annotations

import os
import sys

import pydantic
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "generated", "python"))

from shellev.models import GetChargeSessionRetrieveResponse200JsonStatusEnum, InlineResponse2021

REQUEST_ID = "9d2dee33-7803-485a-a2b1-2c7538e597ee"


def test_a_response_only_model_requires_its_required_read_only_fields() -> None:
    with pytest.raises(pydantic.ValidationError) as raised:
        InlineResponse2021.model_validate({"requestId": REQUEST_ID})
    assert [e["loc"] for e in raised.value.errors()] == [("status",)]
    with pytest.raises(pydantic.ValidationError):
        InlineResponse2021.model_validate({"status": "SUCCESS"})


def test_the_fields_are_typed_as_present_and_round_trip_under_wire_names() -> None:
    stopped = InlineResponse2021.model_validate({"requestId": REQUEST_ID, "status": "SUCCESS"})
    # Typed `str` and the enum, not Optional: no None check needed before use.
    assert stopped.request_id.upper() == REQUEST_ID.upper()
    assert stopped.status == GetChargeSessionRetrieveResponse200JsonStatusEnum.SUCCESS
    assert stopped.model_dump(by_alias=True, mode="json") == {"requestId": REQUEST_ID, "status": "SUCCESS"}


def test_required_fields_are_required_in_the_signature() -> None:
    fields = InlineResponse2021.model_fields
    assert fields["request_id"].is_required()
    assert fields["status"].is_required()
