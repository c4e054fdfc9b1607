#!/bin/sh
# test-summary.sh - one closing "N passed, N failed" line for CI
#
# Usage: build-aux/test-summary.sh [BUILDDIR...]   (default: .)
#
# Adds up the test results of `make check` in every BUILDDIR: each test's
# last "N passed, N failed" line in its .log (the CUnit programs, the shell
# tests and the Python test all print one). A test without such a line
# counts as one test; a test whose harness result is FAIL or ERROR but whose
# own line said "0 failed" (a crash after the summary, a sanitizer or
# valgrind exit) counts one more failure; a SKIP counts nothing.
# Nested build trees (make distcheck's) are not counted.
[ $# -eq 0 ] && set -- .
passed=0 failed=0
for dir in "$@"; do
  [ -d "$dir" ] || { echo "test-summary: no such directory: $dir" >&2; failed=$((failed + 1)); continue; }
  trs_list=$(find "$dir" -mindepth 1 -type d -exec test -e '{}/config.status' ';' -prune \
               -o -name '*.trs' -print | sort)
  for trs in $trs_list; do
    log=${trs%.trs}.log
    res=$(sed -n 's/^:test-result: //p' "$trs" | head -n 1)
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" 2>/dev/null | tail -n 1)
    if [ -n "$line" ]; then
      p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
      f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
    else
      p=0 f=0
    fi
    case $res in
      PASS|XFAIL) [ -z "$line" ] && p=1 ;;
      SKIP) ;;
      *) [ "$f" -eq 0 ] && f=1 ;;
    esac
    passed=$((passed + p)) failed=$((failed + f))
  done
done
echo "$passed passed, $failed failed"
