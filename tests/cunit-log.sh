#!/bin/sh
# cunit-log.sh - LOG_COMPILER that shows each test's counts on the console
#
# The automake parallel harness sends a test's output only to tests/NAME.log,
# so `make check` would show one PASS/FAIL line per program and no test
# counts. This wrapper runs the test unchanged (its whole output still lands
# in the .log) and, when fd 9 is open (Makefile.am: AM_TESTS_FD_REDIRECT =
# 9>&1), also copies to the console CUnit's "Run Summary" block and the
# "N passed, N failed" line that pbs_test_run() prints, or, for the shell
# and Python tests, their own "N passed, N failed" line.
#
# Usage: cunit-log.sh [INTERPRETER...] TEST
out=$(mktemp "${TMPDIR:-/tmp}/cunit-log.XXXXXX") || exit 99
"$@" >"$out" 2>&1
rc=$?
cat "$out"
for name; do :; done   # the test is the last argument
if { : >&9; } 2>/dev/null; then
  {
    echo "--- $(basename "$name") (exit $rc)"
    if grep -q '^Run Summary:' "$out"; then
      sed -n '/^Run Summary:/,$p' "$out"
    elif grep -q -E '^[0-9]+ passed, [0-9]+ failed' "$out"; then
      [ "$rc" -eq 0 ] || tail -n 20 "$out"
      grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1
    else
      # crashed or failed before printing its counts: show the end
      tail -n 20 "$out"
    fi
  } >&9
fi
rm -f "$out"
exit $rc
