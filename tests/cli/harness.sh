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

# Exits 1 if any check failed.
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
