#!/usr/bin/env bash
# Builds the generated Python SDK's wheel and sdist, checks them, and smoke-tests the wheel.
#
# Usage: scripts/pipeline/build-python-sdk.sh [DIR] [--out OUT]
#
#   DIR        the generated package (default: generated/python under the repository root)
#   --out OUT  where the wheel and sdist go (default: DIR/dist, git-ignored)
#
# Steps: `python -m build` (wheel + sdist), `twine check --strict` (metadata, README rendering),
# then the wheel is installed into a fresh venv (its dependencies from PyPI) and imported, and
# the archives are checked to hold the package, its py.typed, README, docs and examples, and
# nothing else (no tests, no caches, no dist/ of an earlier build).
#
# Python: $PYTHON when set, else python3. When it already has `build`, `hatchling` and `twine`
# (the repository's test venv has them) they are used as they are (`--no-isolation`); otherwise
# a temporary venv gets the pinned versions from PyPI. Prints the paths of the two archives.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
dir=
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "build-python-sdk.sh: --out needs a value" >&2; exit 2; }; out=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build-python-sdk.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$dir" ] || { echo "build-python-sdk.sh: one DIR only" >&2; exit 2; }; dir=$1 ;;
  esac
  shift
done
dir=${dir:-$ROOT/generated/python}
[ -f "$dir/pyproject.toml" ] || { echo "build-python-sdk.sh: $dir/pyproject.toml not found" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
out=${out:-$dir/dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)

log() { printf '[build-python-sdk] %s\n' "$*" >&2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python=${PYTHON:-python3}
if "$python" -c 'import build, hatchling, twine' 2>/dev/null; then
  isolation=--no-isolation
else
  log "installing build, hatchling and twine into a temporary venv"
  "$python" -m venv "$work/tools"
  "$work/tools/bin/python" -m pip install -q --disable-pip-version-check build==1.6.1 hatchling==1.33.0 twine==7.0.0 >&2
  python=$work/tools/bin/python
  isolation=--no-isolation
fi

# Build from a clean copy: an earlier dist/ or stray caches never end up in the archives.
mkdir -p "$work/src"
(cd "$dir" && tar --exclude=./dist --exclude='__pycache__' --exclude='.mypy_cache' --exclude='.ruff_cache' -cf - .) | tar -xf - -C "$work/src"
log "python -m build $isolation"
"$python" -m build "$isolation" --outdir "$out" "$work/src" >&2
name=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$dir/pyproject.toml" | head -n 1)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$dir/pyproject.toml" | head -n 1)
dist=$(printf '%s' "$name" | tr '.-' '__')
wheel=$(ls "$out"/"$dist"-"$version"-*.whl)
sdist=$(ls "$out"/"$dist"-"$version".tar.gz)
log "twine check --strict"
"$python" -m twine check --strict "$wheel" "$sdist" >&2

package=$(sed -n 's/^packages = \["\([^"]*\)".*$/\1/p' "$dir/pyproject.toml" | head -n 1)
log "checking the archives' contents"
"$python" - "$wheel" "$sdist" "$package" <<'PY'
import sys, tarfile, zipfile
wheel, sdist, package = sys.argv[1:4]
names = zipfile.ZipFile(wheel).namelist()
assert f"{package}/py.typed" in names, "the wheel has no py.typed"
assert f"{package}/_runtime/http_client.py" in names, "the wheel has no runtime"
bad = [n for n in names if not (n.startswith(f"{package}/") or ".dist-info/" in n) or "__pycache__" in n]
assert not bad, f"unexpected files in the wheel: {bad[:5]}"
members = [m.split("/", 1)[1] for m in tarfile.open(sdist).getnames() if "/" in m]
for wanted in ("README.md", "pyproject.toml", f"{package}/__init__.py", "docs", "examples"):
    assert any(m == wanted or m.startswith(wanted + "/") for m in members), f"the sdist has no {wanted}"
assert not any("dist/" in m or "__pycache__" in m or m.startswith("test") for m in members), "unexpected files in the sdist"
PY

log "installing the wheel into a fresh venv and importing it"
"${PYTHON_FOR_VENV:-python3}" -m venv "$work/smoke"
"$work/smoke/bin/python" -m pip install -q --disable-pip-version-check "$wheel" >&2
"$work/smoke/bin/python" -c "import importlib, sys; m = importlib.import_module(sys.argv[1]); print(m.__name__, m.__version__)" "$package" >&2

printf '%s\n%s\n' "$wheel" "$sdist"
