#!/usr/bin/env bash
# remote_bench.sh: query latency through Xapian's stock remote backend.
#
# Indexes the bundled sample four times over (384 articles, ids made
# unique), as one index and as two shards, serves the whole index and the
# second shard with xapian-tcpsrv on 127.0.0.1, and times the sample's
# queries with faq-query --batch (--limit 10, --trec, a pinned --now) on:
#   local   the index on disk
#   remote  the index through xapian-tcpsrv
#   mixed   the first shard on disk and the second through xapian-tcpsrv
# for the default profile and for the text alone (no boosts). Each query's
# time is the median over ROUNDS runs; the table gives p50 and p90 over the
# queries, in milliseconds. A remote query's time is mostly round trips,
# each tens of microseconds on loopback and more on a real network.
#
# Usage: bench/remote_bench.sh FAQ_INDEX FAQ_QUERY SAMPLE_DIR [ROUNDS]
#   e.g. bench/remote_bench.sh build/faq-index build/faq-query examples/data 5
# With ROUNDS = 1 it is the smoke test ctest runs (bench.remote_smoke): it
# fails only if a step fails, never on a timing. Exit 77 (skipped) without
# xapian-tcpsrv (Debian package xapian-tools).
set -u
FAQ_INDEX=$1 FAQ_QUERY=$2 SAMPLE=$3 ROUNDS=${4:-5}
if ! command -v xapian-tcpsrv >/dev/null; then
  echo "SKIP: xapian-tcpsrv not found (Debian package xapian-tools)"
  exit 77
fi
WORK=$(mktemp -d)
SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "remote_bench: $*" >&2
  exit 1
}

python3 - "$SAMPLE/articles.jsonl" "$WORK" <<'PY' || fail "cannot copy the sample"
import json, sys
lines = []
for copy in range(4):
    for line in open(sys.argv[1], encoding="utf-8"):
        a = json.loads(line)
        a["id"] = "%s-%d" % (a["id"], copy)
        lines.append(json.dumps(a, ensure_ascii=False) + "\n")
half = len(lines) // 2
open(sys.argv[2] + "/all.jsonl", "w", encoding="utf-8").writelines(lines)
open(sys.argv[2] + "/first.jsonl", "w", encoding="utf-8").writelines(lines[:half])
open(sys.argv[2] + "/second.jsonl", "w", encoding="utf-8").writelines(lines[half:])
PY
for part in all first second; do
  "$FAQ_INDEX" --db "$WORK/$part" "$WORK/$part.jsonl" >/dev/null 2>"$WORK/index.err" ||
    fail "faq-index $part: $(cat "$WORK/index.err")"
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
serve() {  # PORT DB: in a session of its own (xapian-tcpsrv signals its process group on SIGTERM)
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$1" "$2" </dev/null >"$WORK/server-$1.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 50); do
    grep -q Listening "$WORK/server-$1.log" && return 0
    sleep 0.1
  done
  fail "xapian-tcpsrv on port $1 did not start: $(cat "$WORK/server-$1.log")"
}
PORT_ALL=$(free_port)
serve "$PORT_ALL" "$WORK/all"
PORT_SECOND=$(free_port)
serve "$PORT_SECOND" "$WORK/second"
echo "remote 127.0.0.1:$PORT_ALL" >"$WORK/remote.stub"
printf 'auto %s\nremote 127.0.0.1:%s\n' "$WORK/first" "$PORT_SECOND" >"$WORK/mixed.stub"

declare -A DBS=([local]="$WORK/all" [remote]="$WORK/remote.stub" [mixed]="$WORK/mixed.stub")
declare -A PROFILES=([default]="" [text]="--recency-weight 0 --popularity-weight 0")
for round in $(seq "$ROUNDS"); do
  for db in local remote mixed; do
    for profile in default text; do
      # shellcheck disable=SC2086 # the profile's flags are words
      "$FAQ_QUERY" --db "${DBS[$db]}" --batch "$SAMPLE/queries.jsonl" --trec --limit 10 --now 2026-11-20 \
        ${PROFILES[$profile]} --latency-out "$WORK/latency-$db-$profile-$round" >/dev/null 2>"$WORK/query.err" ||
        fail "faq-query on $db ($profile): $(cat "$WORK/query.err")"
    done
  done
done

python3 - "$WORK" "$ROUNDS" <<'PY' || fail "cannot read the timings"
import statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
print(f"faq-query --batch, {rounds} round(s); ms per query, median over rounds; p50 / p90 over queries")
print(f"{'database':9s} {'profile':8s} {'p50':>8s} {'p90':>8s}")
for db in ("local", "remote", "mixed"):
    for profile in ("default", "text"):
        per_query = {}
        for r in range(1, rounds + 1):
            for line in open(f"{work}/latency-{db}-{profile}-{r}"):
                qid, micros = line.split()
                per_query.setdefault(qid, []).append(float(micros))
        if not per_query:
            sys.exit(f"no timings for {db} ({profile})")
        times = sorted(statistics.median(t) for t in per_query.values())
        p50 = times[len(times) // 2]
        p90 = times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
        print(f"{db:9s} {profile:8s} {p50 / 1000:8.2f} {p90 / 1000:8.2f}")
PY
