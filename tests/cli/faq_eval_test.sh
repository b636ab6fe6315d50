#!/usr/bin/env bash
# End-to-end tests of faq-eval: the JSON report on the bundled judged sample,
# error lines and exit codes, and --compare of two reports.
# Usage: faq_eval_test.sh FAQ_EVAL FAQ_INDEX SAMPLE_DATA_DIR
set -u
FAQ_EVAL=$1 FAQ_INDEX=$2 SAMPLE=$3
source "$(dirname "$0")/harness.sh"

expect "json report" 0 "$FAQ_EVAL" "$SAMPLE" --json --per-query --reps 1
cp "$WORK/out" "$WORK/a.json"
check "valid JSON with sane metrics" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["queries_evaluated"] == 30 and d["queries_skipped_no_relevant"] == 0, d
for k in ("ndcg@10", "mrr@10", "recall@10", "recall@100", "zero_result_share"):
    assert 0 <= d[k] <= 1, (k, d[k])
assert d["ndcg@10"] > 0
lat = d["latency_us"]
assert 0 <= lat["p50"] <= lat["p95"] <= lat["p99"], lat
assert d["articles"] == 96 and d["index_bytes"] > 0 and d["build_seconds"] > 0 and d["articles_per_second"] > 0
assert d["now"] == "2026-11-01", d["now"]
pq = d["per_query"]
assert len(pq) == 30 and all(0 <= q["ndcg@10"] <= 1 for q in pq)
assert [q["ndcg@10"] for q in pq] == sorted(q["ndcg@10"] for q in pq), "per_query not worst first"
' "$WORK/a.json"

expect "trec run of the scored rankings" 0 "$FAQ_EVAL" "$SAMPLE" --reps 1 --limit-queries 3 --trec-out "$WORK/run.trec"
check "trec lines" python3 -c '
import collections, sys
rows = [l.split() for l in open(sys.argv[1])]
assert rows and all(len(r) == 6 and r[1] == "Q0" for r in rows), rows[:3]
ranks = collections.defaultdict(list)
for r in rows: ranks[r[0]].append(int(r[3]))
assert sorted(ranks) == ["sq01", "sq02", "sq03"], sorted(ranks)
assert all(v == list(range(1, len(v) + 1)) and len(v) <= 100 for v in ranks.values())
assert rows[0][0] == "sq01" and rows[0][2] == "lx-001", rows[0]
' "$WORK/run.trec"

expect "readable report" 0 "$FAQ_EVAL" "$SAMPLE" --reps 1 --limit-queries 5 --per-query
check "table rows" contains "$OUT" "nDCG@10"
check "counts the limited queries" contains "$OUT" "5 evaluated"
check "first relevant rank column" contains "$OUT" "sq01"

# An existing index: build figures are absent, metrics unchanged.
"$FAQ_INDEX" --db "$WORK/db" "$SAMPLE/articles.jsonl" >/dev/null
expect "existing index" 0 "$FAQ_EVAL" "$SAMPLE" --db "$WORK/db" --json --reps 1
check "no build figures, same nDCG" python3 -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.loads(sys.argv[2])
assert b["build_seconds"] is None and b["articles_per_second"] is None and b["db"], b
assert b["index_bytes"] > 0 and b["articles"] == 96, b
assert abs(a["ndcg@10"] - b["ndcg@10"]) < 1e-12, (a["ndcg@10"], b["ndcg@10"])
' "$WORK/a.json" "$OUT"

mkdir -p "$WORK/corpus"
cp "$SAMPLE/articles.jsonl" "$SAMPLE/queries.jsonl" "$SAMPLE/qrels.tsv" "$WORK/corpus/"

# A profile that changes the ranking, for --compare.
echo '{"title_weight": 0.5, "recency_weight": 1.0}' >"$WORK/profile.json"
expect "json report with profile" 0 "$FAQ_EVAL" "$SAMPLE" --json --per-query --reps 1 --profile "$WORK/profile.json"
cp "$WORK/out" "$WORK/b.json"

expect "compare" 0 "$FAQ_EVAL" --compare "$WORK/a.json" "$WORK/b.json"
check "compare lists metrics" contains "$OUT" "ndcg@10"
check "compare lists per-query changes" contains "$OUT" "nDCG@10 changed on"
expect "compare json" 0 "$FAQ_EVAL" --compare "$WORK/a.json" "$WORK/b.json" --json
check "compare deltas add up" python3 -c '
import json, sys
a, b = [json.load(open(p)) for p in sys.argv[1:3]]
c = json.loads(sys.argv[3])
m = c["metrics"]["ndcg@10"]
assert abs(m["a"] - a["ndcg@10"]) < 1e-12 and abs(m["delta"] - (b["ndcg@10"] - a["ndcg@10"])) < 1e-12, m
deltas = [q["delta"] for q in c["per_query_changes"]]
assert deltas == sorted(deltas) and all(d != 0 for d in deltas), deltas
' "$WORK/a.json" "$WORK/b.json" "$OUT"
expect "compare with itself" 0 "$FAQ_EVAL" --compare "$WORK/a.json" "$WORK/a.json"
check "no changes" contains "$OUT" "nDCG@10 changed on 0 of 30"

# Errors: one clear line, exit 1 for bad input, 2 for bad usage.
expect "missing corpus" 1 "$FAQ_EVAL" "$WORK/nope"
check "one line" [ "$(echo "$ERR" | wc -l)" = 1 ]
check "names the directory" contains "$ERR" "faq-eval: error: $WORK/nope"

rm "$WORK/corpus/qrels.tsv"
expect "missing qrels" 1 "$FAQ_EVAL" "$WORK/corpus"
check "names qrels.tsv" contains "$ERR" "qrels.tsv"

cp "$SAMPLE/qrels.tsv" "$WORK/corpus/"
printf 'sq01 0 lx-002\n' >>"$WORK/corpus/qrels.tsv"
expect "malformed qrels" 1 "$FAQ_EVAL" "$WORK/corpus"
check "qrels file:line: reason" contains "$ERR" "qrels.tsv:67: expected 4 fields"

cp "$SAMPLE/qrels.tsv" "$WORK/corpus/"
printf '{"qid": "extra"}\n' >>"$WORK/corpus/queries.jsonl"
expect "malformed query" 1 "$FAQ_EVAL" "$WORK/corpus"
check "queries file:line: reason" contains "$ERR" "queries.jsonl:31: field \"text\""

expect "compare missing file" 1 "$FAQ_EVAL" --compare "$WORK/a.json" "$WORK/absent.json"
check "names the report" contains "$ERR" "absent.json"
echo '{"x": 1}' >"$WORK/notreport.json"
expect "compare non-report" 1 "$FAQ_EVAL" --compare "$WORK/a.json" "$WORK/notreport.json"
check "says what is wrong" contains "$ERR" "not a faq-eval --json report"

expect "no corpus" 2 "$FAQ_EVAL"
check "usage error line" contains "$ERR" "faq-eval: error:"
expect "bad flag" 2 "$FAQ_EVAL" "$SAMPLE" --frobnicate
expect "bad --now" 2 "$FAQ_EVAL" "$SAMPLE" --now yesterday
expect "zero reps" 2 "$FAQ_EVAL" "$SAMPLE" --reps 0
expect "compare with a corpus" 2 "$FAQ_EVAL" "$SAMPLE" --compare "$WORK/a.json" "$WORK/b.json"

finish
