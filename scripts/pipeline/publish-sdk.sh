#!/usr/bin/env bash
# Publishes the built SDK to the npm registry (or rehearses it with --dry-run).
#
# Usage: scripts/pipeline/publish-sdk.sh [DIR] [--dry-run] [--tag DIST_TAG]
#
#   DIR             the generated package, already built by build-sdk.sh (default:
#                   generated/typescript under the repository root)
#   --dry-run       `npm publish --dry-run`: runs the package's lifecycle scripts and lists the
#                   files that would be published; uploads nothing and needs no token
#   --tag DIST_TAG  npm dist-tag (default: latest; `next` for a prerelease version like 1.0.0-rc.1)
#
# A real publish (no --dry-run) is refused unless NODE_AUTH_TOKEN is set (actions/setup-node's
# `registry-url` writes an .npmrc that reads it). On GitHub Actions for a tag push it also adds
# `--provenance` (the job needs `permissions: id-token: write`) and refuses when the tag (v1.2.3)
# is not the package's version. SDKGEN_PROVENANCE=1 forces --provenance, SDKGEN_PROVENANCE=0
# turns it off.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
dry_run=0
dist_tag=
dir=
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --tag) [ $# -ge 2 ] || { echo "publish-sdk.sh: --tag needs a value" >&2; exit 2; }; dist_tag=$2; shift ;;
    --tag=*) dist_tag=${1#--tag=} ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "publish-sdk.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$dir" ] || { echo "publish-sdk.sh: one DIR only" >&2; exit 2; }; dir=$1 ;;
  esac
  shift
done
dir=${dir:-$ROOT/generated/typescript}
[ -f "$dir/package.json" ] || { echo "publish-sdk.sh: $dir/package.json not found" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
cd "$dir"

log() { printf '[publish-sdk] %s\n' "$*" >&2; }
pkg() { node -e 'console.log(require(process.argv[1])[process.argv[2]] ?? "")' "$dir/package.json" "$1"; }

name=$(pkg name)
version=$(pkg version)
if [ "$(pkg private)" = "true" ]; then
  echo "publish-sdk.sh: $name is marked \"private\": true; npm would refuse to publish it" >&2
  exit 1
fi
if [ ! -d dist ]; then
  echo "publish-sdk.sh: $dir/dist is missing: build first (scripts/pipeline/build-sdk.sh $dir)" >&2
  exit 1
fi

on_tag=0
if [ "${GITHUB_ACTIONS:-}" = true ] && [ "${GITHUB_REF_TYPE:-}" = tag ]; then on_tag=1; fi

if [ "$dry_run" = 0 ]; then
  if [ -z "${NODE_AUTH_TOKEN:-}" ]; then
    echo "publish-sdk.sh: refusing to publish $name@$version: NODE_AUTH_TOKEN is not set (use --dry-run to rehearse)" >&2
    exit 1
  fi
  if [ "$on_tag" = 1 ] && [ "${GITHUB_REF_NAME:-}" != "v$version" ]; then
    echo "publish-sdk.sh: refusing to publish: tag ${GITHUB_REF_NAME:-?} is not v$version (the version in $dir/package.json, from the spec's info.version or --package-version)" >&2
    exit 1
  fi
fi

args=(publish)
[ "$dry_run" = 0 ] || args+=(--dry-run)
provenance=${SDKGEN_PROVENANCE:-auto}
if [ "$provenance" = auto ]; then
  if [ "$on_tag" = 1 ] && [ "$dry_run" = 0 ]; then provenance=1; else provenance=0; fi
fi
[ "$provenance" = 0 ] || args+=(--provenance)
case "$name" in @*) args+=(--access public) ;; esac
if [ -z "$dist_tag" ]; then
  case "$version" in *-*) dist_tag=next ;; *) dist_tag=latest ;; esac
fi
args+=(--tag "$dist_tag")

log "npm ${args[*]}  ($name@$version from $dir)"
# `npm run --silent …` exports npm_config_loglevel=silent to its children, which would hide what a
# dry run is for (the file list) and a real publish's confirmation: npm's default level instead.
npm_config_loglevel=notice npm "${args[@]}"
