#!/bin/sh
# run-tests.sh - run the test suite in _build/ (configuring it first if
# build-aux/bootstrap.sh has not) and print one "N passed, N failed" line.
cd "$(dirname "$0")/.." || exit 1

if [ ! -f _build/config.status ]; then
  if [ ! -x configure ]; then
    ./autogen.sh >autogen.log 2>&1 || { cat autogen.log; exit 1; }
  fi
  mkdir -p _build
  (cd _build && ../configure) || exit 1
fi

rc=0
make -C _build -j2 check || rc=$?
if [ "$rc" -ne 0 ] && [ -f _build/test-suite.log ]; then
  echo "==== _build/test-suite.log"
  cat _build/test-suite.log
fi
sh build-aux/test-summary.sh _build
exit "$rc"
