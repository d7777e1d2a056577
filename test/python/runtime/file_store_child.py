"""Child process for FileTokenStore tests. argv[1] is JSON:
{mode: 'token', token_url, client_id, client_secret, file} → gets a token through a manager
backed by the file; prints {"sha256": ...}.  {mode: 'write', file, writer, count} → sets `count`
distinct keys; prints {"done": true}.  {mode: 'lock', file, key, ttl} → takes the fleet-wide lock,
prints {"taken": ...}, then holds it until killed."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "templates", "python"))

from runtime import ClientCredentialsAuthCredentials, ClientCredentialsAuthManager, FileTokenStore, OAuthToken

args = json.loads(sys.argv[1])
store = FileTokenStore(args["file"])
if args["mode"] == "token":
    credentials = ClientCredentialsAuthCredentials(
        o_auth_client_id=args["client_id"], o_auth_client_secret=args["client_secret"], token_store=store
    )
    manager = ClientCredentialsAuthManager(credentials, scheme_name="BearerAuth", token_url=args["token_url"])
    token = manager.get_token()
    print(json.dumps({"sha256": hashlib.sha256(token.access_token.encode()).hexdigest()}))
elif args["mode"] == "lock":
    lock = store.try_lock(args["key"], args["ttl"])
    print(json.dumps({"taken": lock is not None}), flush=True)
    time.sleep(600)
else:
    for i in range(args["count"]):
        store.set(
            f"writer-{args['writer']}-key-{i}",
            OAuthToken(access_token=f"token-{args['writer']}-{i}", expires_in=3600, expiry=int(time.time()) + 3600),
        )
    print(json.dumps({"done": True}))
