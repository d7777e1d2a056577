"""Fixtures for the generated Python SDK's tests (imported by the test modules, so they stay apart
from the runtime tests' conftest): the committed ``generated/python`` package on
``sys.path``, the real oidc-provider (with the reference docs' client ``OAuthClientId`` /
``OAuthClientSecret``), a Prism mock server that validates every request against
``spec/shell-ev.yaml``, and a gateway in front of both that plays the API's host: it serves the
token endpoint at ``/v2/oauth/token`` (forwarded to oidc-provider) and the API under ``/ev``
(the bearer token checked by introspection, the call forwarded to Prism)."""

from __future__ import annotations

import http.server
import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Tuple

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
GENERATED = os.path.join(ROOT, "generated", "python")
sys.path.insert(0, GENERATED)

from .oauth_server import API_CLIENT, OAuthServer  # noqa: E402

#: The client of the reference docs' snippets, registered with the authorization server.
REFERENCE_CLIENT = ("OAuthClientId", "OAuthClientSecret")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Prism:
    """``prism mock spec/shell-ev.yaml --errors``: answers from the spec, 422 for invalid requests."""

    def __init__(self) -> None:
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        cli = os.path.join(ROOT, "node_modules", "@stoplight", "prism-cli", "dist", "index.js")
        spec = os.path.join(ROOT, "spec", "shell-ev.yaml")
        env = {k: v for k, v in os.environ.items() if k != "NODE_OPTIONS"}
        self.process = subprocess.Popen(
            ["node", cli, "mock", spec, "-h", "127.0.0.1", "-p", str(port), "--errors"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.process.kill()
                    raise RuntimeError("prism did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()


@dataclass
class Gateway:
    """The API's host as the SDK sees it (see the module docstring)."""

    oauth: OAuthServer
    prism: Prism
    seen: List[Tuple[str, str, Dict[str, str]]] = field(default_factory=list)
    statuses: List[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        gateway = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _relay(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k.lower(): v for k, v in self.headers.items()}
                gateway.seen.append((self.command, self.path, headers))
                if self.path.startswith("/v2/oauth/token"):
                    target = gateway.oauth.token_url
                elif self.path.startswith("/ev/"):
                    token = headers.get("authorization", "")
                    if not token.lower().startswith("bearer ") or not gateway.oauth.introspect(token[7:]).get("active"):
                        self._answer(401, {"error": "invalid_token"}, {})
                        return
                    target = gateway.prism.url + self.path[len("/ev") :]
                else:
                    self._answer(404, {"error": "not found"}, {})
                    return
                forwarded = {k: v for k, v in headers.items() if k not in ("host", "content-length", "connection")}
                request = urllib.request.Request(target, data=body, headers=forwarded, method=self.command)
                try:
                    with urllib.request.urlopen(request, timeout=30) as res:
                        self._raw(res.status, res.read(), dict(res.headers.items()))
                except urllib.error.HTTPError as error:
                    self._raw(error.code, error.read(), dict(error.headers.items()))

            def _answer(self, status: int, payload: object, extra: Dict[str, str]) -> None:
                self._raw(status, json.dumps(payload).encode(), {"content-type": "application/json", **extra})

            def _raw(self, status: int, data: bytes, headers: Dict[str, str]) -> None:
                gateway.statuses.append(status)
                self.send_response(status)
                for name, value in headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                        self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _relay

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def oauth() -> Iterator[OAuthServer]:
    clients = [
        {
            "client_id": REFERENCE_CLIENT[0],
            "client_secret": REFERENCE_CLIENT[1],
            "grant_types": ["client_credentials"],
            "redirect_uris": [],
            "response_types": [],
            "token_endpoint_auth_method": "client_secret_basic",
        },
        {
            "client_id": API_CLIENT[0],
            "client_secret": API_CLIENT[1],
            "grant_types": [],
            "redirect_uris": [],
            "response_types": [],
            "token_endpoint_auth_method": "client_secret_basic",
        },
    ]
    server = OAuthServer(ttl=3600, clients=clients)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def prism() -> Iterator[Prism]:
    server = Prism()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def gateway(oauth: OAuthServer, prism: Prism) -> Iterator[Gateway]:
    server = Gateway(oauth, prism)
    yield server
    server.stop()


#: Points every environment of the generated SDK at the gateway (the reference snippets name the
#: SIT environment; the gateway stands in for its host). Run before each snippet.
PRELUDE = """
import shellev.configuration as _configuration
from shellev._runtime.servers import ServerSpec as _ServerSpec
_configuration._SERVERS = {{environment: _ServerSpec({url!r}) for environment in _configuration.Environment}}
"""


def prelude(gateway: Gateway) -> str:
    """The snippet prelude for this gateway."""
    return PRELUDE.format(url=f"{gateway.url}/ev")
