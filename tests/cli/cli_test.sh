#!/usr/bin/env bash
# End-to-end tests of faq-index and faq-query: exit codes, stdout and stderr.
# Usage: cli_test.sh FAQ_INDEX FAQ_QUERY TEST_DATA_DIR SAMPLE_DATA_DIR
set -u
FAQ_INDEX=$1 FAQ_QUERY=$2 DATA=$3 SAMPLE=$4
source "$(dirname "$0")/harness.sh"

DB="$WORK/db"
expect "index sample" 0 "$FAQ_INDEX" --db "$DB" "$SAMPLE/articles.jsonl"
check "summary line" contains "$OUT" "added 96, updated 0, deleted 0, skipped 0"

expect "readable query" 0 "$FAQ_QUERY" --db "$DB" find my user id
check "first hit is the UID article" contains "$(echo "$OUT" | sed -n 3p)" "How do I find my user ID (UID)?"
check "readable shows category, date, views, score" contains "$OUT" "account | updated"

expect "json query" 0 "$FAQ_QUERY" --db "$DB" --json --limit 2 wallet backup icloud
check "json has hits" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["hits"][0]["id"]=="lx-034" and len(d["hits"])==2 and d["hits"][0]["updated"]' "$OUT"

expect "filters" 0 "$FAQ_QUERY" --db "$DB" --json --lang ja --category deposits-withdrawals 出金
check "only ja deposits" python3 -c 'import json,sys; h=json.loads(sys.argv[1])["hits"]; assert h and all(x["lang"]=="ja" and x["category"]=="deposits-withdrawals" for x in h)' "$OUT"

PROFILES="$SAMPLE/../profiles"
for profile in "$PROFILES"/*.json; do
  expect "profile $(basename "$profile")" 0 "$FAQ_QUERY" --db "$DB" --profile "$profile" --json find my user id
  check "profile $(basename "$profile") finds the UID article" python3 -c 'import json,sys; assert json.loads(sys.argv[1])["hits"][0]["id"]=="lx-001"' "$OUT"
done
printf '{"title_weight": 2, "recency_half_life_days": 100}' > "$WORK/bad-profile.json"
expect "bad profile" 1 "$FAQ_QUERY" --db "$DB" --profile "$WORK/bad-profile.json" wallet
check "bad profile names the option" contains "$ERR" "recency_half_life_days"
expect "explain" 0 "$FAQ_QUERY" --db "$DB" --explain --now 2026-11-20 --json reset 2fa
check "explanation adds up" explanation_adds_up "$OUT"

expect "punctuation only" 0 "$FAQ_QUERY" --db "$DB" '?!...'
check "no results message" contains "$OUT" "No articles match"
expect "limit 0" 0 "$FAQ_QUERY" --db "$DB" --limit 0 wallet
check "limit 0 gives the count" contains "$OUT" "articles match \"wallet\""

printf '{"qid":"q1","text":"find my user id","lang":"en"}\n\n{"qid":"q2","text":"找不到我的UID","lang":"zh"}\n{"qid":"q3","text":"!!!","lang":"en"}\n' > "$WORK/q.jsonl"
expect "batch trec" 0 "$FAQ_QUERY" --db "$DB" --batch "$WORK/q.jsonl" --trec --run-tag mytag --limit 5 --latency-out "$WORK/lat.txt"
check "trec lines" python3 -c '
import sys
lines=[l.split() for l in sys.argv[1].splitlines()]
assert all(len(l)==6 and l[1]=="Q0" and l[5]=="mytag" for l in lines), lines
assert lines[0][0]=="q1" and lines[0][2]=="lx-001" and lines[0][3]=="1"
q2=[l for l in lines if l[0]=="q2"]; assert q2[0][2]=="zh-001" and len(q2)<=5
' "$OUT"
check "latency file has one line per query" python3 -c '
import sys
rows=[l.split() for l in open(sys.argv[1])]
assert [r[0] for r in rows]==["q1","q2","q3"] and all(int(r[1])>=0 for r in rows), rows
' "$WORK/lat.txt"

printf '{"qid":"q1","text":"ok"}\n{"qid":"q2"}\n' > "$WORK/badq.jsonl"
expect "bad batch line" 1 "$FAQ_QUERY" --db "$DB" --batch "$WORK/badq.jsonl" --trec
check "names file and line" contains "$ERR" "badq.jsonl:2: field \"text\""

expect "missing index" 1 "$FAQ_QUERY" --db "$WORK/nope" wallet
check "one clear line" [ "$(echo "$ERR" | wc -l)" = 1 ]
check "names the path" contains "$ERR" "$WORK/nope"

expect "bad flag" 2 "$FAQ_QUERY" --db "$DB" --frobnicate wallet
check "bad flag message" contains "$ERR" "faq-query: error:"
expect "no query" 2 "$FAQ_QUERY" --db "$DB"
expect "negative limit" 2 "$FAQ_QUERY" --db "$DB" --limit -3 wallet

expect "malformed input" 1 "$FAQ_INDEX" --db "$WORK/db2" "$DATA/malformed.jsonl"
check "file:line: reason" contains "$ERR" "malformed.jsonl:3: invalid JSON"
check "no index created" [ ! -e "$WORK/db2" ]

expect "skip invalid" 0 "$FAQ_INDEX" --db "$WORK/db3" --skip-invalid "$DATA/bad_values.jsonl"
check "skipped reported" contains "$ERR" "bad_values.jsonl:2: field \"views\""
check "summary counts" contains "$OUT" "added 2, updated 0, deleted 0, skipped 5"

expect "update and delete" 0 "$FAQ_INDEX" --db "$DB" "$DATA/clean.jsonl" --delete lx-001 no-such-id
check "delete summary" contains "$OUT" "added 5, updated 0, deleted 1"
check "missing id warned" contains "$ERR" "no-such-id"
expect "deleted is gone" 0 "$FAQ_QUERY" --db "$DB" --json find my user id
check "lx-001 gone" python3 -c 'import json,sys; assert all(h["id"]!="lx-001" for h in json.loads(sys.argv[1])["hits"])' "$OUT"

expect "missing input" 1 "$FAQ_INDEX" --db "$WORK/db4" "$WORK/absent.jsonl"
check "names the missing file" contains "$ERR" "absent.jsonl"
expect "index usage" 2 "$FAQ_INDEX" --db "$WORK/db5"

finish
