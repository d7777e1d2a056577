"""Token URLs written as templates (test/fixtures/corpus/lenient/schema/token-url-templates.yaml,
the 3GPP shape), in a Python SDK generated from that fixture: a template of server variables is
expanded with the client's server variables, like the server URL; a template of other variables
(``{nrfApiRoot}``) asks for ``o_auth_token_url`` when a token is needed, and a pre-obtained token
needs no token URL at all. The same rules as the TypeScript SDK (test/runtime/token-faults.test.ts).

The token endpoint is the real oidc-provider behind a small relay that serves it at
``/oauth2/token``, the path the fixture's templates end in."""

from __future__ import annotations

import base64
import http.server
import importlib
import json
import os
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Dict, Iterator, List

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from support.oauth_server import ROOT, OAuthServer
from support.stand_in import REFERENCE_CLIENT, oauth  # noqa: F401  (fixture)

FIXTURE = os.path.join(ROOT, "test", "fixtures", "corpus", "lenient", "schema", "token-url-templates.yaml")
CLI = os.path.join(ROOT, "dist", "generator", "cli", "main.js")


class Relay:
    """``/oauth2/token`` → the oidc-provider's token endpoint; ``/nfoo/v1/things`` answers ``[]``
    to a bearer token the provider says is active, 401 otherwise."""

    def __init__(self, oauth: OAuthServer) -> None:
        self.paths: List[str] = []
        relay = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _reply(self, status: int, data: bytes, content_type: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                relay.paths.append(self.path)
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                if self.path != "/oauth2/token":
                    return self._reply(404, b"{}")
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() in ("authorization", "content-type", "accept")
                }
                request = urllib.request.Request(oauth.token_url, data=body, headers=headers, method="POST")
                try:
                    with urllib.request.urlopen(request, timeout=30) as res:
                        self._reply(res.status, res.read())
                except urllib.error.HTTPError as error:
                    self._reply(error.code, error.read())

            def do_GET(self) -> None:
                relay.paths.append(self.path)
                token = self.headers.get("authorization", "")
                active = token.lower().startswith("bearer ") and oauth.introspect(token[7:]).get("active")
                self._reply(200 if active else 401, b"[]" if active else b'{"error":"invalid_token"}')

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The SDK generated from the fixture by the built CLI (``npm run build``), imported. Run outside
    the repository, so its sdkgen.config.yaml does not apply."""
    assert os.path.exists(CLI), f"{CLI} is missing: run `npm run build` first"
    out: Path = tmp_path_factory.mktemp("token-url-templates")
    subprocess.run(
        [
            "node",
            CLI,
            "generate",
            "-i",
            FIXTURE,
            "-o",
            str(out),
            "--target",
            "python",
            "--package-name",
            "templated-tokens",
            "--client-name",
            "TemplatedTokensClient",
        ],
        check=True,
        capture_output=True,
        cwd=str(out),
        env={k: v for k, v in os.environ.items() if k != "NODE_OPTIONS"},
    )
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("templated_tokens")
    finally:
        sys.path.remove(str(out))


@pytest.fixture(scope="module")
def relay(oauth: OAuthServer) -> Iterator[Relay]:
    server = Relay(oauth)
    yield server
    server.stop()


def credentials(sdk: ModuleType, **extra: object) -> object:
    # A store of its own: the default store shares tokens across clients, so a token fetched by
    # one test would be reused by the next.
    options: Dict[str, object] = {
        "o_auth_client_id": REFERENCE_CLIENT[0],
        "o_auth_client_secret": REFERENCE_CLIENT[1],
        "token_store": sdk.MemoryTokenStore(),
    }
    options.update(extra)
    return sdk.ClientCredentialsAuthCredentials(**options)


def test_a_server_variable_template_is_expanded_with_the_clients_server_variables(
    sdk: ModuleType, relay: Relay
) -> None:
    relay.paths.clear()
    client = sdk.TemplatedTokensClient(local_credentials=credentials(sdk), server_variables={"apiRoot": relay.url})
    with client:
        assert client.local.token_url == f"{relay.url}/oauth2/token"
        assert client.default.list_things() is None
    assert relay.paths == ["/oauth2/token", "/nfoo/v1/things"]


def test_a_template_of_other_variables_asks_for_o_auth_token_url(sdk: ModuleType, relay: Relay) -> None:
    client = sdk.TemplatedTokensClient(nrf_credentials=credentials(sdk), server_variables={"apiRoot": relay.url})
    with client, pytest.raises(sdk.ConfigurationException) as caught:
        client.nrf.fetch_token()
    assert str(caught.value) == (
        "Cannot obtain a token for nrf: its token URL '{nrfApiRoot}/oauth2/token' is not an absolute URL; "
        "set o_auth_token_url in the credentials"
    )


def test_o_auth_token_url_in_the_credentials_is_used_instead(sdk: ModuleType, relay: Relay) -> None:
    relay.paths.clear()
    nrf = credentials(sdk, o_auth_token_url=f"{relay.url}/oauth2/token")
    with sdk.TemplatedTokensClient(nrf_credentials=nrf, server_variables={"apiRoot": relay.url}) as client:
        assert client.default.list_things() is None
    assert relay.paths == ["/oauth2/token", "/nfoo/v1/things"]


def test_a_pre_obtained_token_needs_no_token_url(sdk: ModuleType, relay: Relay, oauth: OAuthServer) -> None:
    form = b"grant_type=client_credentials&scope=foo"
    basic = base64.b64encode(f"{REFERENCE_CLIENT[0]}:{REFERENCE_CLIENT[1]}".encode()).decode()
    request = urllib.request.Request(
        oauth.token_url,
        data=form,
        headers={"authorization": f"Basic {basic}", "content-type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as res:
        access_token = json.loads(res.read())["access_token"]
    token = sdk.OAuthToken(access_token=access_token, expiry=int(time.time()) + 600)
    nrf = sdk.ClientCredentialsAuthCredentials(o_auth_token=token)
    relay.paths.clear()
    with sdk.TemplatedTokensClient(nrf_credentials=nrf, server_variables={"apiRoot": relay.url}) as client:
        assert client.default.list_things() is None
    assert relay.paths == ["/nfoo/v1/things"]
