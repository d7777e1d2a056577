#!/usr/bin/env bash
# Times this checkout's CLI against another checkout's (e.g. a `git worktree` of an older commit,
# built with `npm run build`), alternating runs into fresh output folders, and prints each side's
# wall times and median. Run both from the same shell so noise hits both alike.
#
#   scripts/bench/compare-builds.sh BASE_CHECKOUT [ts|both] [RUNS] [SPEC] [PACKAGE] [CLIENT]
#
# Defaults: both targets, 5 runs, the embedded Shell EV spec. `ts` generates the TypeScript SDK
# only; `both` generates the TypeScript and Python SDKs in one run (a config file with two targets).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
base="$(cd "${1:?usage: compare-builds.sh BASE_CHECKOUT [ts|both] [RUNS] [SPEC] [PACKAGE] [CLIENT]}" && pwd)"
mode="${2:-both}"
case "$mode" in ts | both) ;; *) echo "mode must be ts or both, not '$mode'" >&2; exit 2 ;; esac
runs="${3:-5}"
spec="$(realpath "${4:-$here/spec/shell-ev.yaml}")"
package="${5:-shellev}"
client="${6:-ShellevClient}"
for side in "$base" "$here"; do
  [ -f "$side/dist/generator/cli/main.js" ] || { echo "no build in $side (run npm run build there)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" # no sdkgen.config.yaml here
times_base=""
times_this=""
for run in $(seq 1 "$runs"); do
  for side in base this; do
    cli="$base/dist/generator/cli/main.js"
    [ "$side" = this ] && cli="$here/dist/generator/cli/main.js"
    out="$work/$side-$run"
    if [ "$mode" = ts ]; then
      args=(generate --target typescript -i "$spec" -o "$out" --package-name "$package" --client-name "$client" -q)
    else
      node -e 'const [spec, out, name, className] = process.argv.slice(1); process.stdout.write(JSON.stringify({ input: spec, targets: { typescript: { output: `${out}/ts` }, python: { output: `${out}/py` } }, package: { name }, client: { className } }))' \
        "$spec" "$out" "$package" "$client" > "$out.json"
      args=(generate --config "$out.json" -q)
    fi
    start=$(date +%s%N)
    node "$cli" "${args[@]}" > /dev/null
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$side" = base ]; then times_base+=" $elapsed"; else times_this+=" $elapsed"; fi
  done
done
for side in base this; do
  list="$times_base"
  [ "$side" = this ] && list="$times_this"
  sorted=$(tr ' ' '\n' <<< "$list" | grep . | sort -n | tr '\n' ' ')
  median=$(tr ' ' '\n' <<< "$sorted" | grep . | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  echo "$side ($mode, $runs runs): ${sorted}ms; median ${median} ms"
done
