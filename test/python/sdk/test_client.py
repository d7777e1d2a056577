"""The generated Python clients (``generated/python``) end to end: the blocking and the asyncio
client against the stand-in gateway (real oidc-provider, Prism validating against the spec), the
``SHELLEV_BASE_URL`` rule (as in the TypeScript SDK: test/e2e/base-url-env.test.ts), token
persistence, typed results and errors, and no secret in what a user prints."""

from __future__ import annotations

import asyncio
import os
import pickle
import sys
import traceback
from typing import Iterator

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
# The SDK under test: generated/python (support.stand_in adds it too, but it is imported below).
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "generated", "python"))

import shellev.configuration as configuration
from shellev import (
    AsyncShellevClient,
    ClientCredentialsAuthCredentials,
    Configuration,
    Environment,
    MemoryTokenStore,
    OAuthProviderException,
    OAuthToken,
    ShellevClient,
)
from shellev._runtime.servers import ServerSpec
from shellev.exceptions import BadRequestException
from shellev.models import ChargesessionStartBody, SearchByIdResponse
from support.stand_in import REFERENCE_CLIENT, Gateway, gateway, oauth, prism  # noqa: F401  (fixtures)

REQUEST_ID = "123e4567-e89b-12d3-a456-426614174000"


@pytest.fixture
def at_gateway(gateway: Gateway, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every environment of the SDK points at the gateway (the stand-in for Shell's hosts)."""
    url = f"{gateway.url}/ev"
    monkeypatch.setattr(configuration, "_SERVERS", {env: ServerSpec(url) for env in Environment})
    monkeypatch.delenv("SHELLEV_BASE_URL", raising=False)
    yield url


def credentials(**extra: object) -> ClientCredentialsAuthCredentials:
    return ClientCredentialsAuthCredentials(
        o_auth_client_id=REFERENCE_CLIENT[0],
        o_auth_client_secret=REFERENCE_CLIENT[1],
        token_store=MemoryTokenStore(),
        **extra,  # type: ignore[arg-type]
    )


def test_shellev_base_url_overrides_the_default_server_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHELLEV_BASE_URL", "https://from-env.example/ev")
    assert Configuration().resolved_base_url == "https://from-env.example/ev"
    assert Configuration().clone_with(timeout=1).resolved_base_url == "https://from-env.example/ev"
    assert Configuration(environment=Environment.PRODUCTION).resolved_base_url == "https://api.shell.com/ev"
    assert Configuration(base_url="https://given.example/ev").resolved_base_url == "https://given.example/ev"
    monkeypatch.delenv("SHELLEV_BASE_URL")
    assert Configuration().resolved_base_url == "https://api-test.shell.com/ev"


def test_blocking_client_typed_result_one_token(at_gateway: str, gateway: Gateway) -> None:
    before = gateway.oauth.token_requests()
    with ShellevClient(client_credentials_auth_credentials=credentials()) as client:
        first = client.locations.ev_locations_by_id(REQUEST_ID, "id0")
        second = client.locations.ev_locations_by_id(REQUEST_ID, "id0")
    assert isinstance(first, SearchByIdResponse) and isinstance(second, SearchByIdResponse)
    assert gateway.oauth.token_requests() == before + 1


def test_asyncio_client_shares_one_token_request(at_gateway: str, gateway: Gateway) -> None:
    before = gateway.oauth.token_requests()

    async def main() -> list[SearchByIdResponse]:
        async with AsyncShellevClient(client_credentials_auth_credentials=credentials()) as client:
            return await asyncio.gather(*(client.locations.ev_locations_by_id(REQUEST_ID, "id0") for _ in range(20)))

    results = asyncio.run(main())
    assert len(results) == 20 and all(isinstance(r, SearchByIdResponse) for r in results)
    assert gateway.oauth.token_requests() == before + 1


def test_request_body_is_sent_under_wire_names_and_validated_by_prism(at_gateway: str, gateway: Gateway) -> None:
    with ShellevClient(client_credentials_auth_credentials=credentials()) as client:
        result = client.charging.start(
            REQUEST_ID, ChargesessionStartBody(ev_charge_number="NL-TNM-C00122045-K", evse_id="NL*TNM*E02003451*0")
        )
    assert result.status is not None
    # Prism answers 422 for a request that does not match the spec; an invalid RequestId is a 400-class error.
    with ShellevClient(client_credentials_auth_credentials=credentials()) as client, pytest.raises(Exception) as raised:
        client.locations.ev_locations_by_id("not-a-uuid", "id0")
    assert getattr(raised.value, "response_code", 0) >= 400


def test_token_round_trips_through_a_database_and_pickle(at_gateway: str) -> None:
    with ShellevClient(client_credentials_auth_credentials=credentials()) as client:
        token = client.bearer_auth.fetch_token()
    restored = OAuthToken.from_dict(token.to_dict())
    assert restored == token and pickle.loads(pickle.dumps(token)) == token
    with ShellevClient(
        client_credentials_auth_credentials=ClientCredentialsAuthCredentials(o_auth_token=restored)
    ) as client:
        assert isinstance(client.locations.ev_locations_by_id(REQUEST_ID, "id0"), SearchByIdResponse)


def test_a_wrong_secret_is_an_oauth_provider_exception_without_the_secret(at_gateway: str) -> None:
    secret = "wrong-secret-do-not-print"
    creds = ClientCredentialsAuthCredentials(
        o_auth_client_id=REFERENCE_CLIENT[0], o_auth_client_secret=secret, token_store=MemoryTokenStore()
    )
    with (
        ShellevClient(client_credentials_auth_credentials=creds) as client,
        pytest.raises(OAuthProviderException) as raised,
    ):
        client.locations.ev_locations_by_id(REQUEST_ID, "id0")
    assert raised.value.error == "invalid_client"
    printed = [
        repr(raised.value),
        str(raised.value),
        "".join(traceback.format_exception(raised.value)),
        repr(creds),
        str(creds),
        repr(client.config),
    ]
    assert not any(secret in text for text in printed)


def test_error_classes_are_importable_and_typed() -> None:
    assert issubclass(BadRequestException, Exception)
    assert BadRequestException._body_model is not None
