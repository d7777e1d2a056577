#!/usr/bin/env bash
# Installs the generated SDK's devDependencies, builds it, and runs its tests (if it has any).
#
# Usage: scripts/pipeline/build-sdk.sh [--link-root-deps] [DIR]
#
#   DIR               the generated package (default: generated/typescript under the repository
#                     root)
#   --link-root-deps  do not install: symlink each devDependency from the repository root's
#                     node_modules (typescript, @types/node, …) into DIR/node_modules. Fast and
#                     fully offline; used by the test suite. Same as SDKGEN_LINK_ROOT_DEPS=1.
#                     If the root lacks one of them, everything is installed as by default.
#                     The root's versions are used as they are (not checked against DIR's ranges).
#
# Default: `npm install --no-audit --no-fund --no-package-lock --prefer-offline` in DIR (the npm
# cache that the root's `npm ci` filled usually has every package, so this needs no network).
# No lockfile is written, so the committed generated/ folder is left unchanged (node_modules/
# and dist/ are git-ignored). Then `npm run build`, and `npm test` when package.json has a real
# test script.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
link=${SDKGEN_LINK_ROOT_DEPS:-0}
dir=
for arg in "$@"; do
  case "$arg" in
    --link-root-deps) link=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build-sdk.sh: unknown option $arg" >&2; exit 2 ;;
    *) [ -z "$dir" ] || { echo "build-sdk.sh: one DIR only" >&2; exit 2; }; dir=$arg ;;
  esac
done
dir=${dir:-$ROOT/generated/typescript}
[ -f "$dir/package.json" ] || { echo "build-sdk.sh: $dir/package.json not found (generate the SDK first)" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
cd "$dir"

log() { printf '[build-sdk] %s\n' "$*" >&2; }

# Prints one devDependency name per line.
dev_deps() {
  node -e 'const p = require(process.argv[1]); for (const n of Object.keys(p.devDependencies || {})) console.log(n);' "$dir/package.json"
}

missing=()
if [ "$link" = 1 ]; then
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    [ -f "$ROOT/node_modules/$name/package.json" ] || missing+=("$name")
  done < <(dev_deps)
  if [ ${#missing[@]} -gt 0 ]; then
    log "not in the root's node_modules: ${missing[*]}; installing every devDependency instead"
    link=0
  fi
fi

if [ "$link" = 1 ]; then
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    if [ -e "node_modules/$name" ] && [ ! -L "node_modules/$name" ]; then
      log "$name is already installed in node_modules"
      continue
    fi
    mkdir -p "node_modules/$(dirname "$name")"
    ln -sfn "$ROOT/node_modules/$name" "node_modules/$name"
    log "linked $name from the root's node_modules"
  done < <(dev_deps)
  # The linked packages' executables (tsc, …) for `npm run`.
  export PATH="$ROOT/node_modules/.bin:$PATH"
else
  log "npm install (devDependencies)"
  npm install --no-audit --no-fund --no-package-lock --prefer-offline --include=dev >&2
fi

log "npm run build"
npm run build >&2

has_tests=$(node -e '
  const t = (require(process.argv[1]).scripts || {}).test;
  console.log(t && !/no test specified/.test(t) ? 1 : 0);' "$dir/package.json")
if [ "$has_tests" = 1 ]; then
  log "npm test"
  npm test >&2
else
  log "no test script: skipping npm test"
fi
log "ok: built $dir"
