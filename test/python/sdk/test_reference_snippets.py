"""Every Python snippet of the published SDK's documentation (../shared/reference/shell-ev) runs
against the generated SDK (``generated/python``) and a local stand-in for the API: the README's and
the client page's setup, the auth page, each controller's example usage, the environment-based
initialization, the proxy settings and every model's example. The seed page's complete example
runs with only the missing import added and its two database functions filled in.

Each snippet runs in a fresh interpreter (so one cannot lean on another's state) after a prelude
that points the SDK's environments at the gateway; what a snippet does not set up itself (the
``client`` and ``*_controller`` variables of the controller pages, and the models those pages use
without importing them) is given to it as the docs say: "client = ShellevClient(...)" and
"charging_controller = client.charging".
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from typing import Dict, List, Tuple

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from support.stand_in import GENERATED, REFERENCE_CLIENT, Gateway, gateway, oauth, prelude, prism  # noqa: F401  (fixtures)

REFERENCE = next(
    (
        p
        for p in (
            "/work/shared/reference/shell-ev",
            os.path.join(GENERATED, "..", "..", "..", "shared", "reference", "shell-ev"),
        )
        if os.path.isdir(p)
    ),
    "/work/shared/reference/shell-ev",
)
SEED = os.path.join(REFERENCE, "..", "..", "seed", "oauth-2-client-credentials-grant.md")

FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)

#: What the controller pages' examples assume (their "## Class Name" sections name the variable).
CONTROLLER_SETUP = f"""
from shellev.shellev_client import ShellevClient
from shellev.http.auth.o_auth_2 import ClientCredentialsAuthCredentials
from shellev.models import *  # noqa: F403  (the pages use the models without importing them)
client = ShellevClient(
    client_credentials_auth_credentials=ClientCredentialsAuthCredentials(
        o_auth_client_id={REFERENCE_CLIENT[0]!r}, o_auth_client_secret={REFERENCE_CLIENT[1]!r}
    )
)
charging_controller = client.charging
locations_controller = client.locations
"""


def snippets(path: str) -> List[str]:
    with open(path, encoding="utf-8") as f:
        return [block for block in FENCE.findall(f.read())]


def run(
    code: str, gateway: Gateway, env: Dict[str, str] | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[str]:
    source = prelude(gateway) + "\n" + code
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SHELLEV_")}
    environment["PYTHONPATH"] = GENERATED
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, timeout=120, env=environment, cwd=cwd
    )


def check(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"snippet failed:\n{result.stderr[-4000:]}"
    return result.stdout


def is_env_file(block: str) -> bool:
    """The environment page's "Example `.env` File" is fenced as Python but is a .env file."""
    return bool(re.match(r"^[A-Z_]+=", block.strip()))


# ---- setup snippets ---------------------------------------------------------------------------------


def setup_cases() -> List[Tuple[str, str]]:
    cases: List[Tuple[str, str]] = []
    for page in ("README.md", "client.md"):
        for i, block in enumerate(snippets(os.path.join(REFERENCE, page))):
            cases.append((f"{page}#{i + 1}", block))
    for i, block in enumerate(snippets(os.path.join(REFERENCE, "proxy-settings.md"))):
        cases.append((f"proxy-settings.md#{i + 1}", block))
    return cases


def with_env_file(block: str, path: str) -> str:
    return block.replace("'/path/to/.env'", repr(path))


@pytest.mark.parametrize(("where", "block"), setup_cases(), ids=[c[0] for c in setup_cases()])
def test_setup_snippet_runs(where: str, block: str, gateway: Gateway, tmp_path: object) -> None:
    env_file = os.path.join(str(tmp_path), ".env")
    with open(env_file, "w") as f:
        f.write(
            f"ENVIRONMENT=sit\nO_AUTH_CLIENT_ID={REFERENCE_CLIENT[0]}\nO_AUTH_CLIENT_SECRET={REFERENCE_CLIENT[1]}\n"
        )
    code = with_env_file(block, env_file) + "\nprint(type(client).__name__, client.config.environment.value)\n"
    assert check(run(code, gateway)).split() == ["ShellevClient", "sit"]


