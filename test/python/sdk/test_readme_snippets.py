"""Every Python snippet of the committed Shell EV SDK's README and docs pages (``generated/python``)
type-checks with ``mypy --strict`` (Python 3.9) against the package: the counterpart of
test/package/readme-snippets.test.ts. Each snippet is a module of its own; what it uses without
defining (an existing ``client``, a ``*_controller``, names an earlier block imported) comes from
a prelude of declarations, which also type the snippet's own assignments to those names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

ROOT = Path(__file__).resolve().parents[3]
SDK = ROOT / "generated" / "python"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)

#: Names a snippet may use as the README and docs describe them: the package's exports, the client
#: of "Initialize the client", and each page's ``<tag>_controller = client.<tag>``.
PRELUDE = {
    "": "from shellev import *  # noqa: F403\n",
    "client": "client: ShellevClient\n",
    "charging_controller": "charging_controller: ChargingController\n",
    "locations_controller": "locations_controller: LocationsController\n",
}
IMPORTS = "from shellev.controllers import ChargingController, LocationsController\n"


def snippets() -> List[Tuple[str, str]]:
    pages = [SDK / "README.md", *sorted((SDK / "docs").glob("*.md"))]
    found: List[Tuple[str, str]] = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 2
            found.append((f"{page.relative_to(SDK)}:{line}", match.group(1)))
    return found


def with_prelude(code: str) -> str:
    """The prelude's names, each declared (a declaration types the snippet's own assignment too)."""
    return IMPORTS + "".join(PRELUDE.values()) + code


def test_every_python_snippet_type_checks_under_mypy_strict(tmp_path: Path) -> None:
    found = snippets()
    assert len(found) > 15
    files: List[str] = []
    for n, (where, code) in enumerate(found):
        name = f"snippet_{n:02d}_{re.sub(r'[^a-z0-9]+', '_', where.lower())}.py"
        (tmp_path / name).write_text(f"# {where}\n{with_prelude(code)}", encoding="utf-8")
        files.append(name)
    env = {**os.environ, "MYPYPATH": str(SDK)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.9",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy"),
            *files,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, f"snippets failed to type-check:\n{result.stdout[-8000:]}{result.stderr[-2000:]}"


def test_the_snippets_cover_every_feature_of_the_readme() -> None:
    code = "\n".join(block for _, block in snippets())
    for used in (
        "with_raw_response",
        ".parse()",
        "Hooks(before_request=",
        'log_level="debug"',
        "for item in client.locations.get_ev_locations(",
        "async for item in",
        "has_next_page()",
        "client.config.client_credentials_auth_credentials.clone_with(",
        "except APIException as error:",
    ):
        assert used in code, used
