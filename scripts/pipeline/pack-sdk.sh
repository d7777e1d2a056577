#!/usr/bin/env bash
# Packs the built SDK with `npm pack` and prints the tarball's absolute path (the only stdout).
#
# Usage: scripts/pipeline/pack-sdk.sh [DIR] [OUTDIR]
#
#   DIR     the generated package, already built by build-sdk.sh (default: generated/typescript
#           under the repository root)
#   OUTDIR  where the .tgz goes, created if missing (default: .tmp/pack under the repository
#           root, which git ignores; keep it outside DIR so a tarball never lands in the next pack)
#
# Example: tgz=$(scripts/pipeline/pack-sdk.sh generated/typescript "$RUNNER_TEMP/sdk")
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ $# -le 2 ] || { echo "pack-sdk.sh: too many arguments (see --help)" >&2; exit 2; }
dir=${1:-$ROOT/generated/typescript}
[ -f "$dir/package.json" ] || { echo "pack-sdk.sh: $dir/package.json not found" >&2; exit 2; }
dir=$(cd "$dir" && pwd)
out=${2:-$ROOT/.tmp/pack}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ ! -d "$dir/dist" ]; then
  echo "pack-sdk.sh: $dir/dist is missing: build first (scripts/pipeline/build-sdk.sh $dir)" >&2
  exit 1
fi

cd "$dir"
# --json gives the file name; npm's lifecycle output (prepack, …) goes to stderr.
json=$(npm pack --json --pack-destination "$out")
# shellcheck disable=SC2016 # a JS template literal, not a shell expansion
file=$(printf '%s' "$json" | node -e '
  let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    const start = s.indexOf("[");  // skip any script output npm printed before the JSON
    const info = JSON.parse(s.slice(start))[0];
    process.stderr.write(`[pack-sdk] ${info.id}: ${info.entryCount} files, ${info.size} bytes\n`);
    console.log(info.filename);
  });')
tgz="$out/$(basename "$file")"
[ -f "$tgz" ] || { echo "pack-sdk.sh: npm pack reported $file but $tgz does not exist" >&2; exit 1; }
printf '%s\n' "$tgz"
