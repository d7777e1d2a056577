#!/usr/bin/env bash
# Regenerates the SDK from the OpenAPI spec, then verifies the output with `sdkgen check`.
#
# Usage: scripts/pipeline/regenerate.sh [--fail-if-stale] [SDKGEN_OPTIONS...]
#
#   --fail-if-stale   exit 1 when the output folder was not already what the spec produces (CI
#                     uses this: a spec or template change was committed without regenerating).
#                     The folder is still regenerated, so the stale files can be inspected.
#                     Same as SDKGEN_FAIL_IF_STALE=1.
#   SDKGEN_OPTIONS    passed to both `sdkgen generate` and `sdkgen check`, e.g.
#                     `-i spec/other.yaml -o /tmp/sdk --package-name x --client-name XClient`.
#                     Without them sdkgen reads ./sdkgen.config.yaml (spec/shell-ev.yaml →
#                     generated/typescript).
#
# Runs from the repository root (the folder two levels above this script). Builds sdkgen first
# (`npm run build`) when dist/ is missing or older than generator/ or tsconfig.json; root
# dependencies must be installed (`npm ci`).
# Exit codes: 0 ok; 1 stale output (with --fail-if-stale), invalid spec, or check failed;
# 2 usage error; anything else: sdkgen or the build failed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

fail_if_stale=${SDKGEN_FAIL_IF_STALE:-0}
args=()
for arg in "$@"; do
  case "$arg" in
    --fail-if-stale) fail_if_stale=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

log() { printf '[regenerate] %s\n' "$*" >&2; }

if [ ! -d node_modules ]; then
  log "node_modules/ is missing: run 'npm ci' in $ROOT first"
  exit 2
fi

cli=dist/generator/cli/main.js
if [ ! -f "$cli" ] || [ -n "$(find generator tsconfig.json -type f \( -name '*.ts' -o -name tsconfig.json \) -newer "$cli" -print 2>/dev/null | head -n 1)" ]; then
  log "building sdkgen (npm run build)"
  npm run --silent build >&2
fi

sdkgen() { node "$cli" "$@"; }

stale=0
if [ "$fail_if_stale" = 1 ]; then
  # Before regenerating: is the committed output already what the spec produces?
  if ! sdkgen check ${args[@]+"${args[@]}"} >&2; then
    stale=1
    log "the output folder is stale (see the files listed above); regenerating anyway"
  fi
fi

log "sdkgen generate ${args[*]+"${args[*]}"}"
sdkgen generate ${args[@]+"${args[@]}"} >&2
log "sdkgen check ${args[*]+"${args[*]}"}"
sdkgen check ${args[@]+"${args[@]}"} >&2

if [ "$stale" = 1 ]; then
  log "FAILED: the committed SDK was stale. Run scripts/pipeline/regenerate.sh (or 'npx sdkgen generate') and commit the result."
  exit 1
fi
log "ok: the SDK is up to date"
