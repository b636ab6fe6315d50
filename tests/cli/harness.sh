# Shared by the CLI test scripts (sourced): a scratch directory and the
# expect/check helpers. The sourcing script ends with `finish`.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

# expect NAME WANT_EXIT COMMAND...: runs COMMAND, keeps its stdout/stderr in $OUT/$ERR.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, wanted $want"; echo "  stdout: $OUT"; echo "  stderr: $ERR"
    failures=$((failures + 1))
    return 1
  fi
  return 0
}
# check NAME CONDITION-COMMAND...
check() {
  local name=$1
  shift
  if ! "$@"; then
    echo "FAIL $name"; echo "  stdout: $OUT"; echo "  stderr: $ERR"
    failures=$((failures + 1))
  fi
}
contains() { [[ "$1" == *"$2"* ]]; }

# explanation_adds_up JSON: faq-query --json --explain output has hits, and
# each hit's parts sum to its final score, which is the hit's score.
explanation_adds_up() {
  python3 -c '
import json,sys
hits=json.loads(sys.argv[1])["hits"]
assert hits
for h in hits:
    e=h["explanation"]; parts=e["title_bm25"]+e["body_bm25"]+e["proximity_bonus"]+e["coordination_bonus"]+e["recency_boost"]+e["popularity_boost"]
    assert abs(parts-e["final_score"])<1e-9 and abs(e["final_score"]-h["score"])<1e-6*max(1,h["score"]), e
' "$1"
}

# A TCP port on 127.0.0.1 that is free now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Exits 1 if any check failed.
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
