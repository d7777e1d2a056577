"""A fleet against a real redis-server and a real oidc-provider (issue 14): 16 processes (8 with
the blocking client and threads, 8 with the asyncio client) × 50 concurrent API calls each share
one token through RedisTokenStore: exactly one token request with no token anywhere, exactly one
when the token expires, exactly one when it is revoked (401 replay); nothing secret in Redis."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from typing import Any, Dict, Iterator, List

import pytest
import redis
from conftest import BASIC_CLIENT, ApiServer, OAuthServer
from support.redis_server import RedisServer

CHILD = os.path.join(os.path.dirname(__file__), "redis_fleet_child.py")
PROCESSES = 16
CALLS = 50
#: Token lifetime of this module's authorization server, seconds: long enough for one phase of
#: 800 calls on a small, shared machine, short enough to wait for its expiry.
TTL = 12


@pytest.fixture(scope="module")
def short_oauth() -> Iterator[OAuthServer]:
    server = OAuthServer(ttl=TTL)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def short_api(short_oauth: OAuthServer) -> Iterator[ApiServer]:
    server = ApiServer(short_oauth)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fleet_redis() -> Iterator[RedisServer]:
    server = RedisServer()
    yield server
    server.stop()


class Pod:
    def __init__(self, mode: str, config: Dict[str, Any]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, CHILD, json.dumps({"mode": mode, **config})],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def read(self) -> Dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            assert self.process.stderr is not None
            raise AssertionError(f"pod exited: {self.process.stderr.read().decode()[-2000:]}")
        return json.loads(line)  # type: ignore[no-any-return]

    def send(self, command: Dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def phase(pods: List[Pod]) -> List[Dict[str, Any]]:
    """Every pod makes CALLS concurrent calls at the same moment; their answers."""
    for pod in pods:
        pod.send({"calls": CALLS})
    answers = [pod.read() for pod in pods]
    for answer in answers:
        assert answer["ok"] == CALLS, answer["errors"][:5]
    return answers


def tokens_sent(answers: List[Dict[str, Any]]) -> set[str]:
    return {sha for answer in answers for sha in answer["tokens"]}


def stored_token(client: redis.Redis) -> str:
    keys = [k for k in client.scan_iter() if b":lock:" not in k]
    assert len(keys) == 1, keys
    value = client.get(keys[0])
    assert isinstance(value, bytes)
    return str(json.loads(value)["access_token"])


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_fleet_of_16_processes_requests_one_token_refreshes_once_and_replaces_a_revoked_one_once(
    short_oauth: OAuthServer, short_api: ApiServer, fleet_redis: RedisServer
) -> None:
    client = redis.Redis.from_url(fleet_redis.url)
    client.flushall()
    config = {
        "redis_url": fleet_redis.url,
        "token_url": short_oauth.token_url,
        "api_url": short_api.url,
        "client_id": BASIC_CLIENT[0],
        "client_secret": BASIC_CLIENT[1],
    }
    pods = [Pod("async" if i % 2 else "sync", config) for i in range(PROCESSES)]
    try:
        for pod in pods:
            assert pod.read() == {"ready": True}
        short_oauth.reset()
        short_api.reset()

        # 1. No token anywhere: 800 concurrent calls, one token request.
        started = time.monotonic()
        first = phase(pods)
        took = time.monotonic() - started
        assert took < TTL, f"phase 1 took {took:.1f} s, longer than the token lifetime"
        assert short_oauth.token_requests() == 1
        one = stored_token(client)
        assert tokens_sent(first) == {sha(one)}
        assert client.pttl(next(k for k in client.scan_iter() if b":lock:" not in k)) > 0

        # 2. The token expires (no skew, no refresh ahead in the pods): one refresh fleet-wide.
        time.sleep(max(0.0, TTL - (time.monotonic() - started)) + 1.0)
        second = phase(pods)
        assert short_oauth.token_requests() == 2
        two = stored_token(client)
        assert two != one and tokens_sent(second) == {sha(two)}

        # 3. The token is revoked: every pod's calls get 401s, and one new token serves them all.
        short_api.reset()
        short_oauth.revoke(two, BASIC_CLIENT)
        third = phase(pods)
        assert short_oauth.token_requests() == 3
        assert short_api.unauthorized >= PROCESSES  # every pod saw the revoked token rejected
        three = stored_token(client)
        assert three not in (one, two) and sha(three) in tokens_sent(third)
        assert tokens_sent(third) <= {sha(two), sha(three)}

        # Nothing secret in Redis: every key and value, and no lock left behind.
        keys = list(client.scan_iter())
        assert not [k for k in keys if b":lock:" in k]
        for key in keys:
            assert BASIC_CLIENT[1].encode() not in key
            value = client.get(key)
            assert value is not None and BASIC_CLIENT[1].encode() not in value
            assert b"secret" not in value.lower()
        assert not [w for answer in first + second + third for w in answer["warnings"]]
    finally:
        for pod in pods:
            pod.close()
        client.close()