def test_environment_based_initialization_with_the_reference_env_file(gateway: Gateway, tmp_path: object) -> None:
    page = snippets(os.path.join(REFERENCE, "environment-based-client-initialization.md"))
    env_file = os.path.join(str(tmp_path), ".env")
    with open(env_file, "w") as f:
        f.write(next(b for b in page if is_env_file(b)))
    code_blocks = [b for b in page if not is_env_file(b)]
    assert len(code_blocks) == 2
    for block in code_blocks:
        code = with_env_file(block, env_file) + textwrap.dedent(
            """
            c = client.config
            creds = c.client_credentials_auth_credentials
            print(c.environment.value, c.timeout, c.max_retries, c.backoff_factor, list(c.retry_statuses), list(c.retry_methods))
            print(creds.o_auth_client_id, creds.o_auth_clock_skew, c.proxy_settings is not None)
            """
        )
        lines = check(run(code, gateway)).splitlines()
        # The .env file's values, except what the second snippet overrides (timeout=0).
        timeout = "0" if "timeout=0" in block else "60.0"
        assert lines[0] == f"sit {timeout} 3 2.0 [408, 413] ['GET', 'PUT', 'DELETE']"
        assert lines[1] == "ExampleOAuthClientId 5.0 True"


# ---- the auth page and the seed -----------------------------------------------------------------------


AUTH_HELPERS = """
import json, os
from shellev.models.o_auth_token import OAuthToken
def save_token_to_database(o_auth_token):
    with open(os.environ["TOKEN_DB"], "w") as f:
        json.dump(o_auth_token.to_dict(), f)
def load_token_from_database():
    if not os.path.exists(os.environ["TOKEN_DB"]):
        return None
    with open(os.environ["TOKEN_DB"]) as f:
        return OAuthToken.from_dict(json.load(f))
"""

#: An authorized call after a snippet: the token is sent and the gateway accepts it.
CALL = "\nprint(client.locations.ev_locations_by_id('123e4567-e89b-12d3-a456-426614174000', 'id0').status)\n"


