#!/bin/sh
# check-symbols.sh - libpbscore.so must export exactly lib/pbscore.symbols
#
# Usage (make check sets top_srcdir, top_builddir and NM):
#   tests/check-symbols.sh             compare, print "N passed, N failed"
#   tests/check-symbols.sh --list LIB  print LIB's exported symbols, sorted
#                                      (used by `make update-symbols`)
#
# Only functions and data count (nm kinds T, D, B, R); the linker's own
# _init, _fini, __bss_start, _edata and _end are ignored. A symbol that is
# exported but not listed usually means a private function lost its
# `static` or a public one escaped review; a listed symbol that is missing
# means a declaration lost PBS_AVAILABLE_IN_* or -fvisibility broke.
NM=${NM:-nm}

list_symbols () {
  LC_ALL=C $NM -D --defined-only "$1" |
    awk '$2 ~ /^[TDBR]$/ && $3 !~ /^(_init|_fini|__bss_start|_edata|_end)$/ { print $3 }' |
    LC_ALL=C sort -u
}

if [ "${1:-}" = "--list" ]; then
  [ -f "${2:-}" ] || { echo "usage: $0 --list LIBRARY.so" >&2; exit 2; }
  list_symbols "$2"
  exit $?
fi

srcdir=${top_srcdir:-$(dirname "$0")/..}
builddir=${top_builddir:-.}
lib=$builddir/lib/.libs/libpbscore.so
expected=$srcdir/lib/pbscore.symbols

if [ ! -f "$lib" ]; then
  echo "check-symbols: $lib not built"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -f "$expected" ]; then
  echo "check-symbols: $expected missing"
  echo "0 passed, 1 failed"
  exit 1
fi

actual=$(mktemp "${TMPDIR:-/tmp}/pbs-symbols.XXXXXX") || exit 99
trap 'rm -f "$actual"' EXIT
list_symbols "$lib" >"$actual" || { echo "check-symbols: $NM failed"; echo "0 passed, 1 failed"; exit 1; }

n=$(wc -l <"$actual" | tr -d ' ')
passed=0 failed=0

# 1. what the library exports = the checked-in list
if LC_ALL=C sort -u "$expected" | diff -u - "$actual" >/dev/null; then
  echo "ok - libpbscore.so exports the $n symbols of lib/pbscore.symbols"
  passed=$((passed + 1))
else
  echo "not ok - the exported symbols differ from lib/pbscore.symbols"
  echo "('-' listed but not exported, '+' exported but not listed):"
  LC_ALL=C sort -u "$expected" | diff -u --label lib/pbscore.symbols --label libpbscore.so - "$actual"
  echo "If the change is intended, run 'make update-symbols' and commit lib/pbscore.symbols."
  failed=$((failed + 1))
fi

# 2. the checked-in list = what the public headers declare (PBS_AVAILABLE_IN_*
#    and the enum GTypes), so a declared but undefined function is caught too
PYTHON3=${PYTHON3:-python3}
if command -v "$PYTHON3" >/dev/null 2>&1; then
  declared=$(mktemp "${TMPDIR:-/tmp}/pbs-declared.XXXXXX") || exit 99
  trap 'rm -f "$actual" "$declared"' EXIT
  if "$PYTHON3" "$srcdir/build-aux/header-symbols.py" "$srcdir" | LC_ALL=C sort -u >"$declared" &&
     LC_ALL=C sort -u "$expected" | diff -u - "$declared" >/dev/null; then
    echo "ok - lib/pbscore.symbols lists exactly what include/pbscore/*.h declares"
    passed=$((passed + 1))
  else
    echo "not ok - lib/pbscore.symbols differs from the public headers' declarations"
    echo "('-' listed but not declared PBS_AVAILABLE_IN_*, '+' declared but not listed):"
    LC_ALL=C sort -u "$expected" | diff -u --label lib/pbscore.symbols --label include/pbscore - "$declared"
    failed=$((failed + 1))
  fi
else
  echo "skip - no $PYTHON3 to read the headers' declarations"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
