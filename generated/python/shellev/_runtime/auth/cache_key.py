r"""Token cache keys: which credentials a stored token belongs to, without revealing them. The
same scheme as the TypeScript runtime, so both targets behave alike (issue 12, item 9).

A key must tell two client secrets apart (else a client configured with a wrong secret would
silently use the token another client obtained), yet a store must never receive the secret or
anything it can be cheaply recovered from, and a persistent store (``FileTokenStore``, Redis) must
see the same key in every process that has the same credentials. So a key has two parts that
every store sees, and one more that only an in-process store sees:

- ``cc-<16 hex>``: FNV-1a 64 of the canonical JSON ``[token_url, client_id, sorted scopes, sorted
  [name, value] params]`` (no secret in it).
- ``-<5 hex>``: a 20-bit fingerprint of the secret, the top 20 bits of FNV-1a 64 of
  ``secret + "\n" + canonical``. 20 bits cannot identify a secret: every fingerprint value is
  shared by one in 2^20 of all candidate secrets, so a random secret keeps more than 2^100
  candidates, and even a dictionary word keeps about a thousand, each of which must be tried
  online against the token endpoint. The price: two different secrets of one client share a key
  in a store shared across processes with probability 2^-20.
- ``-<16 hex>`` for a ``MemoryTokenStore`` only (it lives and dies with the process): FNV-1a 64
  of ``process_key + "\n" + secret``, where ``process_key`` is random per process and never
  leaves it. This makes in-process separation exact; the same tagged key also names the single
  flight, so concurrent clients with different secrets never share one token request.

FNV-1a is not a cryptographic hash and need not be one here: the persisted fingerprint is safe by
its size, not by the hash; the process tag by its unknown key.
"""

from __future__ import annotations

import json
import secrets
from typing import Mapping, NamedTuple, Optional, Sequence

_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MASK_64 = 0xFFFFFFFFFFFFFFFF

#: Random per process, never stored or printed.
_PROCESS_KEY = secrets.token_hex(16)


def fnv1a64(text: str) -> str:
    """FNV-1a, 64-bit, over the UTF-8 bytes of ``text``; 16 hex digits."""
    value = _FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * _FNV_PRIME) & _MASK_64
    return f"{value:016x}"


class TokenCacheKeys(NamedTuple):
    """The store key every store sees, and the in-process key (memory stores, single flights)."""

    shared: str
    local: str


def token_cache_keys(
    token_url: str,
    client_id: Optional[str],
    scopes: Sequence[str],
    params: Mapping[str, str],
    client_secret: Optional[str],
) -> TokenCacheKeys:
    """The keys for tokens of these credentials (see the module docstring); independent of the
    order of scopes and params."""
    canonical = json.dumps(
        [token_url, client_id or "", sorted(scopes), sorted([k, v] for k, v in params.items())],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    secret = client_secret or ""
    shared = f"cc-{fnv1a64(canonical)}-{fnv1a64(secret + chr(10) + canonical)[:5]}"
    return TokenCacheKeys(shared, f"{shared}-{fnv1a64(_PROCESS_KEY + chr(10) + secret)}")