def token_db(name: str) -> str:
    path = os.path.join(os.path.dirname(GENERATED), "..", ".tmp", f"{name}-{os.getpid()}.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        os.remove(path)
    return path


def with_reference_client(block: str) -> str:
    return block.replace("'OAuthClientId'", repr(REFERENCE_CLIENT[0])).replace(
        "'OAuthClientSecret'", repr(REFERENCE_CLIENT[1])
    )


def test_auth_page_initialization_fetches_the_token_on_the_first_call(gateway: Gateway) -> None:
    init = snippets(os.path.join(REFERENCE, "auth", "oauth-2-client-credentials-grant.md"))[0]
    before = gateway.oauth.token_requests()
    assert check(run(with_reference_client(init) + CALL, gateway)).strip() != ""
    assert gateway.oauth.token_requests() == before + 1


def test_auth_page_token_update_callback_saves_every_new_token(gateway: Gateway) -> None:
    block = snippets(os.path.join(REFERENCE, "auth", "oauth-2-client-credentials-grant.md"))[1]
    assert "o_auth_on_token_update" in block
    db = token_db("on-update")
    try:
        check(run(AUTH_HELPERS + with_reference_client(block) + CALL, gateway, {"TOKEN_DB": db}))
        with open(db) as f:
            assert json.load(f)["token_type"] == "Bearer"
    finally:
        os.remove(db)


def test_auth_page_token_provider_loads_or_fetches(gateway: Gateway) -> None:
    """The provider of the page: the stored token when there is one, else ``auth_manager.fetch_token()``."""
    block = snippets(os.path.join(REFERENCE, "auth", "oauth-2-client-credentials-grant.md"))[2]
    assert "o_auth_token_provider" in block
    db = token_db("provider")
    code = AUTH_HELPERS + with_reference_client(block) + CALL + "\nsave_token_to_database(client.bearer_auth.token)\n"
    try:
        before = gateway.oauth.token_requests()
        first = check(run(code, gateway, {"TOKEN_DB": db}))  # nothing stored: fetches through the manager
        assert gateway.oauth.token_requests() == before + 1
        second = check(run(code, gateway, {"TOKEN_DB": db}))  # stored: no token request
        assert gateway.oauth.token_requests() == before + 1
        assert first.splitlines()[0] == second.splitlines()[0]
    finally:
        os.remove(db)


def test_the_seed_complete_example_runs_with_its_import_added(gateway: Gateway) -> None:
    blocks = snippets(SEED)
    complete = blocks[-1]
    assert "obtain access token, needed for client to be authorized" in complete
    filled = (
        complete.replace(
            "from shellev.shellev_client import ShellevClient",
            "from shellev.shellev_client import ShellevClient\nfrom shellev.http.auth.o_auth_2 import ClientCredentialsAuthCredentials",
            1,
        )
        .replace("'OAuthClientId'", repr(REFERENCE_CLIENT[0]))
        .replace("'OAuthClientSecret'", repr(REFERENCE_CLIENT[1]))
        .replace(
            "    # code to save the token to database\n    pass",
            "    import json, os\n    with open(os.environ['TOKEN_DB'], 'w') as f:\n        json.dump(o_auth_token.to_dict(), f)",
        )
        .replace(
            "    # load token from database and return it (return None if no token exists)\n    pass",
            "    import json, os\n    from shellev.models.o_auth_token import OAuthToken\n"
            "    if not os.path.exists(os.environ['TOKEN_DB']):\n        return None\n"
            "    with open(os.environ['TOKEN_DB']) as f:\n        return OAuthToken.from_dict(json.load(f))",
        )
    )
    assert "ClientCredentialsAuthCredentials" in filled.split("client = ShellevClient(")[0]
    # Then an authorized call: the token is sent, the gateway accepts it.
    call = "\nprint(client.locations.ev_locations_by_id('123e4567-e89b-12d3-a456-426614174000', 'id0').status)\n"
    db = os.path.join(os.path.dirname(GENERATED), "..", ".tmp", f"seed-token-{os.getpid()}.json")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    if os.path.exists(db):
        os.remove(db)
    try:
        first = check(run(filled + call, gateway, {"TOKEN_DB": db}))  # no stored token: fetches and saves one
        assert os.path.exists(db)
        second = check(run(filled + call, gateway, {"TOKEN_DB": db}))  # restores the stored token
        assert first.strip() and second.strip() == first.strip()
    finally:
        if os.path.exists(db):
            os.remove(db)


# ---- controller pages -----------------------------------------------------------------------------------


def controller_cases() -> List[Tuple[str, str]]:
    cases: List[Tuple[str, str]] = []
    for page in ("charging.md", "locations.md"):
        blocks = snippets(os.path.join(REFERENCE, "controllers", page))
        for i, block in enumerate(blocks):
            if "result =" in block:
                cases.append((f"{page}#{i + 1}", block))
    return cases


@pytest.mark.parametrize(("where", "block"), controller_cases(), ids=[c[0] for c in controller_cases()])
def test_controller_example_usage_calls_the_api(where: str, block: str, gateway: Gateway) -> None:
    before = len(gateway.seen)
    out = check(run(CONTROLLER_SETUP + block, gateway))
    assert out.strip() != ""
    api_calls = [(m, p, h) for m, p, h in gateway.seen[before:] if p.startswith("/ev/")]
    assert api_calls, "the example made no API call"
    _method, _path, headers = api_calls[-1]
    assert headers["authorization"].startswith("Bearer ")
    assert headers["requestid"] == "123e4567-e89b-12d3-a456-426614174000"


# ---- model pages --------------------------------------------------------------------------------------


def model_cases() -> List[Tuple[str, str]]:
    cases: List[Tuple[str, str]] = []
    for root, _dirs, files in os.walk(os.path.join(REFERENCE, "models")):
        for name in sorted(files):
            for i, block in enumerate(snippets(os.path.join(root, name))):
                if re.search(r"try:\n\s*# make the API call\nexcept", block):
                    continue  # the exception pages' pseudo-code (a bare comment under ``try:``)
                cases.append((f"{os.path.relpath(os.path.join(root, name), REFERENCE)}#{i + 1}", block))
    return sorted(cases)


def test_every_model_example_builds_the_model(gateway: Gateway) -> None:
    """All model pages in one interpreter (each block in its own namespace): building a model by
    its snake_case keywords, enums by their member names, containers with their variants."""
    cases = model_cases()
    assert len(cases) > 60
    program = ["import traceback", "failures = []", "from shellev.models import *  # noqa: F403"]
    for where, block in cases:
        program.append(
            f"try:\n    exec(compile({block!r}, {where!r}, 'exec'), dict(globals()))\n"
            f"except Exception:\n    failures.append(({where!r}, traceback.format_exc(limit=2)))"
        )
    program.append("print(len(failures))\nfor w, e in failures:\n    print(w, e)")
    out = check(run("\n".join(program), gateway))
    assert out.splitlines()[0] == "0", out
