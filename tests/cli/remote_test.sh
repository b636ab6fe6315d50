#!/usr/bin/env bash
# Ranking through Xapian's stock remote backend: the sample index served by
# xapian-tcpsrv, and the sample split into two shards (one served remotely,
# one local), searched through stub databases, must rank exactly as the
# single local index does, with the default profile and with heavy boosts
# at --limit 10 and 1 (the local index answers each from its own top k, the
# stubs through Xapian's matcher). Exit 77 (skipped) when xapian-tcpsrv is
# not installed.
# Usage: remote_test.sh FAQ_INDEX FAQ_QUERY SAMPLE_DATA_DIR
set -u
FAQ_INDEX=$1 FAQ_QUERY=$2 SAMPLE=$3
if ! command -v xapian-tcpsrv >/dev/null; then
  echo "SKIP: xapian-tcpsrv not found (Debian package xapian-tools)"
  exit 77
fi
source "$(dirname "$0")/harness.sh"

# The sample four times over (ids made unique): every score is an exact tie
# of four copies, which local, remote and shards must break alike (by docid;
# shards are compared score by score, as they number articles otherwise).
python3 -c '
import json, sys
for copy in range(4):
    for line in open(sys.argv[1], encoding="utf-8"):
        a = json.loads(line)
        a["id"] = "%s-%d" % (a["id"], copy)
        print(json.dumps(a, ensure_ascii=False))
' "$SAMPLE/articles.jsonl" >"$WORK/articles.jsonl"
DB="$WORK/db"
expect "index corpus" 0 "$FAQ_INDEX" --db "$DB" "$WORK/articles.jsonl"
head -n 192 "$WORK/articles.jsonl" >"$WORK/first.jsonl"
tail -n +193 "$WORK/articles.jsonl" >"$WORK/second.jsonl"
expect "index shard 1" 0 "$FAQ_INDEX" --db "$WORK/shard1" "$WORK/first.jsonl"
expect "index shard 2" 0 "$FAQ_INDEX" --db "$WORK/shard2" "$WORK/second.jsonl"

PORT=$(free_port)
# In a session of their own: on SIGTERM xapian-tcpsrv signals its whole
# process group, which would otherwise include this script and ctest.
PORT2=$(free_port)
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$PORT" "$DB" </dev/null >"$WORK/server.log" 2>&1 &
SERVER=$!
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$PORT2" "$WORK/shard2" </dev/null >"$WORK/server2.log" 2>&1 &
SERVER2=$!
trap 'kill $SERVER $SERVER2 2>/dev/null; wait $SERVER $SERVER2 2>/dev/null; rm -rf "$WORK"' EXIT
echo "remote 127.0.0.1:$PORT" >"$WORK/stub"
printf 'auto %s\nremote 127.0.0.1:%s\n' "$WORK/shard1" "$PORT2" >"$WORK/shards"
for _ in $(seq 50); do
  grep -q Listening "$WORK/server.log" && grep -q Listening "$WORK/server2.log" && break
  sleep 0.1
done

run_both() {  # NAME FLAGS...: the same batch locally and remotely; the runs must be identical
  local name=$1
  shift
  expect "$name local" 0 "$FAQ_QUERY" --db "$DB" --batch "$SAMPLE/queries.jsonl" --trec --now 2026-11-20 "$@"
  local local_run=$OUT
  expect "$name remote" 0 "$FAQ_QUERY" --db "$WORK/stub" --batch "$SAMPLE/queries.jsonl" --trec --now 2026-11-20 "$@"
  check "$name: remote ranks as local" [ "$OUT" == "$local_run" ]
  check "$name: run is not empty" [ "$(echo "$OUT" | wc -l)" -ge 30 ]
  expect "$name shards" 0 "$FAQ_QUERY" --db "$WORK/shards" --batch "$SAMPLE/queries.jsonl" --trec --now 2026-11-20 "$@"
  # Shards number articles differently, and Xapian breaks exact ties (the
  # copies) by document number: compare the scores rank by rank.
  check "$name: local + remote shards score as one index" \
    [ "$(echo "$OUT" | cut -d' ' -f1,4,5)" == "$(echo "$local_run" | cut -d' ' -f1,4,5)" ]
}
run_both "default profile"
run_both "heavy boosts" --recency-weight 3 --popularity-weight 3
run_both "heavy boosts, top 1" --recency-weight 3 --popularity-weight 3 --limit 1

expect "explain remote" 0 "$FAQ_QUERY" --db "$WORK/stub" --explain --now 2026-11-20 --json reset 2fa
check "remote explanation adds up" explanation_adds_up "$OUT"
finish
