"""Token cache keys: which credentials a stored token belongs to, without revealing them.

``cc-`` + the first 32 hex digits of SHA-256 over the canonical JSON of
``[token_url, client_id, sorted scopes, sorted extra params, secret fingerprint]``, where the
secret fingerprint is ``HMAC-SHA256(key=client_secret, msg="sdkgen token cache key v1")`` in hex
(``""`` without a secret).

- The same credentials give the same key in every process (so ``FileTokenStore`` and any shared
  store work across processes), independent of option order.
- A different secret gives a different key, so a client configured with a wrong secret never
  reuses a token another client obtained with the right one (issue 12, item 9).
- The secret cannot be recovered from the key (one-way functions), and the key is not a hash of
  the secret alone. As with any deterministic fingerprint, a weak, guessable secret could be
  confirmed by someone holding the key and all other inputs: keep store files private (0600).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Mapping, Optional, Sequence

_FINGERPRINT_MESSAGE = b"sdkgen token cache key v1"


def secret_fingerprint(client_secret: Optional[str]) -> str:
    """HMAC-SHA256 of a fixed message keyed with the secret, hex; ``""`` without a secret."""
    if not client_secret:
        return ""
    return hmac.new(client_secret.encode("utf-8"), _FINGERPRINT_MESSAGE, hashlib.sha256).hexdigest()


def token_cache_key(
    token_url: str,
    client_id: Optional[str],
    scopes: Sequence[str],
    params: Mapping[str, str],
    client_secret: Optional[str],
) -> str:
    """The store key for tokens of these credentials (see the module docstring)."""
    canonical = json.dumps(
        [
            token_url,
            client_id or "",
            sorted(scopes),
            sorted([k, v] for k, v in params.items()),
            secret_fingerprint(client_secret),
        ],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return "cc-" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]
