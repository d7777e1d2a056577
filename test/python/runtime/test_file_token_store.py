"""FileTokenStore: sharing between real processes, concurrent writers, permissions, corrupt files
and stale locks (port of test/runtime/file-token-store.test.ts)."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict

import pytest
from conftest import BASIC_CLIENT, OAuthServer

from runtime import FileTokenStore, OAuthToken

CHILD = os.path.join(os.path.dirname(__file__), "file_store_child.py")


def child(args: Dict[str, Any]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, CHILD, json.dumps(args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def result(process: subprocess.Popen[bytes]) -> Dict[str, Any]:
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()[-2000:]
    return json.loads(out.decode().strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_second_process_reuses_the_token_the_first_stored(oauth: OAuthServer, tmp_path: Path) -> None:
    oauth.reset()
    file = tmp_path / "shared" / "tokens.json"
    args = {
        "mode": "token",
        "token_url": oauth.token_url,
        "client_id": BASIC_CLIENT[0],
        "client_secret": BASIC_CLIENT[1],
        "file": str(file),
    }
    first = result(child(args))
    assert oauth.token_requests() == 1
    second = result(child(args))
    assert second["sha256"] == first["sha256"]
    assert oauth.token_requests() == 1
    text = file.read_text()
    assert BASIC_CLIENT[1] not in text
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700


def test_8_concurrent_writer_processes_lose_no_update(tmp_path: Path) -> None:
    file = tmp_path / "concurrent.json"
    writers = [child({"mode": "write", "file": str(file), "writer": w, "count": 10}) for w in range(8)]
    for w in writers:
        result(w)
    parsed = json.loads(file.read_text())
    assert len(parsed["tokens"]) == 80
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    token = FileTokenStore(file).get("writer-7-key-9")
    assert token is not None and token.access_token == "token-7-9"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp") or p.endswith(".lock")]


def test_a_corrupt_file_warns_once_without_its_contents(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    file = tmp_path / "corrupt.json"
    file.write_text('{"tokens": {"k": {"access_token": "leaky-token-value"')
    caplog.set_level(logging.WARNING)
    store = FileTokenStore(file)
    assert store.get("k") is None
    assert store.get("k") is None
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and str(file) in messages[0] and "leaky-token-value" not in messages[0]
    store.set("k", OAuthToken(access_token="fresh"))
    got = store.get("k")
    assert got is not None and got.access_token == "fresh"
    store.delete("k")
    assert store.get("k") is None
    assert "fresh" not in repr(store)


def test_a_stale_lock_left_by_a_crashed_process_is_taken_over(tmp_path: Path) -> None:
    file = tmp_path / "stale.json"
    Path(f"{file}.lock").write_text("99999")
    store = FileTokenStore(file, stale_lock=0.1, lock_timeout=3)
    time.sleep(0.15)
    store.set("k", OAuthToken(access_token="a"))
    got = store.get("k")
    assert got is not None and got.access_token == "a"


def test_a_live_lock_times_out(tmp_path: Path) -> None:
    file = tmp_path / "held.json"
    Path(f"{file}.lock").write_text("1")
    with pytest.raises(TimeoutError):
        FileTokenStore(file, stale_lock=60, lock_timeout=0.2).set("k", OAuthToken(access_token="a"))


# ---- the fleet-wide lock (issue 14) ----------------------------------------------------------


def lock_files(folder: Path) -> list[str]:
    return sorted(p for p in os.listdir(folder) if p.endswith(".lock") or p.endswith(".aside"))


def test_the_lock_is_held_across_processes_and_a_killed_holders_lock_expires(tmp_path: Path) -> None:
    file = tmp_path / "fleet.json"
    holder = subprocess.Popen(
        [sys.executable, CHILD, json.dumps({"mode": "lock", "file": str(file), "key": "k", "ttl": 1.0})],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None
        assert json.loads(holder.stdout.readline()) == {"taken": True}
        store = FileTokenStore(file)
        assert store.try_lock("k", 10) is None  # held by the other process
        other = store.try_lock("other-key", 10)  # one lock per key
        assert other is not None
        other.release()
        holder.kill()
        holder.wait(5)
        assert store.try_lock("k", 10) is None  # killed, but its lock has not expired yet
        time.sleep(1.1)
        lock = store.try_lock("k", 10)
        assert lock is not None  # expired: taken over
        assert "value" not in repr(lock) and lock_files(tmp_path)
        lock.release()
        assert lock_files(tmp_path) == []
    finally:
        holder.kill()
        holder.wait(5)
        for stream in (holder.stdout, holder.stderr):
            if stream is not None:
                stream.close()


def test_an_expired_holder_cannot_release_the_next_holders_lock(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "cas.json")
    first = store.try_lock("k", 0.05)
    assert first is not None
    time.sleep(0.1)
    second = store.try_lock("k", 10)
    assert second is not None
    first.release()  # compare-and-delete: not its lock any more
    assert store.try_lock("k", 10) is None
    second.release()
    assert lock_files(tmp_path) == []
    third = store.try_lock("k", 10)
    assert third is not None
    third.release()


def test_8_processes_started_at_once_request_one_token(oauth: OAuthServer, tmp_path: Path) -> None:
    oauth.reset()
    oauth.configure(300)  # the first request is still running when the others look
    try:
        args = {
            "mode": "token",
            "token_url": oauth.token_url,
            "client_id": BASIC_CLIENT[0],
            "client_secret": BASIC_CLIENT[1],
            "file": str(tmp_path / "tokens.json"),
        }
        children = [child(args) for _ in range(8)]
        hashes = {result(c)["sha256"] for c in children}
    finally:
        oauth.configure(0)
    assert len(hashes) == 1
    assert oauth.token_requests() == 1
    assert lock_files(tmp_path) == []
