"""A :class:`TokenStore` in one JSON file, shared safely by several processes on one machine.

Design: the file is ``{"version": 1, "tokens": {"<cache key>": {OAuthToken.to_dict()}}}``.

- Reads take no lock: writers replace the file atomically (a temporary file in the same folder,
  ``fsync``, then ``os.replace``), so a reader sees the old or the new file, never a torn one.
- Writers serialize read-modify-write with a lock file (``<file>.lock``, created with
  ``O_CREAT | O_EXCL``, so exactly one process wins). A lock older than ``stale_lock`` seconds is
  considered abandoned by a crashed process and removed.
- The fleet-wide single flight (``try_lock``, see ``token_store``) uses one more lock file per
  key, ``<file>.<16 hex of SHA-256 of the key>.flight.lock``, created the same way and holding
  ``{"value": <random hex>, "expires": <epoch seconds>}``: past ``expires`` it is stale and taken
  over; a holder deletes it only while it still holds its own value. Stale files are moved aside
  with an atomic rename before they are removed, so two processes breaking the same stale lock
  cannot delete each other's new one.
- Files are created with mode 0600 (the folder, if created, 0700): they hold access tokens.
- An unreadable or corrupt file is treated as empty with one warning (its contents are never
  quoted); the next write replaces it. The client secret is never given to a store.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import random
import secrets
import time
import uuid
from typing import Callable, Dict, Optional

from ..config import DEFAULT_LOGGER_NAME
from .oauth_token import OAuthToken


class FileTokenStore:
    """Persists tokens in a JSON file shared by processes; see the module docstring."""

    def __init__(
        self,
        file_path: os.PathLike[str] | str,
        *,
        lock_timeout: float = 5.0,
        stale_lock: float = 10.0,
        logger: Optional[logging.Logger] = None,
    ) -> None:
        """Creates the store.

        Args:
            file_path: The JSON file (created on first write, with its folder).
            lock_timeout: Longest wait for the write lock, seconds.
            stale_lock: Age after which a lock is deemed abandoned, seconds.
            logger: Where the corrupt-file warning goes (default: the ``sdkgen`` logger).
        """
        self._path = os.fspath(file_path)
        self._lock_path = self._path + ".lock"
        self._lock_timeout = lock_timeout
        self._stale_lock = stale_lock
        self._logger = logger or logging.getLogger(DEFAULT_LOGGER_NAME)
        self._warned = False

    @property
    def file_path(self) -> str:
        """The file this store uses."""
        return self._path

    def get(self, key: str) -> Optional[OAuthToken]:
        """The token stored under ``key``, or ``None`` (also for a malformed entry)."""
        return OAuthToken.parse(self._read().get(key))

    def set(self, key: str, token: OAuthToken) -> None:
        """Stores (replaces) the token under ``key``."""
        self._update(key, token.to_dict())

    def delete(self, key: str) -> None:
        """Removes the token under ``key`` (no error if absent)."""
        self._update(key, None)

    def try_lock(self, key: str, ttl_seconds: float) -> Optional[FileTokenStoreLock]:
        """Takes the fleet-wide lock on ``key`` for at most ``ttl_seconds``, or returns ``None``
        while another process holds it (see the module docstring)."""
        folder = os.path.dirname(os.path.abspath(self._path))
        os.makedirs(folder, mode=0o700, exist_ok=True)
        path = f"{self._path}.{hashlib.sha256(key.encode()).hexdigest()[:16]}.flight.lock"
        value = secrets.token_hex(16)
        contents = json.dumps({"value": value, "expires": time.time() + max(0.0, ttl_seconds)})
        for _ in range(2):  # a second attempt after removing a stale lock
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                if not _break_if_stale(path):
                    return None
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(contents)
            return FileTokenStoreLock(path, value)
        return None

    def __repr__(self) -> str:
        """The path, never the tokens."""
        return f"FileTokenStore({self._path!r})"

    def _update(self, key: str, value: Optional[Dict[str, object]]) -> None:
        folder = os.path.dirname(os.path.abspath(self._path))
        os.makedirs(folder, mode=0o700, exist_ok=True)
        self._acquire()
        try:
            tokens = self._read()
            if value is None:
                tokens.pop(key, None)
            else:
                tokens[key] = value
            self._write(json.dumps({"version": 1, "tokens": tokens}, indent=2) + "\n")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self._lock_path)

    def _read(self) -> Dict[str, object]:
        """Missing file → empty; unreadable or malformed → empty plus one warning."""
        try:
            with open(self._path, encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            self._warn_once(f"cannot be read ({type(exc).__name__})")
            return {}
        try:
            parsed = json.loads(text)
        except ValueError:
            # The parser's message quotes file contents (tokens), so only the fact is reported.
            self._warn_once("is not valid JSON")
            return {}
        tokens = parsed.get("tokens") if isinstance(parsed, dict) else None
        if not isinstance(tokens, dict):
            self._warn_once('does not have the expected {"tokens": {...}} layout')
            return {}
        self._warned = False
        return dict(tokens)

    def _write(self, contents: str) -> None:
        folder = os.path.dirname(os.path.abspath(self._path))
        temp = os.path.join(folder, f".{os.path.basename(self._path)}.{uuid.uuid4().hex}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(contents)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self._path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

    def _acquire(self) -> None:
        deadline = time.monotonic() + self._lock_timeout
        while True:
            try:
                fd = os.open(self._lock_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as handle:
                    handle.write(str(os.getpid()))
                return
            self._remove_if_stale()
            if time.monotonic() > deadline:
                raise TimeoutError(f"FileTokenStore: timed out waiting for lock {self._lock_path}")
            time.sleep(0.005 + random.random() * 0.02)

    def _remove_if_stale(self) -> None:
        try:
            age = time.time() - os.stat(self._lock_path).st_mtime
            if age > self._stale_lock:
                os.unlink(self._lock_path)
        except OSError:
            pass  # gone already (released or removed by another process): try to take it again

    def _warn_once(self, problem: str) -> None:
        if self._warned:
            return
        self._warned = True
        self._logger.warning(
            "FileTokenStore: token file %s %s; treating it as empty (it is rewritten on the next token update)",
            self._path,
            problem,
        )


class FileTokenStoreLock:
    """A held fleet-wide lock of a :class:`FileTokenStore` (a lock file with a random value)."""

    def __init__(self, path: str, value: str) -> None:
        """The lock file and the value this holder wrote into it."""
        self._path = path
        self._value = value

    def release(self) -> None:
        """Deletes the lock file if it still holds this holder's value (compare-and-delete)."""
        _remove_if(self._path, lambda lock, _: lock.get("value") == self._value)

    def __repr__(self) -> str:
        """The lock file, never the value."""
        return f"FileTokenStoreLock({self._path!r})"


