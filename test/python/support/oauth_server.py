"""The real oidc-provider authorization server (test/support/oauth-server.mjs, a node child process)
with its test hooks, shared by the runtime tests and the generated-SDK tests."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Optional, Sequence

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

BASIC_CLIENT = ("basic-client", "b@sic:s3cret+/ &=%")
POST_CLIENT = ("post-client", "post-secret-value")
API_CLIENT = ("api-server", "api-server-secret")


def _basic(client_id: str, secret: str) -> str:
    enc = urllib.parse.quote_plus
    return "Basic " + base64.b64encode(f"{enc(client_id)}:{enc(secret)}".encode()).decode()


class OAuthServer:
    """A running oidc-provider (child process) with its test hooks."""

    def __init__(self, ttl: int = 3600, clients: Optional[Sequence[Dict[str, Any]]] = None) -> None:
        script = os.path.join(ROOT, "test", "support", "oauth-server.mjs")
        env = {k: v for k, v in os.environ.items() if k != "NODE_OPTIONS"}
        config: Dict[str, Any] = {"ttl": ttl}
        if clients is not None:
            config["clients"] = list(clients)
        self.process = subprocess.Popen(
            ["node", script, json.dumps(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        line = self._first_line(15.0)
        self.url: str = json.loads(line)["url"]
        self.token_url = f"{self.url}/token"

    def _first_line(self, timeout: float) -> str:
        box: List[bytes] = []
        reader = threading.Thread(target=lambda: box.append(self.process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(timeout)
        if not box or not box[0]:
            self.process.kill()
            err = self.process.stderr.read().decode() if self.process.stderr else ""  # type: ignore[union-attr]
            raise RuntimeError(f"oauth-server did not start: {err[-2000:]}")
        return box[0].decode()

    def _request(self, path: str, data: Optional[bytes] = None, headers: Optional[Dict[str, str]] = None) -> Any:
        req = urllib.request.Request(
            f"{self.url}{path}", data=data, headers=headers or {}, method="POST" if data is not None else "GET"
        )
        with urllib.request.urlopen(req, timeout=5) as res:
            return json.loads(res.read() or b"{}")

    def stats(self) -> Dict[str, Any]:
        return self._request("/__stats")  # type: ignore[no-any-return]

    def token_requests(self) -> int:
        return int(self.stats()["tokenRequests"])

    def reset(self) -> None:
        self._request("/__reset", b"")

    def configure(self, token_delay_ms: int) -> None:
        self._request("/__config", json.dumps({"tokenDelayMs": token_delay_ms}).encode())

    def revoke(self, token: str, client: tuple[str, str]) -> None:
        self._request(
            "/token/revocation",
            urllib.parse.urlencode({"token": token}).encode(),
            {"authorization": _basic(*client), "content-type": "application/x-www-form-urlencoded"},
        )

    def introspect(self, token: str) -> Dict[str, Any]:
        return self._request(  # type: ignore[no-any-return]
            "/token/introspection",
            urllib.parse.urlencode({"token": token}).encode(),
            {"authorization": _basic(*API_CLIENT), "content-type": "application/x-www-form-urlencoded"},
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
