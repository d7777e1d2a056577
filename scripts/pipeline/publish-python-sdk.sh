#!/usr/bin/env bash
# Publishes the built Python SDK to PyPI, or rehearses it with --dry-run.
#
# Usage: scripts/pipeline/publish-python-sdk.sh DIST_DIR [--dry-run] [--repository-url URL]
#
#   DIST_DIR              the wheel and sdist built by build-python-sdk.sh (exactly one of each)
#   --dry-run             checks everything a publish checks (twine check --strict, the tag
#                         matches the version) and lists what would be uploaded; uploads nothing
#   --repository-url URL  another index (e.g. https://test.pypi.org/legacy/)
#
# On GitHub Actions the upload itself is done by PyPI trusted publishing (OIDC, no token): the
# workflow runs this script with --dry-run, then pypa/gh-action-pypi-publish. Run without
# --dry-run, the script uploads with twine, which needs TWINE_USERNAME/TWINE_PASSWORD (or a
# ~/.pypirc); it refuses when neither is set. For a tag push (GITHUB_REF=refs/tags/v1.2.3) the
# tag must be the package's version.
set -euo pipefail

dry_run=0
repository=
dist=
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --repository-url) [ $# -ge 2 ] || { echo "publish-python-sdk.sh: --repository-url needs a value" >&2; exit 2; }; repository=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "publish-python-sdk.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$dist" ] || { echo "publish-python-sdk.sh: one DIST_DIR only" >&2; exit 2; }; dist=$1 ;;
  esac
  shift
done
[ -n "$dist" ] && [ -d "$dist" ] || { echo "publish-python-sdk.sh: DIST_DIR (a folder with the wheel and sdist) is required" >&2; exit 2; }
log() { printf '[publish-python-sdk] %s\n' "$*" >&2; }

shopt -s nullglob
wheels=("$dist"/*.whl)
sdists=("$dist"/*.tar.gz)
[ ${#wheels[@]} -eq 1 ] && [ ${#sdists[@]} -eq 1 ] || { echo "publish-python-sdk.sh: $dist must hold exactly one wheel and one sdist" >&2; exit 2; }
wheel=${wheels[0]}
sdist=${sdists[0]}
# shellcheck disable=SC2001
version=$(basename "$sdist" .tar.gz | sed 's/^.*-//')

ref=${GITHUB_REF:-}
if [ "${ref#refs/tags/}" != "$ref" ]; then
  tag=${ref#refs/tags/}
  if [ "$tag" != "v$version" ]; then
    echo "publish-python-sdk.sh: tag $tag is not the package version v$version" >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
log "twine check --strict"
"$python" -m twine check --strict "$wheel" "$sdist" >&2
if [ "$dry_run" = 1 ]; then
  log "dry run: would upload $(basename "$wheel") and $(basename "$sdist")${repository:+ to $repository}"
  printf '%s\n%s\n' "$wheel" "$sdist"
  exit 0
fi
if [ -z "${TWINE_PASSWORD:-}" ] && [ ! -f "$HOME/.pypirc" ]; then
  echo "publish-python-sdk.sh: no credentials (TWINE_PASSWORD or ~/.pypirc); on GitHub Actions publish with trusted publishing (pypa/gh-action-pypi-publish)" >&2
  exit 1
fi
log "twine upload"
"$python" -m twine upload --non-interactive ${repository:+--repository-url "$repository"} "$wheel" "$sdist" >&2