def _read_lock(path: str) -> Optional[Dict[str, object]]:
    """The lock file's JSON, ``{}`` while it is being written (empty or torn), ``None`` if gone."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    except OSError:
        return {}
    try:
        parsed = json.loads(text)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _is_stale(lock: Dict[str, object], path: str) -> bool:
    """True past the lock's ``expires``; an unreadable lock (a holder between creating and
    writing it, or one that crashed right then) after 10 s."""
    expires = lock.get("expires")
    if isinstance(expires, (int, float)):
        return time.time() > expires
    try:
        return time.time() - os.stat(path).st_mtime > 10.0
    except OSError:
        return False


def _break_if_stale(path: str) -> bool:
    """Removes the lock at ``path`` if it is stale; True when the caller may try to take it."""
    lock = _read_lock(path)
    if lock is None:
        return True
    if not _is_stale(lock, path):
        return False
    return _remove_if(path, _is_stale)


def _remove_if(path: str, condition: Callable[[Dict[str, object], str], bool]) -> bool:
    """Removes the lock file if ``condition`` holds for its contents, atomically against other
    processes doing the same: the file is renamed to a unique name first (only one rename of it
    succeeds), checked there (``condition`` gets its contents and that name), and put back
    (without replacing a newer lock) if it did not match."""
    aside = f"{path}.{secrets.token_hex(8)}.aside"
    try:
        os.rename(path, aside)
    except OSError:
        return True  # gone already
    lock = _read_lock(aside) or {}
    try:
        if condition(lock, aside):
            return True
        with contextlib.suppress(OSError):
            os.link(aside, path)  # fails if a newer lock exists: then the one set aside is moot
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(aside)
