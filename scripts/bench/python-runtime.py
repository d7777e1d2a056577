#!/usr/bin/env python3
"""Benchmark of the Python runtime's hot path and single flight. Prints figures; not a test.

1. Overhead: 10,000 sequential loopback GETs returning a small JSON object, made (a) with a bare
   ``httpx.Client`` (``client.get(url).json()``, 60 s timeout) and (b) through the runtime's
   ``HttpClient`` with a ``ClientCredentialsAuthManager`` holding a cached token (bearer header,
   URL building, JSON parsing). Each side runs in its own fresh process, alternating, several
   times; the script prints the median time per request of each side and the ratio (target ≤ 1.15).
2. Single flight: 1,000 concurrent calls with no token (threads with the sync client, tasks with the
   async client) against a token endpoint that answers after 200 ms → token requests made
   (target: 1).

Run with the test environment's interpreter (``npm run test:py`` creates it):

    .venv/bin/python scripts/bench/python-runtime.py [--requests 10000] [--processes 5]

The loopback server is a small node ``http`` server (child process), so the server's own cost is
low and the same for both sides.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from typing import Any, Dict, List

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "templates", "python"))

SERVER_JS = r"""
const http = require('node:http');
let tokens = 0;
const delay = Number(process.argv[1] || 0);
const server = http.createServer((req, res) => {
  if (req.url === '/token') {
    tokens += 1;
    req.resume();
    req.on('end', () => setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'bench-token-' + tokens, token_type: 'Bearer', expires_in: 3600 }));
    }, delay));
    return;
  }
  if (req.url === '/__stats') { res.end(JSON.stringify({ tokens })); return; }
  if (req.url === '/__reset') { tokens = 0; res.end('{}'); return; }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true,"items":[1,2,3]}');
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })));
"""


def start_server(delay_ms: int = 0) -> tuple[subprocess.Popen[bytes], str]:
    process = subprocess.Popen(["node", "-e", SERVER_JS, str(delay_ms)], stdout=subprocess.PIPE)
    assert process.stdout is not None
    url: str = json.loads(process.stdout.readline())["url"]
    return process, url


def get_json(url: str) -> Dict[str, Any]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read() or b"{}")  # type: ignore[no-any-return]


def child(side: str, url: str, count: int) -> float:
    """Runs ``count`` requests on one side in this process; returns seconds."""
    import httpx

    if side == "bare":
        client = httpx.Client(timeout=60)
        for _ in range(200):
            client.get(f"{url}/things").json()
        started = time.perf_counter()
        for _ in range(count):
            client.get(f"{url}/things").json()
        return time.perf_counter() - started

    from runtime import (
        ClientCredentialsAuthCredentials,
        ClientCredentialsAuthManager,
        HttpClient,
        MemoryTokenStore,
        Operation,
    )

    op: Operation[Any] = Operation("getThings", "GET", "/things", security=({"BearerAuth": ()},))
    http = HttpClient(url)
    credentials = ClientCredentialsAuthCredentials(
        o_auth_client_id="bench", o_auth_client_secret="bench-secret", token_store=MemoryTokenStore()
    )
    manager = ClientCredentialsAuthManager(
        credentials, scheme_name="BearerAuth", token_url=f"{url}/token", http_client=http.httpx_client
    )
    http.register_auth("BearerAuth", manager)
    for _ in range(200):
        http.request(op)
    started = time.perf_counter()
    for _ in range(count):
        http.request(op)
    return time.perf_counter() - started


def overhead(requests: int, processes: int) -> None:
    server, url = start_server()
    try:
        times: Dict[str, List[float]] = {"bare": [], "sdk": []}
        for round_ in range(processes):
            for side in ("bare", "sdk") if round_ % 2 == 0 else ("sdk", "bare"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", side, "--url", url, "--requests", str(requests)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                times[side].append(float(out.stdout.strip()))
        bare = statistics.median(times["bare"]) / requests * 1e6
        sdk = statistics.median(times["sdk"]) / requests * 1e6
        print(f"overhead: {requests} loopback GETs per process, median of {processes} processes per side")
        print(
            f"  bare httpx.Client          {bare:8.1f} µs/request  (runs: {', '.join(f'{t:.2f}s' for t in times['bare'])})"
        )
        print(
            f"  SDK, cached token          {sdk:8.1f} µs/request  (runs: {', '.join(f'{t:.2f}s' for t in times['sdk'])})"
        )
        print(f"  ratio SDK / bare           {sdk / bare:8.3f}  (target <= 1.15)")
    finally:
        server.terminate()
        server.wait()


def single_flight(calls: int) -> None:
    from runtime import (
        AsyncClientCredentialsAuthManager,
        AsyncHttpClient,
        ClientCredentialsAuthCredentials,
        ClientCredentialsAuthManager,
        HttpClient,
        MemoryTokenStore,
        Operation,
    )

    op: Operation[Any] = Operation("getThings", "GET", "/things", security=({"BearerAuth": ()},))
    server, url = start_server(delay_ms=200)
    try:
        credentials = ClientCredentialsAuthCredentials(
            o_auth_client_id="bench", o_auth_client_secret="bench-secret", token_store=MemoryTokenStore()
        )
        import httpx

        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        http = HttpClient(url, http_client=httpx.Client(limits=limits, timeout=60))
        manager = ClientCredentialsAuthManager(
            credentials, scheme_name="BearerAuth", token_url=f"{url}/token", http_client=http.httpx_client
        )
        http.register_auth("BearerAuth", manager)
        barrier = threading.Barrier(calls)
        errors: List[BaseException] = []

        def one() -> None:
            barrier.wait()
            try:
                http.request(op)
            except BaseException as error:  # counted, not raised
                errors.append(error)

        threads = [threading.Thread(target=one) for _ in range(calls)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        print(
            f"single flight, sync: {calls} concurrent threads, no token -> {get_json(f'{url}/__stats')['tokens']} token request(s), {len(errors)} errors, {elapsed:.2f} s"
        )

        get_json(f"{url}/__reset")
        fresh = credentials.clone_with(token_store=MemoryTokenStore())

        async def tasks() -> tuple[int, float]:
            client = httpx.AsyncClient(limits=limits, timeout=60)
            ahttp = AsyncHttpClient(url, http_client=client)
            amanager = AsyncClientCredentialsAuthManager(
                fresh, scheme_name="BearerAuth", token_url=f"{url}/token", http_client=client
            )
            ahttp.register_auth("BearerAuth", amanager)
            begin = time.perf_counter()
            results = await asyncio.gather(*(ahttp.request(op) for _ in range(calls)), return_exceptions=True)
            took = time.perf_counter() - begin
            await client.aclose()
            return sum(isinstance(r, BaseException) for r in results), took

        failed, took = asyncio.run(tasks())
        print(
            f"single flight, async: {calls} concurrent tasks, no token -> {get_json(f'{url}/__stats')['tokens']} token request(s), {failed} errors, {took:.2f} s"
        )
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--concurrent", type=int, default=1000)
    parser.add_argument("--child", choices=["bare", "sdk"])
    parser.add_argument("--url")
    args = parser.parse_args()
    if args.child:
        print(child(args.child, args.url, args.requests))
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    overhead(args.requests, args.processes)
    single_flight(args.concurrent)


if __name__ == "__main__":
    main()
