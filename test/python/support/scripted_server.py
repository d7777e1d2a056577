"""A programmable HTTP server on 127.0.0.1 for tests: each request is recorded (:class:`Seen`) and
answered by a script (a function of an :class:`Exchange`). Used by the runtime tests (fake token
endpoints, foreign origins, APIs) and the SDK tests (an API whose answers a test chooses)."""

from __future__ import annotations

import http.server
import json
import socketserver
import threading
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional


@dataclass
class Seen:
    """One request as a test server saw it."""

    method: str
    path: str
    headers: Dict[str, str]
    body: bytes


class Exchange:
    """What a scripted handler gets: the request, and ways to answer."""

    def __init__(self, handler: http.server.BaseHTTPRequestHandler, seen: Seen, n: int) -> None:
        self.handler = handler
        self.request = seen
        self.n = n

    def send(self, status: int, body: Any = b"", headers: Optional[Dict[str, str]] = None) -> None:
        data = (
            body if isinstance(body, bytes) else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
        )
        all_headers = {"content-type": "application/json"} if not isinstance(body, (bytes, str)) else {}
        all_headers.update(headers or {})
        self.handler.send_response(status)
        for name, value in all_headers.items():
            self.handler.send_header(name, value)
        self.handler.send_header("content-length", str(len(data)))
        self.handler.end_headers()
        self.handler.wfile.write(data)

    def json(self, status: int, body: Any, headers: Optional[Dict[str, str]] = None) -> None:
        self.send(status, json.dumps(body).encode(), {"content-type": "application/json", **(headers or {})})


class _Threaded(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The listen backlog (socketserver's default is 5): the fleet tests open hundreds of
    # connections at once, and a full backlog drops them until the client's timeout.
    request_queue_size = 1024


class ScriptedServer:
    """A programmable server on 127.0.0.1 (fake token endpoints, foreign origins, APIs)."""

    def __init__(self, script: Callable[[Exchange], None]) -> None:
        self.script = script
        self.seen: List[Seen] = []
        self._count = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with outer._lock:
                    outer.seen.append(seen)
                    n = outer._count
                    outer._count += 1
                try:
                    outer.script(Exchange(self, seen, n))
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle

        self.server = _Threaded(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def reset(self) -> None:
        with self._lock:
            self.seen.clear()
            self._count = 0

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
