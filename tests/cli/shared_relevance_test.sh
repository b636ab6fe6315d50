#!/usr/bin/env bash
# Relevance guard on the judged corpora in ../shared/data (evaluation-only data,
# never copied into this repository). Runs faq-eval on each and fails if
# nDCG@10 falls below the floor recorded here (the measured value at the time,
# less a small margin; docs/relevance.md has the measurements).
# Exits 77 (ctest: skipped) with a message when the data is absent.
# Usage: shared_relevance_test.sh FAQ_EVAL SHARED_DATA_DIR
set -u
FAQ_EVAL=$1 DATA=$2
if [ ! -d "$DATA" ]; then
  echo "skipped: no judged corpora at $DATA"
  exit 77
fi
source "$(dirname "$0")/harness.sh"

declare -A floor=(
  [okx-seed]=0.98 [covid-faq-deepset-en]=0.70 [covidfaq-jhu]=0.79
  [bq-faq-zh]=0.228 [question-pair-ko]=0.70 [debian-faq-known-item]=0.94
)
ran=0
for corpus in "${!floor[@]}"; do
  dir="$DATA/$corpus"
  if [ ! -s "$dir/qrels.tsv" ]; then
    echo "skipping $corpus: not present"
    continue
  fi
  ran=$((ran + 1))
  expect "faq-eval $corpus" 0 "$FAQ_EVAL" "$dir" --json --reps 1 || continue
  check "$corpus nDCG@10 >= ${floor[$corpus]}" python3 -c '
import json, sys
report = json.loads(sys.argv[1])
print(sys.argv[2], "nDCG@10", round(report["ndcg@10"], 4), "floor", sys.argv[3])
assert report["ndcg@10"] >= float(sys.argv[3])
' "$OUT" "$corpus" "${floor[$corpus]}"
done
if [ "$ran" -eq 0 ]; then
  echo "skipped: none of the judged corpora is in $DATA"
  exit 77
fi
finish
