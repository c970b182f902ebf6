#!/usr/bin/env bash
# Scores `sitrep extract` on the development sets in ../shared/data/dev with ../shared/eval/score.mjs,
# exactly as the held-out sets are scored. Prints each scorer's summary line. Usage: npm run eval [-- SET…]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SITREP_SHARED:-../shared}
out=${SITREP_EVAL_OUT:-.cache/eval}
mkdir -p "$out"
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(acled-2020 case2021 lgl geovirus)
for set in "${sets[@]}"; do
  case "$set" in
    acled-*) mode=acled ;;
    case*) mode=case ;;
    *) mode=geo ;;
  esac
  start=$(date +%s%N)
  node bin/sitrep.js extract --input "$shared/data/dev/$set.input.jsonl" > "$out/$set.pred.jsonl"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-11s %6d ms  ' "$set" "$ms"
  node "$shared/eval/score.mjs" "$mode" "$shared/data/dev/$set.gold.jsonl" "$out/$set.pred.jsonl" | tail -n 1
done
